import type { PlatinaSettings } from '../../../shared/handover';
import { HandoverError } from '../errors';
import type { NewCase, NewDeed } from './client';

/** The values a new case and a new deed take from the settings; the rest comes from each record. */
export interface PlatinaValues {
  case: Omit<NewCase, 'title' | 'description' | 'registrationDate'>;
  deed: Omit<NewDeed, 'title' | 'description' | 'documentDate' | 'registrationDate'>;
  /** The personal-data level of a saved comment's deed. */
  commentPulLevel: number;
}

/** A setting that must be chosen before anything is sent, named as in PlatinaSettings. */
export type PlatinaValue = 'statusId' | 'origin' | 'caseTypeId' | 'pulLevel' | 'secrecyLevel' | 'confidentialParagraphIds' | 'deedTypeId' | 'deedStatusId' | 'deedPulLevel' | 'deedSecrecyLevel';

const level = (value: string) => (/^\d+$/.test(value) ? Number(value) : null);

/**
 * The settings not yet chosen. Platina's documentation marks statusId, origin, caseTypeId, pulLevel
 * and secrecyLevel as not nullable and confidentialParagraphs as required for secrecy 1–2
 * (platinadocs, "Create a journalized case"); the deed's are assumed to follow (docs/platina.md).
 * An existing case needs no case values.
 */
export function missingValues(settings: PlatinaSettings): PlatinaValue[] {
  const missing: PlatinaValue[] = [];
  if (settings.caseMode === 'per-round') {
    if (!settings.statusId) missing.push('statusId');
    if (!settings.origin) missing.push('origin');
    if (!settings.caseTypeId) missing.push('caseTypeId');
    if (level(settings.pulLevel) === null) missing.push('pulLevel');
    const secrecy = level(settings.secrecyLevel);
    if (secrecy === null) missing.push('secrecyLevel');
    if ((secrecy === 1 || secrecy === 2) && settings.confidentialParagraphIds.length === 0) missing.push('confidentialParagraphIds');
  }
  if (!settings.deedTypeId) missing.push('deedTypeId');
  if (!settings.deedStatusId) missing.push('deedStatusId');
  if (level(settings.deedPulLevel) === null) missing.push('deedPulLevel');
  if (level(settings.deedSecrecyLevel) === null) missing.push('deedSecrecyLevel');
  return missing;
}

/** Platina's address and the diary, without which nothing can be read or sent. */
export function requireDiary(settings: PlatinaSettings): void {
  if (!settings.baseUrl || !settings.diaryId) throw new HandoverError('settings', 'Platina needs the API address and the diary. Enter them in Settings → Handover (on the command line: --platina URL --diary ID).', { what: 'platina_diary' });
}

/** The chosen values, or a settings failure naming those not chosen. */
export function platinaValues(settings: PlatinaSettings): PlatinaValues {
  const missing = missingValues(settings);
  if (missing.length > 0) {
    throw new HandoverError('settings', `Choose these Platina values in Settings → Handover (Check connection lists them): ${missing.join(', ')}.`, { what: 'platina_values', fields: missing.join(', ') });
  }
  const deedPulLevel = level(settings.deedPulLevel)!;
  return {
    case: {
      statusId: settings.statusId,
      origin: settings.origin ?? {},
      caseTypeId: settings.caseTypeId,
      businessCodeId: settings.businessCodeId,
      pulLevel: level(settings.pulLevel) ?? 0,
      secrecyLevel: level(settings.secrecyLevel) ?? 0,
      confidentialParagraphIds: settings.confidentialParagraphIds,
    },
    deed: {
      deedTypeId: settings.deedTypeId,
      statusId: settings.deedStatusId,
      businessCodeId: settings.businessCodeId,
      pulLevel: deedPulLevel,
      secrecyLevel: level(settings.deedSecrecyLevel)!,
    },
    commentPulLevel: level(settings.commentPulLevel) ?? deedPulLevel,
  };
}
