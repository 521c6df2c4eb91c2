/**
 * One CSV cell. A cell that starts with = + - @ (or a tab or CR) would run as a formula in Excel:
 * it gets a leading apostrophe and quotes, as OWASP's CSV-injection guidance says
 * (https://owasp.org/www-community/attacks/CSV_Injection). Channel names come from anyone who can edit the register.
 */
export function csv(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return inert !== value || /[;,"\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
