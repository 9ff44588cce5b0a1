/**
 * Durations as people write them in regulations and in configuration: "90 days",
 * "27 working days", "3 years". Calendar units follow the calendar (a year after 29 February is
 * 28 February); working days skip Saturdays and Sundays.
 */

export const DURATION_UNITS = ['minutes', 'hours', 'days', 'working days', 'months', 'years'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

const PATTERN = /^\s*(\d{1,6})\s+(minutes?|hours?|days?|working days?|months?|years?)\s*$/i;

/**
 * Reads "90 days", "1 year", "27 working days".
 *
 * @throws Error naming the accepted forms when the text is not one of them.
 */
export function parseDuration(text: string): Duration {
  const match = PATTERN.exec(text);
  if (!match) {
    throw new Error(`"${text}" is not a duration; write a whole number and a unit: ${DURATION_UNITS.join(', ')} (e.g. "90 days")`);
  }
  const singular = match[2]!.toLowerCase().replace(/s$/, '');
  return { amount: Number(match[1]), unit: `${singular}s` as DurationUnit };
}

export function formatDuration({ amount, unit }: Duration): string {
  return `${amount} ${amount === 1 ? unit.replace(/s$/, '') : unit}`;
}

function isWeekend(date: Date): boolean {
  const day = date.getUTCDay();
  return day === 0 || day === 6;
}

function addMonths(from: Date, months: number): Date {
  const result = new Date(from.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

function addWorkingDays(from: Date, days: number, direction: 1 | -1): Date {
  const result = new Date(from.getTime());
  let remaining = days;
  while (remaining > 0) {
    result.setUTCDate(result.getUTCDate() + direction);
    if (!isWeekend(result)) remaining -= 1;
  }
  return result;
}

/** `from` moved by the duration, forwards (`direction` 1) or backwards (-1). */
export function shift(from: Date, duration: Duration, direction: 1 | -1 = 1): Date {
  const n = duration.amount * direction;
  switch (duration.unit) {
    case 'minutes':
      return new Date(from.getTime() + n * 60_000);
    case 'hours':
      return new Date(from.getTime() + n * 3_600_000);
    case 'days':
      return new Date(from.getTime() + n * 86_400_000);
    case 'working days':
      return addWorkingDays(from, duration.amount, direction);
    case 'months':
      return addMonths(from, n);
    case 'years':
      return addMonths(from, n * 12);
  }
}
