/**
 * Dates on the web pages as people write them, with the time zone named: `25 Jun 2024` and
 * `25 Jun 2024, 09:00 UTC` in English; in Vietnamese exactly as the e-mails write them (`25/6/2024`,
 * `16 giờ 05 ngày 25/6/2024 (giờ Việt Nam)`, Decree 30/2020/NĐ-CP), so a page and the e-mail about
 * it agree. An instant at midnight UTC stands for a calendar day and is shown as that day.
 */
import { isDay } from './dates.js';
import { vi } from './vi.js';
import type { Language } from './types.js';

// en-US for the month's short name: en-GB writes "Sept", people write "Sep".
const EN_DAY = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const EN_TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });

function enDay(date: Date): string {
  const parts = Object.fromEntries(EN_DAY.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts['day']} ${parts['month']} ${parts['year']}`;
}

/** A calendar day: `25 Jun 2024`, `25/6/2024`. */
export function formatDay(iso: string, language: Language): string {
  return language === 'vi' ? vi.date(new Date(iso).toISOString().slice(0, 10)) : enDay(new Date(iso));
}

/** An instant with its zone named; a midnight-UTC instant as its day. */
export function formatInstant(iso: string, language: Language): string {
  if (isDay(iso)) return formatDay(iso, language);
  if (language === 'vi') return vi.instant(iso);
  const date = new Date(iso);
  return `${enDay(date)}, ${EN_TIME.format(date)} UTC`;
}

/**
 * An instant in a table column whose header names the zone: in Vietnamese "(giờ Việt Nam)" is said
 * once, in the header, not in every cell; English keeps its short "UTC" in the cell.
 */
export function formatInstantInColumn(iso: string, language: Language): string {
  const full = formatInstant(iso, language);
  return language === 'vi' ? full.replace(/ \(giờ Việt Nam\)$/, '') : full;
}
