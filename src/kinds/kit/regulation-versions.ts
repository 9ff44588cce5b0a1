/**
 * Versions of a technical regulation and their transition periods (docs/domain.md, "Technical
 * regulations and their versions"). A version is replaced at `retiredAt` (by `supersededBy`);
 * from then on a result against it is refused, except during its transition period: until
 * `acceptedUntil`, a result made before the replacement (a report tested, a certificate issued)
 * is still taken.
 */
import type { RegulationRecord } from '../../store/port.js';
import { compareInstants } from '../types.js';

/** A replaced version a result is still taken against, and until when. */
export interface VersionInTransition {
  id: string;
  replacedAt: string;
  acceptedUntil: string;
}

function replacedBy(regulation: RegulationRecord, at: string): regulation is RegulationRecord & { retiredAt: string } {
  return regulation.retiredAt !== undefined && compareInstants(regulation.retiredAt, at) <= 0;
}

/**
 * Whether a replaced version still takes a result made at `madeAt` and submitted at `submittedAt`:
 * made before the replacement, and submitted before the end of the transition period.
 */
function inTransition(regulation: RegulationRecord & { retiredAt: string }, madeAt: string, submittedAt: string): boolean {
  return (
    regulation.acceptedUntil !== undefined &&
    compareInstants(madeAt, regulation.retiredAt) < 0 &&
    compareInstants(submittedAt, regulation.acceptedUntil) < 0
  );
}

/**
 * The versions, among `regulations`, that refuse a result made at `madeAt` (the test date of a
 * report, the issue date of a certificate) and submitted at `submittedAt`: replaced by then, and
 * outside their transition period.
 *
 * @example refusedVersions([{ id: 'VN:QCVN 86:2019/BTTTT', economy: 'VN', retiredAt: '2026-01-01', acceptedUntil: '2027-07-01' }],
 *   '2025-12-10', '2026-03-02') // []: tested before the replacement, submitted within the transition
 */
export function refusedVersions(regulations: readonly RegulationRecord[], madeAt: string, submittedAt: string): string[] {
  return regulations.filter((r) => replacedBy(r, submittedAt) && !inTransition(r, madeAt, submittedAt)).map((r) => r.id);
}

/** The replaced versions, among `regulations`, that take the result only because of their transition period. */
export function versionsInTransition(regulations: readonly RegulationRecord[], madeAt: string, submittedAt: string): VersionInTransition[] {
  return regulations
    .filter((r): r is RegulationRecord & { retiredAt: string; acceptedUntil: string } => replacedBy(r, submittedAt) && inTransition(r, madeAt, submittedAt))
    .map((r) => ({ id: r.id, replacedAt: r.retiredAt, acceptedUntil: r.acceptedUntil }));
}
