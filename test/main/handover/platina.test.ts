import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handOver } from '../../../src/main/handover/deliver';
import { loadItem } from '../../../src/main/handover/items';
import { deedDescription, marker, platinaAdapter } from '../../../src/main/handover/platina/adapter';
import { PlatinaClient } from '../../../src/main/handover/platina/client';
import { PlatinaSession } from '../../../src/main/handover/platina/session';
import { HandoverLog } from '../../../src/main/handover/log';
import { SecretStore } from '../../../src/main/secrets';
import { MemoryStorage } from '../../../src/main/storage';
import type { PlatinaSettings } from '../../../src/shared/handover';
import { standInOpenApi } from '../../fixtures/platina/openapi';
import { startPlatinaServer, type PlatinaServer } from '../../fixtures/platina/server';
import { previewPlatina } from '../../../src/main/handover/platina/preview';
import { makeArchive, type TestArchive } from '../../helpers/archive';
import { startFixtureSite } from '../../fixtures/site/server';
import { readCatalogue } from '../../../src/main/archive/catalogue';
import { runCapture } from '../../../src/main/pipeline/run';
import type { SnapshotRef } from '../../../src/shared/archive';
import type { Channel } from '../../../src/shared/channel';
import { testCipher } from '../../helpers/shell';

let archive: TestArchive;
let platina: PlatinaServer;
let storage: MemoryStorage;
let session: PlatinaSession;
let clock = Date.now();

const settings = (overrides: Partial<PlatinaSettings> = {}): PlatinaSettings => ({
  baseUrl: platina.apiUrl, authority: platina.authority, clientId: platina.clientId, scope: platina.scope, redirectHost: 'localhost', redirectPath: '', openApiUrl: '', tokenHeader: '',
  diaryId: '1', caseMode: 'per-round', caseId: '',
  statusId: '3', origin: { id: '2', name: 'Upprättad' }, caseTypeId: '7', businessCodeId: '2.1', pulLevel: '0', secrecyLevel: '0', confidentialParagraphIds: [],
  deedTypeId: '5', deedStatusId: '8', deedPulLevel: '0', deedSecrecyLevel: '0', commentPulLevel: '2', ...overrides,
});
const adapter = (overrides: Partial<PlatinaSettings> = {}) => platinaAdapter(settings(overrides), new PlatinaClient(platina.apiUrl, () => session.accessToken()));
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  archive = await makeArchive('handover-platina');
  platina = await startPlatinaServer();
  storage = new MemoryStorage();
  const secrets = new SecretStore(storage, testCipher);
  session = new PlatinaSession(() => settings(), { load: () => JSON.parse(secrets.get('platina-tokens') ?? 'null'), save: (t) => void secrets.set('platina-tokens', t && JSON.stringify(t)) }, () => clock);
}, 180_000);
afterAll(() => platina?.close());

describe('Platina sign-in', () => {
  it('refuses to hand over before signing in, and says how', async () => {
    const result = await handOver({ archiveDir: archive.dir, adapter: adapter({ diaryId: '9' }), refs: archive.refs.slice(0, 1), by: 'Rut' });
    expect(result.items[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/not signed in to Platina/) });
  });

  it('rejects a token without the email claim Platina requires', async () => {
    platina.email = null;
    await expect(session.signIn((url) => platina.approve(url))).rejects.toThrow(/no email claim/);
    platina.email = 'rut.registrator@umea.se';
    expect(session.status().signedIn).toBe(false);
  });

  it('signs in through the browser with PKCE and keeps the tokens only encrypted', async () => {
    const status = await session.signIn((url) => platina.approve(url));
    expect(status).toEqual({ signedIn: true, name: 'Rut Registrator', email: 'rut.registrator@umea.se' });
    const stored = JSON.stringify(storage.get('secrets'));
    const token = JSON.parse(new SecretStore(storage, testCipher).get('platina-tokens')!).accessToken as string;
    expect(token.split('.')).toHaveLength(3);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('refresh');
    // Without the cipher (another machine or account) the secret is gone, not readable.
    expect(new SecretStore(storage, null).get('platina-tokens')).toBeNull();
  });
});

describe('handover to Platina through the Standard API', () => {
  it('files each snapshot as a deed with its PDF in one collection case for the round, using the documented calls', async () => {
    const result = await handOver({ archiveDir: archive.dir, adapter: adapter(), refs: archive.refs, by: 'Rut' });
    expect(result.items.map((i) => i.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(platina.cases).toHaveLength(1);
    expect(platina.cases[0]).toMatchObject({
      diaryId: '1', title: 'Ögonblicksbilder av sociala medier 2026 april',
      body: { caseTypeId: '7', statusId: '3', origin: { id: '2', name: 'Upprättad' }, businessCodeId: '2.1', pulLevel: 0, secrecyLevel: 0, confidentialParagraphs: null, diaryNumber: null, initiators: [] },
    });
    expect(platina.deeds).toHaveLength(3);
    for (const item of result.items) {
      const deed = platina.deeds.find((d) => d.title === item.title)!;
      expect(deed.caseId).toBe(platina.cases[0]!.id);
      expect(deed.description).toContain(`SHA-256: ${item.sha256}`);
      expect(deed.body).toMatchObject({ deedTypeId: '5', statusId: '8', businessCodeId: '2.1', pulLevel: 0, secrecyLevel: 0 });
      expect(deed.files).toHaveLength(1);
      expect(deed.files[0]!.fileName).toMatch(/^Ögonblicksbild .*\.pdf$/);
      expect(sha256(deed.files[0]!.content)).toBe(item.sha256);
      expect(item.remoteId).toBe(`KS 2026/100 / ${deed.id}`);
    }
    expect(platina.calls.every((c) => c.email === 'rut.registrator@umea.se')).toBe(true);
    const { entries } = await new HandoverLog(archive.dir).read();
    expect(entries.find((e) => e.event === 'case-created')).toMatchObject({ round: '2026 april', remoteId: `${platina.cases[0]!.id} KS 2026/100` });
  });

  it('never files twice: a re-run makes no new case, deed or file', async () => {
    const posts = platina.calls.filter((c) => c.method === 'POST').length;
    const again = await handOver({ archiveDir: archive.dir, adapter: adapter(), refs: archive.refs, by: 'Rut' });
    expect(again.items.map((i) => i.status)).toEqual(['already-delivered', 'already-delivered', 'already-delivered']);
    expect(platina.calls.filter((c) => c.method === 'POST')).toHaveLength(posts);
  });

  it('resumes an interrupted delivery without duplicates: a deed made before the connection broke is found again', async () => {
    // Diary 2: the first deed is created, then the connection drops before Platina answers.
    platina.faults.push({ match: /^POST \/journalized-cases\/\w+\/deeds$/, mode: 'drop' });
    const first = await handOver({ archiveDir: archive.dir, adapter: adapter({ diaryId: '2' }), refs: archive.refs, by: 'Rut' });
    expect(first.items[0]!.status).toBe('failed');
    expect(first.items[0]!.error).toMatch(/Cannot reach Platina/);
    expect(first.items.slice(1).map((i) => i.status)).toEqual(['failed', 'failed']);
    const caseId = platina.cases.find((c) => c.diaryId === '2')!.id;
    expect(platina.deeds.filter((d) => d.caseId === caseId)).toHaveLength(1);

    // A file upload that fails once leaves its deed without a file; the next run adds just the file.
    platina.faults.push({ match: /^POST \/deeds\/\w+\/files$/, mode: 'fail' });
    const second = await handOver({ archiveDir: archive.dir, adapter: adapter({ diaryId: '2' }), refs: archive.refs, by: 'Rut' });
    expect(second.items.map((i) => i.status)).toEqual(['failed', 'delivered', 'delivered']);
    expect(second.items[0]!.error).toMatch(/503/);
    const third = await handOver({ archiveDir: archive.dir, adapter: adapter({ diaryId: '2' }), refs: archive.refs, by: 'Rut' });
    expect(third.items.map((i) => i.status)).toEqual(['delivered', 'already-delivered', 'already-delivered']);

    expect(platina.cases.filter((c) => c.diaryId === '2')).toHaveLength(1);
    const deeds = platina.deeds.filter((d) => d.caseId === caseId);
    expect(deeds).toHaveLength(3);
    expect(deeds.map((d) => d.files.length)).toEqual([1, 1, 1]);
  });

  it('files in an existing case when told to, finding a deed already there, and refreshes an expired sign-in by itself', async () => {
    const existing = platina.cases[0]!;
    clock += 2 * 3_600_000;
    platina.expireTokens();
    const before = platina.calls.length;
    const result = await handOver({ archiveDir: archive.dir, adapter: adapter({ caseMode: 'existing', caseId: existing.id }), refs: archive.refs.slice(0, 1), by: 'Rut' });
    expect(result.items[0]!.status).toBe('delivered');
    expect(platina.calls.slice(before).every((c) => c.email === 'rut.registrator@umea.se')).toBe(true);
    // The snapshot already has its deed in that case (from the round's delivery): it is not filed twice.
    const deeds = platina.deeds.filter((d) => d.caseId === existing.id);
    expect(deeds).toHaveLength(3);
    expect(result.items[0]!.remoteId).toBe(`${existing.id} / ${deeds.find((d) => d.title === result.items[0]!.title)!.id}`);
    expect(platina.calls.slice(before).filter((c) => c.method === 'POST')).toEqual([]);
    expect(() => platinaAdapter(settings({ caseMode: 'existing', caseId: '' }), new PlatinaClient('', async () => ''))).toThrow(/existing case/);
  });
});

describe('what is checked before anything is sent', () => {
  it('starts no delivery while the customer\'s API lacks a call it needs, and sends nothing', async () => {
    const doc = standInOpenApi();
    delete doc.paths['/api/v8.0/deeds/{id}/files'];
    platina.openApi = doc;
    const before = platina.calls.length;
    try {
      const result = await handOver({ archiveDir: archive.dir, adapter: adapter({ baseUrl: platina.apiUrl.replace(/v8\.0$/, 'v8') }), refs: archive.refs.slice(0, 1), by: 'Rut' });
      expect(result.items[0]).toMatchObject({ status: 'failed', errorCode: 'rejected', errorParams: { what: 'platina_api', calls: 'GET deeds/{id}/files, POST deeds/{id}/files' } });
    } finally {
      platina.openApi = standInOpenApi();
    }
    expect(platina.calls.slice(before).filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('refuses to start without the values Platina requires, naming them', () => {
    expect(() => adapter({ statusId: '', origin: null, deedStatusId: '' })).toThrow(/statusId, origin, deedStatusId/);
  });

  it('lists, in a dry run, the case and deeds it would create with their fields, and sends and writes nothing', async () => {
    const calls = platina.calls.length;
    const log = await new HandoverLog(archive.dir).read();
    const preview = await previewPlatina(archive.dir, settings({ diaryId: '2' }), archive.refs, () => new Date('2026-05-01T08:00:00Z'));
    // Diary 2 has its round's case from the resumed delivery above: it is reused, not made again.
    expect(preview.cases).toEqual([{ round: '2026 april', existing: expect.stringMatching(/^KS 2026\//), body: null }]);
    expect(preview.deeds).toHaveLength(3);
    expect(preview.deeds[0]!.body).toMatchObject({ deedTypeId: '5', statusId: '8', pulLevel: 0, secrecyLevel: 0, documentDate: expect.any(String), registrationDate: '2026-05-01T08:00:00.000Z' });
    expect(preview.deeds[0]!.file.name).toMatch(/^Ögonblicksbild .*\.pdf$/);
    const fresh = await previewPlatina(archive.dir, settings(), archive.refs.slice(0, 1));
    expect(fresh.cases[0]!.existing).toBe('KS 2026/100');
    const other = await previewPlatina(archive.dir, settings({ baseUrl: platina.apiUrl.replace(/v8\.0$/, 'v8') }), archive.refs.slice(0, 1));
    expect(other.cases[0]!.body).toMatchObject({ title: 'Ögonblicksbilder av sociala medier 2026 april', statusId: '3', origin: { id: '2', name: 'Upprättad' }, caseTypeId: '7', pulLevel: 0, secrecyLevel: 0 });
    expect(platina.calls.length).toBe(calls);
    expect((await new HandoverLog(archive.dir).read()).entries).toEqual(log.entries);
  });
});

describe('saved comments in Platina', () => {
  it('files a comment as a deed with the personal-data level set, in a case of the year\'s removed comments, marked for secrecy review', async () => {
    const site = await startFixtureSite();
    let ref: SnapshotRef;
    try {
      const channel: Channel = { id: 'kultur-fb', name: 'Kultur på Facebook', platform: 'facebook', url: site.url('/comment/facebook/kulturumea'), unit: 'Kulturförvaltningen', owners: ['Anna Berg', 'Olof Lind'], pageOwner: '', notes: '', active: true };
      const [saved] = await runCapture({
        channels: [channel], archiveDir: archive.dir, reason: 'Sekretessbelagd information', organisation: 'Umeå kommun', timeoutMs: 60_000, concurrency: 1, profilesRoot: null,
        comment: { url: site.url('/comment/facebook/kulturumea/posts/42?comment_id=444'), selector: null, reason: { code: 'sekretess', label: 'Sekretessbelagd information' }, note: 'Namnger en elev', savedBy: 'Sara Ek' },
      });
      expect(saved!.status, JSON.stringify(saved!.error)).toBe('ok');
      ref = (await readCatalogue(archive.dir)).snapshots.find((s) => s.kind === 'comment')!.ref;
    } finally {
      await site.close();
    }
    const result = await handOver({ archiveDir: archive.dir, adapter: adapter(), refs: [ref], by: 'Rut' });
    expect(result.items.map((i) => i.status)).toEqual(['delivered']);
    const filed = platina.cases.find((c) => c.title.startsWith('Borttagna kommentarer'))!;
    expect(filed.title).toBe(`Borttagna kommentarer i sociala medier ${new Date().getFullYear()}`);
    const deed = platina.deeds.find((d) => d.caseId === filed.id)!;
    expect(deed.title).toMatch(/^Kommentar sparad före borttagning Facebook Kultur på Facebook /);
    expect(deed.body).toMatchObject({ pulLevel: 2, secrecyLevel: 0 });
    expect(deed.description).toContain('Kommentar av Sara Ek på Kultur på Facebook');
    expect(deed.description).toContain('Innehåller personuppgifter om en privatperson.');
    expect(deed.description).toContain('Pröva sekretess innan handlingen lämnas ut.');
    // A snapshot's deed says nothing of personal data.
    expect(platina.deeds.find((d) => d.title.startsWith('Ögonblicksbild'))!.body).toMatchObject({ pulLevel: 0 });
  });
});

describe('the deed that ties a record to its snapshot', () => {
  it('keeps its marker within Platina\'s 4,000 characters, whatever the channel is called', async () => {
    const item = await loadItem(archive.dir, archive.refs[0]!);
    const long = { ...item, metadata: { ...item.metadata, channel: { ...item.metadata.channel, name: 'Kultur '.repeat(900), url: `https://www.facebook.com/${'x'.repeat(3_000)}` } } };
    const description = deedDescription(long);
    expect([...description].length).toBeLessThanOrEqual(4_000);
    expect(description).toContain(marker(long));
    expect(marker(long)).toBe(`Kanalarkiv-id: ${item.metadata.snapshotId}`);
  });
});
