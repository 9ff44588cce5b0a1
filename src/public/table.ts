/**
 * A public download as a table: columns with headers in the reader's words and cells that say
 * what they hold, so one table is written as CSV (`src/http/api/csv.ts`) and as XLSX
 * (`src/http/api/xlsx.ts`) alike. A day is written `YYYY-MM-DD` in CSV and as a date cell in XLSX;
 * an instant that matters to the minute as `YYYY-MM-DD HH:MM` (UTC) and as a date-time cell.
 */

/** A calendar day (UTC) of an ISO instant. */
export interface DayCell {
  day: string;
}

/** An ISO instant shown to the minute, in UTC. */
export interface InstantCell {
  instant: string;
}

export type Cell = string | number | boolean | null | undefined | readonly string[] | DayCell | InstantCell;

export interface TableColumn<T> {
  header: string;
  value: (row: T) => Cell;
  /** A width in characters for a spreadsheet; a default otherwise. */
  width?: number;
}

/** A day cell of an instant (or a date); none for an absent or empty one. */
export function day(iso: string | undefined): DayCell | undefined {
  return iso ? { day: iso } : undefined;
}

/** An instant cell; none for an absent or empty one. */
export function instant(iso: string | undefined): InstantCell | undefined {
  return iso ? { instant: iso } : undefined;
}

export function isDay(cell: Cell): cell is DayCell {
  return typeof cell === 'object' && cell !== null && 'day' in cell;
}

export function isInstant(cell: Cell): cell is InstantCell {
  return typeof cell === 'object' && cell !== null && 'instant' in cell;
}

/** `2026-12-07`: the UTC day of an instant, as ISO 8601 writes a date. */
export function dayText(cell: DayCell): string {
  return new Date(cell.day).toISOString().slice(0, 10);
}

/** `2026-12-07 09:30`: an instant to the minute, in UTC, without the T and the milliseconds. */
export function instantText(cell: InstantCell): string {
  return new Date(cell.instant).toISOString().slice(0, 16).replace('T', ' ');
}
