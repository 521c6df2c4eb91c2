import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BagProblem, StampSummary } from '../../shared/archive';
import { TAG_MANIFEST_FILE, TIMESTAMP_FILE } from './layout';
import { checkStamp } from '../evidence/timestamp';

/** A stamp may come this long after the capture started (making the record and the bag) before verify says how much later it is. */
export const STAMP_MARGIN_MS = 60 * 60_000;
/** Clocks differ a little: a stamp this much before the capture's own time is still after it. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * What a bag's stamp says and whether it holds: that it stamps the bag's tag manifest as it is now
 * (so no manifest was written again after it), that the authority's signature holds, and, where
 * trusted roots are set, that the authority is one of them. Null summary for a bag without a stamp;
 * `holds` says whether it stamps the bag as it is, whoever signed it.
 */
export async function inspectStamp(bag: string, capturedAt: string | null, roots: string): Promise<{ problems: BagProblem[]; summary: StampSummary | null; holds: boolean }> {
  const tsr = await readFile(path.join(bag, TIMESTAMP_FILE)).catch(() => null);
  if (!tsr) return { problems: [], summary: null, holds: false };
  const manifest = await readFile(path.join(bag, TAG_MANIFEST_FILE)).catch(() => null);
  if (!manifest) return { problems: [], summary: null, holds: false };
  let check;
  try {
    check = await checkStamp(tsr, manifest, roots);
  } catch (error) {
    return { problems: [{ kind: 'invalid', file: TIMESTAMP_FILE, detail: `cannot be read as a time stamp (${(error as Error).message})` }], summary: null, holds: false };
  }
  const problems: BagProblem[] = [];
  if (!check.imprintMatches) problems.push({ kind: 'changed', file: TIMESTAMP_FILE, detail: 'stamps another tag manifest than the one in the bag: the manifests were written again after the stamp' });
  else if (!check.signatureValid) problems.push({ kind: 'invalid', file: TIMESTAMP_FILE, detail: `the time-stamping authority's signature does not hold (${check.detail})` });
  else if (roots && !check.trusted) problems.push({ kind: 'invalid', file: TIMESTAMP_FILE, detail: `is signed by ${check.authority}, which is not among the trusted time-stamping authorities (${check.detail})` });
  const captured = capturedAt ? Date.parse(capturedAt) : NaN;
  const afterMs = Number.isNaN(captured) ? null : check.time.getTime() - captured;
  if (afterMs !== null && afterMs < -CLOCK_SKEW_MS) problems.push({ kind: 'invalid', file: TIMESTAMP_FILE, detail: `was stamped at ${check.time.toISOString()}, before the capture's own time ${capturedAt}: the time in metadata.json cannot be right` });
  return {
    problems,
    // The stamp is of the bag as it is, signed by its authority, and not before the capture: whoever the authority is.
    holds: check.imprintMatches && check.signatureValid === true && !(afterMs !== null && afterMs < -CLOCK_SKEW_MS),
    summary: { at: check.time.toISOString(), authority: check.authority, trusted: check.trusted, lateMs: afterMs !== null && afterMs > STAMP_MARGIN_MS ? afterMs : null },
  };
}
