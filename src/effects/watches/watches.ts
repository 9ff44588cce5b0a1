/**
 * A principal's watches: made, listed and removed by their owner only. Nobody else sees them,
 * admins included: to anyone else a watch does not exist (404). A watch on an instance needs
 * the instance to exist and to be readable by its owner; a model or a recognition may be
 * watched before anything exists for it (that is the point: to hear of the first report).
 */
import { workflows } from '../../kinds/index.js';
import type { Actor } from '../../kinds/types.js';
import { mayRead } from '../../engine/read-access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { DirectoryStore, InstanceStore, Page, WatchRecord, WatchStore, WatchTarget } from '../../store/port.js';
import { watchKey } from './targets.js';

/** How many watches one principal may hold: a limit, so a key cannot grow the table without end. */
export const MAX_WATCHES_PER_PRINCIPAL = 500;

async function checkTarget(store: WatchStore & DirectoryStore & InstanceStore, actor: Actor, target: WatchTarget): Promise<void> {
  if (target.type === 'instance') {
    const record = await store.load(target.kind, target.id);
    if (!record || !mayRead(workflows[target.kind], actor, record.context)) {
      throw new AppError({ code: 'UNKNOWN_REFERENCE', detail: `There is no ${workflows[target.kind].noun} "${target.id}" to watch.` });
    }
  } else if (target.type === 'recognition') {
    if (!(await store.getCab(target.cabId))) throw new AppError({ code: 'UNKNOWN_REFERENCE', detail: `There is no CAB "${target.cabId}".` });
  }
  const economy = target.type === 'instance' ? null : target.economy;
  if (economy !== null && !(await store.getEconomy(economy))) throw new AppError({ code: 'UNKNOWN_REFERENCE', detail: `There is no economy "${economy}".` });
}

/**
 * Adds a watch for `actor`.
 *
 * @throws AppError UNKNOWN_REFERENCE (nothing to watch), DUPLICATE (already watched), NOT_ELIGIBLE (too many watches).
 */
export async function addWatch(store: WatchStore & DirectoryStore & InstanceStore, actor: Actor, target: WatchTarget, now: Date): Promise<WatchRecord> {
  await checkTarget(store, actor, target);
  const held = await store.listWatches({ principalId: actor.id, limit: MAX_WATCHES_PER_PRINCIPAL });
  if (held.items.length >= MAX_WATCHES_PER_PRINCIPAL) {
    throw new AppError({ code: 'NOT_ELIGIBLE', detail: `A principal may hold ${MAX_WATCHES_PER_PRINCIPAL} watches; remove some first.` });
  }
  const watch: WatchRecord = { id: newId(), principalId: actor.id, target, key: watchKey(target), createdAt: now.toISOString() };
  await store.putWatch(watch);
  return watch;
}

export function listWatches(store: WatchStore & DirectoryStore & InstanceStore, actor: Actor, page: { limit?: number; cursor?: string | null }): Promise<Page<WatchRecord>> {
  return store.listWatches({ principalId: actor.id, limit: page.limit ?? 50, cursor: page.cursor ?? null });
}

/** @throws AppError NOT_FOUND when `actor` has no watch by that id (whoever else may have one). */
export async function removeWatch(store: WatchStore & DirectoryStore & InstanceStore, actor: Actor, id: string): Promise<void> {
  if (!(await store.deleteWatch(id, actor.id))) throw new AppError({ code: 'NOT_FOUND', detail: `You have no watch "${id}".` });
}

/** What the API shows of a watch: everything but the matching key. */
export function watchView(watch: WatchRecord): Omit<WatchRecord, 'key'> {
  const { key: _key, ...view } = watch;
  return view;
}
