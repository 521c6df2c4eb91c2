import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/api/handlers';
import { MemoryStorage } from '../../../src/main/storage';
import type { CaptureJobState } from '../../../src/shared/capture';
import { startFixtureSite, type FixtureSite } from '../../fixtures/site/server';
import { noShell } from '../../helpers/shell';

let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(() => site?.close());

describe('logging out of a platform', () => {
  it('deletes the saved login, but not while a capture runs, which may be using it', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-logins-'));
    const profiles = path.join(work, 'profiles');
    mkdirSync(path.join(profiles, 'instagram'), { recursive: true });
    let finished!: (state: CaptureJobState) => void;
    const done = new Promise<CaptureJobState>((resolve) => (finished = resolve));
    const api = createHandlers({ storage: new MemoryStorage(), defaultArchiveDir: path.join(work, 'arkiv'), profilesRoot: profiles, publishCapture: (s) => void (s.finishedAt && finished(s)), showPdf: async () => undefined, ...noShell() });
    expect((await api.getLoginStatus()).instagram.loggedIn).toBe(true);
    await api.saveChannel({ id: 'langsam', name: 'Långsam', url: site.url('/hang'), unit: 'U', owners: ['A', 'B'] });
    const job = await api.startCapture({ channelIds: ['langsam'], reason: 'Test' });

    await expect(api.logOut('instagram')).rejects.toMatchObject({ code: 'in_progress', params: { what: 'logout' } });
    expect(existsSync(path.join(profiles, 'instagram'))).toBe(true);
    // The capture screen finds the run again while it goes, and after it, until its results are dismissed.
    expect((await api.getCurrentCapture())?.jobId).toBe(job.jobId);
    await api.cancelCapture(job.jobId);
    const end = await done;
    expect(end.channels[0]!.result?.error?.code).toBe('cancelled');
    expect(end.percent).toBeLessThan(100);
    expect((await api.getCurrentCapture())?.jobId).toBe(job.jobId);
    await api.dismissCapture(job.jobId);
    expect(await api.getCurrentCapture()).toBeNull();

    expect((await api.logOut('instagram')).instagram.loggedIn).toBe(false);
    expect(existsSync(path.join(profiles, 'instagram'))).toBe(false);
  }, 60_000);
});
