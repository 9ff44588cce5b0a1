/**
 * Who may manage which principal (create it, disable it, revoke its keys):
 * - an admin, any principal;
 * - a designating authority, the principals of its own economy's CABs;
 * - a regulator, designating authority or accreditation body, the officers of its own body
 *   (same role, same organisation).
 * Everyone may read itself and the principals of its own organisation.
 */
import type { Actor, PrincipalRole } from '../kinds/types.js';
import { AppError } from '../errors.js';
import type { DirectoryStore } from '../store/port.js';

/** What the rules look at in a principal, existing or about to be created. */
export interface ManagedShape {
  role: PrincipalRole;
  organisation: string;
  cabId?: string;
}

const BODIES: readonly PrincipalRole[] = ['regulator', 'designating_authority', 'accreditation_body'];

export async function mayManage(directory: DirectoryStore, actor: Actor, target: ManagedShape): Promise<boolean> {
  if (actor.role === 'admin') return true;
  if (actor.role === 'designating_authority' && target.role === 'lab' && target.cabId !== undefined) {
    const cab = await directory.getCab(target.cabId);
    if (cab && cab.economy === actor.economy) return true;
  }
  return BODIES.includes(actor.role as PrincipalRole) && target.role === actor.role && target.organisation === actor.organisation;
}

/** @throws AppError FORBIDDEN when the actor may not manage the target. */
export async function requireManageable(directory: DirectoryStore, actor: Actor, target: ManagedShape & { id?: string }, verb: string): Promise<void> {
  if (await mayManage(directory, actor, target)) return;
  const whom = target.id ?? `a ${target.role.replace('_', ' ')} of ${target.organisation}`;
  throw new AppError({
    code: 'FORBIDDEN',
    detail:
      `You may not ${verb} ${whom}: an admin manages every principal, a designating authority the principals of its ` +
      `own economy's CABs, and a regulator, designating authority or accreditation body the officers of its own organisation.`,
  });
}

/** Whether the actor may see the principal at all: itself, its organisation, or one it manages. */
export async function mayRead(directory: DirectoryStore, actor: Actor, target: ManagedShape & { id: string }): Promise<boolean> {
  return actor.id === target.id || actor.organisation === target.organisation || (await mayManage(directory, actor, target));
}
