/**
 * Reading records for the signed-in pages: every instance of a kind this person may read, with
 * filters by state, economy and text; and "my work", the ones they may act on now, the soonest
 * deadline first. Filters on economy and text look at the record's data (codes, names, numbers),
 * accents and case ignored, so they work on every kind alike.
 */
import type { Actor, Kind } from '../../machines/types.js';
import type { Engine } from '../engine/engine.js';
import type { Resource } from '../engine/resource.js';
import { foldText } from '../search/fold.js';

/** How many records of one kind a list page reads at most. */
const SCAN_LIMIT = 2000;
export const PAGE_SIZE = 25;

export interface RecordFilters {
  state: string;
  economy: string;
  text: string;
}

export function filtersOf(query: Record<string, unknown>): RecordFilters {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name]).trim().slice(0, 200) : '');
  return { state: text('state'), economy: text('economy').toUpperCase(), text: text('q') };
}

function mentionsEconomy(data: unknown, code: string): boolean {
  if (typeof data === 'string') return data === code || data.startsWith(`${code}:`);
  if (Array.isArray(data)) return data.some((item) => mentionsEconomy(item, code));
  if (data !== null && typeof data === 'object') return Object.entries(data).some(([key, value]) => key === code || mentionsEconomy(value, code));
  return false;
}

export function matches(resource: Resource, filters: RecordFilters): boolean {
  if (filters.state && resource.state !== filters.state) return false;
  if (filters.economy && !mentionsEconomy(resource.data, filters.economy)) return false;
  if (filters.text) {
    const haystack = foldText(`${resource.id} ${JSON.stringify(resource.data)}`);
    if (!foldText(filters.text).split(' ').every((word) => haystack.includes(word))) return false;
  }
  return true;
}

/** Every record of a kind the actor may read, newest change first. */
export async function readable(engine: Engine, kind: Kind, actor: Actor): Promise<Resource[]> {
  const all: Resource[] = [];
  let cursor: string | null = null;
  do {
    const page = await engine.list(kind, { limit: 200, cursor }, actor);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && all.length < SCAN_LIMIT);
  return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

function soonest(resource: Resource): string {
  return resource.deadlines.map((d) => d.dueAt).sort()[0] ?? '9999';
}

/** What the actor's organisation may act on now, across kinds, the soonest deadline first. */
export async function myWork(engine: Engine, kinds: readonly Kind[], actor: Actor, filters: RecordFilters): Promise<Resource[]> {
  const lists = await Promise.all(kinds.map((kind) => readable(engine, kind, actor)));
  return lists
    .flat()
    .filter((resource) => resource.nextEvents.length > 0 && matches(resource, filters))
    .sort((a, b) => soonest(a).localeCompare(soonest(b)) || a.updatedAt.localeCompare(b.updatedAt));
}
