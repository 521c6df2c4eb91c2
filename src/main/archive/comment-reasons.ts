import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { COMMENT_REASONS, type CommentReasonChoice } from '../../shared/comment';
import { KanalarkivError } from '../../shared/errors';
import { writeJsonFile } from './shared-file';

/**
 * The municipality's own reasons for saving a comment, beside the guidelines' list: kept in the
 * archive itself, so the app and the command line of everyone using the archive offer the same ones.
 */
export const OWN_REASONS_FILE = 'comment-reasons.json';

const ownReasonsSchema = z
  .array(z.object({ code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'a code is 2–40 small letters a–z, digits and -'), label: z.string().trim().min(1).max(200) }))
  .max(100)
  .superRefine((reasons, ctx) => {
    const seen = new Set<string>(COMMENT_REASONS.map((r) => r.code));
    for (const [i, r] of reasons.entries()) {
      if (seen.has(r.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `the code "${r.code}" is already taken` });
      seen.add(r.code);
    }
  });
export type OwnReason = z.infer<typeof ownReasonsSchema>[number];

/** The archive's own reasons; none when the file is missing. */
export async function readOwnReasons(archiveDir: string): Promise<OwnReason[]> {
  let text: string;
  try {
    text = await readFile(path.join(archiveDir, OWN_REASONS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw unreadableReasons(`is not valid JSON (${(error as Error).message})`);
  }
  const parsed = ownReasonsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw unreadableReasons(`is not a list of {code, label}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  return parsed.data;
}

const unreadableReasons = (detail: string) => new KanalarkivError('settings_unreadable', `${OWN_REASONS_FILE} in the archive ${detail}. Correct it in the app's settings, or remove the file.`, { what: 'reasons', file: OWN_REASONS_FILE });

/** Replaces the archive's own reasons (validated first); the file is swapped in whole. */
export async function writeOwnReasons(archiveDir: string, reasons: OwnReason[]): Promise<void> {
  const parsed = ownReasonsSchema.safeParse(reasons);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new KanalarkivError('invalid_arguments', `reason ${Number(issue.path[0]) + 1}: ${issue.message}`);
  }
  await writeJsonFile(path.join(archiveDir, OWN_REASONS_FILE), parsed.data);
}

/** Every reason a comment may be saved for: the guidelines' list, then the archive's own (none without an archive). */
export async function commentReasons(archiveDir: string | null): Promise<CommentReasonChoice[]> {
  const own = archiveDir ? await readOwnReasons(archiveDir) : [];
  return [...COMMENT_REASONS.map((r) => ({ code: r.code, sv: r.sv, en: r.en, own: false })), ...own.map((r) => ({ code: r.code, sv: r.label, en: r.label, own: true }))];
}
