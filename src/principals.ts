/** Principals: who acts, and for which organisation. */
import type { Actor } from './kinds/types.js';
import type { PrincipalRecord } from './store/port.js';

/** The actor a principal acts as: the person (id, name) and the organisation it acts for. */
export function actorOf(principal: PrincipalRecord): Actor {
  return {
    id: principal.id,
    role: principal.role,
    name: principal.name,
    organisation: principal.organisation,
    ...(principal.economy === undefined ? {} : { economy: principal.economy }),
    ...(principal.cabId === undefined ? {} : { cabId: principal.cabId }),
  };
}

/** The organisation a principal acts for when none is named: its CAB, or itself. */
export function defaultOrganisation(principal: { id: string; cabId?: string }): string {
  return principal.cabId ?? principal.id;
}
