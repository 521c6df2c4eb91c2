import type { RoundDefinition } from '../../shared/rounds';
import { DEFAULT_ROUNDS, parseRounds } from '../rounds/rounds';

/**
 * What every run starts from unless told otherwise, one table for the app and the command line
 * (they had drifted: a saved comment timed out after 90 s from one and 120 s from the other).
 */
export const RUN_DEFAULTS = {
  /** Per channel of a capture run. */
  channelTimeoutMs: 120_000,
  /** Per saved comment (choosing one on the page adds its own time). */
  commentTimeoutMs: 90_000,
  /** Per saved comment opened again to see whether it is gone. */
  removalTimeoutMs: 60_000,
  /** Channels captured at once. */
  concurrency: 2,
} as const;

/** The rounds a scheduled task may set for its runs, over the archive's shared ones. */
export const ROUNDS_ENV = 'KANALARKIV_ROUNDS';

/**
 * The rounds in force: `spec` when one is given (--rounds), else KANALARKIV_ROUNDS, else the
 * archive's shared setting, else April and September; for the app and the command line alike.
 * Throws `invalid_rounds` for a spec that is no rounds.
 */
export function roundsInForce(spec: string | undefined, shared: string): RoundDefinition[] {
  const text = spec ?? (process.env[ROUNDS_ENV] || undefined) ?? (shared || undefined);
  return text ? parseRounds(text) : DEFAULT_ROUNDS;
}
