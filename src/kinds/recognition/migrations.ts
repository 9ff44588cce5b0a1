/**
 * Migrations of stored recognitions (docs/domain.md, "Recognition"; docs/architecture.md on migrations).
 *
 * Version 1 did not record who suspended a recognition (either authority could lift any
 * suspension), had no contest, no partial suspension and no answer deadline for a request for
 * information. A version-1 record in `suspended` gets one suspension whose side is unknown
 * (`side: null`), dated when its last period in force closed; as under version 1, either
 * authority may lift it. Every record gets the new fields, empty.
 *
 * Version 2 moved a recognition being renewed back to `pending` (or `info_requested`) with
 * `renewal: true`, its listing kept in force there (its last period in force still open): while
 * so, it could neither expire, nor be suspended, contested or withdrawn. Version 3 carries the
 * renewal beside the listing (`renewal: { since }`): such a record is `recognized` with its renewal
 * pending (an open request for information on it kept as the renewal's). A renewal whose period in
 * force had closed (it lapsed) stays a pending application. `renewal: false` goes; refused
 * renewals start empty. A record under joint verification stays there: under version 3 only the
 * agreed outcome (or the regulator dropping its contest) ends it.
 */
import type { Migration } from '../types.js';
import type { Period } from '../types.js';

/** A request for information as version 2 recorded it. */
type InfoRequest = { at: string; onNoAnswer: 'review' | 'close' };

const toVersion2: Migration = ({ state, context, updatedAt }) => {
  const inForce = (context['inForce'] as Period[] | undefined) ?? [];
  const suspended = state === 'suspended';
  const since = inForce.at(-1)?.to ?? updatedAt;
  const suspensions = suspended
    ? [{ side: null, by: null, from: since, reason: 'Suspended before version 2 recorded which authority suspended it.' }]
    : [];
  const economies = { importing: context['importingEconomy'], designating: context['exportingEconomy'] };
  return {
    state,
    context: {
      ...context,
      suspensions,
      suspendedBy: suspended ? economies : {},
      scopeRemovals: [],
      ...(state === 'info_requested' ? { infoRequest: { at: updatedAt, onNoAnswer: 'review' } } : {}),
    },
  };
};

const toVersion3: Migration = ({ state, context, updatedAt }) => {
  const { renewal, infoRequest, ...rest } = context as { renewal?: unknown; infoRequest?: InfoRequest } & Record<string, unknown>;
  const inForce = (context['inForce'] as Period[] | undefined) ?? [];
  const stillListed = renewal === true && (state === 'pending' || state === 'info_requested') && inForce.at(-1)?.to === undefined && inForce.length > 0;
  const base = { ...rest, renewalsRefused: [] };
  if (stillListed) {
    const request = state === 'info_requested' && infoRequest ? { infoRequest } : {};
    return { state: 'recognized', context: { ...base, renewal: { since: updatedAt, ...request } } };
  }
  // A renewal that is no longer in force (version 2 let it lapse) is a pending application, as version 3 has it.
  const stillRenewing = renewal === true && (state === 'pending' || state === 'info_requested');
  return {
    state,
    context: { ...base, ...(stillRenewing ? { renewal: { since: updatedAt } } : {}), ...(infoRequest === undefined ? {} : { infoRequest }) },
  };
};

export const recognitionMigrations: Readonly<Record<number, Migration>> = { 1: toVersion2, 2: toVersion3 };
