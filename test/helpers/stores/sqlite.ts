/**
 * The SQLite adapter for tests: each store a real file in its own temp folder, and a probe that
 * reads that file through a second, read-only connection (so it sees only what was committed).
 */
import { NOTIFICATION_COLUMNS, notificationOf, type NotificationColumns } from '../../../src/store/sqlite/mail-rows.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Kind } from '../../../src/kinds/types.js';
import type { HistoryEntry, OutboxStatus, Store, Timer, TimerStatus } from '../../../src/store/port.js';
import { readJsonCell } from '../../../src/store/sqlite/packed-json.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { QueuedMail, StoreProbe, StoreSnapshot, TestStore, TestStoreFactory, TestStoreOptions } from './probe.js';

// Cells as the adapter writes them: JSON text, or packed (src/store/sqlite/packed-json.ts).
const json = <T>(cell: string | Uint8Array | null): T | undefined => (cell === null ? undefined : readJsonCell<T>(cell));

class SqliteProbe implements StoreProbe {
  constructor(readonly path: string) {}

  #read<T>(query: (db: BetterSqlite3.Database) => T): Promise<T> {
    const db = new BetterSqlite3(this.path, { readonly: true });
    try {
      return Promise.resolve(query(db));
    } finally {
      db.close();
    }
  }

  snapshot(): Promise<StoreSnapshot> {
    return this.#read((db) => {
      const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      const byStatus = <S extends string>(table: string, statuses: readonly S[]) => {
        const rows = db.prepare(`SELECT status, count(*) AS n FROM ${table} GROUP BY status`).all() as Array<{ status: S; n: number }>;
        return Object.fromEntries(statuses.map((s) => [s, rows.find((r) => r.status === s)?.n ?? 0])) as Record<S, number>;
      };
      return {
        instances: db.prepare(`SELECT kind || '/' || id || '@' || version || ':' || state FROM instances ORDER BY 1`).pluck().all() as string[],
        history: count('history'),
        outbox: byStatus<OutboxStatus>('outbox', ['pending', 'sent', 'dead']),
        deadlines: byStatus<TimerStatus>('deadlines', ['pending', 'done', 'cancelled']),
        economies: count('economies'),
        regulations: count('regulations'),
        cabs: count('cabs'),
        principals: count('principals'),
        sequences: Object.fromEntries((db.prepare('SELECT name, value FROM sequences').all() as Array<{ name: string; value: number }>).map((r) => [r.name, r.value])),
        internal: { instance_fields: count('instance_fields'), unique_keys: count('unique_keys'), text_keys: count('text_keys') },
      };
    });
  }

  mailOf(kind: Kind, id: string, seq?: number): Promise<QueuedMail[]> {
    return this.#read((db) =>
      (
        db
          .prepare(
            `SELECT o.kind, o.instance_id, o.seq, o.status, o.recipient, ${NOTIFICATION_COLUMNS} FROM outbox o
             JOIN history h ON h.kind = o.kind AND h.id = o.instance_id AND h.seq = o.seq
             WHERE o.kind = ? AND o.instance_id = ? AND (? IS NULL OR o.seq = ?) ORDER BY o.seq, o.id`,
          )
          .all(kind, id, seq ?? null, seq ?? null) as Array<NotificationColumns & { status: OutboxStatus; recipient: string | Uint8Array }>
      ).map((row) => ({ seq: row.seq, status: row.status, recipient: json(row.recipient)!, notification: notificationOf(row)! })),
    );
  }

  deadlines(): Promise<Timer[]> {
    return this.#read((db) =>
      (db.prepare('SELECT * FROM deadlines ORDER BY due_at, id').all() as Array<Record<string, string | number | null>>).map((row) => ({
        id: row['id'] as string,
        kind: row['kind'] as Kind,
        instanceId: row['instance_id'] as string,
        event: row['event'] as string,
        dueAt: row['due_at'] as string,
        source: row['source'] as Timer['source'],
        ...(row['payload'] === null ? {} : { payload: json<Record<string, unknown>>(row['payload'] as string)! }),
        status: row['status'] as TimerStatus,
        attempts: row['attempts'] as number,
        lastError: row['last_error'] as string | null,
        createdAt: row['created_at'] as string,
      })),
    );
  }

  accessRows(): Promise<{ sessions: number; signInTokens: number }> {
    return this.#read((db) => ({
      sessions: db.prepare('SELECT count(*) FROM sessions').pluck().get() as number,
      signInTokens: db.prepare('SELECT count(*) FROM sign_in_tokens').pluck().get() as number,
    }));
  }

  history(): Promise<Array<HistoryEntry & { kind: Kind; id: string }>> {
    return this.#read((db) =>
      (db.prepare('SELECT * FROM history ORDER BY kind, id, seq').all() as Array<Record<string, string | number | null>>).map((row) => ({
        kind: row['kind'] as Kind,
        id: row['id'] as string,
        seq: row['seq'] as number,
        at: row['at'] as string,
        type: row['type'] as string,
        actor: json(row['actor'] as string)!,
        from: row['from_state'] as string | null,
        to: row['to_state'] as string,
        payload: json(row['payload'] as string)!,
        ...(row['facts'] === null ? {} : { facts: json<Record<string, unknown>>(row['facts'] as string)! }),
        ...(row['cause'] === null ? {} : { cause: json<Record<string, unknown>>(row['cause'] as string)! }),
      })),
    );
  }
}

export const sqliteTestStores: TestStoreFactory = {
  name: 'sqlite',
  supportsFaults: true,
  open(options: TestStoreOptions = {}): Promise<TestStore> {
    const dir = mkdtempSync(join(tmpdir(), 'mra-test-'));
    const path = join(dir, 'mra.sqlite');
    const store = new SqliteStore({ path, ...(options.faults ? { faults: options.faults } : {}) });
    const others: Store[] = [];
    return Promise.resolve({
      store,
      probe: new SqliteProbe(path),
      serviceEnv: { MRA_DB_PATH: path },
      connect: () => {
        const other = new SqliteStore({ path });
        others.push(other);
        return Promise.resolve(other);
      },
      dispose: async () => {
        for (const other of others) await other.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  },
};
