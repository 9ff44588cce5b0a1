/**
 * A store written by the release before the bilateral-authority change (committed fixtures, see
 * test/fixtures/write-release-store.ts) opened by this code: every instance reads as the current
 * machine version, the demo story goes on, and the states whose meaning changed (a suspension
 * that did not record who imposed it) still work as their release promised.
 */
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { expect } from 'chai';
import { KINDS, workflows } from '../../src/kinds/index.js';
import type { Actor } from '../../src/kinds/types.js';
import { SYSTEM_ACTOR } from '../../src/kinds/types.js';
import { reindexIfStale, SEARCH_INDEX_VERSION } from '../../src/engine/reindex.js';
import { findPublicTestReports } from '../../src/public/register.js';
import { MessageComposer } from '../../src/effects/mail/composer.js';
import type { Commit, TextCondition } from '../../src/store/port.js';
import { readIndexRows } from '../../src/store/sqlite/index-rows.js';
import { InstanceTables } from '../../src/store/sqlite/instances.js';
import { migrateSchema } from '../../src/store/sqlite/schema.js';
import { openDatabase, SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { captureLog } from '../helpers/log-capture.js';
import { failure } from '../helpers/failure.js';
import { tempDir } from '../helpers/world.js';
import { openReleaseStore } from '../helpers/release-store.js';

/** When the fixtures were seeded (test/fixtures/write-release-store.ts). */
const SEEDED_AT = '2026-01-05T09:00:00.000Z';

const open = openReleaseStore;

for (const name of ['release-0.1.0-demo.sqlite', 'release-0.1.0-suspended.sqlite']) {
  describe(`upgrade: ${name}, written by the previous release`, () => {
    it('was written by the older machine versions, and every instance reads as the current version in a state the machine has', async () => {
      const world = open(name);
      try {
        let older = 0;
        for (const kind of KINDS) {
          const { items } = await world.store.find(kind, { limit: 200 });
          for (const record of items) {
            if (record.machineVersion < workflows[kind].version) older += 1;
            const read = await world.engine.get(kind, record.id, SYSTEM_ACTOR);
            expect(read.machineVersion, `${kind}/${record.id}`).to.equal(workflows[kind].version);
            expect(workflows[kind].machine.states, `${kind}/${record.id}`).to.have.property(read.state);
          }
        }
        expect(older, 'instances stored by an older machine version').to.be.greaterThan(5);
      } finally {
        await world.close();
      }
    });

    it('its e-mails, stored whole with each history entry, are counted, claimed and written as before', async () => {
      const world = open(name);
      try {
        const counts = await world.store.outboxCounts();
        expect(counts.pending).to.be.greaterThan(10);
        const composer = new MessageComposer({ directory: world.store, publicUrl: 'https://mra.example.gov.vn', mailFrom: 'MRA <no-reply@mra.example.gov.vn>' });
        const claimed = await world.store.claimOutbox({ owner: 'upgrade-test', now: '2030-01-01T00:00:00.000Z', leaseMs: 60_000, limit: 1000 });
        expect(claimed).to.have.length(counts.pending);
        for (const message of claimed) {
          const mail = await composer.compose(message);
          expect(mail.subject, message.id).to.be.a('string').and.not.equal('');
          expect(mail.text, message.id).to.contain(message.recipient.name);
        }
        const results = claimed.map((m) => ({ id: m.id, sent: { at: '2030-01-01T00:00:01.000Z', response: '250 OK' } }));
        expect(await world.store.recordOutboxResults('upgrade-test', results)).to.deep.equal([]);
        expect(await world.store.outboxCounts()).to.deep.equal({ pending: 0, sent: counts.pending + counts.sent, dead: counts.dead });
      } finally {
        await world.close();
      }
    });
  });
}

const day = (n: number) => new Date(Date.parse(SEEDED_AT) + n * 86_400_000).toISOString();

for (const name of ['release-0.2.0-demo.sqlite', 'release-0.2.0-states.sqlite']) {
  describe(`upgrade: ${name}, written by release 0.2.0 (before the recognition machine's version 3)`, () => {
    it('every instance reads as the current version, in a state the machine has; the recognitions were written by version 2', async () => {
      const world = open(name);
      try {
        let olderRecognitions = 0;
        for (const kind of KINDS) {
          const { items } = await world.store.find(kind, { limit: 200 });
          for (const record of items) {
            if (kind === 'recognitions' && record.machineVersion < workflows[kind].version) olderRecognitions += 1;
            const read = await world.engine.get(kind, record.id, SYSTEM_ACTOR);
            expect(read.machineVersion, `${kind}/${record.id}`).to.equal(workflows[kind].version);
            expect(workflows[kind].machine.states, `${kind}/${record.id}`).to.have.property(read.state);
          }
        }
        expect(olderRecognitions, 'recognitions stored by version 2').to.be.greaterThan(2);
      } finally {
        await world.close();
      }
    });
  });
}

describe('upgrade: recognitions of release 0.2.0 under the rules of version 3', () => {
  it('rec-renewing, pending for renewal under version 2, reads as recognized with its renewal pending, its listing still in force to its end; at its end it waits as a pending application', async () => {
    const { store, engine, as, close } = open('release-0.2.0-states.sqlite');
    try {
      expect((await store.load('recognitions', 'rec-renewing'))!.state, 'as stored').to.equal('pending');
      const read = await engine.get('recognitions', 'rec-renewing', SYSTEM_ACTOR);
      expect(read.state).to.equal('recognized');
      expect(read.data['renewal']).to.deep.include({ since: SEEDED_AT });
      expect(read.data['validUntil']).to.equal(day(60));
      expect((read.data['inForce'] as Array<{ to?: string }>).at(-1)?.to, 'in force').to.equal(undefined);
      const byRegulator = await engine.get('recognitions', 'rec-renewing', await as('kr-regulator'));
      expect(byRegulator.nextEvents, 'suspended, contested, renewed or refused').to.include.members(['SUSPEND', 'CONTEST', 'RECOGNIZE', 'OBJECT']);
      const ended = await engine.send('recognitions', 'rec-renewing', { type: 'LISTING_EXPIRED' }, SYSTEM_ACTOR);
      expect(ended.state).to.equal('pending');
      expect((ended.data['inForce'] as Array<{ to?: string }>).at(-1)?.to).to.not.equal(undefined);
      const renewed = await engine.send('recognitions', 'rec-renewing', { type: 'RECOGNIZE' }, await as('kr-regulator'));
      expect(renewed.state).to.equal('recognized');
      expect((await store.load('recognitions', 'rec-renewing'))!.machineVersion).to.equal(workflows.recognitions.version);
    } finally {
      await close();
    }
  });

  it("rec-verifying, under joint verification, refuses the regulator's DERECOGNIZE and SUSPEND and ends when the two sides agree its outcome: maintained", async () => {
    const { engine, as, close } = open('release-0.2.0-states.sqlite');
    try {
      const kr = await as('kr-regulator');
      for (const body of [{ type: 'DERECOGNIZE', reason: 'Not shown.' }, { type: 'SUSPEND', reason: 'Not shown.' }]) {
        const refused = await failure(() => engine.send('recognitions', 'rec-verifying', body, kr));
        expect(refused.code, body.type).to.equal('EVENT_NOT_ACCEPTED');
        expect((refused.publicFields['reasons'] as Array<{ code: string }>).map((r) => r.code)).to.deep.equal(['JOINT_VERIFICATION_PENDING']);
      }
      const outcome = { type: 'RECORD_VERIFICATION_OUTCOME', outcome: 'maintained', basis: 'joint_verification', reference: 'JV-1', summary: 'Results re-run and in range.' };
      expect((await engine.send('recognitions', 'rec-verifying', outcome, kr)).state).to.equal('verification');
      const agreed = await engine.send('recognitions', 'rec-verifying', { type: 'AGREE_VERIFICATION_OUTCOME' }, await as('vn-designating-authority'));
      expect(agreed.state).to.equal('recognized');
    } finally {
      await close();
    }
  });

  it('rec-verifying reaches the other outcome too: withdrawn by the joint committee, agreed by the other side', async () => {
    const { engine, as, close } = open('release-0.2.0-states.sqlite');
    try {
      const outcome = { type: 'RECORD_VERIFICATION_OUTCOME', outcome: 'withdrawn', basis: 'joint_committee', reference: 'JC-1', summary: 'Ủy ban hỗn hợp quyết định hủy bỏ hiệu lực.' };
      await engine.send('recognitions', 'rec-verifying', outcome, await as('vn-designating-authority'));
      const agreed = await engine.send('recognitions', 'rec-verifying', { type: 'AGREE_VERIFICATION_OUTCOME' }, await as('kr-regulator'));
      expect(agreed.state).to.equal('withdrawn');
      expect(agreed.data['contest']).to.deep.include({ outcome: 'withdrawn', position: 'opposed' });
    } finally {
      await close();
    }
  });

  it('rec-contested (US:47 CFR Part 68 suspended, awaiting the position) goes on: the designating authority opposes, and the partial suspension stays', async () => {
    const { engine, as, close } = open('release-0.2.0-states.sqlite');
    try {
      const read = await engine.get('recognitions', 'rec-contested', SYSTEM_ACTOR);
      expect(read.state).to.equal('contested');
      expect((read.data['suspensions'] as Array<{ regulations?: string[]; to?: string }>).filter((s) => s.to === undefined).map((s) => s.regulations)).to.deep.equal([['US:47 CFR Part 68']]);
      const answered = await engine.send('recognitions', 'rec-contested', { type: 'ANSWER_CONTEST', response: 'The site move is complete.' }, await as('vn-designating-authority'));
      expect(answered.state).to.equal('contested');
      const opposed = await engine.send('recognitions', 'rec-contested', { type: 'OPPOSE_CONTEST', reason: 'Results confirmed.' }, await as('vn-designating-authority'));
      expect(opposed.state).to.equal('verification');
      const lifted = await engine.send('recognitions', 'rec-contested', { type: 'LIFT_SUSPENSION' }, await as('us-regulator'));
      expect(lifted.state).to.equal('verification');
      expect(lifted.data['suspendedBy']).to.deep.equal({});
    } finally {
      await close();
    }
  });
});

describe('upgrade: the demo story goes on after the upgrade', () => {
  it('Korea recognises the pending lab, the lab answers the request for information, Korea contests and the United States gives notice, each stored as the current version', async () => {
    const { store, engine, as, close } = open('release-0.1.0-demo.sqlite');
    try {
      const recognized = await engine.send('recognitions', 'rec-sai-gon-kr', { type: 'RECOGNIZE' }, await as('kr-regulator'));
      expect(recognized.state).to.equal('recognized');
      const answered = await engine.send('test-reports', 'tr-sh-0003', { type: 'PROVIDE_INFO', response: 'Ảnh chụp bố trí thử nghiệm đính kèm.' }, await as('lab-song-hong'));
      expect(answered.state).to.equal('under_review');
      const accepted = await engine.send('test-reports', 'tr-sh-0002', { type: 'ACCEPT' }, await as('kr-regulator'));
      expect(accepted.state).to.equal('accepted');
      const contested = await engine.send('recognitions', 'rec-song-hong-kr', { type: 'CONTEST', reasons: 'Unsatisfactory proficiency testing.' }, await as('kr-regulator'));
      expect(contested.state).to.equal('contested');
      const notice = await engine.send('agreements', 'agr-vn-us', { type: 'GIVE_NOTICE', reason: 'Notice by exchange of letters.' }, await as('us-regulator'));
      expect(notice.state).to.equal('terminating');
      for (const [kind, id] of [['recognitions', 'rec-sai-gon-kr'], ['test-reports', 'tr-sh-0003'], ['agreements', 'agr-vn-us']] as const) {
        expect((await store.load(kind, id))!.machineVersion, `${kind}/${id}`).to.equal(workflows[kind].version);
      }
    } finally {
      await close();
    }
  });
});

describe('upgrade: suspensions recorded before the release knew who imposed them', () => {
  it('a suspended recognition lifts by either authority, as its release allowed, and is back in force', async () => {
    const { engine, as, close } = open('release-0.1.0-suspended.sqlite');
    try {
      const before = await engine.get('recognitions', 'rec-song-hong-kr', await as('vn-designating-authority'));
      expect(before.state).to.equal('suspended');
      expect(before.data['suspendedBy']).to.deep.equal({ importing: 'KR', designating: 'VN' });
      expect(before.nextEvents).to.include('LIFT_SUSPENSION');
      const lifted = await engine.send('recognitions', 'rec-song-hong-kr', { type: 'LIFT_SUSPENSION' }, await as('vn-designating-authority'));
      expect(lifted.state).to.equal('recognized');
      expect(lifted.data['suspendedBy']).to.deep.equal({});
    } finally {
      await close();
    }
  });

  it('a suspended agreement resumes by either regulator; a lapsed recognition is restored when its accreditation is reinstated', async () => {
    const { engine, as, close } = open('release-0.1.0-suspended.sqlite');
    try {
      const resumed = await engine.send('agreements', 'agr-vn-us', { type: 'RESUME' }, await as('vn-regulator'));
      expect(resumed.state).to.equal('operational');
      const check = { checkedOn: '2026-01-07T09:00:00.000Z', checkReference: 'VILAS 902/ĐG-TC-01' };
      await engine.send('accreditations', 'acc-sai-gon', { type: 'REINSTATE', ...check }, await as('vn-accreditation-body'));
      expect((await engine.get('recognitions', 'rec-sai-gon-kr', SYSTEM_ACTOR)).state).to.equal('recognized');
    } finally {
      await close();
    }
  });
});

describe('upgrade: the search index is rebuilt for the current search definitions', () => {
  it('before the re-index the public register finds nothing; after it, the accepted report is found as a customs officer types it, and the version is recorded', async () => {
    const { store, engine, close } = open('release-0.1.0-demo.sqlite');
    try {
      const lookUp = async (query: { q?: string; manufacturer?: string; model?: string }) =>
        (await findPublicTestReports(engine, store, { economy: 'KR', ...query }, 'en')).items.map((r) => `${r.reportNumber}:${r.state}`);
      expect(await store.searchIndexVersion(), 'an older release recorded none').to.equal(null);
      expect(await lookUp({ q: 'Phuong Nam' }), 'the old index: no listedIn, no text').to.deep.equal([]);

      const { log, lines } = captureLog('info');
      const summary = await reindexIfStale(store, log);
      expect(summary).to.deep.include({ refused: 0, skipped: 0 });
      expect(summary!.reindexed).to.be.greaterThan(10);
      expect(lines.some((line) => /re-indexing test-reports: \d+ so far/.test(String(line.msg))), 'progress is logged').to.equal(true);
      expect(await store.searchIndexVersion()).to.equal(SEARCH_INDEX_VERSION);

      const accepted = (await store.find('test-reports', { limit: 10, states: ['accepted'] })).items.map((r) => String(r.context['reportNumber']));
      expect(accepted).to.have.length.greaterThan(0);
      for (const typed of [{ q: 'Cong ty Co phan Thiet bi Mang Phuong Nam' }, { q: 'phuong nam' }, { manufacturer: 'PHUONG NAM', model: 'pn-ax3' }, { model: 'AX3000' }]) {
        const found = await lookUp(typed);
        expect(found, JSON.stringify(typed)).to.include(`${accepted[0]}:accepted`);
        expect(found.every((hit) => !hit.endsWith(':under_review')), 'a report under review stays private').to.equal(true);
      }
      expect(await reindexIfStale(store, log), 'indexed by this code already: nothing to do').to.equal(null);
    } finally {
      await close();
    }
  });
});

describe('upgrade: each instance names its own index rows (schema step 10)', () => {
  /** Rows of instance_fields and unique_keys that no instance names, and named rows that are missing. */
  function mismatches(path: string): { orphans: number; missing: number; named: number } {
    const db = new BetterSqlite3(path, { readonly: true });
    try {
      const named = new Set<string>();
      for (const row of db.prepare('SELECT kind, id, index_rows FROM instances').all() as Array<{ kind: string; id: string; index_rows: string | Uint8Array }>) {
        const rows = readIndexRows(row.index_rows);
        for (const [field, value] of rows.fields) named.add(`f|${row.kind}|${row.id}|${field}|${value}`);
        for (const key of rows.keys) named.add(`k|${row.kind}|${row.id}|${key}`);
      }
      const stored = [
        ...(db.prepare("SELECT 'f|' || kind || '|' || id || '|' || field || '|' || value FROM instance_fields").pluck().all() as string[]),
        ...(db.prepare("SELECT 'k|' || kind || '|' || id || '|' || key FROM unique_keys").pluck().all() as string[]),
      ];
      const storedSet = new Set(stored);
      return { orphans: stored.filter((s) => !named.has(s)).length, missing: [...named].filter((n) => !storedSet.has(n)).length, named: named.size };
    } finally {
      db.close();
    }
  }

  it('the upgrade names every row an instance had, and a re-index and a transition replace them leaving none behind', async () => {
    const { store, engine, as, close, path } = open('release-0.1.0-demo.sqlite');
    try {
      await store.load('test-reports', 'tr-sh-0002');
      const upgraded = mismatches(path);
      expect(upgraded.named, 'the fixture has field rows and keys').to.be.greaterThan(20);
      expect(upgraded).to.include({ orphans: 0, missing: 0 });
      const { log } = captureLog('info');
      await reindexIfStale(store, log);
      await engine.send('test-reports', 'tr-sh-0002', { type: 'ACCEPT' }, await as('kr-regulator'));
      expect(mismatches(path)).to.include({ orphans: 0, missing: 0 });
    } finally {
      await close();
    }
  });
});

describe('upgrade: one trigram index over all of an instance\'s text (schema step 11)', () => {
  const AT = '2026-03-02T09:00:00.000Z';
  const ACTOR: Actor = { id: 'vn-regulator', role: 'regulator', economy: 'VN', name: 'Cục Viễn thông' };
  const texts: Array<[string, Record<string, string>]> = [
    ['r1', { manufacturer: 'cong ty co phan thiet bi mang phuong nam', model: 'pn-ax1800', category: 'router' }],
    ['r2', { manufacturer: 'cong ty tnhh dien tu dong nai', model: 'dn-ax5', category: 'router' }],
    ['r3', { manufacturer: 'hanbit networks', model: 'pn-mesh5', category: 'mesh router' }],
    ['r4', { manufacturer: 'phuong nam telecom', model: 'hb-router-2', category: 'access point' }],
    ['r5', { model: 'ax3000' }],
  ];
  const commitOf = (id: string, text: Record<string, string>): Commit => ({
    kind: 'test-reports',
    id,
    expectedVersion: 0,
    state: 'submitted',
    context: { id },
    machineVersion: 1,
    at: AT,
    text,
    history: { at: AT, type: 'CREATE', actor: ACTOR, from: null, to: 'submitted', payload: {} },
    outbox: { notification: { kind: 'test-reports', instanceId: id, seq: 1, event: 'CREATE', from: null, to: 'submitted', at: AT, actor: ACTOR, payload: {}, data: {}, deadlines: [] }, messages: [] },
    timers: { cancelStateDeadlines: false, add: [] },
  });
  const searches: TextCondition[][] = [
    [{ fragment: 'phuong nam' }],
    [{ fragment: 'router' }],
    [{ field: 'model', fragment: 'pn-' }],
    [{ field: 'manufacturer', fragment: 'pn-' }],
    [{ field: 'category', fragment: 'router' }],
    [{ field: 'model', fragment: 'router' }],
    [{ field: 'manufacturer', fragment: 'phuong' }, { field: 'model', fragment: 'ax' }],
    [{ fragment: 'nam pn' }],
    [{ field: 'model', fragment: 'ax3000' }],
  ];

  it('a file written at schema 10 with text answers every field and free-text search as it did, in the same order, page by page', async () => {
    const { dir, remove } = tempDir('mra-upgrade-');
    try {
      const path = join(dir, 'mra.sqlite');
      const old = openDatabase(path);
      migrateSchema(old, 10);
      await new InstanceTables(old).commitMany(texts.map(([id, text]) => commitOf(id, text)));
      // What the release of schema 10 answered: its FTS index over every text row, the field's own row matched.
      const before = searches.map((conditions) => {
        const driver = conditions.reduce((longest, c) => (c.fragment.length > longest.fragment.length ? c : longest));
        const rows = old
          .prepare(`SELECT k.id, k.kind FROM text_index x JOIN text_keys k ON k.n = x.rowid WHERE x.value MATCH ? AND k.kind = 'test-reports' AND k.field = ? ORDER BY x.rowid`)
          .all(`"${driver.fragment}"`, driver.field ?? '*') as Array<{ id: string; kind: string }>;
        return rows
          .filter((row) => conditions.every((c) => old.prepare('SELECT 1 FROM text_keys WHERE kind = ? AND id = ? AND field = ? AND instr(value, ?) > 0').get(row.kind, row.id, c.field ?? '*', c.fragment)))
          .map((row) => row.id);
      });
      expect(old.pragma('user_version', { simple: true })).to.equal(10);
      expect(before.flat().length, 'the searches find something').to.be.greaterThan(10);
      old.close();

      const store = new SqliteStore({ path });
      try {
        for (const [i, conditions] of searches.entries()) {
          const ids: string[] = [];
          let cursor: string | null = null;
          do {
            const page: Awaited<ReturnType<SqliteStore['find']>> = await store.find('test-reports', { limit: 1, cursor, text: conditions });
            ids.push(...page.items.map((item) => item.id));
            cursor = page.nextCursor;
          } while (cursor !== null);
          expect(ids, JSON.stringify(conditions)).to.deep.equal(before[i]);
        }
        // A change after the upgrade is found by its new text and no longer by its old.
        await store.commit({ ...commitOf('r5', { model: 'dn-5g', manufacturer: 'dong nai' }), expectedVersion: 1, history: { ...commitOf('r5', {}).history, type: 'EDIT' } });
        expect((await store.find('test-reports', { limit: 5, text: [{ fragment: 'ax3000' }] })).items).to.deep.equal([]);
        expect((await store.find('test-reports', { limit: 5, text: [{ field: 'manufacturer', fragment: 'dong nai' }] })).items.map((r) => r.id)).to.deep.equal(['r2', 'r5']);
      } finally {
        await store.close();
      }

      const db = new BetterSqlite3(path, { readonly: true });
      try {
        expect(db.pragma('user_version', { simple: true })).to.equal(11);
        // Only the rows of all an instance's text are indexed, and the index agrees with them.
        expect(db.prepare(`SELECT count(*) FROM text_index WHERE text_index MATCH '"rou"'`).pluck().get()).to.equal(4);
        expect(db.prepare(`SELECT count(*) FROM text_all`).pluck().get()).to.equal(texts.length);
      } finally {
        db.close();
      }
      const check = openDatabase(path);
      try {
        check.prepare(`INSERT INTO text_index (text_index, rank) VALUES ('integrity-check', 1)`).run();
      } finally {
        check.close();
      }
    } finally {
      remove();
    }
  });
});
