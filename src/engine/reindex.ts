/**
 * Re-indexing at start-up: when the code's search definitions differ from those the store was
 * indexed by (a store written by an older release, a store copied between adapters), every
 * instance's searchable fields, unique keys and free text are computed again from its data and
 * written without a transition (`SearchIndexStore.reindex`), so a search finds what the current
 * code would have indexed. Nothing else of an instance changes: no history, no e-mail, no version.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { KINDS, workflows } from '../kinds/index.js';
import type { Kind, Workflow } from '../kinds/types.js';
import { isAppError } from '../errors.js';
import { foldText } from '../search/fold.js';
import type { InstanceRecord, InstanceStore, SearchIndexStore } from '../store/port.js';
import { upgrade } from './upgrade.js';
import { searchFields, searchText, uniqueKeys } from './search-keys.js';
import { stringsAt } from './paths.js';

/** How many instances are read at a time, and how often progress is logged. */
const PAGE = 500;

/**
 * A digest of everything that decides an instance's index entries: each workflow's machine
 * version (its migrations shape the data), search fields (a derived field's code included),
 * free-text fields and unique keys, and the folding and path reading they go through. Any change
 * to them changes the digest, so nobody has to remember to bump a number.
 */
export function searchIndexVersionOf(all: Readonly<Record<Kind, Workflow>> = workflows): string {
  const definitions = KINDS.map((kind) => {
    const w = all[kind];
    const search = Object.entries(w.search).map(([name, field]) => [name, typeof field === 'object' && 'derive' in field ? { derive: field.derive.toString() } : field]);
    return { kind, version: w.version, search, text: w.text ?? {}, unique: w.unique };
  });
  const code = [foldText, stringsAt, searchFields, searchText, uniqueKeys].map((f) => f.toString());
  return createHash('sha256').update(JSON.stringify({ definitions, code })).digest('hex').slice(0, 16);
}

/** The search-index version of the running code. */
export const SEARCH_INDEX_VERSION = searchIndexVersionOf();

export interface ReindexSummary {
  /** Instances whose entries were rewritten. */
  reindexed: number;
  /** Instances that moved on meanwhile (a transition wrote their entries) or could not be read by this code. */
  skipped: number;
  /** Instances refused because another holds one of their unique keys: listed in the log. */
  refused: number;
}

async function reindexOne(store: InstanceStore & SearchIndexStore, workflow: Workflow, record: InstanceRecord): Promise<'reindexed' | 'skipped'> {
  // Computed from the data as the current machine version sees it, as its next transition would.
  const { state, context } = upgrade(workflow, record);
  const fields = searchFields(workflow, state, context);
  const entry = { version: record.version, fields, uniqueKeys: uniqueKeys(workflow, fields), text: searchText(workflow, context) };
  return (await store.reindex(workflow.kind, record.id, entry)) ? 'reindexed' : 'skipped';
}

/**
 * Re-indexes every instance when the store's recorded search-index version is not the code's,
 * then records the code's. Safe to run on several nodes at once (each write is idempotent and
 * checks the instance's version); a node that stops half-way leaves the version unrecorded, so
 * the next start does it again.
 *
 * @returns null when the store was already indexed by this code.
 */
export async function reindexIfStale(store: InstanceStore & SearchIndexStore, log: Logger, version = SEARCH_INDEX_VERSION): Promise<ReindexSummary | null> {
  const recorded = await store.searchIndexVersion();
  if (recorded === version) return null;
  log.info({ recorded, version }, 'search definitions changed since the store was indexed: re-indexing every instance');
  const summary: ReindexSummary = { reindexed: 0, skipped: 0, refused: 0 };
  for (const kind of KINDS) {
    let cursor: string | null = null;
    let done = 0;
    do {
      const page = await store.find(kind, { limit: PAGE, cursor });
      for (const record of page.items) {
        try {
          summary[await reindexOne(store, workflows[kind], record)] += 1;
        } catch (error) {
          if (isAppError(error, 'DUPLICATE')) {
            summary.refused += 1;
            log.error({ kind, id: record.id, err: error }, `${kind}/${record.id} keeps its old search entries: ${error.detail}`);
          } else if (isAppError(error, 'MACHINE_VERSION_UNSUPPORTED')) {
            summary.skipped += 1;
            log.warn({ kind, id: record.id }, error.detail);
          } else {
            throw error;
          }
        }
      }
      done += page.items.length;
      cursor = page.nextCursor;
      if (page.items.length > 0) log.info({ kind, done }, `re-indexing ${kind}: ${done} so far`);
    } while (cursor !== null);
  }
  await store.recordSearchIndexVersion(version);
  log.info({ ...summary, version }, 'search index rebuilt');
  return summary;
}
