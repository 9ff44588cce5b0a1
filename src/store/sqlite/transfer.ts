/* eslint-disable @typescript-eslint/require-await -- better-sqlite3 is synchronous and the port is not: these methods answer settled promises on purpose. */
/**
 * Every SQLite table read out and written in a page at a time, rows exactly as they are
 * (statuses, leases, attempts): what `npm run store:copy` moves between stores. Pages go in
 * primary-key order, so a cursor is the last row's key.
 */
import type { Database } from 'better-sqlite3';
import type { Kind } from '../../kinds/types.js';
import type { AccountMail, Page, StoreRows, StoreTable, TransferStore, StoredTimer, StoredHistory, StoredInstance, StoredOutboxMessage } from '../port.js';
import { ACCOUNT_MAIL_KIND } from './access.js';
import { toDelivery, type DeliveryRow } from './webhooks.js';
import { NOTIFICATION_COLUMNS, mailColumn, notificationOf, type NotificationColumns } from './mail-rows.js';
import { fieldRows, readIndexRows } from './index-rows.js';
import { packJson, packOptional } from './packed-json.js';
import { decodeCursor, encodeCursor, parseJson } from './rows.js';

type Row = Record<string, unknown>;
const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));
const parsed = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'string' || value instanceof Uint8Array ? parseJson(value) : undefined;
/** A JSON cell of an instance or history row, plain text or packed. */
/** Code-point order, as SQLite's ORDER BY on text gave before the rows were named by the instance. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const cell = (value: unknown): string | Uint8Array => (value instanceof Uint8Array ? value : String(value));

interface TableSpec<T> {
  /** Rows after the cursor's key, in key order; `?` placeholders take the key then the limit. */
  select: string;
  key: (row: T) => string[];
  /** How many key columns the cursor holds. */
  keyColumns: number;
  read: (row: Row, db: Database) => T;
  write: (db: Database, row: T) => void;
}

/** A reference table: its key column (named as the record's key field), maybe `economy`, and the record as JSON. */
const directoryTable = <T extends object>(table: string, key: keyof T & string, extraColumns: (row: T) => unknown[], columns: string) => ({
  select: `SELECT data FROM ${table} WHERE ${key} > ? ORDER BY ${key} LIMIT ?`,
  key: (row: T) => [String(row[key])],
  keyColumns: 1,
  read: (row: Row) => parseJson<T>(String(row['data'])),
  write: (db: Database, row: T) => {
    const values = [String(row[key]), ...extraColumns(row), JSON.stringify(row)];
    db.prepare(`INSERT INTO ${table} (${columns}) VALUES (${values.map(() => '?').join(', ')})`).run(...values);
  },
});

const SPECS: { [T in StoreTable]: TableSpec<StoreRows[T]> } = {
  economies: directoryTable('economies', 'code', () => [], 'code, data'),
  regulations: directoryTable('regulations', 'id', (r) => [r.economy], 'id, economy, data'),
  cabs: directoryTable('cabs', 'id', (r) => [r.economy], 'id, economy, data'),
  principals: {
    select: 'SELECT data FROM principals WHERE id > ? ORDER BY id LIMIT ?',
    key: (p) => [p.id],
    keyColumns: 1,
    read: (row) => parseJson(String(row['data'])),
    write: (db, p) =>
      db
        .prepare('INSERT INTO principals (id, role, economy, organisation, email, disabled, data) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(p.id, p.role, p.economy ?? null, p.organisation, p.email, p.disabledAt === undefined ? 0 : 1, JSON.stringify(p)),
  },
  api_keys: {
    select: 'SELECT data FROM api_keys WHERE id > ? ORDER BY id LIMIT ?',
    key: (k) => [k.id],
    keyColumns: 1,
    read: (row) => parseJson(String(row['data'])),
    write: (db, k) =>
      db.prepare('INSERT INTO api_keys (id, principal_id, hash, hash_scheme, data) VALUES (?, ?, ?, ?, ?)').run(k.id, k.principalId, k.hash, k.hashScheme, JSON.stringify(k)),
  },
  audit: {
    select: 'SELECT data FROM audit WHERE id > ? ORDER BY id LIMIT ?',
    key: (a) => [a.id],
    keyColumns: 1,
    read: (row) => parseJson(String(row['data'])),
    // Appended in id order, which is time order: the copy lists newest first as the original does.
    write: (db, a) => db.prepare('INSERT INTO audit (id, organisation, data) VALUES (?, ?, ?)').run(a.id, a.organisation, JSON.stringify(a)),
  },
  sequences: {
    select: 'SELECT name, value FROM sequences WHERE name > ? ORDER BY name LIMIT ?',
    key: (s) => [s.name],
    keyColumns: 1,
    read: (row) => ({ name: String(row['name']), value: Number(row['value']) }),
    write: (db, s) => db.prepare('INSERT INTO sequences (name, value) VALUES (?, ?)').run(s.name, s.value),
  },
  instances: {
    select: 'SELECT * FROM instances WHERE (kind, id) > (?, ?) ORDER BY kind, id LIMIT ?',
    key: (i) => [i.kind, i.id],
    keyColumns: 2,
    read: (row): StoredInstance => {
      // The instance's row names its field and key rows (index-rows.ts).
      const rows = readIndexRows((row['index_rows'] as string | Uint8Array | null) ?? null);
      const fields: Record<string, string[]> = {};
      for (const [field, value] of [...rows.fields].sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]))) (fields[field] ??= []).push(value);
      const uniqueKeys = [...rows.keys].sort(compare);
      return {
        kind: row['kind'] as Kind,
        id: String(row['id']),
        state: String(row['state']),
        context: parseJson(cell(row['context'])),
        version: Number(row['version']),
        machineVersion: Number(row['machine_version']),
        createdAt: String(row['created_at']),
        updatedAt: String(row['updated_at']),
        fields,
        uniqueKeys,
      };
    },
    write: (db, i) => {
      const indexRows = { fields: fieldRows(i.fields), keys: i.uniqueKeys };
      db.prepare(
        'INSERT INTO instances (kind, id, state, context, version, machine_version, created_at, updated_at, index_rows) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(i.kind, i.id, i.state, packJson(i.context), i.version, i.machineVersion, i.createdAt, i.updatedAt, packJson(indexRows));
      const field = db.prepare('INSERT INTO instance_fields (kind, field, value, created_at, id) VALUES (?, ?, ?, ?, ?)');
      for (const [name, values] of Object.entries(i.fields)) for (const value of values) field.run(i.kind, name, value, i.createdAt, i.id);
      const key = db.prepare('INSERT INTO unique_keys (kind, key, id) VALUES (?, ?, ?)');
      for (const k of i.uniqueKeys) key.run(i.kind, k, i.id);
    },
  },
  history: {
    select: 'SELECT * FROM history WHERE (kind, id, seq) > (?, ?, ?) ORDER BY kind, id, seq LIMIT ?',
    key: (h) => [h.kind, h.instanceId, String(h.seq)],
    keyColumns: 3,
    read: (row): StoredHistory => ({
      kind: row['kind'] as Kind,
      instanceId: String(row['id']),
      seq: Number(row['seq']),
      at: String(row['at']),
      type: String(row['type']),
      actor: parseJson(cell(row['actor'])),
      from: (row['from_state'] as string | null) ?? null,
      to: String(row['to_state']),
      payload: parseJson(cell(row['payload'])),
      ...(row['facts'] === null ? {} : { facts: parsed(row['facts'])! }),
      ...(row['cause'] === null ? {} : { cause: parsed(row['cause'])! }),
    }),
    write: (db, h) =>
      db
        .prepare('INSERT INTO history (kind, id, seq, at, type, actor, from_state, to_state, payload, facts, cause) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(h.kind, h.instanceId, h.seq, h.at, h.type, packJson(h.actor), h.from, h.to, packJson(h.payload), packOptional(h.facts), packOptional(h.cause)),
  },
  outbox: {
    select: `SELECT o.*, ${NOTIFICATION_COLUMNS} FROM outbox o LEFT JOIN history h ON h.kind = o.kind AND h.id = o.instance_id AND h.seq = o.seq
             WHERE o.id > ? ORDER BY o.id LIMIT ?`,
    key: (m) => [m.id],
    keyColumns: 1,
    read: (row): StoredOutboxMessage => ({
      id: String(row['id']),
      kind: row['kind'] as Kind,
      instanceId: String(row['instance_id']),
      seq: Number(row['seq']),
      recipient: parseJson(cell(row['recipient'])),
      ...(row['kind'] === ACCOUNT_MAIL_KIND
        ? { notification: null, account: parseJson<AccountMail>(String(row['body'])) }
        : { notification: notificationOf(row as unknown as NotificationColumns) }),
      status: row['status'] as StoredOutboxMessage['status'],
      attempts: Number(row['attempts']),
      nextAttemptAt: String(row['next_attempt_at']),
      leaseOwner: (row['lease_owner'] as string | null) ?? null,
      leaseUntil: (row['lease_until'] as string | null) ?? null,
      lastError: (row['last_error'] as string | null) ?? null,
      sentAt: (row['sent_at'] as string | null) ?? null,
      response: (row['response'] as string | null) ?? null,
      createdAt: String(row['created_at']),
    }),
    write: (db, m) => {
      if (m.notification === null) {
        db.prepare(
          `INSERT INTO outbox (id, kind, instance_id, seq, recipient, status, attempts, next_attempt_at, lease_owner, lease_until, last_error, sent_at, response, created_at, body)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(m.id, m.kind, m.instanceId, m.seq, JSON.stringify(m.recipient), m.status, m.attempts, m.nextAttemptAt, m.leaseOwner, m.leaseUntil, m.lastError, m.sentAt, m.response, m.createdAt, JSON.stringify(m.account));
        return;
      }
      // The e-mail lives once on its history row here; the first message of a transition puts it there.
      db.prepare('UPDATE history SET mail = COALESCE(mail, ?) WHERE kind = ? AND id = ? AND seq = ?').run(
        mailColumn(m.notification),
        m.kind,
        m.instanceId,
        m.seq,
      );
      db.prepare(
        `INSERT INTO outbox (id, kind, instance_id, seq, recipient, status, attempts, next_attempt_at, lease_owner, lease_until, last_error, sent_at, response, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(m.id, m.kind, m.instanceId, m.seq, packJson(m.recipient), m.status, m.attempts, m.nextAttemptAt, m.leaseOwner, m.leaseUntil, m.lastError, m.sentAt, m.response, m.createdAt);
    },
  },
  deadlines: {
    select: 'SELECT * FROM deadlines WHERE id > ? ORDER BY id LIMIT ?',
    key: (d) => [d.id],
    keyColumns: 1,
    read: (row): StoredTimer => ({
      id: String(row['id']),
      kind: row['kind'] as Kind,
      instanceId: String(row['instance_id']),
      event: String(row['event']),
      dueAt: String(row['due_at']),
      source: row['source'] as StoredTimer['source'],
      ...(row['payload'] === null ? {} : { payload: parsed(row['payload'])! }),
      status: row['status'] as StoredTimer['status'],
      attempts: Number(row['attempts']),
      leaseOwner: (row['lease_owner'] as string | null) ?? null,
      leaseUntil: (row['lease_until'] as string | null) ?? null,
      lastError: (row['last_error'] as string | null) ?? null,
      createdAt: String(row['created_at']),
      completedAt: (row['completed_at'] as string | null) ?? null,
    }),
    write: (db, d) =>
      db
        .prepare(
          `INSERT INTO deadlines (id, kind, instance_id, event, due_at, source, payload, status, attempts, lease_owner, lease_until, last_error, created_at, completed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(d.id, d.kind, d.instanceId, d.event, d.dueAt, d.source, json(d.payload), d.status, d.attempts, d.leaseOwner, d.leaseUntil, d.lastError, d.createdAt, d.completedAt),
  },
  watches: {
    select: 'SELECT data FROM watches WHERE id > ? ORDER BY id LIMIT ?',
    key: (w) => [w.id],
    keyColumns: 1,
    read: (row) => parseJson(String(row['data'])),
    write: (db, w) =>
      db.prepare('INSERT INTO watches (id, principal_id, key, created_at, data) VALUES (?, ?, ?, ?, ?)').run(w.id, w.principalId, w.key, w.createdAt, JSON.stringify(w)),
  },
  webhook_endpoints: {
    select: 'SELECT data FROM webhook_endpoints WHERE id > ? ORDER BY id LIMIT ?',
    key: (e) => [e.id],
    keyColumns: 1,
    read: (row) => parseJson(String(row['data'])),
    write: (db, e) =>
      db
        .prepare('INSERT INTO webhook_endpoints (id, organisation, active, created_at, data) VALUES (?, ?, ?, ?, ?)')
        .run(e.id, e.organisation, e.disabledAt === null ? 1 : 0, e.createdAt, JSON.stringify(e)),
  },
  webhook_deliveries: {
    select: 'SELECT * FROM webhook_deliveries WHERE id > ? ORDER BY id LIMIT ?',
    key: (d) => [d.id],
    keyColumns: 1,
    read: (row) => {
      const r = row as unknown as DeliveryRow;
      return { ...toDelivery(r), leaseOwner: r.lease_owner, leaseUntil: r.lease_until };
    },
    write: (db, d) =>
      db
        .prepare(
          `INSERT INTO webhook_deliveries (id, endpoint_id, kind, instance_id, seq, type, body, status, attempts, next_attempt_at, lease_owner, lease_until, last_error, last_status, delivered_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(d.id, d.endpointId, d.kind, d.instanceId, d.seq, d.type, d.body, d.status, d.attempts, d.nextAttemptAt, d.leaseOwner, d.leaseUntil, d.lastError, d.lastStatus, d.deliveredAt, d.createdAt),
  },
};

/** The store's tables a page at a time, for a copy to or from another store. */
export class TransferTables implements TransferStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async exportRows<T extends StoreTable>(table: T, page: { limit: number; cursor?: string | null }): Promise<Page<StoreRows[T]>> {
    const db = this.#db;
    const spec = SPECS[table] as TableSpec<StoreRows[T]>;
    // The empty key sorts before every real one; history's seq is compared as a number.
    const after: unknown[] = page.cursor ? decodeCursor(page.cursor) : Array.from({ length: spec.keyColumns }, () => '');
    if (table === 'history') after[2] = page.cursor ? Number(after[2]) : -1;
    const rows = (db.prepare(spec.select).all(...after, page.limit + 1) as Row[]).map((row) => spec.read(row, db));
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > page.limit && last !== undefined ? encodeCursor(spec.key(last)) : null };
  }

  /** Writes a page of rows in one transaction. */
  async importRows<T extends StoreTable>(table: T, rows: ReadonlyArray<StoreRows[T]>): Promise<void> {
    const spec = SPECS[table] as TableSpec<StoreRows[T]>;
    this.#db.transaction(() => {
      for (const row of rows) spec.write(this.#db, row);
    })();
  }
}
