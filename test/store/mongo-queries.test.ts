/**
 * The MongoDB store's filters, updates and pipelines, evaluated by mingo (MongoDB's query and
 * update language in memory) against documents, with no server: what each one matches, what an
 * update leaves, and that an index serves each query.
 */
import { expect } from 'chai';
import { find, updateMany, updateOne } from 'mingo';
import type { AnyObject } from 'mingo/types';
import mongoose from 'mongoose';
import type { Actor } from '../../src/kinds/types.js';
import { toTimer, toHistory, toInstance, toMessage, type DeadlineDoc, type InstanceDoc, type OutboxDoc, type WebhookDeliveryDoc } from '../../src/store/mongo/shapes.js';
import * as q from '../../src/store/mongo/queries.js';
import type { Commit, Lease } from '../../src/store/port.js';

const T0 = '2026-03-02T09:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const ACTOR: Actor = { id: 'kr-regulator', role: 'regulator', economy: 'KR', name: 'National Radio Research Agency' };

/** What a read returns from `docs`, as MongoDB would: filter, sort, limit. */
function run<T>(read: q.Read, docs: T[]): T[] {
  let cursor = find(docs as unknown as AnyObject[], read.filter);
  if (read.sort) cursor = cursor.sort(read.sort);
  if (read.limit !== undefined) cursor = cursor.limit(read.limit);
  return cursor.all() as T[];
}

/** Applies a write to the first matching document of `docs`; answers whether one matched. */
function apply(write: q.Write, docs: object[]): boolean {
  return updateOne(docs as AnyObject[], write.filter, write.update).matchedCount === 1;
}

function commitOf(id: string, expectedVersion: number, state: string, extra: Partial<Commit> = {}): Commit {
  return {
    kind: 'recognitions',
    id,
    expectedVersion,
    state,
    context: { cabName: 'Phòng thử nghiệm Viễn thông Sông Hồng' },
    machineVersion: 1,
    at: at(expectedVersion),
    history: { at: at(expectedVersion), type: expectedVersion === 0 ? 'CREATE' : 'RECOGNIZE', actor: ACTOR, from: null, to: state, payload: {} },
    outbox: {
      notification: { kind: 'recognitions', instanceId: id, seq: expectedVersion + 1, event: 'E', from: null, to: state, at: T0, actor: ACTOR, payload: {}, data: {}, deadlines: [] },
      messages: [{ id: `mail-${id}-${expectedVersion}`, recipient: { address: 'lab@songhong.vn.example', name: 'Sông Hồng', language: 'vi', party: 'cab' } }],
    },
    timers: { cancelStateDeadlines: false, add: [] },
    ...extra,
  };
}

function outboxDoc(id: string, patch: Partial<OutboxDoc>): OutboxDoc {
  return { ...q.outboxDocs(commitOf('r1', 0, 'pending'))[0]!, _id: id, ...patch };
}

function deadlineDoc(id: string, patch: Partial<DeadlineDoc>): DeadlineDoc {
  const [doc] = q.deadlineDocs(commitOf('r1', 0, 'pending', { timers: { cancelStateDeadlines: false, add: [{ id, event: 'REVIEW_OVERDUE', dueAt: at(0), source: 'state' }] } }));
  return { ...doc!, ...patch };
}

const lease = (owner: string, minutes: number, limit = 10): Lease => ({ owner, now: at(minutes), leaseMs: 5 * 60_000, limit });

describe('MongoDB store queries, evaluated by mingo (no server)', () => {
  describe('instances', () => {
    it('the compare-and-swap matches the instance at the version the sender saw and moves it one on', () => {
      const docs = [q.newInstance(commitOf('r1', 0, 'pending', { fields: { cab: 'song-hong' } }))];
      const commit = commitOf('r1', 1, 'recognized', { fields: { cab: 'song-hong', importing: 'KR' } });
      expect(apply(q.transitionInstance(commit), docs)).to.equal(true);
      expect(docs[0]).to.deep.include({ state: 'recognized', version: 2, createdAt: at(0), updatedAt: at(1), fieldKeys: ['cab=song-hong', 'importing=KR'] });
      expect(toInstance(docs[0]!)).to.deep.equal({
        kind: 'recognitions', id: 'r1', state: 'recognized', context: commit.context, version: 2, machineVersion: 1, createdAt: at(0), updatedAt: at(1),
      });
    });

    it('the compare-and-swap misses a stale version, and leaves the instance as it was', () => {
      const docs = [q.newInstance(commitOf('r1', 0, 'pending'))];
      expect(apply(q.transitionInstance(commitOf('r1', 1, 'recognized')), docs)).to.equal(true);
      const before = structuredClone(docs[0]);
      expect(apply(q.transitionInstance(commitOf('r1', 1, 'refused')), docs), 'a second sender who saw version 1').to.equal(false);
      expect(apply(q.transitionInstance(commitOf('r1', 3, 'refused')), docs), 'a version from the future').to.equal(false);
      expect(docs[0]).to.deep.equal(before);
    });

    it('the compare-and-swap of one kind never touches an instance of another with the same id', () => {
      const docs = [{ ...q.newInstance(commitOf('x1', 0, 'negotiating')), _id: 'agreements:x1', kind: 'agreements' as const }];
      expect(apply(q.transitionInstance(commitOf('x1', 1, 'recognized')), docs)).to.equal(false);
    });

    it('a transition without fields keeps the searchable fields', () => {
      const docs = [q.newInstance(commitOf('r1', 0, 'pending', { fields: { cab: 'song-hong' } }))];
      apply(q.transitionInstance(commitOf('r1', 1, 'recognized')), docs);
      expect(docs[0]!.fieldKeys).to.deep.equal(['cab=song-hong']);
    });

    it('find filters by kind, state and every searchable field, oldest first, and pages by cursor', () => {
      const docs: InstanceDoc[] = [
        q.newInstance(commitOf('r3', 2, 'recognized', { fields: { importing: 'KR', cab: ['a', 'b'] } })),
        q.newInstance(commitOf('r1', 0, 'pending', { fields: { importing: 'KR', cab: 'a' } })),
        q.newInstance(commitOf('r2', 1, 'recognized', { fields: { importing: 'US', cab: 'a' } })),
        { ...q.newInstance(commitOf('r9', 0, 'pending', { fields: { importing: 'KR' } })), _id: 'agreements:r9', kind: 'agreements' },
      ];
      const ids = (query: Parameters<typeof q.findInstances>[1]) => run(q.findInstances('recognitions', query), docs).map((d) => d.id);
      expect(ids({ limit: 10 })).to.deep.equal(['r1', 'r2', 'r3']);
      expect(ids({ limit: 10, states: ['recognized'] })).to.deep.equal(['r2', 'r3']);
      expect(ids({ limit: 10, where: { importing: 'KR' } })).to.deep.equal(['r1', 'r3']);
      expect(ids({ limit: 10, where: { importing: 'KR', cab: 'b' } })).to.deep.equal(['r3']);
      expect(ids({ limit: 10, where: { cab: 'a' }, states: ['pending'] })).to.deep.equal(['r1']);
      expect(ids({ limit: 1 }), 'one more than the page, to know there is a next one').to.deep.equal(['r1', 'r2']);
      const page1 = run(q.findInstances('recognitions', { limit: 1 }), docs);
      const cursor = Buffer.from(JSON.stringify([page1[0]!.createdAt, page1[0]!.id])).toString('base64url');
      expect(ids({ limit: 5, cursor })).to.deep.equal(['r2', 'r3']);
    });

    it('find newest first walks the other way, and its cursor goes on backwards', () => {
      const docs: InstanceDoc[] = [
        q.newInstance(commitOf('r3', 2, 'recognized', { fields: { economy: ['KR', 'VN'] } })),
        q.newInstance(commitOf('r1', 0, 'pending', { fields: { economy: ['KR', 'VN'] } })),
        q.newInstance(commitOf('r2', 1, 'recognized', { fields: { economy: ['US', 'VN'] } })),
      ];
      const ids = (query: Parameters<typeof q.findInstances>[1]) => run(q.findInstances('recognitions', query), docs).map((d) => d.id);
      expect(ids({ limit: 10, order: 'newest' })).to.deep.equal(['r3', 'r2', 'r1']);
      expect(ids({ limit: 10, order: 'newest', where: { economy: 'KR' } }), 'a list field matches any of its items').to.deep.equal(['r3', 'r1']);
      const newest = run(q.findInstances('recognitions', { limit: 1, order: 'newest' }), docs);
      const cursor = Buffer.from(JSON.stringify([newest[0]!.createdAt, newest[0]!.id])).toString('base64url');
      expect(ids({ limit: 5, order: 'newest', cursor })).to.deep.equal(['r2', 'r1']);
      expect(ids({ limit: 5, order: 'newest', states: ['recognized'], cursor })).to.deep.equal(['r2']);
    });

    it('a value that looks like an operator is matched as a literal, not run', () => {
      const docs = [q.newInstance(commitOf('r1', 0, 'pending', { fields: { cab: 'a' } }))];
      expect(run(q.findInstances('recognitions', { limit: 5, states: ['{"$ne":null}'] }), docs)).to.deep.equal([]);
      const filter = q.instanceById('recognitions', 'r1').filter;
      expect(mongoose.sanitizeFilter({ ...filter })).to.deep.equal(filter);
    });

    it('history pages after a sequence number, in order, and keeps facts and causes', () => {
      const docs = [2, 0, 1].map((v) =>
        q.historyDoc(commitOf('r1', v, `s${v}`, { history: { at: at(v), type: 'E', actor: ACTOR, from: null, to: `s${v}`, payload: { v }, ...(v === 1 ? { facts: { ok: true }, cause: { deadline: { id: 'd1' } } } : {}) } })),
      );
      expect(run(q.historyPage('recognitions', 'r1', { limit: 5 }), docs).map((d) => d.seq)).to.deep.equal([1, 2, 3]);
      expect(run(q.historyPage('recognitions', 'r1', { limit: 1, afterSeq: 1 }), docs).map(toHistory)).to.deep.equal([
        { seq: 2, at: at(1), type: 'E', actor: ACTOR, from: null, to: 's1', payload: { v: 1 }, facts: { ok: true }, cause: { deadline: { id: 'd1' } } },
        { seq: 3, at: at(2), type: 'E', actor: ACTOR, from: null, to: 's2', payload: { v: 2 } },
      ]);
    });
  });

  describe('outbox', () => {
    const docs = () => [
      outboxDoc('m-late', { nextAttemptAt: at(3) }),
      outboxDoc('m-free', { nextAttemptAt: at(1) }),
      outboxDoc('m-expired', { nextAttemptAt: at(2), leaseOwner: 'n2', leaseUntil: at(4) }),
      outboxDoc('m-held', { nextAttemptAt: at(0), leaseOwner: 'n2', leaseUntil: at(6) }),
      outboxDoc('m-future', { nextAttemptAt: at(9) }),
      outboxDoc('m-sent', { nextAttemptAt: at(0), status: 'sent' }),
      outboxDoc('m-dead', { nextAttemptAt: at(0), status: 'dead' }),
    ];

    it('the claim picks exactly the due messages nobody holds, in due order, up to the limit', () => {
      expect(run(q.claimableOutbox(lease('n1', 5)), docs()).map((d) => d._id)).to.deep.equal(['m-free', 'm-expired', 'm-late']);
      expect(run(q.claimableOutbox(lease('n1', 5, 2)), docs()).map((d) => d._id)).to.deep.equal(['m-free', 'm-expired']);
      expect(run(q.claimableOutbox(lease('n1', 0)), docs())).to.deep.equal([]);
    });

    it('taking one sets the lease; a message someone holds cannot be taken', () => {
      const all = docs();
      expect(apply(q.claimOutboxMessage('m-free', lease('n1', 5)), all)).to.equal(true);
      expect(all.find((d) => d._id === 'm-free')).to.deep.include({ leaseOwner: 'n1', leaseUntil: at(10) });
      expect(apply(q.claimOutboxMessage('m-free', lease('n3', 6)), all), 'held by n1 until minute 10').to.equal(false);
      expect(apply(q.claimOutboxMessage('m-held', lease('n1', 5)), all)).to.equal(false);
      expect(apply(q.claimOutboxMessage('m-sent', lease('n1', 5)), all)).to.equal(false);
    });

    it('a bulk load writes its messages already sent (commitMany with mailSent): no claim picks them', () => {
      const bulk = q.outboxDocs(commitOf('r2', 0, 'pending'), { at: at(1), response: 'loaded in bulk' });
      expect(bulk[0]).to.deep.include({ status: 'sent', sentAt: at(1), response: 'loaded in bulk', attempts: 0 });
      expect(run(q.claimableOutbox(lease('n1', 5)), [...bulk, outboxDoc('m-free', { nextAttemptAt: at(1) })]).map((d) => d._id)).to.deep.equal(['m-free']);
    });

    it('only the holder marks a message sent: a node that lost its lease matches nothing', () => {
      const all = [outboxDoc('m', { leaseOwner: 'n2', leaseUntil: at(10) })];
      expect(apply(q.markSent('m', 'n1', { at: at(1), response: '250 OK' }), all)).to.equal(false);
      expect(apply(q.markFailed('m', 'n1', { error: 'x', retryAt: null }), all)).to.equal(false);
      expect(apply(q.markSent('m', 'n2', { at: at(1), response: '250 2.0.0 queued' }), all)).to.equal(true);
      expect(toMessage(all[0]!)).to.deep.include({ status: 'sent', attempts: 1, sentAt: at(1), response: '250 2.0.0 queued' });
      expect(all[0]).to.deep.include({ leaseOwner: null, leaseUntil: null });
      expect(apply(q.markSent('m', 'n2', { at: at(2), response: '250 again' }), all), 'sent once').to.equal(false);
    });

    it('a failure with a retry time is due again then; one without is dead, and only a dead one is re-queued', () => {
      const all = [outboxDoc('m', { leaseOwner: 'n1', leaseUntil: at(5) })];
      apply(q.markFailed('m', 'n1', { error: '451 try later', retryAt: at(10) }), all);
      expect(all[0]).to.deep.include({ status: 'pending', nextAttemptAt: at(10), attempts: 1, lastError: '451 try later', leaseOwner: null });
      expect(apply(q.requeueOutbox('m', at(11)), all), 'not dead').to.equal(false);
      all[0]!.leaseOwner = 'n1';
      apply(q.markFailed('m', 'n1', { error: '550 no such user', retryAt: null }), all);
      expect(all[0]).to.deep.include({ status: 'dead', nextAttemptAt: at(10), attempts: 2, lastError: '550 no such user' });
      expect(run(q.claimableOutbox(lease('n1', 100)), all)).to.deep.equal([]);
      expect(apply(q.requeueOutbox('m', at(101)), all)).to.equal(true);
      expect(all[0]).to.deep.include({ status: 'pending', nextAttemptAt: at(101), attempts: 0 });
    });

    it("records a batch's results, each only where its sender still holds the lease", () => {
      const all = docs();
      const held = run(q.outboxHeldBy(['m-held', 'm-free', 'm-expired'], 'n2'), all).map((d) => d._id);
      const results = [
        { id: 'm-held', sent: { at: at(3), response: '250 OK' } },
        { id: 'm-expired', failed: { at: at(3), error: '451 later', retryAt: at(9) } },
        { id: 'm-free', sent: { at: at(3), response: '250 OK' } },
      ];
      expect(held).to.have.members(['m-held', 'm-expired']);
      expect(q.outboxResults('n2', results).map((write) => apply(write, all))).to.deep.equal([true, true, false]);
      const byId = new Map(all.map((d) => [d._id, d]));
      expect(byId.get('m-held')).to.deep.include({ status: 'sent', response: '250 OK', attempts: 1, leaseOwner: null });
      expect(byId.get('m-expired')).to.deep.include({ status: 'pending', nextAttemptAt: at(9), lastError: '451 later', attempts: 1, leaseOwner: null });
      expect(byId.get('m-free'), 'not held by n2: unchanged').to.deep.include({ status: 'pending', attempts: 0 });
    });

    it('counts by status, and lists by status in due order with a cursor', () => {
      expect((['pending', 'sent', 'dead'] as const).map((status) => run(q.outboxOfStatus(status), docs()).length)).to.deep.equal([5, 1, 1]);
      expect(run(q.listOutbox({ status: 'pending', limit: 2 }), docs()).map((d) => d._id)).to.deep.equal(['m-held', 'm-free', 'm-expired']);
      const cursor = Buffer.from(JSON.stringify([at(1), 'm-free'])).toString('base64url');
      expect(run(q.listOutbox({ status: 'pending', limit: 5, cursor }), docs()).map((d) => d._id)).to.deep.equal(['m-expired', 'm-late', 'm-future']);
      expect(run(q.listOutbox({ limit: 10 }), docs())).to.have.length(7);
    });
  });

  describe('deadlines', () => {
    const docs = () => [
      deadlineDoc('d-late', { dueAt: at(3) }),
      deadlineDoc('d-soon', { dueAt: at(1) }),
      deadlineDoc('d-released', { dueAt: at(0), leaseUntil: at(20), attempts: 1, lastError: 'boom' }),
      deadlineDoc('d-held', { dueAt: at(0), leaseOwner: 'n2', leaseUntil: at(8) }),
      deadlineDoc('d-expired', { dueAt: at(2), leaseOwner: 'n2', leaseUntil: at(4) }),
      deadlineDoc('d-future', { dueAt: at(30) }),
      deadlineDoc('d-done', { dueAt: at(0), status: 'done' }),
      deadlineDoc('d-cancelled', { dueAt: at(0), status: 'cancelled' }),
    ];

    it('the claim picks exactly the due deadlines nobody holds, oldest due first', () => {
      expect(run(q.claimableDeadlines(lease('n1', 5)), docs()).map((d) => d._id)).to.deep.equal(['d-soon', 'd-expired', 'd-late']);
      expect(run(q.claimableDeadlines(lease('n1', 20)), docs()).map((d) => d._id), 'released until minute 20').to.deep.equal([
        'd-held', 'd-released', 'd-soon', 'd-expired', 'd-late',
      ]);
    });

    it('a claimed deadline is completed or released only by its holder; a release holds it until the retry time', () => {
      const all = docs();
      expect(apply(q.claimDueDeadline('d-soon', lease('n1', 5)), all)).to.equal(true);
      expect(apply(q.claimDueDeadline('d-soon', lease('n2', 6)), all)).to.equal(false);
      expect(apply(q.completeClaimedDeadline('d-soon', 'n2', at(6)), all)).to.equal(false);
      expect(apply(q.releaseDeadline('d-soon', 'n1', { error: 'SMTP down', retryAt: at(40) }), all)).to.equal(true);
      expect(toTimer(all.find((d) => d._id === 'd-soon')!)).to.deep.include({ status: 'pending', attempts: 1, lastError: 'SMTP down' });
      expect(run(q.claimableDeadlines(lease('n2', 39)), all).map((d) => d._id)).to.not.include('d-soon');
      expect(run(q.claimableDeadlines(lease('n2', 40)), all).map((d) => d._id)).to.include('d-soon');
      expect(apply(q.claimDueDeadline('d-soon', lease('n2', 40)), all)).to.equal(true);
      expect(apply(q.completeClaimedDeadline('d-soon', 'n2', at(41)), all)).to.equal(true);
      expect(all.find((d) => d._id === 'd-soon')).to.deep.include({ status: 'done', completedAt: at(41), leaseOwner: null });
    });

    it('a cascade is claimed by id before it is due, unless someone holds it', () => {
      const all = docs();
      expect(apply(q.claimDeadlineById('d-future', { owner: 'n1', now: at(0), leaseMs: 60_000 }), all)).to.equal(true);
      expect(apply(q.claimDeadlineById('d-future', { owner: 'n2', now: at(0), leaseMs: 60_000 }), all)).to.equal(false);
      expect(apply(q.claimDeadlineById('d-done', { owner: 'n2', now: at(0), leaseMs: 60_000 }), all)).to.equal(false);
    });

    it('the commit that fires a deadline completes it once; leaving a state cancels its state deadlines only', () => {
      const all = [...docs(), deadlineDoc('d-cascade', { source: 'cascade' }), deadlineDoc('d-other', { instanceId: 'r2' })];
      expect(apply(q.completeFiredDeadline('d-held', at(5)), all), 'whoever holds it').to.equal(true);
      expect(apply(q.completeFiredDeadline('d-held', at(6)), all), 'already handled').to.equal(false);
      const cancel = q.cancelStateDeadlines('recognitions', 'r1', at(7));
      const touched = run({ collection: cancel.collection, filter: cancel.filter }, all).map((d) => d._id).sort();
      expect(touched).to.deep.equal(['d-expired', 'd-future', 'd-late', 'd-released', 'd-soon']);
    });

    it('an instance lists its pending deadlines of one source, soonest first', () => {
      const all = [...docs(), deadlineDoc('d-cascade', { source: 'cascade' })];
      expect(run(q.pendingDeadlines('recognitions', 'r1', 'state'), all).map((d) => d._id)).to.deep.equal([
        'd-held', 'd-released', 'd-soon', 'd-expired', 'd-late', 'd-future',
      ]);
      expect(run(q.pendingDeadlines('recognitions', 'r1', 'cascade'), all).map((d) => d._id)).to.deep.equal(['d-cascade']);
    });
  });

  describe('access', () => {
    it('the sweep takes sessions and sign-in tokens expired by then, by the date the TTL index holds, and leaves the rest', () => {
      const rows = [at(-5), at(0), at(5)].map((expiresAt, i) => ({ _id: `s${i}`, expiresAt, expireAt: new Date(expiresAt) }));
      expect(run(q.expiredSessions(at(0)), rows).map((r) => r._id)).to.deep.equal(['s0', 's1']);
      expect(run(q.expiredSignInTokens(at(0)), rows).map((r) => r._id)).to.deep.equal(['s0', 's1']);
    });
  });

  describe('directory', () => {
    it('CABs page by id within an economy; principals by address, organisation and role', () => {
      const cabs = ['vn-3', 'us-1', 'vn-1', 'vn-2'].map((id) => ({ _id: id, economy: id.slice(0, 2).toUpperCase() }));
      expect(run(q.cabsPage({ economy: 'VN', limit: 2 }), cabs).map((c) => c._id)).to.deep.equal(['vn-1', 'vn-2', 'vn-3']);
      const cursor = Buffer.from(JSON.stringify(['vn-2'])).toString('base64url');
      expect(run(q.cabsPage({ economy: 'VN', limit: 2, cursor }), cabs).map((c) => c._id)).to.deep.equal(['vn-3']);
      const principals = [
        { _id: 'kr', role: 'regulator', organisation: 'rra', email: 'mra@rra.kr.example', emailKey: 'mra@rra.kr.example' },
        { _id: 'admin', role: 'admin', organisation: 'admin', email: 'a.b+c@x.example', emailKey: 'a.b+c@x.example' },
      ];
      expect(run(q.principalsByEmail('A.B+C@x.example'), principals).map((p) => p._id)).to.deep.equal(['admin']);
      expect(run(q.principalsByEmail('a.bxc@x.example'), principals), 'dots and pluses are literal').to.deep.equal([]);
      expect(run(q.principalsOf('rra'), principals).map((p) => p._id)).to.deep.equal(['kr']);
      expect(run(q.principalsOfRole('regulator'), principals).map((p) => p._id)).to.deep.equal(['kr']);
      expect(run(q.regulationsByIds(['b', 'zz']), [{ _id: 'a' }, { _id: 'b' }])).to.deep.equal([{ _id: 'b' }]);
    });

    it('a sequence counts up by one from its upserted start', () => {
      const docs: Array<{ _id: string; value: number }> = [{ _id: 'designation:VN', value: 4 }];
      apply(q.nextSequence('designation:VN'), docs);
      expect(docs[0]!.value).to.equal(5);
    });
  });

  it('the documents a commit writes read back as the port promises', () => {
    const commit = commitOf('r1', 0, 'pending', {
      timers: { cancelStateDeadlines: false, add: [{ id: 'd1', event: 'REVIEW_OVERDUE', dueAt: at(90), source: 'state', payload: { n: 1 } }] },
    });
    expect(toMessage(q.outboxDocs(commit)[0]!)).to.deep.equal({
      id: 'mail-r1-0', recipient: commit.outbox.messages[0]!.recipient, notification: commit.outbox.notification, status: 'pending',
      attempts: 0, nextAttemptAt: at(0), lastError: null, sentAt: null, response: null, createdAt: at(0),
    });
    expect(toTimer(q.deadlineDocs(commit)[0]!)).to.deep.equal({
      id: 'd1', kind: 'recognitions', instanceId: 'r1', event: 'REVIEW_OVERDUE', dueAt: at(90), source: 'state', payload: { n: 1 },
      status: 'pending', attempts: 0, lastError: null, createdAt: at(0),
    });
    expect(toHistory(q.historyDoc(commit))).to.deep.equal({ seq: 1, ...commit.history });
    expect(q.uniqueKeyDocs({ ...commit, uniqueKeys: ['designation=VN0001'] })).to.deep.equal([
      { _id: 'recognitions:designation=VN0001', kind: 'recognitions', key: 'designation=VN0001', instanceId: 'r1' },
    ]);
  });
});

describe('MongoDB store: leases given back and queue figures, evaluated by mingo (no server)', () => {
  it('a stopping node gives back only its own leases on pending messages and deadlines, attempts unchanged', () => {
    const outbox = [
      outboxDoc('m1', { leaseOwner: 'n1', leaseUntil: at(5), attempts: 2 }),
      outboxDoc('m2', { leaseOwner: 'n2', leaseUntil: at(5) }),
      outboxDoc('m3', { leaseOwner: 'n1', leaseUntil: at(5), status: 'sent' }),
    ];
    const write = q.releaseOutboxLeases('n1');
    expect(run({ collection: write.collection, filter: write.filter }, outbox).map((d) => d._id)).to.deep.equal(['m1']);
    expect(apply(write, outbox)).to.equal(true);
    expect(outbox[0]).to.deep.include({ leaseOwner: null, leaseUntil: null, attempts: 2, status: 'pending' });
    expect(outbox[1]).to.deep.include({ leaseOwner: 'n2' });
    expect(outbox[2]).to.deep.include({ leaseOwner: 'n1' });

    const deadlines = [
      deadlineDoc('d1', { leaseOwner: 'n1', leaseUntil: at(5), attempts: 1 }),
      // Waiting out a failure's backoff: nobody holds it, and its wait stays.
      deadlineDoc('d2', { leaseOwner: null, leaseUntil: at(30), attempts: 1 }),
      deadlineDoc('d3', { leaseOwner: 'n1', leaseUntil: at(5), status: 'done' }),
    ];
    const release = q.releaseDeadlineLeases('n1');
    expect(run({ collection: release.collection, filter: release.filter }, deadlines).map((d) => d._id)).to.deep.equal(['d1']);
    apply(release, deadlines);
    expect(deadlines[0]).to.deep.include({ leaseOwner: null, leaseUntil: null, attempts: 1 });
    expect(deadlines[1]).to.deep.include({ leaseUntil: at(30) });
  });

  it('counts pending and dead messages, finds the oldest pending, and counts due and failing deadlines', () => {
    const outbox = [
      outboxDoc('m1', { status: 'sent', createdAt: at(-90) }),
      outboxDoc('m2', { status: 'pending', createdAt: at(-30) }),
      outboxDoc('m3', { status: 'pending', createdAt: at(-60) }),
      outboxDoc('m4', { status: 'dead', createdAt: at(-120) }),
    ];
    expect(run(q.outboxOfStatus('pending'), outbox)).to.have.length(2);
    expect(run(q.outboxOfStatus('dead'), outbox)).to.have.length(1);
    expect(run(q.oldestPendingOutbox(), outbox).map((d) => d._id)).to.deep.equal(['m3']);
    const deadlines = [
      deadlineDoc('d1', { dueAt: at(-1) }),
      deadlineDoc('d2', { dueAt: at(10) }),
      deadlineDoc('d3', { dueAt: at(-5), attempts: 2, source: 'cascade' }),
      deadlineDoc('d4', { dueAt: at(-5), attempts: 1 }),
      deadlineDoc('d5', { dueAt: at(-5), attempts: 3, status: 'done' }),
    ];
    expect(run(q.dueDeadlines(at(0)), deadlines).map((d) => d._id)).to.deep.equal(['d1', 'd3', 'd4']);
    expect(run(q.failingDeadlines(), deadlines).map((d) => d._id)).to.deep.equal(['d3', 'd4']);
    expect(run(q.failingDeadlines('cascade'), deadlines).map((d) => d._id)).to.deep.equal(['d3']);
  });
});

describe('MongoDB store: watches and webhook deliveries, evaluated by mingo (no server)', () => {
  const delivery = (id: string, patch: Partial<WebhookDeliveryDoc>): WebhookDeliveryDoc => ({
    ...q.webhookDeliveryDocs(commitOf('r1', 0, 'pending', { webhooks: [{ id, endpointId: 'e1', type: 'recognitions.pending', body: '{}' }] }))[0]!,
    ...patch,
  });

  it('a commit writes one pending delivery per endpoint, at the transition seq, due at once', () => {
    const docs = q.webhookDeliveryDocs(
      commitOf('r1', 2, 'recognized', {
        webhooks: [
          { id: 'd1', endpointId: 'e1', type: 'recognitions.recognized', body: '{"a":1}' },
          { id: 'd2', endpointId: 'e2', type: 'recognitions.recognized', body: '{"a":1}' },
        ],
      }),
    );
    expect(docs.map((d) => [d._id, d.endpointId, d.seq, d.status, d.nextAttemptAt, d.attempts])).to.deep.equal([
      ['d1', 'e1', 3, 'pending', at(2), 0],
      ['d2', 'e2', 3, 'pending', at(2), 0],
    ]);
  });

  it('the claim takes due deliveries nobody holds; only the holder settles one; a dead one is re-queued', () => {
    const all = [
      delivery('d-free', { nextAttemptAt: at(1) }),
      delivery('d-held', { nextAttemptAt: at(0), leaseOwner: 'n2', leaseUntil: at(9) }),
      delivery('d-future', { nextAttemptAt: at(20) }),
      delivery('d-done', { status: 'delivered' }),
    ];
    expect(run(q.claimableWebhookDeliveries(lease('n1', 5)), all).map((d) => d._id)).to.deep.equal(['d-free']);
    expect(apply(q.claimWebhookDelivery('d-free', lease('n1', 5)), all)).to.equal(true);
    expect(apply(q.claimWebhookDelivery('d-free', lease('n3', 6)), all), 'held by n1').to.equal(false);
    expect(apply(q.markWebhookDelivered('d-free', 'n3', { at: at(6), status: 200 }), all), 'not the holder').to.equal(false);
    expect(apply(q.markWebhookFailed('d-free', 'n1', { error: 'HTTP 503', status: 503, retryAt: null }), all)).to.equal(true);
    expect(all[0]).to.deep.include({ status: 'dead', attempts: 1, lastError: 'HTTP 503', lastStatus: 503, leaseOwner: null });
    expect(apply(q.requeueWebhookDelivery('d-done', at(7)), all), 'only a dead one').to.equal(false);
    expect(apply(q.requeueWebhookDelivery('d-free', at(7)), all)).to.equal(true);
    expect(all[0]).to.deep.include({ status: 'pending', attempts: 0, nextAttemptAt: at(7) });
    all[1]!.leaseOwner = 'n1';
    expect(updateMany(all as unknown as AnyObject[], q.releaseWebhookLeases('n1').filter, q.releaseWebhookLeases('n1').update).modifiedCount).to.equal(1);
    expect(all[1]).to.deep.include({ leaseOwner: null, leaseUntil: null });
  });

  it('finds what each endpoint holds under a live lease, and a claim within the shares reads past the endpoints that hold theirs', () => {
    const all = [
      delivery('d-e1-held', { nextAttemptAt: at(0), leaseOwner: 'n2', leaseUntil: at(9) }),
      delivery('d-e1-expired', { nextAttemptAt: at(0), leaseOwner: 'n3', leaseUntil: at(4) }),
      delivery('d-e1-free', { nextAttemptAt: at(1) }),
      { ...delivery('d-e2-free', { nextAttemptAt: at(2) }), endpointId: 'e2' },
      { ...delivery('d-e3-held', { nextAttemptAt: at(0), leaseOwner: 'n2', leaseUntil: at(9) }), endpointId: 'e3' },
      delivery('d-e1-done', { status: 'delivered', leaseOwner: null, leaseUntil: null }),
    ];
    expect(run(q.heldWebhookDeliveries(at(5)), all).map((d) => [d._id, d.endpointId])).to.deep.equal([['d-e1-held', 'e1'], ['d-e3-held', 'e3']]);
    expect(run(q.claimableWebhookDeliveries(lease('n1', 5), ['e1']), all).map((d) => d._id)).to.deep.equal(['d-e2-free']);
    expect(run(q.claimableWebhookDeliveries(lease('n1', 5), []), all).map((d) => d._id)).to.deep.equal(['d-e1-expired', 'd-e1-free', 'd-e2-free']);
  });

  it('lists an endpoint\'s deliveries newest first by status, and watches by key and by owner', () => {
    const all = [delivery('d1', {}), delivery('d2', { status: 'dead' }), delivery('d3', { status: 'dead', endpointId: 'e2' }), delivery('d4', { status: 'dead' })];
    expect(run(q.webhookDeliveriesPage({ endpointId: 'e1', status: 'dead', limit: 5 }), all).map((d) => d._id)).to.deep.equal(['d4', 'd2']);
    const cursor = Buffer.from(JSON.stringify(['d4'])).toString('base64url');
    expect(run(q.webhookDeliveriesPage({ endpointId: 'e1', limit: 5, cursor }), all).map((d) => d._id)).to.deep.equal(['d2', 'd1']);
    const watches = [
      { _id: 'w1', principalId: 'p1', key: 'model/KR/a/b', createdAt: at(1) },
      { _id: 'w2', principalId: 'p2', key: 'model/KR/a/b', createdAt: at(2) },
      { _id: 'w3', principalId: 'p1', key: 'test-reports/tr1', createdAt: at(3) },
    ];
    expect(run(q.watchesOn(['model/KR/a/b', 'recognitions/x']), watches).map((w) => w._id)).to.deep.equal(['w1', 'w2']);
    expect(run(q.watchesPage({ principalId: 'p1', limit: 5 }), watches).map((w) => w._id)).to.deep.equal(['w1', 'w3']);
    expect(run(q.watchOf('w3', 'p2'), watches), 'not the owner').to.deep.equal([]);
  });
});
