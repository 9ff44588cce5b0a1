/**
 * Instances and their history, and the search index over them: what the engine reads and the one
 * atomic `commit` that writes a transition with everything it causes (history, e-mail, timers,
 * webhook deliveries).
 */
import type { Kind } from '../../kinds/types.js';
import type { Page } from './page.js';
import type { HistoryEntry, Notification } from './transition.js';
import type { Recipient, TimerDraft, WebhookDeliveryDraft } from './queues.js';

/** A workflow instance as stored: its machine state, its data and its version. */
export interface InstanceRecord {
  kind: Kind;
  id: string;
  state: string;
  /** The machine's context: the instance's data. */
  context: Record<string, unknown>;
  /** Starts at 1 on creation; each commit adds one. */
  version: number;
  /** The version of the machine that wrote this record. */
  machineVersion: number;
  createdAt: string;
  updatedAt: string;
}


/** Values of an instance's searchable fields; a list matches any of its items. */
export type SearchFields = Record<string, string | string[]>;

/**
 * Free-text fields of an instance, name -> text, already folded (`src/search/fold.ts`: no case,
 * no accents, đ as d). An adapter indexes them for substring look-ups (SQLite: FTS5 trigrams).
 */
export type SearchText = Record<string, string>;

/**
 * A free-text condition: `fragment` (folded, at least 3 characters) occurs somewhere in the
 * named text field, or in any of the instance's text fields when `field` is absent.
 */
export interface TextCondition {
  field?: string;
  fragment: string;
}

/**
 * One transition's whole effect, written atomically: all of it or none of it.
 * `expectedVersion` 0 creates the instance; otherwise the instance must be at that version.
 */
export interface Commit {
  kind: Kind;
  id: string;
  expectedVersion: number;
  state: string;
  context: Record<string, unknown>;
  machineVersion: number;
  at: string;
  /** Replaces the searchable fields; omitted when they did not change. */
  fields?: SearchFields;
  /** Keys that must be unique within the kind; replaces the previous set. Omitted when unchanged. */
  uniqueKeys?: string[];
  /** Replaces the free-text fields; omitted when they did not change. */
  text?: SearchText;
  history: Omit<HistoryEntry, 'seq'>;
  /** The transition's e-mail: one notification, one outbox message per recipient. */
  outbox: { notification: Notification; messages: Array<{ id: string; recipient: Recipient }> };
  /** The instance's timers (state deadlines and cascade tasks; the `deadlines` table holds them). */
  timers: {
    /** Cancel the instance's pending state deadlines (the state was left); cascade tasks stay. */
    cancelStateDeadlines: boolean;
    /**
     * Cancel the instance's pending state deadlines of these events only: the state was kept, but
     * the field they are anchored on moved (the additions hold their new instants).
     */
    cancelStateDeadlinesOf?: readonly string[];
    add: TimerDraft[];
    /** The timer whose firing this commit is: completed here; the commit fails with `DEADLINE_HANDLED` if it already was. */
    complete?: string;
  };
  /** One delivery per webhook endpoint that wants this transition (none when omitted). */
  webhooks?: WebhookDeliveryDraft[];
}

/**
 * Fault injection an adapter may accept for tests (never set in production): the same hook in
 * every adapter, so a test of "a crash mid-commit leaves nothing behind" reads the same for each.
 */
export interface CommitFaults {
  /** Called inside the transaction after every write, before it ends: throwing aborts the commit. */
  beforeCommitEnds?: (commit: Commit) => void;
}

/**
 * What to find. Every condition must hold, and an adapter answers from an index, never by reading
 * every instance of the kind: the longest `text` fragment (else the first `where` field, else the
 * kind and states) selects the candidates, the others filter them; so a caller names its most
 * selective field first (a report number before an economy).
 */
export interface FindQuery {
  states?: readonly string[];
  /** Field -> value; all must match. */
  where?: Readonly<Record<string, string>>;
  /** Free-text conditions; all must match. */
  text?: readonly TextCondition[];
  /**
   * `oldest` (the default) first, or `newest` first: by creation time and id, or with `text` in
   * the index order, the other way round; a page's cursor goes on in the same direction.
   */
  order?: FindOrder;
  limit: number;
  cursor?: string | null;
}

export type FindOrder = 'oldest' | 'newest';

/** How a bulk load records its e-mails: as sent at `at`, with `response` in place of a server's answer. */
export interface MailAlreadySent {
  at: string;
  response: string;
}

export interface InstanceStore {
  /** Writes a creation or a transition with everything it implies, atomically. */
  commit(commit: Commit): Promise<void>;
  /**
   * Writes many commits in one transaction, all or none: the first refusal (a duplicate, a
   * version conflict) is thrown and nothing of the batch is written. For a bulk load
   * (`npm run load`); with `mailSent`, the commits' outbox messages are written already sent,
   * never to be claimed by a dispatcher.
   *
   * @example await store.commitMany(plans.map((p) => p.commit), { mailSent: { at, response: 'not sent: loaded in bulk' } })
   */
  commitMany(commits: readonly Commit[], options?: { mailSent?: MailAlreadySent }): Promise<void>;
  load(kind: Kind, id: string): Promise<InstanceRecord | null>;
  /**
   * Instances of a kind, filtered by state, searchable fields and free text: oldest first (or
   * newest first, `order`), or with `text`, in the adapter's index order (SQLite: the order their
   * text was indexed, which is creation order unless the text changed; MongoDB: creation order).
   * The cursor is the adapter's own.
   */
  find(kind: Kind, query: FindQuery): Promise<Page<InstanceRecord>>;
  /** History entries, oldest first, after `afterSeq`. */
  history(kind: Kind, id: string, options: { afterSeq?: number; limit: number }): Promise<Page<HistoryEntry>>;
  /**
   * The instance's last step at or before `instant` (ISO, UTC): the state it led to, when and its
   * seq; null when the instance did not exist yet. One indexed read of a row's small columns, for
   * the public answers as of a date (`src/public/as-of.ts`), which must not read whole histories.
   */
  stepAt(kind: Kind, id: string, instant: string): Promise<Pick<HistoryEntry, 'seq' | 'at' | 'to'> | null>;
}

/** An instance's search index entries, as the current code computes them from its data. */
export interface SearchIndexEntry {
  /** The version the entries were computed from: the instance must still be at it. */
  version: number;
  fields: SearchFields;
  uniqueKeys: string[];
  text: SearchText;
}

/**
 * Re-indexing without a transition (`src/engine/reindex.ts`): when the code's search or text
 * definitions change, every stored instance's index entries are rewritten at start-up, and the
 * store records which definitions it was indexed by.
 */
export interface SearchIndexStore {
  /**
   * Replaces the instance's searchable fields, unique keys and free text with `entry`, in one
   * write, without history, e-mail or a new version: only while the instance is still at
   * `entry.version`. Fails with `DUPLICATE` (nothing changed) when another instance holds one of
   * the keys.
   *
   * @returns false when the instance is gone or has moved on (its transition indexed it anew).
   */
  reindex(kind: Kind, id: string, entry: SearchIndexEntry): Promise<boolean>;
  /** The search-index version the store was last indexed by; null when it never was (an older release's store, a copy). */
  searchIndexVersion(): Promise<string | null>;
  recordSearchIndexVersion(version: string): Promise<void>;
}
