/* eslint-disable @typescript-eslint/require-await -- better-sqlite3 is synchronous and the port is not: these methods answer settled promises on purpose. */
/**
 * Instances, their searchable fields and unique keys, and their history, in SQLite. A commit is
 * one IMMEDIATE transaction of prepared statements: the instance row (compare-and-swap on
 * version), fields, history, outbox rows, deadline changes and webhook deliveries.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Kind } from '../../kinds/types.js';
import { AppError } from '../../errors.js';
import type {
  Commit,
  CommitFaults,
  FindQuery,
  HistoryEntry,
  InstanceRecord,
  InstanceStore,
  MailAlreadySent,
  Page,
  SearchIndexEntry,
  SearchIndexStore,
  SearchText,
} from '../port.js';
import { GroupCommit } from './group-commit.js';
import { deliveryWriter } from './webhooks.js';
import { ALL_TEXT, findSql } from './find-sql.js';
import { mailColumn } from './mail-rows.js';
import { fieldRows, readIndexRows, type IndexRows } from './index-rows.js';
import { packJson, packOptional } from './packed-json.js';
import { encodeCursor, isConstraintError, parseJson } from './rows.js';

/** A JSON cell: plain text (older rows) or packed (packed-json.ts). */
type JsonCell = string | Uint8Array;

interface InstanceRow {
  kind: string;
  id: string;
  state: string;
  context: JsonCell;
  version: number;
  machine_version: number;
  created_at: string;
  updated_at: string;
}

interface HistoryRow {
  seq: number;
  at: string;
  type: string;
  actor: JsonCell;
  from_state: string | null;
  to_state: string;
  payload: JsonCell;
  facts: JsonCell | null;
  cause: JsonCell | null;
}

function toInstance(row: InstanceRow): InstanceRecord {
  return {
    kind: row.kind as Kind,
    id: row.id,
    state: row.state,
    context: parseJson(row.context),
    version: row.version,
    machineVersion: row.machine_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toHistory(row: HistoryRow): HistoryEntry {
  return {
    seq: row.seq,
    at: row.at,
    type: row.type,
    actor: parseJson(row.actor),
    from: row.from_state,
    to: row.to_state,
    payload: parseJson(row.payload),
    ...(row.facts === null ? {} : { facts: parseJson(row.facts) }),
    ...(row.cause === null ? {} : { cause: parseJson(row.cause) }),
  };
}

/** What the store calls before closing the database: the commits still queued are written. */
export const flushQueuedCommits = Symbol('flushQueuedCommits');

export class InstanceTables implements InstanceStore, SearchIndexStore {
  readonly #db: Database;
  readonly #faults: CommitFaults;
  readonly #finders = new Map<string, Statement>();
  readonly #sql;
  readonly #commits: GroupCommit<Commit>;
  readonly #writeDeliveries: (c: Commit) => void;

  constructor(db: Database, faults: CommitFaults = {}) {
    this.#db = db;
    this.#faults = faults;
    this.#sql = {
      insert: db.prepare(
        `INSERT INTO instances (kind, id, state, context, version, machine_version, created_at, updated_at, index_rows)
         VALUES (@kind, @id, @state, @context, 1, @machineVersion, @at, @at, @indexRows)`,
      ),
      update: db.prepare(
        `UPDATE instances SET state = @state, context = @context, version = version + 1,
           machine_version = @machineVersion, updated_at = @at, index_rows = COALESCE(@indexRows, index_rows)
         WHERE kind = @kind AND id = @id AND version = @expectedVersion`,
      ),
      load: db.prepare(`SELECT * FROM instances WHERE kind = ? AND id = ?`),
      version: db.prepare(`SELECT version FROM instances WHERE kind = ? AND id = ?`).pluck(),
      indexRows: db.prepare(`SELECT created_at, index_rows FROM instances WHERE kind = ? AND id = ?`),
      setIndexRows: db.prepare(`UPDATE instances SET index_rows = ? WHERE kind = ? AND id = ?`),
      deleteField: db.prepare(`DELETE FROM instance_fields WHERE kind = ? AND field = ? AND value = ? AND created_at = ? AND id = ?`),
      insertField: db.prepare(`INSERT OR IGNORE INTO instance_fields (kind, field, value, created_at, id) VALUES (?, ?, ?, ?, ?)`),
      deleteText: db.prepare(`DELETE FROM text_keys WHERE kind = ? AND id = ?`),
      insertText: db.prepare(`INSERT INTO text_keys (kind, id, field, value) VALUES (?, ?, ?, ?)`),
      deleteKey: db.prepare(`DELETE FROM unique_keys WHERE kind = ? AND key = ? AND id = ?`),
      insertKey: db.prepare(`INSERT INTO unique_keys (kind, key, id) VALUES (?, ?, ?)`),
      keyOwner: db.prepare(`SELECT id FROM unique_keys WHERE kind = ? AND key = ?`).pluck(),
      insertHistory: db.prepare(
        `INSERT INTO history (kind, id, seq, at, type, actor, from_state, to_state, payload, facts, cause, mail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      history: db.prepare(
        `SELECT seq, at, type, actor, from_state, to_state, payload, facts, cause FROM history
         WHERE kind = ? AND id = ? AND seq > ? ORDER BY seq LIMIT ?`,
      ),
      // Backwards along history_by_instance; the columns read come before the large ones.
      stepAt: db.prepare(`SELECT seq, at, to_state AS "to" FROM history WHERE kind = ? AND id = ? AND at <= ? ORDER BY seq DESC LIMIT 1`),
      insertOutbox: db.prepare(
        `INSERT INTO outbox (id, kind, instance_id, seq, recipient, status, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
      ),
      insertSentOutbox: db.prepare(
        `INSERT INTO outbox (id, kind, instance_id, seq, recipient, status, next_attempt_at, sent_at, response, created_at)
         VALUES (?, ?, ?, ?, ?, 'sent', ?, ?, ?, ?)`,
      ),
      completeDeadline: db.prepare(
        `UPDATE deadlines SET status = 'done', completed_at = @at, lease_owner = NULL, lease_until = NULL
         WHERE id = @id AND status = 'pending'`,
      ),
      cancelStateDeadlines: db.prepare(
        `UPDATE deadlines SET status = 'cancelled', completed_at = @at, lease_owner = NULL, lease_until = NULL
         WHERE kind = @kind AND instance_id = @id AND source = 'state' AND status = 'pending'`,
      ),
      cancelStateDeadlinesOf: db.prepare(
        `UPDATE deadlines SET status = 'cancelled', completed_at = @at, lease_owner = NULL, lease_until = NULL
         WHERE kind = @kind AND instance_id = @id AND source = 'state' AND status = 'pending' AND event = @event`,
      ),
      insertDeadline: db.prepare(
        `INSERT INTO deadlines (id, kind, instance_id, event, due_at, source, payload, status, created_at)
         VALUES (@id, @kind, @instanceId, @event, @dueAt, @source, @payload, 'pending', @at)`,
      ),
    };
    this.#writeDeliveries = deliveryWriter(db);
    this.#commits = new GroupCommit(db, (commit: Commit) => this.#write(commit));
  }

  /** Settles once the commit is durable, or with why it was refused (nothing of it written). */
  commit(commit: Commit): Promise<void> {
    return this.#commits.submit(commit);
  }

  /** Writes `commits` in one IMMEDIATE transaction of their own, all or none (InstanceStore.commitMany). */
  async commitMany(commits: readonly Commit[], options: { mailSent?: MailAlreadySent } = {}): Promise<void> {
    const { mailSent } = options;
    // Commits still queued go first, so the versions compared are the ones they leave.
    this.#commits.flush();
    this.#db.transaction(() => {
      for (const c of commits) this.#write(c, mailSent);
    }).immediate();
  }

  /**
   * Writes the commits still queued; before the database closes. Keyed by a symbol so it is not
   * one of the methods the store takes from this part (`assembleStore`).
   */
  [flushQueuedCommits](): void {
    this.#commits.flush();
  }

  #write(c: Commit, mailSent?: MailAlreadySent): void {
    const sql = this.#sql;
    const created = c.expectedVersion === 0;
    // The index rows this commit replaces, read before the instance row is rewritten.
    const before = created ? { createdAt: c.at, rows: readIndexRows(null) } : c.fields || c.uniqueKeys ? this.#indexRowsOf(c.kind, c.id) : null;
    const after = before && {
      fields: c.fields ? fieldRows(c.fields) : before.rows.fields,
      keys: c.uniqueKeys ?? before.rows.keys,
    };
    const row = {
      kind: c.kind,
      id: c.id,
      state: c.state,
      context: packJson(c.context),
      machineVersion: c.machineVersion,
      at: c.at,
      indexRows: after && packJson(after),
    };
    if (created) {
      try {
        sql.insert.run(row);
      } catch (error) {
        if (isConstraintError(error)) {
          throw new AppError({ code: 'DUPLICATE', detail: `${c.kind} ${c.id} already exists.`, cause: error });
        }
        throw error;
      }
    } else if (sql.update.run({ ...row, expectedVersion: c.expectedVersion }).changes === 0) {
      const current = sql.version.get(c.kind, c.id) as number | undefined;
      if (current === undefined) throw new AppError({ code: 'NOT_FOUND', detail: `${c.kind} ${c.id} does not exist.` });
      throw new AppError({
        code: 'VERSION_CONFLICT',
        detail: `${c.kind} ${c.id} is at version ${current}, not ${c.expectedVersion}: reload it and try again.`,
        publicFields: { currentVersion: current },
      });
    }
    const seq = c.expectedVersion + 1;
    if (before && after) this.#replaceIndexRows(c.kind, c.id, before.createdAt, before.rows, after);
    if (c.text) this.#writeText(c.kind, c.id, c.text);
    const h = c.history;
    const mailed = c.outbox.messages.length > 0;
    sql.insertHistory.run(
      c.kind,
      c.id,
      seq,
      h.at,
      h.type,
      packJson(h.actor),
      h.from,
      h.to,
      packJson(h.payload),
      packOptional(h.facts),
      packOptional(h.cause),
      mailed ? mailColumn(c.outbox.notification) : null,
    );
    for (const message of c.outbox.messages) {
      const recipient = packJson(message.recipient);
      if (mailSent) sql.insertSentOutbox.run(message.id, c.kind, c.id, seq, recipient, c.at, mailSent.at, mailSent.response, c.at);
      else sql.insertOutbox.run(message.id, c.kind, c.id, seq, recipient, c.at, c.at);
    }
    if (c.timers.complete !== undefined && sql.completeDeadline.run({ id: c.timers.complete, at: c.at }).changes === 0) {
      throw new AppError({
        code: 'DEADLINE_HANDLED',
        detail: `Deadline ${c.timers.complete} has already been handled.`,
        internalFields: { deadlineId: c.timers.complete },
      });
    }
    if (c.timers.cancelStateDeadlines) sql.cancelStateDeadlines.run({ kind: c.kind, id: c.id, at: c.at });
    for (const event of c.timers.cancelStateDeadlinesOf ?? []) sql.cancelStateDeadlinesOf.run({ kind: c.kind, id: c.id, at: c.at, event });
    for (const d of c.timers.add) {
      sql.insertDeadline.run({
        id: d.id,
        kind: c.kind,
        instanceId: c.id,
        event: d.event,
        dueAt: d.dueAt,
        source: d.source,
        payload: d.payload === undefined ? null : JSON.stringify(d.payload),
        at: c.at,
      });
    }
    this.#writeDeliveries(c);
    this.#faults.beforeCommitEnds?.(c);
  }

  /** The instance's creation instant and the index rows its row names (null when it does not exist). */
  #indexRowsOf(kind: Kind, id: string): { createdAt: string; rows: IndexRows } | null {
    const row = this.#sql.indexRows.get(kind, id) as { created_at: string; index_rows: string | Uint8Array | null } | undefined;
    return row ? { createdAt: row.created_at, rows: readIndexRows(row.index_rows) } : null;
  }

  /** Deletes the rows `before` names and writes those `after` names, each by its full key. */
  #replaceIndexRows(kind: Kind, id: string, createdAt: string, before: IndexRows, after: IndexRows): void {
    const sql = this.#sql;
    for (const [field, value] of before.fields) sql.deleteField.run(kind, field, value, createdAt, id);
    for (const [field, value] of after.fields) sql.insertField.run(kind, field, value, createdAt, id);
    for (const key of before.keys) sql.deleteKey.run(kind, key, id);
    this.#writeUniqueKeys(kind, id, after.keys);
  }

  #writeText(kind: Kind, id: string, text: SearchText): void {
    const sql = this.#sql;
    sql.deleteText.run(kind, id);
    const entries = Object.entries(text);
    for (const [field, value] of entries) sql.insertText.run(kind, id, field, value);
    // Joined by a line break, which no folded value contains, so no fragment spans two fields.
    if (entries.length > 0) sql.insertText.run(kind, id, ALL_TEXT, entries.map(([, value]) => value).join('\n'));
  }

  #writeUniqueKeys(kind: Kind, id: string, keys: readonly string[]): void {
    const sql = this.#sql;
    for (const key of keys) {
      try {
        sql.insertKey.run(kind, key, id);
      } catch (error) {
        if (!isConstraintError(error)) throw error;
        const owner = sql.keyOwner.get(kind, key) as string;
        throw new AppError({
          code: 'DUPLICATE',
          detail: `Another ${kind} record (${owner}) already has ${key}.`,
          publicFields: { existingId: owner },
          cause: error,
        });
      }
    }
  }

  /** Rewrites an instance's index entries in one transaction, while it is at `entry.version` (SearchIndexStore). */
  async reindex(kind: Kind, id: string, entry: SearchIndexEntry): Promise<boolean> {
    // Commits still queued go first, so the version compared is the one they leave.
    this.#commits.flush();
    return this.#db.transaction(() => {
      if ((this.#sql.version.get(kind, id) as number | undefined) !== entry.version) return false;
      const before = this.#indexRowsOf(kind, id)!;
      const after = { fields: fieldRows(entry.fields), keys: entry.uniqueKeys };
      this.#replaceIndexRows(kind, id, before.createdAt, before.rows, after);
      this.#sql.setIndexRows.run(packJson(after), kind, id);
      this.#writeText(kind, id, entry.text);
      return true;
    }).immediate();
  }

  async load(kind: Kind, id: string): Promise<InstanceRecord | null> {
    const row = this.#sql.load.get(kind, id) as InstanceRow | undefined;
    return row ? toInstance(row) : null;
  }

  async find(kind: Kind, query: FindQuery): Promise<Page<InstanceRecord>> {
    const { sql, params, order } = findSql(kind, query);
    let statement = this.#finders.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#finders.set(sql, statement);
    }
    const rows = statement.all(...params) as Array<InstanceRow & { text_n?: number }>;
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > query.limit && last ? encodeCursor(order === 'text' ? ['t', String(last.text_n)] : [last.created_at, last.id]) : null;
    return { items: page.map(toInstance), nextCursor };
  }

  async history(kind: Kind, id: string, options: { afterSeq?: number; limit: number }): Promise<Page<HistoryEntry>> {
    const rows = this.#sql.history.all(kind, id, options.afterSeq ?? 0, options.limit + 1) as HistoryRow[];
    const items = rows.slice(0, options.limit).map(toHistory);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > options.limit && last ? String(last.seq) : null };
  }

  async stepAt(kind: Kind, id: string, instant: string): Promise<Pick<HistoryEntry, 'seq' | 'at' | 'to'> | null> {
    return (this.#sql.stepAt.get(kind, id, instant) as Pick<HistoryEntry, 'seq' | 'at' | 'to'> | undefined) ?? null;
  }

  async searchIndexVersion(): Promise<string | null> {
    const value = this.#db.prepare(`SELECT value FROM store_settings WHERE name = 'searchIndexVersion'`).pluck().get() as string | undefined;
    return value ?? null;
  }

  async recordSearchIndexVersion(version: string): Promise<void> {
    this.#db.prepare(`INSERT INTO store_settings (name, value) VALUES ('searchIndexVersion', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`).run(version);
  }
}
