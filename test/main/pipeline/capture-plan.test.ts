import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCapture } from '../../../src/main/pipeline/capture-plan';
import { DEFAULT_ROUNDS } from '../../../src/main/rounds/rounds';
import type { Channel } from '../../../src/shared/channel';

const channel = (id: string): Channel => ({ id, name: id, platform: 'web', url: `https://example.se/${id}`, unit: 'Kommunledning', owners: [], pageOwner: '', notes: '', active: true });

describe('planCapture, the one plan of a capture run for the app and the command line', () => {
  it('gives each channel the open round, and with none open the last round for a channel that still needs it', async () => {
    const archive = mkdtempSync(path.join(os.tmpdir(), 'plan-'));
    const inApril = await planCapture(archive, [channel('a'), channel('b')], DEFAULT_ROUNDS, { at: new Date('2026-04-15T10:00:00Z') });
    expect(inApril.channels.map((c) => inApril.run.roundOf?.(c))).toEqual(['2026 april', '2026 april']);
    expect(inApril.run.stillNeeded).toBeUndefined();
    const inMay = await planCapture(archive, [channel('a')], DEFAULT_ROUNDS, { at: new Date('2026-05-15T10:00:00Z'), due: true });
    expect(inMay.current.name).toBe('2026 april');
    expect(inMay.channels.map((c) => inMay.run.roundOf?.(c))).toEqual(['2026 april']);
    expect(await inMay.run.stillNeeded?.(channel('a'))).toBe(true);
  });
});
