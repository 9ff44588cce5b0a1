/** The audit trail of principals and keys: who changed what, for which organisation, and when. */
import type { Actor } from '../kinds/types.js';
import { newId } from '../ids.js';
import type { AuditEntry, PrincipalRecord } from '../store/port.js';

/** An entry about `subject` (the principal changed, or whose key changed), filed under its organisation. */
export function auditEntry(
  actor: Actor,
  at: string,
  action: string,
  subject: PrincipalRecord,
  more: { keyId?: string; details?: Record<string, unknown> } = {},
): AuditEntry {
  return {
    id: newId(),
    at,
    actor: {
      id: actor.id,
      ...(actor.name === undefined ? {} : { name: actor.name }),
      ...(actor.organisation === undefined ? {} : { organisation: actor.organisation }),
    },
    action,
    organisation: subject.organisation,
    principalId: subject.id,
    ...(more.keyId === undefined ? {} : { keyId: more.keyId }),
    ...(more.details === undefined ? {} : { details: more.details }),
  };
}
