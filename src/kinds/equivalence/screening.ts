/**
 * What screening takes from equivalences of technical requirements (MRA-ETR; docs/domain.md,
 * "Equivalence"): a requirement of the exporting economy (or a reference scheme) that is not the
 * importing economy's own counts for the importing economy's equivalent regulation when an
 * equivalence is in force on the test (or issue) date; a partial one also needs its additional
 * tests covered. The counterparts the kind provides (`counterparts.ts`) judge test reports and
 * certificates with it.
 */
import type { Reason } from '../types.js';

/** How one requirement of the document was matched. */
export interface EquivalenceMatch {
  /** The document's requirement as written: a regulation id, or "scheme / document / version". */
  requirement: string;
  /** The equivalence in force on the date that maps it, if any. */
  equivalenceId?: string;
  /** The importing economy's regulation it counts for. */
  counterpart?: string;
  /** The additional tests of a partial equivalence the document does not say it covers. */
  missingTests: string[];
}

export interface EquivalenceFacts {
  /** The document's requirements that are not the importing economy's own, each with its match. */
  matches: EquivalenceMatch[];
}

/** The importing economy's regulations the document is in scope for through equivalences. */
export function equivalentRegulations(facts: EquivalenceFacts | undefined): string[] {
  return (facts?.matches ?? []).flatMap((m) => (m.counterpart === undefined ? [] : [m.counterpart]));
}

export function equivalenceReasons(facts: EquivalenceFacts | undefined): Reason[] {
  const reasons: Reason[] = [];
  for (const match of facts?.matches ?? []) {
    if (match.equivalenceId === undefined) {
      reasons.push({
        code: 'NO_EQUIVALENCE_IN_FORCE',
        detail: `${match.requirement} is not a regulation of the importing economy, and no equivalence to one of its regulations was in force on the date.`,
      });
    } else if (match.missingTests.length > 0) {
      reasons.push({
        code: 'ADDITIONAL_TESTS_MISSING',
        detail: `Equivalence ${match.equivalenceId} of ${match.requirement} to ${match.counterpart} requires the additional tests: ${match.missingTests.join('; ')}.`,
      });
    }
  }
  return reasons;
}
