import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkPlatina } from '../../../src/main/handover/platina/api-check';
import { caseBody, PlatinaClient, type NewCase } from '../../../src/main/handover/platina/client';
import { signIn } from '../../../src/main/handover/platina/oauth';
import { openApiCandidates } from '../../../src/main/handover/platina/openapi';
import { missingValues, platinaValues } from '../../../src/main/handover/platina/values';
import type { HandoverError } from '../../../src/main/handover/errors';
import { errorSentence } from '../../../src/shared/errors';
import { checkReport } from '../../../src/main/cli/platina-command';
import { resolveOrigin } from '../../../src/main/cli/platina-options';
import { messagesIn } from '../../../src/main/messages';
import type { PlatinaSettings } from '../../../src/shared/handover';
import { standInOpenApi } from '../../fixtures/platina/openapi';
import { startPlatinaServer, type PlatinaServer } from '../../fixtures/platina/server';

let platina: PlatinaServer;
let token: string;

const settings = (overrides: Partial<PlatinaSettings> = {}): PlatinaSettings => ({
  baseUrl: platina.apiUrl, authority: platina.authority, clientId: platina.clientId, scope: platina.scope, redirectHost: 'localhost', redirectPath: '', openApiUrl: '', tokenHeader: '',
  diaryId: '1', caseMode: 'per-round', caseId: '',
  statusId: '3', origin: { id: '2', name: 'Upprättad' }, caseTypeId: '7', businessCodeId: '2.1', pulLevel: '0', secrecyLevel: '0', confidentialParagraphIds: [],
  deedTypeId: '5', deedStatusId: '8', deedPulLevel: '0', deedSecrecyLevel: '0', commentPulLevel: '', ...overrides,
});
const client = (base = platina.apiUrl) => new PlatinaClient(base, async () => token);
const user = { name: 'Rut Registrator', email: 'rut.registrator@umea.se' };
const check = (overrides: Partial<PlatinaSettings> = {}) => checkPlatina(settings(overrides), client(), user);

const documented: NewCase = {
  title: 'Ögonblicksbilder av sociala medier 2026 april', description: 'Samlingsärende.', registrationDate: '2026-04-14T08:00:00.000Z',
  statusId: '3', origin: { id: '2', name: 'Upprättad' }, caseTypeId: '7', businessCodeId: '2.1', pulLevel: 0, secrecyLevel: 0, confidentialParagraphIds: [],
};
async function postCase(body: Record<string, unknown>, base = platina.apiUrl): Promise<{ status: number; errors: string[] }> {
  const response = await fetch(`${base}/diaries/1/journalized-cases`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json()) as { errors?: string[] };
  return { status: response.status, errors: answer.errors ?? [] };
}

beforeAll(async () => {
  platina = await startPlatinaServer();
  token = (await signIn(settings(), (url) => platina.approve(url))).accessToken;
});
afterAll(() => platina?.close());
beforeEach(() => {
  platina.openApi = standInOpenApi();
  platina.businessCodes = true;
});

describe('the stand-in rejects what platinadocs says Platina rejects', () => {
  it('takes the documented case body, under both documented base paths', async () => {
    expect((await postCase(caseBody(documented))).status).toBe(201);
    expect((await postCase(caseBody(documented), platina.apiUrl.replace(/v8\.0$/, 'v8'))).status).toBe(201);
  });

  it.each([
    ['origin', (b: Record<string, unknown>) => delete b.origin],
    ['statusId', (b: Record<string, unknown>) => (b.statusId = null)],
    ['caseTypeId', (b: Record<string, unknown>) => (b.caseTypeId = null)],
    ['businessCodeId', (b: Record<string, unknown>) => (b.businessCodeId = null)],
    ['confidentialParagraphs', (b: Record<string, unknown>) => Object.assign(b, { secrecyLevel: 1, confidentialParagraphs: null })],
    ['title', (b: Record<string, unknown>) => (b.title = '')],
    ['title', (b: Record<string, unknown>) => (b.title = 'å'.repeat(201))],
    ['description', (b: Record<string, unknown>) => (b.description = 'x'.repeat(4_001))],
    ['pulLevel', (b: Record<string, unknown>) => (b.pulLevel = '0')],
  ])('rejects a case without a valid %s', async (field, spoil) => {
    const body = caseBody(documented);
    spoil(body);
    expect(await postCase(body)).toEqual({ status: 400, errors: [field] });
  });

  it('takes a case without a business code when the diary does not use them, and secrecy 1 with a paragraph', async () => {
    platina.businessCodes = false;
    expect((await postCase(caseBody({ ...documented, businessCodeId: '' }))).status).toBe(201);
    expect((await postCase(caseBody({ ...documented, secrecyLevel: 1, confidentialParagraphIds: ['21:7'] }))).status).toBe(201);
  });

  it('sends the token in the header a proxy in front of Platina leaves alone, when told to (ProxyAuthHeader)', async () => {
    platina.proxyAuthHeader = 'x-platina-auth';
    try {
      await expect(client().diaries()).rejects.toThrow(/did not accept the sign-in/);
      expect(await new PlatinaClient(platina.apiUrl, async () => token, 'x-platina-auth').diaries()).toHaveLength(2);
    } finally {
      platina.proxyAuthHeader = null;
    }
  });

  it('accepts a sign-in redirect only as registered: localhost on any port, or the host and path IT registered', async () => {
    await expect(signIn(settings({ redirectHost: '127.0.0.1' }), (url) => platina.approve(url))).rejects.toThrow(/AADSTS50011/);
    platina.redirects = ['http://127.0.0.1/kanalarkiv'];
    try {
      const tokens = await signIn(settings({ redirectHost: '127.0.0.1', redirectPath: '/kanalarkiv' }), (url) => {
        expect(new URL(url).searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kanalarkiv$/);
        return platina.approve(url);
      });
      expect(tokens.accessToken).toBeTruthy();
    } finally {
      platina.redirects = ['http://localhost'];
    }
  });
});

describe('checking the connection against the customer\'s OpenAPI document', () => {
  it('finds the document where Swashbuckle serves it and every call and field in it', async () => {
    const result = await check();
    expect(result.diary).toEqual({ id: '1', name: 'Kommunstyrelsen' });
    expect(result.openApi).toBe(`${platina.url}/swagger/v8.0/swagger.json`);
    expect(result.calls.map((c) => [c.id, c.found])).toEqual(expect.arrayContaining([['createCase', true], ['createDeed', true], ['uploadFile', true]]));
    expect(result.calls.flatMap((c) => c.fields.filter((f) => f.problem !== null))).toEqual([]);
    expect(result).toMatchObject({ missingValues: [], unknownValues: [], ready: true });
    expect(checkReport(result, messagesIn('sv'))).toContain('Klart: överlämningen till Platina kan börja.');
  });

  it('names a deed path the customer\'s API does not have, and is not ready', async () => {
    const doc = standInOpenApi();
    doc.paths['/api/v8.0/journalized-cases/{caseId}/handlingar'] = doc.paths['/api/v8.0/journalized-cases/{id}/deeds']!;
    delete doc.paths['/api/v8.0/journalized-cases/{id}/deeds'];
    platina.openApi = doc;
    const result = await check();
    expect(result.calls.filter((c) => !c.found).map((c) => c.id)).toEqual(['deeds', 'createDeed']);
    expect(result.ready).toBe(false);
    const report = checkReport(result, messagesIn('sv'));
    expect(report).toContain('✗ POST journalized-cases/{id}/deeds: skapa en handling. Saknas i kundens API, och behövs för överlämningen.');
    expect(report).toContain('Inte klart');
  });

  it('names a field called otherwise, a field of another type and a required field Kanalarkiv does not send', async () => {
    const doc = standInOpenApi();
    const request = doc.components.schemas.CreateJournalizedCaseRequest!;
    request.properties.caseStatusId = request.properties.statusId!;
    delete request.properties.statusId;
    request.required = [...request.required!.filter((f) => f !== 'statusId'), 'caseStatusId', 'externalReference'];
    request.properties.externalReference = { type: 'string' };
    doc.components.schemas.CreateDeedRequest!.properties.pulLevel = { type: 'string' };
    platina.openApi = doc;
    const result = await check();
    const problems = result.calls.flatMap((c) => c.fields.filter((f) => f.problem !== null).map((f) => [c.id, f.name, f.problem, f.found]));
    expect(problems).toEqual([
      ['createCase', 'statusId', 'missing', null],
      ['createCase', 'caseStatusId', 'unsent', 'string'],
      ['createCase', 'externalReference', 'unsent', 'string'],
      ['createDeed', 'pulLevel', 'type', 'string'],
    ]);
    expect(result.ready).toBe(false);
    const report = checkReport(result, messagesIn('sv'));
    expect(report).toContain('fältet ”statusId” saknas i kundens API.');
    expect(report).toContain('kundens API kräver fältet ”externalReference”, som Kanalarkiv inte skickar.');
    expect(report).toContain('fältet ”pulLevel” är string i kundens API; Kanalarkiv använder integer.');
  });

  it('takes ids as integers where the customer\'s API has them so', async () => {
    const doc = standInOpenApi();
    doc.components.schemas.CreateJournalizedCaseRequest!.properties.statusId = { type: 'integer', format: 'int32' };
    platina.openApi = doc;
    expect((await check()).ready).toBe(true);
  });

  it('says when no document is found, where it looked, and that the calls are unchecked', async () => {
    platina.openApi = null;
    const result = await check();
    expect(result.openApi).toBeNull();
    expect(result.tried).toContain(`${platina.url}/swagger/v8.0/swagger.json`);
    expect(result.calls).toEqual([]);
    expect(checkReport(result, messagesIn('sv'))).toContain('Ingen API-beskrivning (OpenAPI/Swagger) hittades');
    expect(checkReport(result, messagesIn('sv'))).toContain('inte kontrollerade mot kundens API');
  });

  it('names values not chosen, and chosen ids no longer in Platina\'s lists', async () => {
    const result = await check({ statusId: '', deedPulLevel: '', caseTypeId: '99' });
    expect(result.missingValues).toEqual(['statusId', 'deedPulLevel']);
    expect(result.unknownValues).toEqual([{ setting: 'caseTypeId', id: '99' }]);
    expect(result.ready).toBe(false);
    const report = checkReport(result, messagesIn('sv'));
    expect(report).toContain('Inte valda än: Ärendets status, Handlingens PUL-nivå.');
    expect(report).toContain('Ärendetyp: id 99 finns inte i Platinas lista längre.');
  });

  it('names a diary the account does not reach', async () => {
    const result = await check({ diaryId: '9' });
    expect(result.diary).toBeNull();
    expect(result.ready).toBe(false);
  });

  it('names the values not chosen in Swedish, as the settings do, when a delivery cannot start', () => {
    let error: unknown;
    try {
      platinaValues(settings({ statusId: '', deedPulLevel: '' }));
    } catch (caught) {
      error = caught;
    }
    const { code, params } = error as HandoverError;
    const t = messagesIn('sv');
    expect(errorSentence((keys, values) => t(keys, values), code, params)).toBe('Några värden för nya ärenden och handlingar i Platina är inte valda (Ärendets status, Handlingens PUL-nivå). Välj dem under ”Inställningar för överlämning”; ”Kontrollera anslutningen” visar vilka.');
  });

  it('needs no case values to file in an existing case, and asks for paragraphs with secrecy 1–2', () => {
    expect(missingValues(settings({ caseMode: 'existing', caseId: '12', statusId: '', origin: null, caseTypeId: '', pulLevel: '', secrecyLevel: '' }))).toEqual([]);
    expect(missingValues(settings({ secrecyLevel: '2' }))).toEqual(['confidentialParagraphIds']);
  });

  it('takes an origin given by id on the command line as the object Platina\'s list has, and names the ones there are when it is not', async () => {
    const t = messagesIn('sv');
    expect((await resolveOrigin(settings({ origin: { id: '1' } }), client(), t)).origin).toEqual({ id: '1', name: 'Inkommen' });
    await expect(resolveOrigin(settings({ origin: { id: '9' } }), client(), t)).rejects.toThrow('Ursprunget 9 finns inte i Platinas lista. De som finns: 1 (Inkommen), 2 (Upprättad).');
  });

  it('looks for the document beside the API\'s base and at the server\'s root', () => {
    expect(openApiCandidates('https://platina.kommun.se/platina/api/v8.0/').slice(0, 4)).toEqual([
      'https://platina.kommun.se/platina/swagger/v8.0/swagger.json',
      'https://platina.kommun.se/platina/swagger/v8/swagger.json',
      'https://platina.kommun.se/platina/swagger/v1/swagger.json',
      'https://platina.kommun.se/platina/swagger.json',
    ]);
    // The document keeps its name whichever spelling of the version the base uses.
    expect(openApiCandidates('https://platina.kommun.se/api/v8').slice(0, 2)).toEqual(['https://platina.kommun.se/swagger/v8/swagger.json', 'https://platina.kommun.se/swagger/v8.0/swagger.json']);
  });
});
