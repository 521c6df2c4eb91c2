/**
 * Reading when posts were published, as platforms show it: machine-readable `<time datetime>`,
 * relative ages ("3 d", "2 v", "5 tim", "2 w", "3h", "4 min"), and Swedish or English dates
 * ("14 april", "14 april 2025", "April 14, 2025"). Used to tell how far back a snapshot reaches.
 */

const UNIT_MS: Record<string, number> = {
  s: 1_000, sek: 1_000,
  m: 60_000, min: 60_000,
  h: 3_600_000, t: 3_600_000, tim: 3_600_000, hr: 3_600_000,
  d: 86_400_000, dag: 86_400_000, dagar: 86_400_000, day: 86_400_000, days: 86_400_000,
  v: 604_800_000, w: 604_800_000, vecka: 604_800_000, veckor: 604_800_000, wk: 604_800_000, week: 604_800_000, weeks: 604_800_000,
  mån: 2_629_800_000, mo: 2_629_800_000,
  år: 31_557_600_000, y: 31_557_600_000, yr: 31_557_600_000,
};
const RELATIVE = /^(\d{1,3})\s?(s|sek|m|min|h|t|tim|hr|d|dag|dagar|day|days|v|w|vecka|veckor|wk|week|weeks|mån|mo|år|y|yr)\.?$/i;

const MONTHS: Record<string, number> = {
  januari: 1, februari: 2, mars: 3, april: 4, maj: 5, juni: 6, juli: 7, augusti: 8, september: 9, oktober: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, august: 8, october: 10,
};
const DAY_MONTH = /^(\d{1,2})\s+([a-zåäö]+)\.?(?:\s+(\d{4}))?$/i;
const MONTH_DAY = /^([a-z]+)\.?\s+(\d{1,2}),?(?:\s+(\d{4}))?$/i;

/** The instant a post's date label means, seen at `now`; null if the text is no date. */
export function parsePostDate(text: string, now: Date): Date | null {
  const label = text.trim().toLowerCase();
  if (/^\d{4}-\d{2}-\d{2}/.test(label)) {
    const machine = new Date(text.trim());
    return Number.isNaN(machine.getTime()) ? null : machine;
  }
  const relative = label.match(RELATIVE);
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2]!.toLowerCase()]!);
  const dayFirst = label.match(DAY_MONTH);
  const monthFirst = label.match(MONTH_DAY);
  const [day, monthName, year] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : monthFirst ? [monthFirst[2], monthFirst[1], monthFirst[3]] : [];
  const month = monthName ? MONTHS[monthName] : undefined;
  if (!day || !month || Number(day) > 31) return null;
  // Without a year a date is the last such day that is not in the future.
  const y = year ? Number(year) : now.getUTCFullYear();
  const date = new Date(Date.UTC(y, month - 1, Number(day), 12));
  return !year && date > now ? new Date(Date.UTC(y - 1, month - 1, Number(day), 12)) : date;
}

/** What a snapshot covers of a channel's feed, judged from the post dates it shows. */
export interface Coverage {
  /** When the channel's previous snapshot was taken; null if this is its first. */
  since: string | null;
  oldestPost: string | null;
  newestPost: string | null;
  /** Whether the feed was followed back to `since`; null when that cannot be told (no previous snapshot, no dates, or a feed not in date order). */
  complete: boolean | null;
}

/** Collects post dates viewport by viewport and says when the feed has gone back past `since`. */
export class CoverageTracker {
  private oldest: Date | null = null;
  private newest: Date | null = null;
  private reached = false;
  private newerSeen = false;
  private oldStreak = 0;

  /** `ordered` false: the feed is not newest first, so no date says it has gone back far enough. */
  constructor(
    private readonly since: Date | null,
    private readonly now: Date,
    private readonly ordered = true,
  ) {}

  /**
   * Takes the date labels of one viewport; true once the feed has gone back past `since`: a viewport
   * holds only older posts after newer ones were seen, or two such viewports come in a row (nothing
   * new since the previous snapshot). An old pinned post above newer ones does not end the capture.
   */
  add(labels: string[]): boolean {
    const dates = labels.map((l) => parsePostDate(l, this.now)).filter((d): d is Date => d !== null && !Number.isNaN(d.getTime()));
    for (const d of dates) {
      if (!this.oldest || d < this.oldest) this.oldest = d;
      if (!this.newest || d > this.newest) this.newest = d;
    }
    if (!this.since || !this.ordered || dates.length === 0) return this.reached;
    if (dates.every((d) => d <= this.since!)) {
      this.oldStreak += 1;
      if (this.newerSeen || this.oldStreak >= 2) this.reached = true;
    } else {
      this.oldStreak = 0;
      this.newerSeen = true;
    }
    return this.reached;
  }

  result(): Coverage {
    return {
      since: this.since?.toISOString() ?? null,
      oldestPost: this.oldest?.toISOString() ?? null,
      newestPost: this.newest?.toISOString() ?? null,
      complete: this.since && this.oldest && this.ordered ? this.reached || this.oldest <= this.since : null,
    };
  }
}
