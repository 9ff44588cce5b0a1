/** What the engine answers without changing anything: one instance, a page of them, a history. */
import { workflows } from '../kinds/index.js';
import type { Actor, Kind } from '../kinds/types.js';
import type { FindOrder, HistoryEntry, InstanceRecord, Page } from '../store/port.js';
import { loadReadable, view, type EngineCore } from './core.js';
import { readScope } from './read-access.js';
import { checkListQuery, textConditions } from './requests.js';
import type { Resource } from './resource.js';
import { searchQuery } from './search-keys.js';
import { upgrade } from './upgrade.js';

export interface ListQuery {
  states?: readonly string[];
  /** Search field -> value, matched exactly; a free-text field -> what was typed, matched in part, without case or accents. */
  where?: Readonly<Record<string, string>>;
  /**
   * Free-text field -> what was typed, matched in part without case or accents, even where a
   * search field of the same name would match `where` exactly (a certificate's manufacturer).
   */
  text?: Readonly<Record<string, string>>;
  /** A search box: what was typed, found in any free-text field. */
  q?: string;
  /** Oldest first (the default) or newest first. */
  order?: FindOrder;
  limit?: number;
  cursor?: string | null;
}

export async function get(core: EngineCore, kind: Kind, id: string, actor: Actor): Promise<Resource> {
  return view(core, await loadReadable(core, kind, id, actor), actor);
}

export async function list(core: EngineCore, kind: Kind, query: ListQuery, actor: Actor): Promise<Page<Resource>> {
  const page = await records(core, kind, query, actor);
  const items = await Promise.all(page.items.map((record) => view(core, record, actor)));
  return { items, nextCursor: page.nextCursor };
}

export async function records(core: EngineCore, kind: Kind, query: ListQuery, actor: Actor): Promise<Page<InstanceRecord>> {
  const workflow = workflows[kind];
  checkListQuery(workflow, query);
  const scope = readScope(workflow, actor);
  if (scope === null) return { items: [], nextCursor: null };
  const exact: Record<string, string> = {};
  const typed: Record<string, string> = { ...query.text };
  for (const [field, value] of Object.entries(query.where ?? {})) (field in workflow.search ? exact : typed)[field] = value;
  const text = textConditions(typed, query.q);
  const page = await core.store.find(kind, {
    ...(query.states === undefined ? {} : { states: query.states }),
    where: searchQuery(workflow, { ...exact, ...scope }),
    ...(text.length > 0 ? { text } : {}),
    ...(query.order === undefined ? {} : { order: query.order }),
    limit: query.limit ?? 50,
    cursor: query.cursor ?? null,
  });
  return { items: page.items.map((record) => upgrade(workflow, record)), nextCursor: page.nextCursor };
}

export async function history(
  core: EngineCore,
  kind: Kind,
  id: string,
  actor: Actor,
  options: { afterSeq?: number; limit?: number },
): Promise<Page<HistoryEntry>> {
  await loadReadable(core, kind, id, actor);
  return core.store.history(kind, id, { limit: options.limit ?? 200, ...(options.afterSeq === undefined ? {} : { afterSeq: options.afterSeq }) });
}
