/** A round over the whole current month (Stockholm time), so round-dependent tests pass on any date. */
export function thisMonth(label: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  const year = Number(parts.find((p) => p.type === 'year')!.value);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return `${label}:${mm}-01..${mm}-${last}`;
}

/** A round over the whole previous month (Stockholm time): closed now, overdue while channels are due. */
export function lastMonth(label: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  const previous = month === 1 ? 12 : month - 1;
  const last = new Date(Date.UTC(2023, previous, 0)).getUTCDate();
  const mm = String(previous).padStart(2, '0');
  return `${label}:${mm}-01..${mm}-${last}`;
}
