/**
 * The screening of a submitted test report (docs/domain.md, "Test report"): on its test date, was the lab recognised by
 * the importing economy for every regulation, was it accredited to ISO/IEC 17025 for them, is the agreement
 * operational, were the subcontracted labs recognised, is any regulation retired. The engine
 * gathers the facts; this pure function turns them into reason codes. What the report's foreign
 * requirements count for is judged apart (`kit/counterparts.ts`), and its reasons follow these.
 */
import type { Reason } from '../types.js';
import type { VersionInTransition } from '../kit/regulation-versions.js';
import { requiredAccreditationReasons, type RequiredAccreditation } from '../kit/accreditation-standing.js';

/** What the engine found out about a submission, as of the report's test date. */
export interface ScreeningFacts {
  testedAt: string;
  lab: { cabId: string; economy: string };
  /**
   * The agreement between the importing economy and the lab's economy, if there is one; `inForce`
   * when results are accepted under it (operational, or under notice of termination and not suspended).
   */
  agreement: { id: string; state: string; inForce?: boolean } | null;
  /** The lab's recognitions by the importing economy, each as it stood on the test date. */
  recognitions: Array<{
    id: string;
    state: string;
    designationNumber?: string;
    inForceOnTestDate: boolean;
    scope: string[];
    /** Regulations of its scope suspended on the test date (a suspension of some regulations only). */
    suspendedOnTestDate?: string[];
  }>;
  /** Regulations of the report no recognition in force on the test date covers (suspended ones count as not covered). */
  uncoveredRegulations: string[];
  /** Recognitions covering the report that are suspended now: the report waits on hold for them. */
  suspendedRecognitions?: string[];
  /** Versions of the report replaced by the submission, outside their transition period (tested after the replacement, or submitted after the period). */
  retiredRegulations: string[];
  /** Replaced versions the report is still taken against: tested before the replacement, submitted within the transition period. */
  regulationsInTransition?: VersionInTransition[];
  /** Whether one of the lab's accreditations, to any standard, was active on the test date. */
  accreditationActive: boolean;
  /** Its ISO/IEC 17025 accreditations active on the test date, and the regulations they left uncovered. */
  accreditation: RequiredAccreditation;
  subcontractors: Array<{ cabId: string; recognizedOnTestDate: boolean }>;
}

/** The screening decision: why the report cannot be reviewed, empty when it can. */
export function screeningReasons(facts: ScreeningFacts): Reason[] {
  const reasons: Reason[] = [];
  if (facts.agreement === null || !(facts.agreement.inForce ?? facts.agreement.state === 'operational')) {
    reasons.push({
      code: 'AGREEMENT_NOT_OPERATIONAL',
      detail: facts.agreement
        ? `Agreement ${facts.agreement.id} is ${facts.agreement.state}.`
        : `No agreement covers labs of ${facts.lab.economy}.`,
    });
  }
  const inForce = facts.recognitions.filter((r) => r.inForceOnTestDate);
  if (inForce.length === 0) {
    reasons.push({
      code: 'LAB_NOT_RECOGNIZED',
      detail: `Lab ${facts.lab.cabId} was not recognised on the test date ${facts.testedAt}.`,
    });
  } else if (facts.uncoveredRegulations.length > 0) {
    reasons.push({
      code: 'SCOPE_NOT_COVERED',
      detail: `The lab's recognition did not cover ${facts.uncoveredRegulations.join(', ')} on the test date.`,
    });
  }
  if (facts.retiredRegulations.length > 0) {
    reasons.push({
      code: 'REGULATION_RETIRED',
      detail: `Replaced before this submission, and outside the transition period for a report tested on ${facts.testedAt}: ${facts.retiredRegulations.join(', ')}.`,
    });
  }
  if (!facts.accreditationActive) {
    reasons.push({ code: 'ACCREDITATION_NOT_ACTIVE', detail: `The lab's accreditation was not active on ${facts.testedAt}.` });
  } else {
    reasons.push(...requiredAccreditationReasons(facts.accreditation, 'The lab', `the test date ${facts.testedAt}`));
  }
  for (const sub of facts.subcontractors.filter((s) => !s.recognizedOnTestDate)) {
    reasons.push({ code: 'SUBCONTRACTOR_NOT_RECOGNIZED', detail: `Subcontracted lab ${sub.cabId} was not recognised on the test date.` });
  }
  return reasons;
}
