/* eslint-disable @typescript-eslint/require-await -- better-sqlite3 is synchronous and the port is not: these methods answer settled promises on purpose. */
/** A principal's watches in SQLite: each row keeps the watch as JSON, with its key for the match. */
import type { Database, Statement } from 'better-sqlite3';
import { AppError } from '../../errors.js';
import type { Page, WatchRecord, WatchStore } from '../port.js';
import { decodeCursor, encodeCursor, isConstraintError, parseJson } from './rows.js';

export class WatchTable implements WatchStore {
  readonly #sql: Record<string, Statement>;

  constructor(db: Database) {
    this.#sql = {
      insertWatch: db.prepare(`INSERT INTO watches (id, principal_id, key, created_at, data) VALUES (?, ?, ?, ?, ?)`),
      deleteWatch: db.prepare(`DELETE FROM watches WHERE id = ? AND principal_id = ?`),
      watchesOf: db.prepare(
        `SELECT data FROM watches WHERE principal_id = @principalId AND (@afterAt IS NULL OR (created_at, id) > (@afterAt, @afterId))
         ORDER BY created_at, id LIMIT @limit`,
      ),
      watchesOn: db.prepare(`SELECT data FROM watches WHERE key IN (SELECT value FROM json_each(?)) ORDER BY created_at, id`),
    };
  }

  async putWatch(watch: WatchRecord): Promise<void> {
    try {
      this.#sql['insertWatch']!.run(watch.id, watch.principalId, watch.key, watch.createdAt, JSON.stringify(watch));
    } catch (error) {
      if (!isConstraintError(error)) throw error;
      throw new AppError({ code: 'DUPLICATE', detail: `You already watch this (${watch.key}).`, cause: error });
    }
  }

  async deleteWatch(id: string, principalId: string): Promise<boolean> {
    return this.#sql['deleteWatch']!.run(id, principalId).changes === 1;
  }

  async listWatches(query: { principalId: string; limit: number; cursor?: string | null }): Promise<Page<WatchRecord>> {
    const [afterAt, afterId] = query.cursor ? decodeCursor(query.cursor) : [null, null];
    const rows = this.#sql['watchesOf']!.pluck().all({ principalId: query.principalId, afterAt, afterId, limit: query.limit + 1 }) as string[];
    const items = rows.slice(0, query.limit).map((text) => parseJson<WatchRecord>(text));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt, last.id]) : null };
  }

  async watchesOn(keys: readonly string[]): Promise<WatchRecord[]> {
    if (keys.length === 0) return [];
    return (this.#sql['watchesOn']!.pluck().all(JSON.stringify(keys)) as string[]).map((text) => parseJson<WatchRecord>(text));
  }
}
