/**
 * Principals through the API: created by whoever manages them (`principal-rules.ts`), disabled,
 * never deleted (history keeps naming who acted), every change in the audit trail.
 */
import type { Actor } from '../kinds/types.js';
import type { CreatePrincipal } from '../schemas/access.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import { defaultOrganisation } from '../principals.js';
import type { AccessStore, DirectoryStore, PrincipalRecord } from '../store/port.js';
import { auditEntry } from './audit.js';
import { mayRead, requireManageable } from './principal-rules.js';

const NEEDS_ECONOMY = new Set(['regulator', 'designating_authority', 'accreditation_body', 'importer']);

function unknownReference(pointer: string, detail: string): AppError {
  return new AppError({ code: 'UNKNOWN_REFERENCE', detail, errors: [{ pointer, message: detail }] });
}

function adminOnly(body: CreatePrincipal, actor: Actor): void {
  for (const field of ['organisation', 'serves'] as const) {
    if (body[field] !== undefined && actor.role !== 'admin') {
      throw new AppError({ code: 'FORBIDDEN', detail: `Only an admin sets "${field}"; others create principals of their own organisation.` });
    }
  }
}

/** The record `body` describes: organisation and economy settled from the CAB, the creator or the body. */
async function recordFor(store: DirectoryStore & AccessStore, body: CreatePrincipal, actor: Actor, at: string): Promise<PrincipalRecord> {
  const id = body.id ?? newId();
  const base = { id, name: body.name, role: body.role, email: body.email, language: body.language, createdAt: at };
  if (body.role === 'lab') {
    const cab = await store.getCab(body.cabId!);
    if (!cab) throw unknownReference('/cabId', `There is no CAB "${body.cabId}".`);
    if (body.economy !== undefined && body.economy !== cab.economy) {
      throw new AppError({
        code: 'NOT_ELIGIBLE',
        detail: `CAB ${cab.id} is of ${cab.economy}: its principals act for ${cab.economy}, not for ${body.economy}.`,
        errors: [{ pointer: '/economy', message: `must be ${cab.economy}, the economy of CAB ${cab.id}, or left out` }],
      });
    }
    return { ...base, cabId: cab.id, economy: cab.economy, organisation: body.organisation ?? defaultOrganisation({ id, cabId: cab.id }) };
  }
  if (actor.role !== 'admin') {
    // An officer of the creator's own body: same organisation, economy and declared economies.
    // Asking for another economy is refused rather than quietly given the creator's own.
    if (body.economy !== undefined && body.economy !== actor.economy) {
      throw new AppError({
        code: 'FORBIDDEN',
        detail: `You create officers of your own organisation, which acts for ${actor.economy ?? 'no economy'}; a principal of ${body.economy} is created by an admin or by its own organisation.`,
      });
    }
    const creator = await store.getPrincipal(actor.id);
    return {
      ...base,
      organisation: actor.organisation ?? actor.id,
      ...(actor.economy === undefined ? {} : { economy: actor.economy }),
      ...(creator?.serves === undefined ? {} : { serves: creator.serves }),
    };
  }
  const economy = body.economy;
  if (NEEDS_ECONOMY.has(body.role)) {
    if (economy === undefined) {
      throw new AppError({ code: 'VALIDATION_FAILED', detail: `A ${body.role.replace('_', ' ')} acts for an economy: give "economy".`, errors: [{ pointer: '/economy', message: 'is required for this role' }] });
    }
    if (!(await store.getEconomy(economy))) throw unknownReference('/economy', `There is no economy "${economy}".`);
  }
  for (const served of body.serves ?? []) {
    if (!(await store.getEconomy(served))) throw unknownReference('/serves', `There is no economy "${served}".`);
  }
  return {
    ...base,
    organisation: body.organisation ?? id,
    ...(economy === undefined ? {} : { economy }),
    ...(body.serves === undefined || body.role !== 'accreditation_body' ? {} : { serves: body.serves }),
  };
}

/** Creates a principal the actor manages; its e-mail address and id must be free. */
export async function createPrincipal(store: DirectoryStore & AccessStore, body: CreatePrincipal, actor: Actor, now: Date): Promise<PrincipalRecord> {
  adminOnly(body, actor);
  const at = now.toISOString();
  const record = await recordFor(store, body, actor, at);
  await requireManageable(store, actor, record, 'create');
  if (await store.getPrincipal(record.id)) throw new AppError({ code: 'DUPLICATE', detail: `The principal id "${record.id}" is taken.`, publicFields: { existingId: record.id } });
  const sameAddress = await store.principalByEmail(record.email);
  if (sameAddress) {
    throw new AppError({ code: 'DUPLICATE', detail: `${record.email} is already the address of a principal; sign-in links need one principal per address.`, publicFields: { existingId: sameAddress.id } });
  }
  await store.putPrincipal(record, auditEntry(actor, at, 'principal.created', record, { details: { role: record.role, name: record.name } }));
  return record;
}

/** A principal the actor may see (itself, its organisation, those it manages); 404 otherwise. */
export async function readPrincipal(store: DirectoryStore & AccessStore, id: string, actor: Actor): Promise<PrincipalRecord> {
  const found = await store.getPrincipal(id);
  if (!found || !(await mayRead(store, actor, found))) throw new AppError({ code: 'NOT_FOUND', detail: `There is no principal "${id}" you may see.` });
  return found;
}

/** Disables a principal: at once its keys and sessions stop working; its history stays. */
export async function disablePrincipal(store: DirectoryStore & AccessStore, id: string, actor: Actor, now: Date, reason?: string): Promise<PrincipalRecord> {
  const target = await readPrincipal(store, id, actor);
  await requireManageable(store, actor, target, 'disable');
  if (target.id === actor.id) {
    throw new AppError({ code: 'NOT_ELIGIBLE', detail: 'You cannot disable yourself; ask whoever manages you.', publicFields: { reasons: [{ code: 'SELF', detail: 'disabling oneself' }] } });
  }
  if (target.disabledAt !== undefined) {
    throw new AppError({ code: 'NOT_ELIGIBLE', detail: `${id} is already disabled, since ${target.disabledAt}.`, publicFields: { reasons: [{ code: 'ALREADY_DISABLED', detail: target.disabledAt }] } });
  }
  const at = now.toISOString();
  const disabled: PrincipalRecord = { ...target, disabledAt: at };
  await store.putPrincipal(disabled, auditEntry(actor, at, 'principal.disabled', target, reason === undefined ? {} : { details: { reason } }));
  await store.deleteSessionsOf(id);
  return disabled;
}
