/**
 * CSV (RFC 4180) for spreadsheets. A UTF-8 byte-order mark leads the file so that Excel shows
 * Vietnamese names with their diacritics instead of mojibake.
 */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(text).join('; ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return value.toString();
  return JSON.stringify(value);
}

/**
 * A text a spreadsheet would take for a formula (`=HYPERLINK(…)`, `+1`, `@SUM`) is led by an
 * apostrophe, so it shows as the text it is (OWASP, "CSV injection").
 */
function inert(shown: string): string {
  return /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
}

function cell(value: unknown): string {
  const shown = inert(text(value));
  return /[",\r\n]/.test(shown) ? `"${shown.replace(/"/g, '""')}"` : shown;
}

export function toCsv(columns: ReadonlyArray<readonly [header: string, value: (row: never) => unknown]>, rows: readonly unknown[]): string {
  const lines = [columns.map(([header]) => cell(header)).join(',')];
  for (const row of rows) lines.push(columns.map(([, value]) => cell(value(row as never))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
