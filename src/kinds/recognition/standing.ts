/**
 * Where a recognition stands between the two sovereign authorities (docs/domain.md, "The arrangement"): who holds which
 * power: the suspensions each side imposed (whole or for some regulations), the contest of the
 * CAB's competence, and what the recognition covered at an instant. Pure functions of the
 * recognition's data, shared by its machine, the engine's facts and the public register.
 */
import type { Actor, Period } from '../types.js';
import { inAnyPeriod } from '../types.js';

/** The two authorities of a recognition: the importing regulator and the CAB's designating authority. */
export type AuthoritySide = 'importing' | 'designating';

/**
 * One suspension, open (`to` absent) until the side that imposed it lifts it. `side` null marks a
 * suspension recorded before version 2, which did not say who imposed it: either side may lift it.
 */
export interface Suspension extends Period {
  side: AuthoritySide | null;
  by: string | null;
  reason: string;
  /** Only these regulations are suspended; absent: the whole recognition. */
  regulations?: string[];
  liftedBy?: string;
}

/**
 * The outcome of a joint verification (21 CFR 26.68(d)) or the joint committee's decision, as one
 * side recorded it; it ends the contest only once the other side agrees.
 */
export interface VerificationOutcome {
  outcome: 'maintained' | 'withdrawn';
  basis: 'joint_verification' | 'joint_committee';
  /** The verification report's or the committee decision's reference. */
  reference: string;
  summary: string;
  side: AuthoritySide;
  by: string;
  at: string;
}

/** A contest of the CAB's competence by the importing regulator (21 CFR 26.68 as the model). */
export interface Contest {
  since: string;
  by: string;
  reasons: string;
  /** Until then the designating authority may answer; the regulator decides only after (21 CFR 26.68(b): at least 30 days). */
  answerBy: string;
  /** By then the designating authority confirms or opposes (21 CFR 26.68(c): 60 days). */
  positionBy: string;
  answers: Array<{ by: string; role: string; at: string; response: string }>;
  /** The designating authority's position; `unanswered` when `positionBy` passed without one. */
  position?: 'confirmed' | 'opposed' | 'unanswered';
  /** Under joint verification: the outcome one side recorded, awaiting the other side's agreement. */
  proposedOutcome?: VerificationOutcome;
  /** Outcomes one side recorded and the other did not agree to. */
  disagreements?: Array<VerificationOutcome & { disagreedBy: string; disagreedAt: string; reason: string }>;
  /** The outcome both sides agreed to, which ended a joint verification. */
  agreedOutcome?: VerificationOutcome & { agreedBy: string; agreedAt: string };
  /** How the contest ended. */
  outcome?: 'closed' | 'suspended' | 'withdrawn';
  endedAt?: string;
}

/** The fields of a recognition this module reads. */
export interface Standing {
  importingEconomy: string;
  exportingEconomy: string;
  scope: string[];
  inForce: Period[];
  suspensions: Suspension[];
  contest?: Contest;
}

/** The side an actor speaks for on this recognition, if any. */
export function sideOf(actor: Actor, data: Pick<Standing, 'importingEconomy' | 'exportingEconomy'>): AuthoritySide | null {
  if (actor.role === 'regulator' && actor.economy === data.importingEconomy) return 'importing';
  if (actor.role === 'designating_authority' && actor.economy === data.exportingEconomy) return 'designating';
  return null;
}

export function openSuspensions(data: Pick<Standing, 'suspensions'>): Suspension[] {
  return data.suspensions.filter((s) => s.to === undefined);
}

/** Whether a side may lift the suspension: its own, or one that predates recording who imposed it. */
export function liftableBy(suspension: Suspension, side: AuthoritySide): boolean {
  return suspension.side === side || suspension.side === null;
}

/** Open suspensions of the whole recognition. */
export function wholeSuspensions(data: Pick<Standing, 'suspensions'>): Suspension[] {
  return openSuspensions(data).filter((s) => s.regulations === undefined);
}

/**
 * Which side holds an open suspension, as the economy that side belongs to: the field the
 * workflow table's `LIFT_SUSPENSION` rules bind to, so only the side that suspended may lift.
 */
export function suspendedBy(data: Omit<Standing, 'inForce'>): { importing?: string; designating?: string } {
  const open = openSuspensions(data);
  return {
    ...(open.some((s) => liftableBy(s, 'importing')) ? { importing: data.importingEconomy } : {}),
    ...(open.some((s) => liftableBy(s, 'designating')) ? { designating: data.exportingEconomy } : {}),
  };
}

/** The regulations of the recognition a suspension for some regulations only took out at `at`. */
export function regulationsSuspendedOn(data: Pick<Standing, 'suspensions'>, at: string): string[] {
  return [
    ...new Set(data.suspensions.filter((s) => s.regulations !== undefined && inAnyPeriod([s], at)).flatMap((s) => s.regulations!)),
  ];
}

/** The regulations the recognition covered at `at`: none unless in force, less those suspended then. */
export function regulationsCoveredOn(data: Pick<Standing, 'inForce' | 'scope' | 'suspensions'>, at: string): string[] {
  if (!inAnyPeriod(data.inForce, at)) return [];
  const suspended = new Set(regulationsSuspendedOn(data, at));
  return data.scope.filter((r) => !suspended.has(r));
}

/**
 * Whether the regulator may decide on a contest by itself now: the answer period is over
 * (21 CFR 26.68(b)) or the designating authority confirmed (26.68(c)). Never while the designating
 * authority opposes: then the CAB "shall not at that time be withdrawn" and only the outcome of
 * the joint verification ends the contest (26.68(d)).
 */
export function contestDecidable(contest: Contest | undefined, at: string): boolean {
  if (contest === undefined || contest.outcome !== undefined || contest.position === 'opposed') return false;
  return at >= contest.answerBy || contest.position === 'confirmed';
}

/** Whether the contest is under joint verification: opposed by the designating authority and not ended. */
export function underJointVerification(contest: Contest | undefined): boolean {
  return contest !== undefined && contest.position === 'opposed' && contest.outcome === undefined;
}
