/**
 * Dates as people write them, with the time zone named: `25 Jun 2024` and `25 Jun 2024, 09:00 UTC`
 * in English; `25/6/2024` and `25/6/2024 16:00 (giờ Việt Nam, UTC+7)` in Vietnamese. An instant at
 * midnight UTC stands for a calendar day (a date given without a time) and is shown as that day.
 * Formatting is Intl's (ICU); only the order of the parts is ours.
 */
import { isDay } from './dates.js';
import type { Language } from './types.js';

const VIET_NAM_ZONE = 'Asia/Ho_Chi_Minh';

function parts(format: Intl.DateTimeFormat, date: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
}

// en-US for the month's short name: en-GB writes "Sept", people write "Sep".
const EN_DAY = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const EN_TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
const VI_DAY_UTC = new Intl.DateTimeFormat('vi-VN', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
const VI_DAY_LOCAL = new Intl.DateTimeFormat('vi-VN', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: VIET_NAM_ZONE });
const VI_TIME = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: VIET_NAM_ZONE });

function enDay(date: Date): string {
  const { day, month, year } = parts(EN_DAY, date);
  return `${day} ${month} ${year}`;
}

/** A calendar day: `25 Jun 2024`, `25/6/2024`. */
export function formatDay(iso: string, language: Language): string {
  const date = new Date(iso);
  return language === 'vi' ? VI_DAY_UTC.format(date) : enDay(date);
}

/** An instant with its zone named; a midnight-UTC instant as its day. */
export function formatInstant(iso: string, language: Language): string {
  if (isDay(iso)) return formatDay(iso, language);
  const date = new Date(iso);
  if (language === 'vi') return `${VI_DAY_LOCAL.format(date)} ${VI_TIME.format(date)} (giờ Việt Nam, UTC+7)`;
  return `${enDay(date)}, ${EN_TIME.format(date)} UTC`;
}
