import { z } from 'zod';

/**
 * Why a comment or post is saved before it is removed: the categories the municipalities'
 * guidelines list (shared/seeds), as stable codes for scripts, with the words a person reads.
 * `synpunkt` is the one kept for registering, not removed.
 */
export const COMMENT_REASONS = [
  { code: 'hot', sv: 'Hot', en: 'Threats' },
  { code: 'fortal', sv: 'Förtal', en: 'Defamation' },
  { code: 'personangrepp', sv: 'Personangrepp', en: 'Personal attacks' },
  { code: 'hets', sv: 'Hets mot folkgrupp', en: 'Agitation against a population group' },
  { code: 'trakasserier', sv: 'Sexistiska kommentarer eller trakasserier', en: 'Sexist remarks or harassment' },
  { code: 'vald-pornografi', sv: 'Olaga våldsskildring eller barnpornografi', en: 'Unlawful depictions of violence or child pornography' },
  { code: 'brott', sv: 'Uppmaning till brott', en: 'Incitement to crime' },
  { code: 'upphovsratt', sv: 'Intrång i upphovsrätt', en: 'Copyright infringement' },
  { code: 'svordomar', sv: 'Svordomar eller grovt språk', en: 'Profanity' },
  { code: 'reklam', sv: 'Reklam', en: 'Advertising' },
  { code: 'spam', sv: 'Spam eller upprepade inlägg', en: 'Spam or repeated posts' },
  { code: 'desinformation', sv: 'Desinformation eller falska konton', en: 'Disinformation or fake accounts' },
  { code: 'kansliga-personuppgifter', sv: 'Känsliga personuppgifter om någon annan', en: 'Sensitive personal data about someone else', secrecyReview: true },
  { code: 'sekretess', sv: 'Sekretessbelagd information', en: 'Confidential information', secrecyReview: true },
  { code: 'politik', sv: 'Politisk diskussion utanför ämnet', en: 'Off-topic political discussion' },
  { code: 'synpunkt', sv: 'Synpunkt eller förslag att registrera', en: 'Opinion or suggestion to register', register: true },
] as const satisfies ReadonlyArray<{ code: string; sv: string; en: string; secrecyReview?: boolean; register?: boolean }>;

/** A reason as the app and the CLI offer it: the guidelines' ones, and the municipality's own (own: true). */
export interface CommentReasonChoice {
  code: string;
  sv: string;
  en: string;
  own: boolean;
}

/** What a comment record states about the comment, as metadata.json's `comment` (docs/metadata.md). */
export const commentSchema = z.object({
  /** The link the comment was saved from. */
  url: z.string(),
  reason: z.object({ code: z.string(), label: z.string() }),
  /** The page owner's explanation of why. */
  note: z.string(),
  /** Who saved it (the page owner's name), as they gave it. */
  savedBy: z.string(),
  /** 'removal': saved before it is removed; 'register': an opinion or suggestion kept for registering. */
  purpose: z.enum(['removal', 'register']),
  /** How the element was found: from the link as the platform marks it, a #fragment, a selector given, or chosen on the page with the pointer. */
  foundBy: z.enum(['link', 'fragment', 'selector', 'picked']),
  selector: z.string(),
  author: z.object({ name: z.string().nullable(), profileUrl: z.string().nullable() }),
  /** The time as the page shows it ("2 v"), and the exact time where the page gives one. */
  shownTime: z.string().nullable(),
  exactTime: z.string().nullable(),
  text: z.string(),
  /** The text of the post the comment belongs to, when the page shows one around it. */
  contextText: z.string().nullable(),
  /** The answer given to it (a suggestion is registered with its answer), as shown in its thread; null when none was saved. */
  answer: z
    .object({ url: z.string(), author: z.object({ name: z.string().nullable(), profileUrl: z.string().nullable() }), shownTime: z.string().nullable(), exactTime: z.string().nullable(), text: z.string() })
    .nullable()
    .default(null),
  /** The record holds personal data about a private person (the author, and what they wrote). */
  personalData: z.literal(true),
  /** Marked for the registrar's secrecy review (sensitive personal data, confidential information). */
  secrecyReview: z.boolean(),
});

export type CommentFacts = z.infer<typeof commentSchema>;

/** What the app asks the core to save. */
export const saveCommentRequestSchema = z.object({
  channelId: z.string().max(200),
  url: z.string().trim().min(1).max(4_000),
  reason: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/),
  note: z.string().max(4_000),
  savedBy: z.string().trim().max(200),
  selector: z.string().trim().max(2_000).optional(),
  /** Choose the comment with the pointer in a window that opens on the page at `url`. */
  pick: z.boolean().optional(),
  /** The link to the answer given to it (a reply in its thread), saved with it. */
  answer: z.string().trim().max(4_000).optional(),
});
export type SaveCommentRequest = z.infer<typeof saveCommentRequestSchema>;

/** One saved comment's link opened again: whether the comment is gone. */
export interface RemovalCheck {
  /** The comment record (a SnapshotRef). */
  ref: string;
  url: string;
  /** true: gone; false: the page still shows it; null: the page could not be read (see error). */
  gone: boolean | null;
  error: string | null;
  at: string;
}

/** The reason with `code`, or undefined. */
export function commentReason(code: string) {
  return COMMENT_REASONS.find((r) => r.code === code);
}
