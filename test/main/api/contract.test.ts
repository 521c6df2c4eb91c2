import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/api/handlers';
import { CAPTURE_PROFILE } from '../../../src/main/capture/profile';
import { IPC_CHANNELS } from '../../../src/shared/ipc';
import { ROOT } from '../../helpers/cli';

describe('the UI–main contract', () => {
  it('has a handler for every IPC channel, and the preload forwards every one of them', () => {
    const handlers = createHandlers();
    const preload = readFileSync(path.join(ROOT, 'src', 'preload', 'index.ts'), 'utf8');
    for (const name of Object.keys(IPC_CHANNELS)) {
      expect(typeof handlers[name as keyof typeof handlers]).toBe('function');
      expect(preload).toContain(`IPC_CHANNELS.${name})`);
    }
  });

  it('tells the UI the capture profile every record states', async () => {
    const info = await createHandlers().getAppInfo();
    expect(info.captureProfile).toEqual({ version: CAPTURE_PROFILE.version, viewport: CAPTURE_PROFILE.viewport, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', method: 'scroll-and-stitch' });
    expect(info.version).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});
