import { z } from 'zod';
import type { PlatinaReference, PlatinaReferenceList } from '../../../shared/handover';
import { HandoverError } from '../errors';
import { API_LIMITS, fetchLimited, HttpLimitError, UPLOAD_LIMITS, type HttpLimits, type LimitedResponse } from '../../http';

/**
 * The calls Kanalarkiv makes to Platina's Standard API (REST, v8). docs/platina.md lists which of
 * them are confirmed by Formpipe's public documentation and which are assumptions to check against
 * the customer's Swagger (/swagger) before going live.
 */
const diaries = z.object({ items: z.array(z.object({ id: z.coerce.string(), name: z.string() })) });
/** Assumed: a reference list answers as the diaries do, { items: [{ id, name, … }] }. */
const references = z.object({ items: z.array(z.object({ id: z.coerce.string(), name: z.coerce.string() }).passthrough()) });
const created = z.object({ id: z.coerce.string() }).passthrough();
const deeds = z.object({ items: z.array(z.object({ id: z.coerce.string(), title: z.string().optional(), description: z.string().nullable().optional() }).passthrough()) });
const files = z.object({ items: z.array(z.object({ id: z.coerce.string(), fileName: z.string() }).passthrough()) });

export interface Diary {
  id: string;
  name: string;
}


/**
 * The reference lists the case and deed bodies take their values from. The first seven are named
 * in platinadocs ("Create a journalized case"); the deed's two are assumed (docs/platina.md).
 */
export const REFERENCE_LISTS: Record<PlatinaReferenceList, string> = {
  caseStatuses: 'reference-data/journalized-case-statuses',
  origins: 'reference-data/journalized-case-origins',
  caseTypes: 'diaries/{diary}/case-types',
  businessCodes: 'reference-data/business-codes',
  pulLevels: 'reference-data/journalized-case-pul-levels',
  secrecyLevels: 'reference-data/journalized-case-secrecy-levels',
  confidentialParagraphs: 'reference-data/confidential-paragraphs',
  deedTypes: 'reference-data/deed-types',
  deedStatuses: 'reference-data/deed-statuses',
};

/** The documented body of POST diaries/{id}/journalized-cases (platinadocs, "Create a journalized case"). */
export interface NewCase {
  title: string;
  description: string;
  registrationDate: string;
  statusId: string;
  origin: Record<string, unknown>;
  caseTypeId: string;
  /** Empty when the diary does not use business codes (Diary_EnableBusinessCode). */
  businessCodeId: string;
  pulLevel: number;
  secrecyLevel: number;
  /** Required for secrecy level 1 or 2. */
  confidentialParagraphIds: string[];
}

export interface NewDeed {
  title: string;
  description: string;
  /** The snapshot's date: when the record came into being. */
  documentDate: string;
  registrationDate: string;
  deedTypeId: string;
  statusId: string;
  /** Classification, as on the case. */
  businessCodeId: string;
  pulLevel: number;
  secrecyLevel: number;
}

/** The case body as sent: the documented fields, in the documented order. */
export function caseBody(input: NewCase): Record<string, unknown> {
  return {
    diaryNumber: null,
    registrationDate: input.registrationDate,
    inOutDate: input.registrationDate,
    statusId: input.statusId,
    origin: input.origin,
    businessCodeId: input.businessCodeId || null,
    caseTypeId: input.caseTypeId,
    pulLevel: input.pulLevel,
    secrecyLevel: input.secrecyLevel,
    confidentialParagraphs: input.secrecyLevel === 1 || input.secrecyLevel === 2 ? input.confidentialParagraphIds : null,
    title: [...input.title].slice(0, 200).join(''),
    description: [...input.description].slice(0, 4000).join(''),
    initiators: [],
  };
}

/** The deed body as sent (assumed: the case's field names; docs/platina.md). */
export function deedBody(input: NewDeed): Record<string, unknown> {
  return {
    title: [...input.title].slice(0, 200).join(''),
    description: [...input.description].slice(0, 4000).join(''),
    documentDate: input.documentDate,
    registrationDate: input.registrationDate,
    deedTypeId: input.deedTypeId,
    statusId: input.statusId,
    businessCodeId: input.businessCodeId || null,
    pulLevel: input.pulLevel,
    secrecyLevel: input.secrecyLevel,
  };
}

export class PlatinaClient {
  constructor(
    private readonly baseUrl: string,
    private readonly accessToken: () => Promise<string>,
    /** Platina's ProxyAuthHeader (Configuring API Authorization): the token in this header instead of Authorization. */
    private readonly tokenHeader = '',
    /** How long Platina may take to answer, and how much it may send (http.ts). */
    private readonly limits: { api: HttpLimits; upload: HttpLimits } = { api: API_LIMITS, upload: UPLOAD_LIMITS },
  ) {}

  private async authorization(): Promise<Record<string, string>> {
    const bearer = `Bearer ${await this.accessToken()}`;
    return this.tokenHeader ? { [this.tokenHeader]: bearer } : { Authorization: bearer };
  }

  /** Confirmed: GET /diaries returns { items: [{ id, name }] }. */
  async diaries(): Promise<Diary[]> {
    return diaries.parse(await this.call('GET', 'diaries')).items;
  }

  /** Confirmed: the reference lists (GET reference-data links to them). `diary` fills diaries/{diary}/case-types. */
  async references(list: PlatinaReferenceList, diaryId: string): Promise<PlatinaReference[]> {
    const path = REFERENCE_LISTS[list].replace('{diary}', encodeURIComponent(diaryId));
    return references.parse(await this.call('GET', path)).items as PlatinaReference[];
  }

  /**
   * Confirmed (v7 documentation, same path under v8): POST /diaries/{id}/journalized-cases. An empty
   * diaryNumber lets Platina assign one. Assumed: the answer carries the new case's id and diaryNumber.
   */
  async createCase(diaryId: string, input: NewCase): Promise<{ id: string; diaryNumber: string | null }> {
    const answer = created.parse(await this.call('POST', `diaries/${encodeURIComponent(diaryId)}/journalized-cases`, caseBody(input)));
    return { id: answer.id, diaryNumber: typeof answer.diaryNumber === 'string' ? answer.diaryNumber : null };
  }

  /** Assumed: GET /journalized-cases/{id}/deeds lists a case's deeds with title and description. */
  async deeds(caseId: string): Promise<Array<{ id: string; description: string }>> {
    return deeds.parse(await this.call('GET', `journalized-cases/${encodeURIComponent(caseId)}/deeds`)).items.map((d) => ({ id: d.id, description: d.description ?? '' }));
  }

  /** Assumed: POST /journalized-cases/{id}/deeds creates a deed (handling) and answers with its id. */
  async createDeed(caseId: string, input: NewDeed): Promise<string> {
    return created.parse(await this.call('POST', `journalized-cases/${encodeURIComponent(caseId)}/deeds`, deedBody(input))).id;
  }

  /** Assumed: GET /deeds/{id}/files lists a deed's files. */
  async files(deedId: string): Promise<Array<{ id: string; fileName: string }>> {
    return files.parse(await this.call('GET', `deeds/${encodeURIComponent(deedId)}/files`)).items;
  }

  /** Assumed: POST /deeds/{id}/files takes the file as multipart/form-data (field "file"). */
  async uploadFile(deedId: string, fileName: string, content: Buffer): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), fileName);
    return created.parse(await this.call('POST', `deeds/${encodeURIComponent(deedId)}/files`, form)).id;
  }

  /**
   * The customer's OpenAPI (Swagger) document at `url`, or null where there is none: it is read only
   * to check the calls above, so a missing one is an answer, not a failure.
   */
  async openApi(url: string): Promise<Record<string, unknown> | null> {
    try {
      const response = await fetchLimited(url, { headers: { ...(await this.authorization()), Accept: 'application/json' } }, this.limits.api);
      if (!response.ok) return null;
      const doc = JSON.parse(response.text()) as unknown;
      return doc && typeof doc === 'object' && 'paths' in doc ? (doc as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const url = `${this.baseUrl.replace(/\/$/, '')}/${path}`;
    const headers: Record<string, string> = { ...(await this.authorization()), Accept: 'application/json' };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let response: LimitedResponse;
    try {
      response = await fetchLimited(url, { method, headers, body: payload }, body instanceof FormData ? this.limits.upload : this.limits.api);
    } catch (error) {
      if (error instanceof HttpLimitError) throw new HandoverError('unreachable', `Platina at ${this.baseUrl}: ${error.message} (${method} ${path}). Try again later; if it goes on, ask IT whether Platina is up.`, { what: 'timeout' });
      throw new HandoverError('unreachable', `Cannot reach Platina at ${this.baseUrl} (${(error as Error).cause ?? (error as Error).message}). Check the address in Settings → Handover and the network.`);
    }
    const text = response.text();
    if (response.status === 401) throw new HandoverError('signed_out', 'Platina did not accept the sign-in (it may have expired, or the token lacks the email claim Platina requires). Sign in to Platina again.', { what: 'platina' });
    if (response.status === 403) throw new HandoverError('rejected', `Platina refused ${method} ${path}: your account lacks the right to do this in that diary. Ask the Platina administrator.`, { what: 'platina_forbidden' });
    if (!response.ok) throw new HandoverError('rejected', `Platina answered ${response.status} to ${method} ${path}: ${text.slice(0, 300) || response.statusText}`);
    try {
      return text ? JSON.parse(text) : {};
    } catch {
      throw new HandoverError('rejected', `Platina answered ${method} ${path} with something that is not JSON; check that the address points to the Standard API.`);
    }
  }
}
