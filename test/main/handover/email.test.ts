import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handOver } from '../../../src/main/handover/deliver';
import { emailAdapter } from '../../../src/main/handover/email';
import { loadItem } from '../../../src/main/handover/items';
import type { EmailSettings } from '../../../src/shared/handover';
import { makeArchive, type TestArchive } from '../../helpers/archive';

interface Received {
  mail: ParsedMail;
  secure: boolean;
  user: string | undefined;
  envelopeTo: string[];
}

/** A real SMTP server on 127.0.0.1 that offers STARTTLS with a certificate of our own CA, and wants a login. */
async function startSmtp(options: { withoutStartTls?: boolean } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'smtp-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    key: readFileSync(path.join(dir, 'key.pem')),
    cert: readFileSync(path.join(dir, 'cert.pem')),
    disabledCommands: options.withoutStartTls ? ['STARTTLS'] : [],
    authOptional: false,
    allowInsecureAuth: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'registrator' && auth.password === 'hemligt') callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ mail, secure: session.secure, user: session.user as string | undefined, envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, ca: readFileSync(path.join(dir, 'cert.pem'), 'utf8'), close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let archive: TestArchive;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  archive = await makeArchive('handover-email');
  smtp = await startSmtp();
}, 180_000);
afterAll(() => smtp?.close());

const settings = (overrides: Partial<EmailSettings> = {}): EmailSettings => ({ mode: 'smtp', host: 'localhost', port: smtp.port, user: 'registrator', from: 'kommunikation@umea.se', to: 'registrator@umea.se', emlDir: '', caFile: '', ...overrides });
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('handover to Platina by e-mail', () => {
  it('sends one message per record over STARTTLS, record attached, metadata in subject and body; never twice', async () => {
    const adapter = () => emailAdapter(settings(), 'Umeå kommun', { password: 'hemligt', ca: smtp.ca });
    const result = await handOver({ archiveDir: archive.dir, adapter: adapter(), refs: archive.refs, by: 'Rut' });
    expect(result.items.map((i) => i.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(smtp.received).toHaveLength(3);
    for (const { mail, secure, user, envelopeTo } of smtp.received) {
      expect(secure).toBe(true);
      expect(user).toBe('registrator');
      expect(envelopeTo).toEqual(['registrator@umea.se']);
      const item = result.items.find((i) => mail.headers.get('x-kanalarkiv-snapshot') === archive.snapshotIds[archive.refs.indexOf(i.ref)])!;
      expect(mail.subject).toBe(`${item.title} – ${item.title.includes('Skolan') ? 'Utbildning' : 'Kulturförvaltningen'}`);
      expect(mail.messageId).toBe(item.remoteId);
      expect(mail.text).toContain(`SHA-256: ${item.sha256}`);
      expect(mail.text).toContain('Omgång: 2026 april');
      expect(mail.text).toContain('Organisation: Umeå kommun');
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]!.contentType).toBe('application/pdf');
      expect(sha256(mail.attachments[0]!.content)).toBe(item.sha256);
    }
    const again = await handOver({ archiveDir: archive.dir, adapter: adapter(), refs: archive.refs, by: 'Rut' });
    expect(again.items.map((i) => i.status)).toEqual(['already-delivered', 'already-delivered', 'already-delivered']);
    expect(smtp.received).toHaveLength(3);
  });

  it('refuses to send without STARTTLS, and says so', async () => {
    const plain = await startSmtp({ withoutStartTls: true });
    try {
      const result = await handOver({ archiveDir: archive.dir, adapter: emailAdapter(settings({ port: plain.port }), 'Umeå kommun', { password: 'hemligt', ca: plain.ca }), refs: archive.refs.slice(0, 1), by: 'Rut' });
      expect(result.items[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/does not offer STARTTLS.*never sent unencrypted/) });
      expect(plain.received).toHaveLength(0);
    } finally {
      await plain.close();
    }
  });

  it('explains a wrong password and an unknown certificate', async () => {
    const wrong = await handOver({ archiveDir: archive.dir, adapter: emailAdapter(settings({ to: 'annan@umea.se' }), 'Umeå kommun', { password: 'fel', ca: smtp.ca }), refs: archive.refs.slice(0, 1), by: 'Rut' });
    expect(wrong.items[0]!.error).toMatch(/did not accept the user name or password for registrator/);
    const untrusted = await handOver({ archiveDir: archive.dir, adapter: emailAdapter(settings({ to: 'annan@umea.se' }), 'Umeå kommun', { password: 'hemligt' }), refs: archive.refs.slice(0, 1), by: 'Rut' });
    expect(untrusted.items[0]!.error).toMatch(/certificate is not trusted/);
    expect(smtp.received.filter((r) => r.envelopeTo.includes('annan@umea.se'))).toHaveLength(0);
  });

  it('does not send a record too large for mail systems, and says where to hand it over instead', async () => {
    const item = { ...(await loadItem(archive.dir, archive.refs[0]!)), bytes: 30 * 1024 * 1024 };
    const failures: string[] = [];
    const context = { archiveDir: os.tmpdir(), earlier: [], interrupted: new Map(), started: async () => undefined, delivered: async () => undefined, failed: async (_: unknown, error: unknown) => void failures.push((error as Error).message), note: async () => undefined };
    const before = smtp.received.length;
    await emailAdapter(settings({ to: 'stor@umea.se' }), 'Umeå kommun', { password: 'hemligt', ca: smtp.ca }).deliver([item], context);
    expect(failures).toEqual([expect.stringMatching(/30\.0 MB, too large to send by e-mail.*Platina's API or upload folder/)]);
    expect(smtp.received.length).toBe(before);
  });

  it('writes .eml files to drop into the mailbox instead, when there is no mail server to use', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'eml-'));
    const result = await handOver({ archiveDir: archive.dir, adapter: emailAdapter(settings({ mode: 'eml', host: '', emlDir: dir }), 'Umeå kommun'), refs: archive.refs, by: 'Rut' });
    expect(result.items.map((i) => i.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(readdirSync(dir).sort()).toEqual(result.items.map((i) => i.remoteId).sort());
    for (const item of result.items) {
      const mail = await simpleParser(readFileSync(path.join(dir, item.remoteId)));
      expect(mail.to).toMatchObject({ text: 'registrator@umea.se' });
      expect(mail.subject).toContain(item.title);
      expect(sha256(mail.attachments[0]!.content)).toBe(item.sha256);
    }
    expect(() => emailAdapter(settings({ to: '' }), '')).toThrow(/No registrar mailbox is set/);
  });
});
