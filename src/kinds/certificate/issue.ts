/**
 * The facts of an equipment certificate's issue (docs/domain.md, "Certificate"), as of its issue
 * date: was the body recognised by the importing economy for every regulation, is the agreement a
 * Phase II one in force, was its ISO/IEC 17065 accreditation active, were the reports it rests on
 * made by recognised labs. The engine gathers them; this pure function turns them into reason
 * codes. What its foreign requirements count for (MRA-ETR) is judged apart (`kit/counterparts.ts`),
 * and its reasons follow these.
 */
import type { Reason } from '../types.js';
import type { VersionInTransition } from '../kit/regulation-versions.js';
import { requiredAccreditationReasons, type RequiredAccreditation } from '../kit/accreditation-standing.js';

export interface CertificateFacts {
  issuedAt: string;
  body: { cabId: string; economy: string };
  /** The agreement between the two economies the body's recognition rests on, if any. */
  agreement: { id: string; state: string; phase: string; inForce: boolean } | null;
  /** The body's recognitions by the importing economy, each as it stood on the issue date. */
  recognitions: Array<{ id: string; state: string; designationNumber?: string; inForceOnIssueDate: boolean; scope: string[] }>;
  /** Regulations of the certificate no recognition in force on the issue date covered. */
  uncoveredRegulations: string[];
  /** Versions replaced by the time of recording, outside their transition period (issued after the replacement, or recorded after the period). */
  retiredRegulations: string[];
  /** Replaced versions the certificate is still taken against: issued before the replacement, recorded within the transition period. */
  regulationsInTransition?: VersionInTransition[];
  /** Whether an accreditation of the body, to any standard, was active on the issue date. */
  accreditationActive: boolean;
  /** Its ISO/IEC 17065 accreditations active on the issue date, and the regulations they left uncovered. */
  accreditation: RequiredAccreditation;
  /** The test reports of the engine the certificate rests on, with whether their lab was recognised on their test date. */
  reports: Array<{ id: string; reportNumber: string; cabId: string; testedAt: string; labRecognizedOnTestDate: boolean }>;
}

/** The issue decision: why the certificate cannot stand, empty when it can. */
export function issueReasons(facts: CertificateFacts): Reason[] {
  const reasons: Reason[] = [];
  if (facts.agreement === null || !facts.agreement.inForce) {
    reasons.push({
      code: 'AGREEMENT_NOT_OPERATIONAL',
      detail: facts.agreement ? `Agreement ${facts.agreement.id} is ${facts.agreement.state}.` : `No agreement covers certification bodies of ${facts.body.economy}.`,
    });
  } else if (facts.agreement.phase !== 'II') {
    reasons.push({ code: 'AGREEMENT_NOT_PHASE_II', detail: `Agreement ${facts.agreement.id} is a Phase ${facts.agreement.phase} agreement: only Phase II covers certificates.` });
  }
  if (!facts.recognitions.some((r) => r.inForceOnIssueDate)) {
    reasons.push({ code: 'BODY_NOT_RECOGNIZED', detail: `Body ${facts.body.cabId} was not recognised in force on the issue date ${facts.issuedAt}.` });
  } else if (facts.uncoveredRegulations.length > 0) {
    reasons.push({ code: 'SCOPE_NOT_COVERED', detail: `The body's recognition did not cover ${facts.uncoveredRegulations.join(', ')} on the issue date.` });
  }
  if (facts.retiredRegulations.length > 0) {
    reasons.push({
      code: 'REGULATION_RETIRED',
      detail: `Replaced before this certificate was recorded, and outside the transition period for one issued on ${facts.issuedAt}: ${facts.retiredRegulations.join(', ')}.`,
    });
  }
  if (!facts.accreditationActive) {
    reasons.push({ code: 'ACCREDITATION_NOT_ACTIVE', detail: `No accreditation of the body was active on ${facts.issuedAt}.` });
  } else {
    reasons.push(...requiredAccreditationReasons(facts.accreditation, 'The body', `the issue date ${facts.issuedAt}`));
  }
  for (const report of facts.reports.filter((r) => !r.labRecognizedOnTestDate)) {
    reasons.push({
      code: 'REPORT_LAB_NOT_RECOGNIZED',
      detail: `Test report ${report.reportNumber} is by lab ${report.cabId}, which was not recognised on its test date ${report.testedAt}.`,
    });
  }
  return reasons;
}
