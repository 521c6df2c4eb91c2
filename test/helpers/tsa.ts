import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A time-stamping authority of the test's own (RFC 3161), made with `openssl ts`: a CA and a TSA
 * certificate (extendedKeyUsage critical,timeStamping) made by openssl here, its replies served over
 * HTTP on 127.0.0.1. `delayMs` makes it slow, `down` makes it refuse.
 */
export interface LocalTsa {
  url: string;
  /** The CA's certificate (PEM): the root a trust setting names. */
  caFile: string;
  caPem: string;
  dir: string;
  state: { delayMs: number; down: boolean; requests: number };
  close(): Promise<void>;
}

const CONFIG = `[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ ca_ext ]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ tsa_ext ]
basicConstraints = critical,CA:false
extendedKeyUsage = critical,timeStamping
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = ./serial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

/** Makes a CA and a TSA signed by it in a folder of its own, named `name` (a second one is another authority). */
export function makeTsaKeys(name = 'Testkommunens tidsstämpeltjänst'): { dir: string; caFile: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tsa-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  writeFileSync(path.join(dir, 'tsa.cnf'), CONFIG);
  writeFileSync(path.join(dir, 'serial'), '01\n');
  run('req', '-utf8', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3650', '-subj', `/CN=${name} rot`, '-config', 'tsa.cnf', '-extensions', 'ca_ext');
  run('req', '-utf8', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', `/CN=${name}/O=Test`, '-config', 'tsa.cnf');
  run('x509', '-req', '-in', 'tsa.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'tsa.crt', '-days', '3650', '-extfile', 'tsa.cnf', '-extensions', 'tsa_ext');
  return { dir, caFile: path.join(dir, 'ca.crt') };
}

export async function startLocalTsa(keys = makeTsaKeys()): Promise<LocalTsa> {
  const { dir, caFile } = keys;
  const state = { delayMs: 0, down: false, requests: 0 };
  let n = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      state.requests++;
      setTimeout(() => {
        if (state.down) {
          response.writeHead(503).end();
          return;
        }
        const query = path.join(dir, `q${++n}.tsq`);
        const reply = path.join(dir, `r${n}.tsr`);
        writeFileSync(query, Buffer.concat(chunks));
        try {
          execFileSync('openssl', ['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', query, '-inkey', 'tsa.key', '-signer', 'tsa.crt', '-out', reply], { cwd: dir, stdio: 'pipe' });
          response.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(readFileSync(reply));
        } catch {
          response.writeHead(400).end();
        }
      }, state.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsr`,
    caFile,
    caPem: readFileSync(caFile, 'utf8'),
    dir,
    state,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
