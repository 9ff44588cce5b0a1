/**
 * No statement of the SQLite store walks a table that grows: every one the store prepares (the
 * instance, history, outbox, deadline, directory and access statements the API, the dispatcher
 * and the scheduler run) is recorded as it is prepared, and SQLite is asked for its plan. A step
 * that scans a growing table fails the test; the finds are `search-plan.test.ts`'s business.
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect } from 'chai';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers/world.js';

/**
 * Tables that stay small whatever the register's size (reference data, one row per status,
 * sign-in tokens that live minutes) may be read whole; everything else must be reached through an index.
 */
const SMALL_TABLES = ['economies', 'outbox_counts', 'sequences', 'sign_in_tokens'];

/**
 * Statements that walk a table in key order and stop at their LIMIT, which SQLite's plan shows as
 * a scan; none is run by the write path, the dispatcher or the scheduler. Each says who runs it.
 */
const ORDERED_WALKS: Record<string, string> = {
  'SELECT seq, data FROM audit WHERE seq <': 'GET /audit for an admin: every organisation, newest first, a page at a time',
  'WHERE (@afterAt IS NULL OR (o.next_attempt_at, o.id)': 'the port contract and copies: every message in due order, a page at a time',
};

/** Nulls for every parameter a statement takes, named or positional. */
function nullParameters(sql: string): unknown[] {
  const named = [...new Set([...sql.matchAll(/[@$:](\w+)/g)].map((m) => m[1]!))];
  if (named.length > 0) return [Object.fromEntries(named.map((name) => [name, null]))];
  return Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
}

/**
 * Plan steps that read a whole growing table, or every row of one kind of it: a search narrowed
 * by the kind alone walks all the test reports, however it is named.
 */
function scans(plan: string[]): string[] {
  return plan.filter((detail) => {
    const searched = /^SEARCH (\w+)(?: AS \w+)? USING .*\((?:\w+\.)?kind=\?\)$/.exec(detail)?.[1];
    if (searched !== undefined) return !SMALL_TABLES.includes(searched);
    const scanned = /^SCAN (\w+)/.exec(detail)?.[1];
    if (scanned === undefined || /USING (COVERING )?INDEX|VIRTUAL TABLE|CONSTANT ROW/.test(detail)) return false;
    return !SMALL_TABLES.includes(scanned);
  });
}

describe('SQLite: every statement the store prepares is planned on an index', () => {
  it('none scans a growing table, and the hot ones are among them', async () => {
    const { dir, remove } = tempDir();
    const prepared = new Set<string>();
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, and called with its own `this`
    const prepare = BetterSqlite3.prototype.prepare;
    BetterSqlite3.prototype.prepare = function (this: BetterSqlite3.Database, sql: string) {
      prepared.add(sql);
      return prepare.call(this, sql);
    } as typeof prepare;
    try {
      const path = join(dir, 'mra.sqlite');
      await new SqliteStore({ path }).close();
    } finally {
      BetterSqlite3.prototype.prepare = prepare;
    }
    try {
      const db = new BetterSqlite3(join(dir, 'mra.sqlite'), { readonly: true });
      const statements = [...prepared].filter((sql) => !/^\s*(PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(sql));
      const joined = statements.join('\n');
      // The statements of the write path, the dispatcher and the scheduler are all recorded here.
      for (const hot of ['UPDATE instances SET', 'INSERT INTO history', 'UPDATE outbox SET status = \'sent\'', 'UPDATE outbox SET lease_owner = @owner', 'UPDATE deadlines SET lease_owner = @owner', 'FROM outbox_counts']) {
        expect(joined, hot).to.contain(hot);
      }
      const failures: string[] = [];
      for (const sql of statements) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nullParameters(sql)) as Array<{ detail: string }>).map((row) => row.detail);
        const bad = Object.keys(ORDERED_WALKS).some((start) => sql.includes(start)) ? [] : scans(plan);
        if (bad.length > 0) failures.push(`${sql.replace(/\s+/g, ' ').trim()}\n    -> ${bad.join('; ')}`);
      }
      db.close();
      expect(failures, failures.join('\n')).to.deep.equal([]);
      expect(statements.length).to.be.greaterThan(40);
    } finally {
      remove();
    }
  });
});
