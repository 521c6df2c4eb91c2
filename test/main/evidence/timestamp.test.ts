import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStamp, requestTimestamp } from '../../../src/main/evidence/timestamp';
import { makeTsaKeys, startLocalTsa, type LocalTsa } from '../../helpers/tsa';

let tsa: LocalTsa;
beforeAll(async () => {
  tsa = await startLocalTsa();
});
afterAll(() => tsa.close());

const data = Buffer.from('tagmanifest: 3 lines\n');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest();

describe('RFC 3161 timestamps', () => {
  it('asks a time-stamping authority to stamp a hash, and the independent openssl ts -verify accepts the answer', async () => {
    const tsr = await requestTimestamp(tsa.url, sha(data));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stamp-'));
    writeFileSync(path.join(dir, 'data'), data);
    writeFileSync(path.join(dir, 'stamp.tsr'), tsr);
    const out = execFileSync('openssl', ['ts', '-verify', '-data', path.join(dir, 'data'), '-in', path.join(dir, 'stamp.tsr'), '-CAfile', tsa.caFile], { stdio: 'pipe' }).toString();
    expect(out).toContain('Verification: OK');

    const check = await checkStamp(tsr, data, tsa.caPem);
    expect(check).toMatchObject({ imprintMatches: true, signatureValid: true, trusted: true, authority: expect.stringContaining('Testkommunens tidsstämpeltjänst') });
    expect(Math.abs(check.time.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('tells data other than what was stamped, and an authority whose root is not trusted', async () => {
    const tsr = await requestTimestamp(tsa.url, sha(data));
    expect(await checkStamp(tsr, Buffer.from('another manifest\n'), tsa.caPem)).toMatchObject({ imprintMatches: false, trusted: false });
    const other = makeTsaKeys('En annan tjänst');
    expect(await checkStamp(tsr, data, readFileSync(other.caFile, 'utf8'))).toMatchObject({ imprintMatches: true, signatureValid: true, trusted: false });
    expect(await checkStamp(tsr, data, '')).toMatchObject({ signatureValid: true, trusted: false, detail: expect.stringContaining('no trusted root') });
  });

  it('fails in words when the authority is down or answers something else', async () => {
    tsa.state.down = true;
    await expect(requestTimestamp(tsa.url, sha(data))).rejects.toThrow(/answered 503/);
    tsa.state.down = false;
    await expect(requestTimestamp('http://127.0.0.1:9/tsr', sha(data))).rejects.toThrow(/cannot be reached/);
  });
});
