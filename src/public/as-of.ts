/**
 * Public answers as of an instant (docs/search-and-documents.md, "As of a date"): what the register,
 * a report's status or a model's coverage were on the day goods were declared. An instance's
 * state as of an instant is read from its history (each entry names the state it led to); an
 * instance created after the instant did not exist then.
 *
 * History keeps each step's event, not the data after it, and the data cannot be rebuilt by
 * replaying the events through the machine: a creation's first data is what the kind's rules
 * derived from the request and the store at the time (the entry keeps the request), and records
 * written by older machine versions were upgraded since. So the data of an instance that changed
 * after the instant is today's data read as of the instant: the dated facts the public answers
 * show (periods in force, suspensions, an acceptance) are cut at the instant by `dataAsOf`.
 * The cost stays small: an instance not changed since the instant is as it was (no read), and one
 * that changed since costs one indexed read of its last step up to the instant (`stepAt`), never
 * its whole history.
 */
import { AppError } from '../errors.js';
import type { Kind } from '../kinds/types.js';
import type { InstanceStore } from '../store/port.js';

/**
 * The instant an `asOf` parameter names. A date (`YYYY-MM-DD`) means the end of that day in UTC:
 * whatever happened during the declaration day counts. UTC rather than the importing economy's
 * time zone because the directory records no time zone for economies; an officer who needs a
 * local day sends an instant with its offset (`2026-03-01T23:59:59+09:00`).
 *
 * @throws AppError VALIDATION_FAILED for a malformed value or an instant after `now`.
 */
export function asOfInstant(asOf: string, now: Date): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  // An instant says its offset (RFC 3339), as the query schemas ask; the page's field is not checked by them.
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(asOf);
  const parsed = date ? Date.parse(`${asOf}T23:59:59.999Z`) : instant ? Date.parse(asOf) : Number.NaN;
  if (Number.isNaN(parsed) || (date && new Date(parsed).toISOString().slice(0, 10) !== asOf)) {
    throw new AppError({ code: 'VALIDATION_FAILED', detail: `asOf "${asOf}" is neither a date (YYYY-MM-DD) nor an instant.`, errors: [{ pointer: '/asOf', message: 'must be a date or a date-time' }] });
  }
  // A day that has begun is not in the future: today (its end is later) answers as of now.
  const startOfDay = date ? Date.parse(`${asOf}T00:00:00.000Z`) : parsed;
  if (startOfDay > now.getTime()) {
    throw new AppError({ code: 'VALIDATION_FAILED', detail: `asOf ${asOf} is in the future: the register answers for what held, not what will.`, errors: [{ pointer: '/asOf', message: 'must not be in the future' }] });
  }
  return new Date(Math.min(parsed, now.getTime())).toISOString();
}

/** What an instance's state and dates were at an instant; the shape of the record it is read from. */
export interface StandingAsOf {
  state: string;
  version: number;
  createdAt: string;
  /** When it entered that state (its last step up to the instant). */
  updatedAt: string;
}

/**
 * An instance's state as of `instant` (ISO): from the record itself when it has not changed since,
 * else from its last step up to the instant (one indexed read); null when it was created after.
 */
export async function standingAsOf(
  store: Pick<InstanceStore, 'stepAt'>,
  kind: Kind,
  record: { id: string; state: string; version: number; createdAt: string; updatedAt: string },
  instant: string,
): Promise<StandingAsOf | null> {
  if (record.createdAt > instant) return null;
  if (record.updatedAt <= instant) return { state: record.state, version: record.version, createdAt: record.createdAt, updatedAt: record.updatedAt };
  const step = await store.stepAt(kind, record.id, instant);
  return step === null ? null : { state: step.to, version: step.seq, createdAt: record.createdAt, updatedAt: step.at };
}

interface Dated {
  from: string;
  to?: string;
}

/** Periods begun by the instant, those ended after it shown open, as they were then. */
function periodsAsOf<T extends Dated>(periods: readonly T[], instant: string): T[] {
  return periods
    .filter((p) => p.from <= instant)
    .map((p) => {
      if (p.to === undefined || p.to <= instant) return p;
      const { to: _later, ...open } = p;
      return open as T;
    });
}

/**
 * An instance's data as the public answers read it as of `instant`: today's data with the dated
 * facts that came later taken out (a recognition's periods in force and suspensions; a report's or
 * certificate's acceptance). Fields the public answers do not show are left as they are today.
 */
export function dataAsOf(kind: Kind, data: Record<string, unknown>, instant: string): Record<string, unknown> {
  const then: Record<string, unknown> = { ...data };
  if (kind === 'recognitions') {
    if (Array.isArray(data['inForce'])) then['inForce'] = periodsAsOf(data['inForce'] as Dated[], instant);
    if (Array.isArray(data['suspensions'])) then['suspensions'] = periodsAsOf(data['suspensions'] as Dated[], instant);
  }
  if (kind === 'test-reports' && typeof data['acceptedAt'] === 'string' && data['acceptedAt'] > instant) {
    delete then['acceptedAt'];
    delete then['validUntil'];
  }
  return then;
}
