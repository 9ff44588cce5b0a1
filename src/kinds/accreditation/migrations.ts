/**
 * Migrations of stored accreditations (docs/domain.md, "Accreditation"; docs/architecture.md on migrations).
 *
 * Version 2 let a lapsed accreditation be re-accredited; its data is version 1's. Version 3 keeps
 * the cycle as ISO/IEC 17011 runs it: a version-2 record gets its scope history starting with its
 * current scope at `validFrom` (earlier changes were not recorded), no visits, its cycle and the
 * count of on-site visits from `validFrom` (the day of an earlier renewal was not recorded), and
 * the on-site visit due two years after that. Its state is kept: one suspended stays suspended, and
 * is reinstated, like any other, only after the body's on-site check.
 */
import type { Migration } from '../types.js';
import { onSiteDueAfter } from './cycle.js';

const toVersion2: Migration = ({ state, context }) => ({ state, context });

const toVersion3: Migration = ({ state, context }) => {
  const validFrom = context['validFrom'] as string;
  const scope = (context['scope'] as string[] | undefined) ?? [];
  return {
    state,
    context: {
      ...context,
      cycleFrom: validFrom,
      scopeHistory: [{ from: validFrom, scopeChange: 'granted', scope: [...scope] }],
      visits: [],
      onSiteSince: validFrom,
      onSiteDue: onSiteDueAfter([], validFrom),
      onSiteDueNotice: onSiteDueAfter([], validFrom),
    },
  };
};

export const accreditationMigrations: Readonly<Record<number, Migration>> = { 1: toVersion2, 2: toVersion3 };
