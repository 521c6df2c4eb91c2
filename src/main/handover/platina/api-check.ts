import { PLATINA_REFERENCE_LISTS, type PlatinaCheck, type PlatinaReferenceList, type PlatinaReferences, type PlatinaSettings, type PlatinaUnknownValue } from '../../../shared/handover';
import type { PlatinaClient } from './client';
import { compareWithOpenApi, openApiCandidates } from './openapi';
import { missingValues } from './values';

/** Every reference list of the diary, to choose the values by name; a list the API does not answer is null. */
export async function readReferences(client: PlatinaClient, diaryId: string): Promise<PlatinaReferences> {
  const read = await Promise.all(PLATINA_REFERENCE_LISTS.map((list) => client.references(list, diaryId).catch(() => null)));
  return Object.fromEntries(PLATINA_REFERENCE_LISTS.map((list, i) => [list, read[i]])) as PlatinaReferences;
}

/** The customer's OpenAPI document: at the address in the settings, or the first of Swashbuckle's usual places that has one. */
export async function findOpenApi(settings: PlatinaSettings, client: PlatinaClient): Promise<{ url: string | null; doc: Record<string, unknown> | null; tried: string[] }> {
  const candidates = settings.openApiUrl ? [settings.openApiUrl] : openApiCandidates(settings.baseUrl);
  for (const [i, url] of candidates.entries()) {
    const doc = await client.openApi(url);
    if (doc) return { url, doc, tried: candidates.slice(0, i + 1) };
  }
  return { url: null, doc: null, tried: candidates };
}

/** The calls a delivery needs that the customer's document lacks or describes otherwise. */
export function blockingCalls(calls: PlatinaCheck['calls']): PlatinaCheck['calls'] {
  return calls.filter((call) => call.required && (!call.found || call.fields.some((f) => f.problem !== null)));
}

/** Each chosen value and the list it must be in. */
function chosen(settings: PlatinaSettings): Array<[string, PlatinaReferenceList, string]> {
  const values: Array<[string, PlatinaReferenceList, string]> = [
    ['statusId', 'caseStatuses', settings.statusId],
    ['origin', 'origins', settings.origin ? String(settings.origin.id ?? '') : ''],
    ['caseTypeId', 'caseTypes', settings.caseTypeId],
    ['businessCodeId', 'businessCodes', settings.businessCodeId],
    ['pulLevel', 'pulLevels', settings.pulLevel],
    ['secrecyLevel', 'secrecyLevels', settings.secrecyLevel],
    ...settings.confidentialParagraphIds.map((id): [string, PlatinaReferenceList, string] => ['confidentialParagraphIds', 'confidentialParagraphs', id]),
    ['deedTypeId', 'deedTypes', settings.deedTypeId],
    ['deedStatusId', 'deedStatuses', settings.deedStatusId],
    ['deedPulLevel', 'pulLevels', settings.deedPulLevel],
    ['deedSecrecyLevel', 'secrecyLevels', settings.deedSecrecyLevel],
    ['commentPulLevel', 'pulLevels', settings.commentPulLevel],
  ];
  return values.filter(([, , id]) => id !== '');
}

/**
 * Checks the connection before the first delivery: the sign-in works, the diary is there, the
 * customer's own OpenAPI document has every call and field Kanalarkiv uses, and every value chosen
 * in the settings is still in its reference list.
 */
export async function checkPlatina(settings: PlatinaSettings, client: PlatinaClient, user: PlatinaCheck['user'], now: () => Date = () => new Date()): Promise<PlatinaCheck> {
  const diaries = await client.diaries();
  const diary = diaries.find((d) => d.id === settings.diaryId) ?? null;
  const { url: openApi, doc, tried } = await findOpenApi(settings, client);
  const calls = doc ? compareWithOpenApi(doc, settings.caseMode) : [];
  const references = diary ? await readReferences(client, diary.id) : null;
  const unknownValues: PlatinaUnknownValue[] = references
    ? chosen(settings).filter(([, list, id]) => references[list] !== null && !references[list]!.some((r) => r.id === id)).map(([setting, , id]) => ({ setting, id }))
    : [];
  const missing = missingValues(settings);
  return {
    at: now().toISOString(),
    baseUrl: settings.baseUrl,
    user,
    diary,
    openApi,
    tried,
    calls,
    missingValues: missing,
    unknownValues,
    ready: diary !== null && blockingCalls(calls).length === 0 && missing.length === 0 && unknownValues.length === 0,
  };
}
