/**
 * Migrations of stored recognitions (docs/domain.md, "Recognition"; docs/architecture.md on migrations).
 *
 * Version 1 did not record who suspended a recognition (either authority could lift any
 * suspension), had no contest, no partial suspension and no answer deadline for a request for
 * information. A version-1 record in `suspended` gets one suspension whose side is unknown
 * (`side: null`), dated when its last period in force closed; as under version 1, either
 * authority may lift it. Every record gets the new fields, empty.
 */
import type { Migration } from '../types.js';
import type { Period } from '../types.js';

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

export const recognitionMigrations: Readonly<Record<number, Migration>> = { 1: toVersion2 };
