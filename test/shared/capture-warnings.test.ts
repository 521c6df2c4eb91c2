import { describe, expect, it } from 'vitest';
import { CAPTURE_WARNING_CODES, CAPTURE_WARNING_MESSAGES, captureWarning, warningText } from '../../src/shared/capture-warnings';
import { warningsOf } from '../../src/shared/snapshot';

describe('capture warnings', () => {
  it('have a Swedish and an English text for every code, with the same slots', () => {
    for (const code of CAPTURE_WARNING_CODES.filter((c) => c !== 'legacy')) {
      const slots = (language: 'sv' | 'en') => JSON.stringify(CAPTURE_WARNING_MESSAGES[language][code]).match(/\{\{\w+/g)?.sort();
      expect(slots('sv'), code).toEqual(slots('en'));
    }
  });

  it('are written in Swedish for the record, with numbers as Swedes write them and one or more frames', () => {
    expect(captureWarning('cut_height', { px: 250_000 }).text).toBe('Sidan är högre än 250\u00a0000 px; ögonblicksbilden slutar där.');
    expect(captureWarning('frames_unloaded', { count: 1, urls: 'https://a.example/' }).text).toMatch(/^En inbäddad ram \(https:\/\/a\.example\/\) hade inte laddats/);
    expect(captureWarning('frames_unloaded', { count: 3, urls: 'a, b, c' }).text).toMatch(/^3 inbäddade ramar \(a, b, c\)/);
    expect(warningText(captureWarning('cut_height', { px: 250_000 }), 'en')).toBe('The page is taller than 250,000 px; the snapshot ends there.');
  });

  it('of a record made before warnings had codes are read as their text', () => {
    const old = { warnings: ['The feed did not reach back to the previous snapshot.'], warningCodes: [] };
    const [warning] = warningsOf(old);
    expect(warning).toEqual({ code: 'legacy', values: {}, text: 'The feed did not reach back to the previous snapshot.' });
    expect(warningText(warning!, 'sv')).toBe('The feed did not reach back to the previous snapshot.');
  });
});
