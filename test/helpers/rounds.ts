/** A round over the whole current month (Stockholm time), so round-dependent tests pass on any date. */
export function thisMonth(label: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  const year = Number(parts.find((p) => p.type === 'year')!.value);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return `${label}:${mm}-01..${mm}-${last}`;
}
