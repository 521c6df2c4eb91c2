import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/api/handlers';
import { ROUNDS_ENV, roundsInForce } from '../../../src/main/pipeline/defaults';
import { MemoryStorage } from '../../../src/main/storage';
import { noShell } from '../../helpers/shell';

afterEach(() => {
  delete process.env[ROUNDS_ENV];
});

describe('the defaults both faces share', () => {
  it('takes the rounds from --rounds, else KANALARKIV_ROUNDS, else the archive, else April and September', () => {
    expect(roundsInForce(undefined, '').map((r) => r.label)).toEqual(['april', 'september']);
    expect(roundsInForce(undefined, 'mars:03-01..03-31').map((r) => r.label)).toEqual(['mars']);
    process.env[ROUNDS_ENV] = 'maj:05-01..05-31';
    expect(roundsInForce(undefined, 'mars:03-01..03-31').map((r) => r.label)).toEqual(['maj']);
    expect(roundsInForce('juni:06-01..06-30', 'mars:03-01..03-31').map((r) => r.label)).toEqual(['juni']);
    expect(() => roundsInForce('inte en omgång', '')).toThrow();
  });

  it('the app reads the scheduled task\'s rounds as the command line does (it used to take only the archive\'s)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'defaults-'));
    const app = createHandlers({ storage: new MemoryStorage(), defaultArchiveDir: path.join(dir, 'arkiv'), profilesRoot: path.join(dir, 'p'), publishCapture: () => undefined, showPdf: async () => undefined, ...noShell(), now: () => new Date('2026-05-10T10:00:00Z') });
    expect((await app.getRoundOverview()).open).toBe(false);
    process.env[ROUNDS_ENV] = 'maj:05-01..05-31';
    const overview = await app.getRoundOverview();
    expect(overview.open).toBe(true);
    expect(overview.round.name).toBe('2026 maj');
  });
});
