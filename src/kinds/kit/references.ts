/** Checks that what a body refers to exists, with errors that point at the field. */
import { compareInstants, type Kind } from '../types.js';
import { AppError, type FieldError } from '../../errors.js';
import type { CabRecord, DirectoryStore, FindQuery, InstanceRecord, InstanceStore, Page, RegulationRecord } from '../../store/port.js';
import type { ReadableRecord } from './reader.js';

/**
 * The regulations, each required to exist, to belong to `economy` when given, and (unless
 * `allowRetired`) not to be retired at `now`.
 *
 * @param pointer JSON Pointer of the list in the body, for the error.
 */
export async function requireRegulations(
  store: DirectoryStore,
  ids: readonly string[],
  pointer: string,
  options: { economy?: string; now?: Date } = {},
): Promise<RegulationRecord[]> {
  const found = await store.getRegulations(ids);
  const byId = new Map(found.map((r) => [r.id, r]));
  const errors: FieldError[] = [];
  ids.forEach((id, index) => {
    const regulation = byId.get(id);
    const at = `${pointer}/${index}`;
    if (!regulation) errors.push({ pointer: at, message: `unknown technical regulation "${id}" (GET /regulations lists them)` });
    else if (options.economy !== undefined && regulation.economy !== options.economy) {
      errors.push({ pointer: at, message: `"${id}" is a regulation of ${regulation.economy}, not of ${options.economy}` });
    } else if (options.now && regulation.retiredAt !== undefined && compareInstants(regulation.retiredAt, options.now.toISOString()) <= 0) {
      errors.push({
        pointer: at,
        message: `"${id}" was retired on ${regulation.retiredAt}${regulation.supersededBy ? `; use "${regulation.supersededBy}"` : ''}`,
      });
    }
  });
  if (errors.length > 0) {
    throw new AppError({ code: 'UNKNOWN_REFERENCE', detail: errors.map((e) => e.message).join('; '), errors });
  }
  return ids.map((id) => byId.get(id)!);
}

export async function requireCab(store: DirectoryStore, id: string, pointer: string): Promise<CabRecord> {
  const cab = await store.getCab(id);
  if (!cab) {
    throw new AppError({
      code: 'UNKNOWN_REFERENCE',
      detail: `There is no CAB "${id}" (GET /cabs lists them).`,
      errors: [{ pointer, message: `unknown CAB "${id}"` }],
    });
  }
  return cab;
}

/**
 * The record a body refers to, read with the acting principal's rights: one it may not read is
 * refused exactly as one that does not exist (same code, same sentence), so a reference never
 * tells whether a record it may not see is there.
 */
export async function requireInstance(reader: { readable: ReadableRecord }, kind: Kind, id: string, pointer: string): Promise<InstanceRecord> {
  const record = await reader.readable(kind, id);
  if (!record) {
    throw new AppError({
      code: 'UNKNOWN_REFERENCE',
      detail: `There is no ${kind.replace(/s$/, '')} "${id}".`,
      errors: [{ pointer, message: `unknown ${kind} id "${id}"` }],
    });
  }
  return record;
}

/** Every instance matching a query, page after page: for fact-finding over small sets. */
export async function findAll(store: InstanceStore, kind: Kind, query: Omit<FindQuery, 'limit' | 'cursor'>): Promise<InstanceRecord[]> {
  const all: InstanceRecord[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<InstanceRecord> = await store.find(kind, { ...query, limit: 200, cursor });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return all;
}

/** An instant field must come after another (or after now). */
export function requireAfter(later: string, earlier: string, pointer: string, message: string): void {
  if (!(compareInstants(later, earlier) > 0)) {
    throw new AppError({ code: 'VALIDATION_FAILED', detail: `${pointer.slice(1)} ${message}`, errors: [{ pointer, message }] });
  }
}
