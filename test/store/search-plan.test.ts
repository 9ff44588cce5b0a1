/**
 * Every public search is answered from an index, never by reading every report: the queries the
 * public register really sends (recorded at the store port while it answers), turned into SQL by
 * the SQLite adapter's own builder, must have a plan of index searches only. A plan step that
 * scans a table, or sorts what it found, fails the test.
 */
import { expect } from 'chai';
import BetterSqlite3 from 'better-sqlite3';
import type { Actor, Kind } from '../../src/kinds/types.js';
import { Engine } from '../../src/engine/engine.js';
import { commitContributors } from '../../src/effects/contributors.js';
import { findPublicRecognitions } from '../../src/public/recognition-register.js';
import { acceptedTestReports, findPublicTestReports } from '../../src/public/register.js';
import { verifyDocumentHash } from '../../src/public/verify.js';
import type { FindQuery, Store } from '../../src/store/port.js';
import { findSql } from '../../src/store/sqlite/find-sql.js';
import { findInstances, TEXT_INDEX } from '../../src/store/mongo/queries.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { listRecords, myWork, type RecordFilters } from '../../src/http/web/records.js';
import { KINDS } from '../../src/kinds/types.js';
import { World } from '../helpers/world.js';

/** The store, recording every `find` it is asked. */
function recording(store: Store, seen: Array<{ kind: Kind; query: FindQuery }>): Store {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'find') {
        return (kind: Kind, query: FindQuery) => {
          seen.push({ kind, query });
          return target.find(kind, query);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('SQLite: the plan of every public search uses an index', function () {
  this.timeout(60_000);
  let world: World;
  let db: BetterSqlite3.Database;
  const seen: Array<{ kind: Kind; query: FindQuery }> = [];
  let engine: Engine;
  let lab: Actor;
  const unfiltered: RecordFilters = { state: '', economy: '', text: '' };

  before(async function () {
    world = await World.create();
    if (!(world.store instanceof SqliteStore)) {
      console.error('      SKIPPED: the query plans checked here are SQLite’s; the active test store is another adapter');
      await world.close();
      this.skip();
    }
    ({ lab } = await world.recognizedLab());
    world.advanceDays(3);
    for (let i = 0; i < 30; i += 1) {
      const report = await world.submit(lab, { equipment: { manufacturer: `Công ty Phương Nam ${i}`, model: `PN-${i}`, category: 'router' } });
      if (i % 2 === 0) await world.send('test-reports', report.id, { type: 'ACCEPT' }, 'kr-regulator');
    }
    db = new BetterSqlite3((world.store).path, { readonly: true });
    engine = new Engine({ contributors: commitContributors(), store: recording(world.store, seen), clock: world.clock });
  });
  after(async () => {
    if (!db) return;
    db.close();
    await world.close();
  });

  function plan(kind: Kind, query: FindQuery): string[] {
    const { sql, params } = findSql(kind, query);
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail);
  }

  const searches: Record<string, () => Promise<unknown>> = {
    'by report number': () => findPublicTestReports(engine, engine.store, { economy: 'KR', reportNumber: 'RF-5' }, 'en'),
    'by what was typed (q)': () => findPublicTestReports(engine, engine.store, { economy: 'KR', q: 'phuong nam 1' }, 'en'),
    'by manufacturer and model': () => findPublicTestReports(engine, engine.store, { economy: 'KR', manufacturer: 'PHƯƠNG', model: 'pn-1' }, 'en'),
    'by model alone': () => findPublicTestReports(engine, engine.store, { economy: 'KR', model: 'PN-12' }, 'en'),
    'by category': () => findPublicTestReports(engine, engine.store, { economy: 'KR', category: 'router', limit: 5 }, 'en'),
    'a page after a cursor': async () => {
      const first = await findPublicTestReports(engine, engine.store, { economy: 'KR', q: 'router', limit: 2 }, 'en');
      await findPublicTestReports(engine, engine.store, { economy: 'KR', q: 'router', limit: 2, cursor: first.nextCursor! }, 'en');
    },
    'the whole register of an economy': () => findPublicTestReports(engine, engine.store, { economy: 'KR', limit: 5 }, 'en'),
    'the customs CSV': async () => {
      for await (const report of acceptedTestReports(engine, engine.store, 'KR', 'en')) expect(report.state).to.equal('accepted');
    },
    'a document by hash': () => verifyDocumentHash(engine, engine.store, 'a'.repeat(64), 'en'),
    'the recognised CABs': () => findPublicRecognitions(engine, engine.store, { importing: 'KR', exporting: 'VN' }),
    'a list page, newest first, and the next': async () => {
      const first = await listRecords(engine, 'test-reports', world.as('kr-regulator'), unfiltered, null);
      await listRecords(engine, 'test-reports', world.as('kr-regulator'), unfiltered, first.nextCursor);
      await listRecords(engine, 'test-reports', world.as('admin'), unfiltered, first.nextCursor);
    },
    'a list page by state': () => listRecords(engine, 'test-reports', world.as('admin'), { ...unfiltered, state: 'accepted' }, null),
    'a list page by economy, either side': () => listRecords(engine, 'recognitions', world.as('admin'), { ...unfiltered, economy: 'VN' }, null),
    'a list page by text, newest first, and the next': async () => {
      const first = await listRecords(engine, 'test-reports', world.as('kr-regulator'), { ...unfiltered, text: 'phuong nam' }, null);
      await listRecords(engine, 'test-reports', world.as('kr-regulator'), { ...unfiltered, text: 'phuong nam' }, first.nextCursor);
    },
    'my work of a regulator and of a lab': async () => {
      await myWork(engine, KINDS, world.as('kr-regulator'), unfiltered);
      await myWork(engine, KINDS, world.as('kr-regulator'), { state: '', economy: 'VN', text: 'router' });
      await myWork(engine, KINDS, lab, unfiltered);
    },
  };

  for (const [name, search] of Object.entries(searches)) {
    it(`${name}: every query it sends is answered by index searches, without scanning or sorting`, async () => {
      seen.length = 0;
      await search();
      expect(seen.length, 'the search reached the store').to.be.greaterThan(0);
      for (const { kind, query } of seen) {
        const steps = plan(kind, query);
        const scans = steps.filter((step) => /^SCAN /.test(step) && !/VIRTUAL TABLE INDEX \d+:M/.test(step));
        expect(scans, `${kind} ${JSON.stringify(query)}:\n${steps.join('\n')}`).to.deep.equal([]);
        expect(steps.filter((step) => /TEMP B-TREE/.test(step)), steps.join('\n')).to.deep.equal([]);
        expect(steps.some((step) => /^SEARCH |VIRTUAL TABLE INDEX/.test(step)), steps.join('\n')).to.equal(true);
        // The MongoDB adapter answers the same query (its index rule: test/store/mongo-indexes.test.ts;
        // explain() itself needs a mongod, which is not here): free text through the trigram index.
        // A cursor is each adapter's own (SQLite's free-text cursor is refused by MongoDB's), so the
        // page after is asked without it: the bound a cursor adds is checked in mongo-queries.
        const { cursor: _sqliteCursor, ...sameQuery } = query;
        const mongo = findInstances(kind, sameQuery);
        expect(mongo.hint, JSON.stringify(query)).to.equal(query.text && query.text.length > 0 ? TEXT_INDEX : undefined);
      }
    });
  }
});
