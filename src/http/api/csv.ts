/**
 * CSV (RFC 4180) for spreadsheets and customs systems. A UTF-8 byte-order mark leads the file so
 * that Excel shows Vietnamese names with their diacritics instead of mojibake. A cell that a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return, also
 * after leading spaces or in their full-width forms: OWASP, "CSV injection") is written with a
 * leading apostrophe, so a manufacturer's name is never code. Days are written `YYYY-MM-DD` and
 * instants `YYYY-MM-DD HH:MM` in UTC (`src/public/table.ts`), as people and spreadsheets read them.
 */
import { dayText, instantText, isDay, isInstant, type Cell, type TableColumn } from '../../public/table.js';

type Columns<T> = ReadonlyArray<readonly [header: string, value: (row: T) => unknown]>;

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(text).join('; ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return value.toString();
  if (isDay(value as Cell)) return dayText(value as never);
  if (isInstant(value as Cell)) return instantText(value as never);
  return JSON.stringify(value);
}

/**
 * What a spreadsheet may read as the start of a formula: a tab or a carriage return first, or
 * `=`, `+`, `-`, `@` (or their full-width and small forms `＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫`, which some
 * spreadsheets fold to the ASCII ones) as the first character after any white space (spaces,
 * tabs, no-break spaces, the ideographic space and the rest of Unicode's, zero-width ones too):
 * Excel and LibreOffice skip leading spaces before a formula.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u200b\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b])/u;

/**
 * A cell a spreadsheet would read as a formula gets a leading apostrophe, so `=HYPERLINK(…)` in a
 * CAB's name (or ` =HYPERLINK(…)`, `＝HYPERLINK(…)`) shows as text and runs nothing (OWASP, CSV
 * injection).
 */
export function neutralised(shown: string): string {
  return FORMULA_START.test(shown) ? `'${shown}` : shown;
}

function cell(value: unknown): string {
  const shown = neutralised(text(value));
  return /[",\r\n]/.test(shown) ? `"${shown.replace(/"/g, '""')}"` : shown;
}

function line<T>(columns: Columns<T>, row: T): string {
  return `${columns.map(([, value]) => cell(value(row))).join(',')}\r\n`;
}

function header(columns: ReadonlyArray<readonly [string, unknown]>): string {
  return `\uFEFF${columns.map(([name]) => cell(name)).join(',')}\r\n`;
}

export function toCsv(columns: ReadonlyArray<readonly [header: string, value: (row: never) => unknown]>, rows: readonly unknown[]): string {
  return header(columns) + rows.map((row) => line(columns, row as never)).join('');
}

/** The same CSV, a line at a time, for exports too large to build in memory. */
export async function* csvStream<T>(columns: Columns<T>, rows: AsyncIterable<T>): AsyncGenerator<string> {
  yield header(columns);
  for await (const row of rows) yield line(columns, row);
}

/** The columns of a public table (`src/public/table.ts`) as CSV's: a header and a value each. */
export function csvColumns<T>(columns: ReadonlyArray<TableColumn<T>>): Columns<T> {
  return columns.map((c) => [c.header, c.value] as const);
}
