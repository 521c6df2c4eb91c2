import { formatDateTime } from '../../shared/dates';
import { DEFAULT_HANDOVER_SETTINGS, type PlatinaCheck } from '../../shared/handover';
import { HandoverError } from '../handover/errors';
import { checkPlatina } from '../handover/platina/api-check';
import type { Translate } from '../messages';
import { loadSharedSettings } from './channel-file';
import { failureText } from './messages';
import { EXIT, parseOptions, requireArchive, UsageError, type Io } from './options';
import { PLATINA_OPTIONS, platinaConnection, platinaFromFlags, resolveOrigin } from './platina-options';

const OPTIONS = { archive: { type: 'string' }, json: { type: 'boolean', default: false }, ...PLATINA_OPTIONS } as const;

/**
 * `kanalarkiv platina check`: signs in as `handover --to platina` does, reads the diary and the
 * customer's OpenAPI document, and says for every call and field Kanalarkiv uses whether that API
 * has it. Exit 0 when a delivery can start, 1 when something stands in its way.
 */
export async function platinaCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, true);
  const { t } = io;
  if (positionals[0] !== 'check' || positionals.length > 1) throw new UsageError(t('cli.platinaCheckOnly'));
  let base = DEFAULT_HANDOVER_SETTINGS.platina;
  if (values.archive) {
    await requireArchive(values.archive, t);
    const shared = await loadSharedSettings(values.archive, t);
    if (typeof shared === 'string') throw new UsageError(shared);
    if (shared) base = shared.handover.platina;
  }
  let settings = platinaFromFlags(values, base, t);
  if (!settings.baseUrl || !settings.diaryId) throw new UsageError(t('cli.platinaCheckNeeds'));
  const connection = platinaConnection(() => settings, io);
  let check: PlatinaCheck;
  try {
    if (values.origin !== undefined) settings = await resolveOrigin(settings, connection.client(), t);
    await connection.token();
    const { name, email } = connection.session.status();
    check = await checkPlatina(settings, connection.client(), { name, email });
  } catch (error) {
    if (!(error instanceof HandoverError)) throw error;
    io.err(`kanalarkiv platina check: ${failureText(t, error)}\n`);
    if (values.json) io.out(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
    return EXIT.someFailed;
  }
  io.out(values.json ? `${JSON.stringify(check)}\n` : checkReport(check, t));
  return check.ready ? EXIT.ok : EXIT.someFailed;
}

/** The check in Swedish (or English), line by line, as the registrar and IT read it. */
export function checkReport(check: PlatinaCheck, t: Translate): string {
  const lines = [
    t('platinaCheck.heading', { url: check.baseUrl, at: formatDateTime(check.at, t.language) }),
    t('platinaCheck.user', { name: check.user.name ?? '–', email: check.user.email ?? '–' }),
    check.diary ? t('platinaCheck.diary', { id: check.diary.id, name: check.diary.name }) : t('platinaCheck.noDiary'),
    check.openApi ? t('platinaCheck.openApi', { url: check.openApi }) : t('platinaCheck.noOpenApi', { tried: check.tried.join(', ') }),
  ];
  for (const call of check.calls) {
    const problems = call.fields.filter((f) => f.problem !== null);
    const mark = !call.found ? (call.required ? '✗' : '–') : problems.length > 0 ? (call.required ? '✗' : '!') : '✓';
    const state = !call.found ? t(call.required ? 'platinaCheck.callMissing' : 'platinaCheck.callMissingOptional') : problems.length > 0 ? t('platinaCheck.callDiffers') : t('platinaCheck.callFound');
    lines.push(`  ${mark} ${call.method} ${call.path}: ${t(`platinaCheck.call.${call.id}`)}. ${state}`);
    for (const field of problems) lines.push(`      ${t(`platinaCheck.field.${field.problem}`, { name: field.name, expected: field.expected ?? '', found: field.found ?? '' })}`);
  }
  const label = (setting: string) => t(`handover.settings.platina.${setting}`);
  if (check.missingValues.length > 0) lines.push(t('platinaCheck.missingValues', { values: check.missingValues.map(label).join(', ') }));
  for (const value of check.unknownValues) lines.push(t('platinaCheck.unknownValue', { setting: label(value.setting), id: value.id }));
  lines.push(t(!check.ready ? 'platinaCheck.notReady' : check.openApi ? 'platinaCheck.ready' : 'platinaCheck.readyUnchecked'));
  return `${lines.join('\n')}\n`;
}
