/**
 * When a CAB may be designated to an importing economy, and recognised by it (docs/domain.md, "Recognition"): only
 * under an operational agreement whose scope covers the request, between the CAB's economy and
 * the importing one, with an active accreditation that covers it; Phase II for certification
 * bodies; and only a CAB designated at home for that economy (Circular 12/2016/TT-BTTTT; 47 CFR
 * 2.951). The engine gathers the facts; these pure functions decide.
 */
import type { RecognitionInput } from './machine.js';
import type { Reason } from '../types.js';

/** What an application (or a decision on it) is judged on; gathered by the engine. */
export interface RecognitionFacts {
  agreement: { id: string; state: string; economies: string[]; phase: string; scope: Record<string, string[]> };
  cab: { id: string; economy: string; type: string };
  /** The CAB's accreditations with whether each is active now and covers the requested scope. */
  accreditations: Array<{ id: string; state: string; activeNow: boolean; coversScope: boolean }>;
  /** Other live recognitions of this CAB by this economy under this agreement. */
  existing: Array<{ id: string; state: string; scope: string[] }>;
  /**
   * The CAB's designations at home for this importing economy under this agreement (the one named
   * by `designationId` only, when the application names one), with whether each is in force now
   * and covers the scope. Absent when a decision is taken on a recognition of an older release,
   * filed before designation at home was recorded.
   */
  designations?: Array<{ id: string; state: string; inForceNow: boolean; coversScope: boolean }>;
}

/**
 * Why a CAB may not be designated (or recognised) as asked; empty when it may:
 * only while the agreement is operational and the CAB's accreditation is active and covers the scope.
 */
export function applicationRefusals(input: RecognitionInput, facts: RecognitionFacts): Reason[] {
  const reasons: Reason[] = [];
  const { agreement, cab } = facts;
  if (agreement.state !== 'operational') {
    reasons.push({ code: 'AGREEMENT_NOT_OPERATIONAL', detail: `Agreement ${agreement.id} is ${agreement.state}.` });
  }
  const partner = agreement.economies.find((e) => e !== cab.economy);
  if (!agreement.economies.includes(cab.economy) || partner !== input.importingEconomy) {
    reasons.push({
      code: 'ECONOMY_NOT_IN_AGREEMENT',
      detail: `Agreement ${agreement.id} is between ${agreement.economies.join(' and ')}; the CAB is in ${cab.economy} and the importing economy is ${input.importingEconomy}.`,
    });
  }
  if (cab.type === 'certification_body' && agreement.phase !== 'II') {
    reasons.push({ code: 'PHASE_NOT_COVERED', detail: 'Certification bodies are recognised under Phase II agreements only.' });
  }
  const agreed = agreement.scope[input.importingEconomy] ?? [];
  const outside = input.scope.filter((r) => !agreed.includes(r));
  if (outside.length > 0) {
    reasons.push({ code: 'SCOPE_NOT_IN_AGREEMENT', detail: `Not covered by the agreement: ${outside.join(', ')}.` });
  }
  const active = facts.accreditations.filter((a) => a.activeNow);
  if (active.length === 0) {
    reasons.push({ code: 'ACCREDITATION_NOT_ACTIVE', detail: `CAB ${cab.id} holds no active accreditation.` });
  } else if (!active.some((a) => a.coversScope)) {
    reasons.push({ code: 'SCOPE_NOT_COVERED', detail: `No active accreditation of CAB ${cab.id} covers the whole scope.` });
  }
  if (facts.designations !== undefined && groundingDesignation(facts) === undefined) {
    const named = facts.designations.length === 1 ? ` (designation ${facts.designations[0]!.id} is ${facts.designations[0]!.state})` : '';
    reasons.push({
      code: 'NOT_DESIGNATED',
      detail: `CAB ${cab.id} holds no designation in force by its designating authority for ${input.importingEconomy} under agreement ${agreement.id} that covers the scope${named}: a CAB is designated at home before it is put forward.`,
    });
  }
  return reasons;
}

/** The designation at home a recognition rests on: the newest in force now that covers the scope. */
export function groundingDesignation(facts: RecognitionFacts): string | undefined {
  return facts.designations?.findLast((d) => d.inForceNow && d.coversScope)?.id;
}

/** A second live recognition for an overlapping scope would make the register ambiguous. */
export function duplicateRefusals(input: RecognitionInput, facts: RecognitionFacts): Reason[] {
  return facts.existing
    .filter((r) => r.scope.some((s) => input.scope.includes(s)))
    .map((r) => ({ code: 'RECOGNITION_EXISTS', detail: `Recognition ${r.id} (${r.state}) already covers part of this scope.` }));
}

/**
 * The accreditation a recognition stands on: the CAB's first one that is active now and covers
 * the scope. The recognition follows it (lapses and is restored with it), not the CAB's others.
 */
export function groundingAccreditation(facts: RecognitionFacts): string | undefined {
  return facts.accreditations.find((a) => a.activeNow && a.coversScope)?.id;
}
