import { errorSentence, type ErrorParams } from '../../shared/errors';
import { roundTitle } from '../../shared/rounds';
import type { FsProblem } from '../archive/fs-problems';
import type { Language, Translate } from '../messages';

/**
 * The command line's language: English when the locale asks for it (LC_ALL, then LC_MESSAGES, then
 * LANG, the order POSIX gives them), Swedish otherwise, as the app.
 */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en([_.@-]|$)/i.test(locale) ? 'en' : 'sv';
}

/**
 * A failure of the core as the command line says it: the catalogue's sentence for its code, then the
 * core's own message (English, naming the file or address) as the detail.
 */
export function failureText(t: Translate, failure: { code: string; message: string; params?: ErrorParams }, values: Record<string, string> = {}): string {
  const sentence = errorSentence(t, failure.code, failure.params, values);
  return failure.message && failure.message !== sentence ? `${sentence}\n  ${t('cli.detail', { detail: failure.message })}` : sentence;
}

/** A file-system problem in the user's language. */
export function diskText(t: Translate, problem: FsProblem): string {
  return t(`cli.disk.${problem.kind}`, { where: problem.where, detail: problem.detail });
}

/** Where in a channel list a problem is ("row 3", "entry 2", as the core labels it), in the user's language; '' for a single channel. */
export function entryText(t: Translate, entry: string): string {
  if (entry === 'new' || entry === '') return '';
  const row = /^row (\d+)$/.exec(entry);
  if (row) return t('cli.entryRow', { n: row[1] });
  const item = /^entry (\d+)$/.exec(entry);
  if (item) return t('cli.entryEntry', { n: item[1] });
  if (entry.startsWith('row 1 (header)')) return t('cli.entryHeader');
  if (entry === 'file') return t('cli.entryFile');
  return `${entry}, `;
}

/**
 * A problem of a channel: in Swedish the catalogue's sentence for its code; in English the core's
 * own message, which names the values it is about.
 */
export function issueText(t: Translate, issue: { code: string; message: string }): string {
  return t.language === 'en' ? issue.message : t([`issue.${issue.code}`, 'issue.invalid_value']);
}

/** A round's name as people say it ("Septemberomgången 2026"). */
export function roundName(t: Translate, name: string): string {
  return roundTitle(name, (key, values) => t(key, values));
}
