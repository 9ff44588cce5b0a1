/**
 * The SQLite queries behind GET /metrics are scraped every few seconds against a store whose
 * outbox and deadlines only grow: each must be answered from an index, never a table scan.
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect } from 'chai';
import { QUEUE_FIGURE_SQL } from '../../src/store/sqlite/queue-figures.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers/world.js';

describe('SQLite: queue figures and lease give-back are index lookups', () => {
  it('no statement scans a table', async () => {
    const { dir, remove } = tempDir();
    try {
      const path = join(dir, 'mra.sqlite');
      await new SqliteStore({ path }).close();
      const db = new BetterSqlite3(path, { readonly: true });
      const statements = [
        ...Object.values(QUEUE_FIGURE_SQL),
        `UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND status = 'pending'`,
        `UPDATE deadlines SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND status = 'pending'`,
      ];
      for (const sql of statements) {
        const parameters = sql.includes('?') ? ['x'] : [];
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as Array<{ detail: string }>).map((row) => row.detail);
        expect(plan.join('; '), sql).to.match(/USING (COVERING )?INDEX/);
        expect(plan.filter((detail) => /^SCAN /.test(detail) && !/INDEX/.test(detail)), sql).to.deep.equal([]);
      }
      db.close();
    } finally {
      remove();
    }
  });
});
