/**
 * The accreditation cycle as ISO/IEC 17011 runs it (docs/domain.md, "Accreditation"; ILAC FAQ 23,
 * 24, 29): the scope as it stood on each date, the surveillance and re-assessment visits, and when
 * the next on-site visit is due. Pure: the machine and the facts of other kinds read the same data.
 */
import { compareInstants } from '../types.js';

/** A cycle lasts at most this many years (ILAC FAQ 23, 29). */
export const CYCLE_YEARS = 5;
/** An on-site visit at least this often, counted from the last one (ILAC FAQ 24). */
export const ON_SITE_YEARS = 2;

/** What the body found on a visit. */
export type VisitOutcome = 'conforming' | 'nonconformities';

/** A visit of the body: surveillance, re-assessment, or the on-site check before a reinstatement. */
export interface Visit {
  /** The day of the visit. */
  visitedOn: string;
  visitKind: 'surveillance' | 'reassessment' | 'reinstatement';
  onSite: boolean;
  visitOutcome: VisitOutcome;
  /** The body's reference of its report. */
  reportReference: string;
  /** When the visit was recorded here. */
  recordedAt: string;
}

/** One change of scope: the scope in force from `from` until the next entry. */
export interface ScopeChange {
  from: string;
  scopeChange: 'granted' | 'reduced' | 'extended' | 'renewed';
  /** The whole scope from then on. */
  scope: string[];
  removed?: string[];
  added?: string[];
  reason?: string;
  /** The assessment an extension follows: its day and its report's reference. */
  assessedOn?: string;
  reportReference?: string;
}

/**
 * The fields of an accreditation that the cycle keeps (besides the validity of AccreditationInput).
 * A type, not an interface, so that a stored record's context converts to it.
 */
export type CycleData = {
  validFrom: string;
  scope: string[];
  /** The start of the current cycle: validFrom, then the day of each renewal or re-accreditation. */
  cycleFrom: string;
  /** Every change of scope, oldest first, starting with the scope granted at validFrom. */
  scopeHistory: ScopeChange[];
  visits: Visit[];
  /** Since when on-site visits are counted when none is recorded: validFrom, then a re-accreditation. */
  onSiteSince: string;
  /** When the next on-site visit is due: two years after the last one. */
  onSiteDue: string;
  /**
   * The same, while the parties have not been reminded of it: the anchor of the reminder, removed
   * when it fires so that a later change of state does not remind them again of the same visit.
   */
  onSiteDueNotice?: string;
};

/** `at` plus whole years, in UTC (29 February falls to 1 March, as Date does). */
export function addYears(at: string, years: number): string {
  const date = new Date(at);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString();
}

/** When the next on-site visit is due: two years after the last on-site visit, or after `onSiteSince`. */
export function onSiteDueAfter(visits: readonly Visit[], onSiteSince: string): string {
  const last = visits
    .filter((v) => v.onSite)
    .map((v) => v.visitedOn)
    .reduce((latest, on) => (compareInstants(on, latest) > 0 ? on : latest), onSiteSince);
  return addYears(last, ON_SITE_YEARS);
}

/** The scope in force at an instant, or undefined before the accreditation began. */
export function scopeOn(data: Pick<CycleData, 'validFrom' | 'scope'> & { scopeHistory?: ScopeChange[] }, at: string): string[] | undefined {
  const history = data.scopeHistory ?? [{ from: data.validFrom, scopeChange: 'granted', scope: data.scope }];
  return history.findLast((entry) => compareInstants(entry.from, at) <= 0)?.scope;
}

/**
 * Whether the accreditation's scope included every one of the regulations at an instant (a
 * reduction takes effect on its day, an extension too). It says nothing of whether the
 * accreditation held then: ask `accreditationActiveOn` as well.
 *
 * @example accreditationCoversOn(data, ['KR:KN 301 489'], report.testedAt)
 */
export function accreditationCoversOn(
  data: Pick<CycleData, 'validFrom' | 'scope'> & { scopeHistory?: ScopeChange[] },
  regulations: readonly string[],
  at: string,
): boolean {
  const scope = scopeOn(data, at);
  return scope !== undefined && regulations.every((r) => scope.includes(r));
}

/** Regulations that were once in the scope and are not any more: what recognitions can no longer rely on. */
export function regulationsNoLongerCovered(data: Pick<CycleData, 'scope' | 'scopeHistory'>): string[] {
  const ever = new Set(data.scopeHistory.flatMap((entry) => entry.scope));
  return [...ever].filter((r) => !data.scope.includes(r)).sort();
}
