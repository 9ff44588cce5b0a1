/**
 * Instances, their history and their search index in MongoDB. Commits and re-indexing are
 * transactions (`commit.ts`); reads are single queries built in `queries.ts`.
 */
import type { Kind } from '../../kinds/types.js';
import type { Commit, FindQuery, HistoryEntry, InstanceRecord, InstanceStore, MailAlreadySent, Page, SearchIndexEntry, SearchIndexStore } from '../port.js';
import type { MongoCommitter } from './commit.js';
import { page } from './page.js';
import * as q from './queries.js';
import type { Runner } from './run.js';
import type { TextSearch } from './text-search.js';
import { COLLECTIONS, toHistory, toInstance, type HistoryDoc, type InstanceDoc } from './shapes.js';

/** The setting that records which search definitions the store was indexed by. */
const SEARCH_INDEX_VERSION = 'searchIndexVersion';

export class MongoInstances implements InstanceStore, SearchIndexStore {
  readonly #run: Runner;
  readonly #committer: MongoCommitter;
  readonly #textSearch: TextSearch;

  constructor(run: Runner, committer: MongoCommitter, textSearch: TextSearch) {
    this.#run = run;
    this.#committer = committer;
    this.#textSearch = textSearch;
  }

  commit(commit: Commit): Promise<void> {
    return this.#committer.commit(commit);
  }

  commitMany(commits: readonly Commit[], options: { mailSent?: MailAlreadySent } = {}): Promise<void> {
    return this.#committer.commitMany(commits, options.mailSent);
  }

  async load(kind: Kind, id: string): Promise<InstanceRecord | null> {
    const doc = await this.#run.one<InstanceDoc>(q.instanceById(kind, id));
    return doc === null ? null : toInstance(doc);
  }

  async find(kind: Kind, query: FindQuery): Promise<Page<InstanceRecord>> {
    let docs: InstanceDoc[];
    if ((query.text ?? []).length > 0) {
      // Free text is planned (the rarest trigram first) and bounded in time: text-search.ts.
      const read = await this.#textSearch.plan(kind, query);
      docs = read === null ? [] : await this.#textSearch.run<InstanceDoc>(read);
    } else {
      docs = await this.#run.all<InstanceDoc>(q.findInstances(kind, query));
    }
    return page(docs, query.limit, toInstance, (i) => [i.createdAt, i.id]);
  }

  async history(kind: Kind, id: string, options: { afterSeq?: number; limit: number }): Promise<Page<HistoryEntry>> {
    const docs = await this.#run.all<HistoryDoc>(q.historyPage(kind, id, options));
    const items = docs.slice(0, options.limit).map(toHistory);
    const last = items.at(-1);
    return { items, nextCursor: docs.length > options.limit && last ? String(last.seq) : null };
  }

  async stepAt(kind: Kind, id: string, instant: string): Promise<Pick<HistoryEntry, 'seq' | 'at' | 'to'> | null> {
    let beforeSeq: number | undefined;
    for (;;) {
      const docs = await this.#run.all<HistoryDoc>(q.historyBackwards(kind, id, { ...(beforeSeq === undefined ? {} : { beforeSeq }), limit: 20 }));
      const found = docs.find((doc) => doc.at <= instant);
      if (found) return { seq: found.seq, at: found.at, to: found.to };
      if (docs.length < 20) return null;
      beforeSeq = docs.at(-1)!.seq;
    }
  }

  reindex(kind: Kind, id: string, entry: SearchIndexEntry): Promise<boolean> {
    return this.#committer.reindex(kind, id, entry);
  }

  async searchIndexVersion(): Promise<string | null> {
    return (await this.#run.one<{ value: string }>(q.byId(COLLECTIONS.settings, SEARCH_INDEX_VERSION)))?.value ?? null;
  }

  async recordSearchIndexVersion(version: string): Promise<void> {
    await this.#run.update(q.recordSetting(SEARCH_INDEX_VERSION, version), null, { upsert: true });
  }
}
