/**
 * Instants as e-mails show them, never as a bare local time: English readers (in Seoul or in
 * Washington) get the ISO date and UTC time, so they read the same moment; Vietnamese readers get
 * Viet Nam time (UTC+7, no daylight saving), named as such, as a ministry writes it.
 */

const VIET_NAM_OFFSET_MS = 7 * 3_600_000;

/** `2026-01-05 09:00 UTC` */
export function utcInstant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Whether the instant is midnight UTC, i.e. stands for a calendar day (a date given without a time). */
export function isDay(iso: string): boolean {
  return /T00:00(:00(\.0+)?)?(Z|\+00:00)$/.test(iso);
}

/** The same instant in Viet Nam: its date and time of day there, `2026-01-05` and `16:00`. */
export function vietNamTime(iso: string): { date: string; time: string } {
  const local = new Date(Date.parse(iso) + VIET_NAM_OFFSET_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/**
 * A calendar day as a Vietnamese ministry writes it: `25/6/2024`, and `05/02/2024` (a day below 10
 * and the months 1 and 2 take a leading zero, as Decree 30/2020/NĐ-CP sets for administrative
 * documents).
 */
export function vietnameseDay(isoDate: string): string {
  const [year, month, day] = [isoDate.slice(0, 4), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10))];
  const pad = (n: number, below: number): string => (n < below ? `0${n}` : String(n));
  return `${pad(day, 10)}/${pad(month, 3)}/${year}`;
}
