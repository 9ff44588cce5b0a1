/**
 * The contract every store adapter keeps, written against the port only. An adapter's test file
 * calls `describeStoreContract` with a factory for a fresh, empty store.
 */
import { expect } from 'chai';
import type { Actor } from '../../src/kinds/types.js';
import { isAppError } from '../../src/errors.js';
import type { Commit, Notification, Recipient, Store, TimerDraft, TimerSource } from '../../src/store/port.js';
import { describeSubscriptionsContract } from './subscriptions-contract.js';

export interface StoreFactory {
  /** A fresh, empty store, and how to dispose of it. */
  open(): Promise<{ store: Store; dispose: () => Promise<void> }>;
}

const T0 = '2026-03-02T09:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const ACTOR: Actor = { id: 'vn-regulator', role: 'regulator', economy: 'VN', name: 'Cục Viễn thông' };
const RECIPIENT: Recipient = { address: 'lab@songhong.vn.example', name: 'Phòng thử nghiệm Sông Hồng', language: 'vi', party: 'cab' };

let ids = 0;
const nextId = (prefix: string) => `${prefix}-${(ids += 1)}`;

/** As the engine makes it: the history entry's event, states, instant, actor and payload, with the data and deadlines after it. */
function notification(id: string, seq: number, to: string): Notification {
  const at_ = at(seq - 1);
  return { kind: 'agreements', instanceId: id, seq, event: seq === 1 ? 'CREATE' : 'EVENT', from: null, to, at: at_, actor: ACTOR, payload: { n: seq - 1 }, data: { note: `${to} — Thỏa thuận thừa nhận lẫn nhau` }, deadlines: [{ type: 'REVIEW', dueAt: at(30) }] };
}

/** A commit of agreement `id` from `expectedVersion` into `state`, with one e-mail and the given deadlines. */
function commitOf(id: string, expectedVersion: number, state: string, extra: Partial<Commit> = {}): Commit {
  return {
    kind: 'agreements',
    id,
    expectedVersion,
    state,
    context: { note: `${state} — Thỏa thuận thừa nhận lẫn nhau` },
    machineVersion: 2,
    at: at(expectedVersion),
    history: { at: at(expectedVersion), type: expectedVersion === 0 ? 'CREATE' : 'EVENT', actor: ACTOR, from: null, to: state, payload: { n: expectedVersion } },
    outbox: { notification: notification(id, expectedVersion + 1, state), messages: [{ id: nextId('mail'), recipient: RECIPIENT }] },
    timers: { cancelStateDeadlines: false, add: [] },
    ...extra,
  };
}

/** A timer's draft: a state deadline unless `source` says it is a cascade task. */
function timer(event: string, dueAt: string, source: TimerSource = 'state'): TimerDraft {
  return { id: nextId('deadline'), event, dueAt, source };
}

async function code(action: Promise<unknown>): Promise<string> {
  try {
    await action;
    return 'OK';
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

export function describeStoreContract(adapter: string, factory: StoreFactory): void {
  describe(`store contract: ${adapter}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    beforeEach(async () => ({ store, dispose } = await factory.open()));
    afterEach(async () => dispose());

    async function historyOf(id: string) {
      return (await store.history('agreements', id, { limit: 100 })).items;
    }

    describe('instances', () => {
      it('a creation stores the instance at version 1 with its history entry and e-mail', async () => {
        await store.commit(commitOf('a1', 0, 'negotiating'));
        const record = await store.load('agreements', 'a1');
        expect(record).to.deep.include({ kind: 'agreements', id: 'a1', state: 'negotiating', version: 1, machineVersion: 2, createdAt: at(0), updatedAt: at(0) });
        expect(record!.context).to.deep.equal({ note: 'negotiating — Thỏa thuận thừa nhận lẫn nhau' });
        expect(await historyOf('a1')).to.deep.equal([
          { seq: 1, at: at(0), type: 'CREATE', actor: ACTOR, from: null, to: 'negotiating', payload: { n: 0 } },
        ]);
        expect(await store.outboxCounts()).to.deep.equal({ pending: 1, sent: 0, dead: 0 });
      });

      it('commitMany writes every commit of the batch, its e-mails already sent with mailSent, never claimed', async () => {
        await store.commitMany([commitOf('b1', 0, 'negotiating'), commitOf('b2', 0, 'negotiating')], { mailSent: { at: at(1), response: 'loaded in bulk' } });
        await store.commitMany([commitOf('b1', 1, 'operational')]);
        expect((await store.load('agreements', 'b1'))!.version).to.equal(2);
        expect((await store.load('agreements', 'b2'))!.state).to.equal('negotiating');
        expect(await historyOf('b1')).to.have.length(2);
        expect(await store.outboxCounts()).to.deep.equal({ pending: 1, sent: 2, dead: 0 });
        const sent = (await store.listOutbox({ status: 'sent', limit: 10 })).items;
        expect(sent.map((m) => [m.sentAt, m.response])).to.deep.equal([[at(1), 'loaded in bulk'], [at(1), 'loaded in bulk']]);
        const claimed = await store.claimOutbox({ owner: 'n1', now: at(9), leaseMs: 60_000, limit: 10 });
        expect(claimed.map((m) => m.notification?.seq)).to.deep.equal([2]);
      });

      it('commitMany with one refused commit (a stale version) writes none of the batch', async () => {
        await store.commit(commitOf('b1', 0, 'negotiating'));
        const batch = [commitOf('b2', 0, 'negotiating'), commitOf('b1', 0, 'operational')];
        expect(await code(store.commitMany(batch))).to.equal('DUPLICATE');
        expect(await code(store.commitMany([commitOf('b3', 0, 'negotiating'), commitOf('b1', 5, 'operational')]))).to.equal('VERSION_CONFLICT');
        expect(await store.load('agreements', 'b2')).to.equal(null);
        expect(await store.load('agreements', 'b3')).to.equal(null);
        expect(await store.outboxCounts()).to.deep.equal({ pending: 1, sent: 0, dead: 0 });
      });

      it('loading an unknown instance answers null', async () => {
        expect(await store.load('agreements', 'nope')).to.equal(null);
      });

      it('creating an id twice is DUPLICATE and writes nothing', async () => {
        await store.commit(commitOf('a1', 0, 'negotiating'));
        expect(await code(store.commit(commitOf('a1', 0, 'operational')))).to.equal('DUPLICATE');
        expect((await store.load('agreements', 'a1'))!.state).to.equal('negotiating');
        expect(await historyOf('a1')).to.have.length(1);
        expect((await store.outboxCounts()).pending).to.equal(1);
      });

      it('a commit at the expected version moves the instance on and appends history', async () => {
        await store.commit(commitOf('a1', 0, 'negotiating'));
        await store.commit(commitOf('a1', 1, 'operational'));
        const record = await store.load('agreements', 'a1');
        expect(record).to.deep.include({ state: 'operational', version: 2, createdAt: at(0), updatedAt: at(1) });
        expect((await historyOf('a1')).map((h) => [h.seq, h.to])).to.deep.equal([
          [1, 'negotiating'],
          [2, 'operational'],
        ]);
      });

      it('stepAt answers the last step at or before an instant: the state then, when and its seq; null before the creation', async () => {
        await store.commit(commitOf('a1', 0, 'negotiating'));
        await store.commit(commitOf('a1', 1, 'operational'));
        await store.commit(commitOf('a1', 2, 'terminated'));
        const before = new Date(Date.parse(at(0)) - 1).toISOString();
        expect(await store.stepAt('agreements', 'a1', before)).to.equal(null);
        expect(await store.stepAt('agreements', 'a1', at(0))).to.deep.equal({ seq: 1, at: at(0), to: 'negotiating' });
        expect(await store.stepAt('agreements', 'a1', new Date(Date.parse(at(2)) - 1).toISOString())).to.deep.equal({ seq: 2, at: at(1), to: 'operational' });
        expect(await store.stepAt('agreements', 'a1', at(5))).to.deep.equal({ seq: 3, at: at(2), to: 'terminated' });
        expect(await store.stepAt('agreements', 'nobody', at(5))).to.equal(null);
      });

      it('of two commits at the same expected version, one wins and the other is a VERSION_CONFLICT that writes nothing', async () => {
        await store.commit(commitOf('a1', 0, 'negotiating'));
        const results = await Promise.allSettled([
          store.commit(commitOf('a1', 1, 'operational', { timers: { cancelStateDeadlines: false, add: [timer('X', at(5))] } })),
          store.commit(commitOf('a1', 1, 'terminated', { timers: { cancelStateDeadlines: false, add: [timer('Y', at(5))] } })),
        ]);
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(rejected).to.have.length(1);
        expect(isAppError(rejected[0]!.reason, 'VERSION_CONFLICT')).to.equal(true);
        expect((rejected[0]!.reason as { publicFields: Record<string, unknown> }).publicFields['currentVersion']).to.equal(2);
        expect(await historyOf('a1')).to.have.length(2);
        expect((await store.outboxCounts()).pending).to.equal(2);
        expect(await store.pendingDeadlines('agreements', 'a1')).to.have.length(1);
      });

      it('a commit to an instance that does not exist is NOT_FOUND', async () => {
        expect(await code(store.commit(commitOf('ghost', 1, 'operational')))).to.equal('NOT_FOUND');
      });

      it('a unique key taken by another instance is DUPLICATE naming it, and writes nothing; a released key can be taken', async () => {
        await store.commit(commitOf('a1', 0, 'negotiating', { uniqueKeys: ['reportNumber=RF1'] }));
        const error = await store.commit(commitOf('a2', 0, 'negotiating', { uniqueKeys: ['reportNumber=RF1'] })).catch((e: unknown) => e);
        expect(isAppError(error, 'DUPLICATE')).to.equal(true);
        expect((error as { publicFields: Record<string, unknown> }).publicFields['existingId']).to.equal('a1');
        expect(await store.load('agreements', 'a2')).to.equal(null);
        await store.commit(commitOf('a1', 1, 'operational', { uniqueKeys: ['reportNumber=RF2'] }));
        await store.commit(commitOf('a2', 0, 'negotiating', { uniqueKeys: ['reportNumber=RF1'] }));
        expect((await store.load('agreements', 'a2'))!.version).to.equal(1);
      });

      it('find filters by state and by searchable fields (a list matches any item), oldest first', async () => {
        await store.commit(commitOf('a1', 0, 'negotiating', { fields: { economy: ['VN', 'KR'], phase: 'I' } }));
        await store.commit(commitOf('a2', 0, 'operational', { fields: { economy: ['VN', 'US'], phase: 'I' } }));
        await store.commit(commitOf('a3', 0, 'operational', { fields: { economy: ['JP', 'KR'], phase: 'II' } }));
        const idsOf = async (query: Parameters<Store['find']>[1]) => (await store.find('agreements', query)).items.map((i) => i.id);
        expect(await idsOf({ limit: 10 })).to.deep.equal(['a1', 'a2', 'a3']);
        expect(await idsOf({ limit: 10, states: ['operational'] })).to.deep.equal(['a2', 'a3']);
        expect(await idsOf({ limit: 10, where: { economy: 'KR' } })).to.deep.equal(['a1', 'a3']);
        expect(await idsOf({ limit: 10, where: { economy: 'VN', phase: 'I' }, states: ['operational'] })).to.deep.equal(['a2']);
        expect(await idsOf({ limit: 10, where: { economy: 'MX' } })).to.deep.equal([]);
        expect(await store.find('recognitions', { limit: 10 })).to.deep.equal({ items: [], nextCursor: null });
      });

      it('find pages with a cursor through every match exactly once', async () => {
        for (let i = 0; i < 7; i += 1) await store.commit(commitOf(`p${i}`, 0, 'negotiating', { fields: { phase: 'I' } }));
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: Awaited<ReturnType<Store['find']>> = await store.find('agreements', { limit: 3, cursor, where: { phase: 'I' } });
          seen.push(...page.items.map((i) => i.id));
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor !== null);
        expect(seen).to.deep.equal(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
        expect(pages).to.equal(3);
      });

      it('a commit with fields replaces them; one without keeps them', async () => {
        await store.commit(commitOf('a1', 0, 'negotiating', { fields: { economy: ['VN', 'KR'] } }));
        await store.commit(commitOf('a1', 1, 'operational'));
        expect((await store.find('agreements', { limit: 5, where: { economy: 'KR' } })).items).to.have.length(1);
        await store.commit(commitOf('a1', 2, 'operational', { fields: { economy: ['VN', 'JP'] } }));
        expect((await store.find('agreements', { limit: 5, where: { economy: 'KR' } })).items).to.have.length(0);
        expect((await store.find('agreements', { limit: 5, where: { economy: 'JP' } })).items).to.have.length(1);
      });

      it('find by free text: a fragment anywhere in a named field, or in any field; all conditions hold; pages once each', async () => {
        const text = (manufacturer: string, model: string) => ({ manufacturer, model });
        await store.commit(commitOf('t1', 0, 'operational', { fields: { phase: 'I' }, text: text('cong ty co phan thiet bi mang phuong nam', 'pn-ax1800') }));
        await store.commit(commitOf('t2', 0, 'operational', { fields: { phase: 'II' }, text: text('cong ty tnhh dien tu dong nai', 'dn-ax5') }));
        await store.commit(commitOf('t3', 0, 'negotiating', { fields: { phase: 'I' }, text: text('hanbit networks', 'pn-mesh5') }));
        const idsOf = async (query: Omit<Parameters<Store['find']>[1], 'limit'>) => (await store.find('agreements', { limit: 10, ...query })).items.map((i) => i.id).sort();
        expect(await idsOf({ text: [{ fragment: 'phuong nam' }] })).to.deep.equal(['t1']);
        expect(await idsOf({ text: [{ field: 'model', fragment: 'ax' }, { fragment: 'cong ty' }] })).to.deep.equal(['t1', 't2']);
        expect(await idsOf({ text: [{ field: 'model', fragment: 'pn-' }], where: { phase: 'I' }, states: ['operational'] })).to.deep.equal(['t1']);
        expect(await idsOf({ text: [{ field: 'manufacturer', fragment: 'pn-' }] }), 'not in that field').to.deep.equal([]);
        expect(await idsOf({ text: [{ fragment: 'nam pn' }] }), 'no fragment spans two fields').to.deep.equal([]);
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<Store['find']>> = await store.find('agreements', { limit: 1, cursor, text: [{ fragment: 'cong' }] });
          seen.push(...page.items.map((i) => i.id));
          cursor = page.nextCursor;
        } while (cursor !== null);
        expect(seen.sort()).to.deep.equal(['t1', 't2']);
      });

      it('a commit with text replaces it; one without keeps it', async () => {
        await store.commit(commitOf('t1', 0, 'negotiating', { text: { model: 'pn-ax1800' } }));
        await store.commit(commitOf('t1', 1, 'operational'));
        expect((await store.find('agreements', { limit: 5, text: [{ fragment: 'ax18' }] })).items).to.have.length(1);
        await store.commit(commitOf('t1', 2, 'operational', { text: { model: 'dn-5g' } }));
        expect((await store.find('agreements', { limit: 5, text: [{ fragment: 'ax18' }] })).items).to.have.length(0);
        expect((await store.find('agreements', { limit: 5, text: [{ field: 'model', fragment: 'dn-5' }] })).items).to.have.length(1);
      });

      it('re-indexing replaces fields, unique keys and text at the version they came from, without a transition', async () => {
        await store.commit(commitOf('r1', 0, 'operational', { fields: { phase: 'I' }, uniqueKeys: ['number=1'] }));
        await store.commit(commitOf('r2', 0, 'operational', { fields: { phase: 'I' }, uniqueKeys: ['number=2'] }));
        const entry = { version: 1, fields: { phase: 'II', listedIn: 'KR' }, uniqueKeys: ['number=1b'], text: { manufacturer: 'cong ty phuong nam' } };
        expect(await store.reindex('agreements', 'r1', { ...entry, version: 2 }), 'a version it is not at').to.equal(false);
        expect(await store.reindex('agreements', 'nobody', entry), 'an instance that does not exist').to.equal(false);
        expect((await store.find('agreements', { limit: 5, where: { listedIn: 'KR' } })).items).to.deep.equal([]);
        expect(await store.reindex('agreements', 'r1', entry)).to.equal(true);
        const found = await store.find('agreements', { limit: 5, where: { listedIn: 'KR' }, text: [{ fragment: 'phuong' }] });
        expect(found.items.map((i) => i.id)).to.deep.equal(['r1']);
        expect(found.items[0]).to.deep.include({ version: 1, state: 'operational', updatedAt: at(0) });
        expect((await store.find('agreements', { limit: 5, where: { phase: 'I' } })).items.map((i) => i.id)).to.deep.equal(['r2']);
        expect((await store.history('agreements', 'r1', { limit: 5 })).items, 'no history entry').to.have.length(1);
        expect(await code(store.commit(commitOf('r3', 0, 'operational', { uniqueKeys: ['number=1'] }))), 'the old key was let go').to.equal('OK');
        expect(await code(store.reindex('agreements', 'r2', { ...entry, uniqueKeys: ['number=1b'] })), 'a key another holds').to.equal('DUPLICATE');
        expect((await store.find('agreements', { limit: 5, where: { phase: 'I' } })).items.map((i) => i.id), 'the refused one changed nothing').to.deep.equal(['r2']);
        expect(await code(store.commit(commitOf('r4', 0, 'operational', { uniqueKeys: ['number=2'] }))), 'and kept its key').to.equal('DUPLICATE');
      });

      it('records the search-index version it was indexed by; a new store has none', async () => {
        expect(await store.searchIndexVersion()).to.equal(null);
        await store.recordSearchIndexVersion('v1');
        await store.recordSearchIndexVersion('v2');
        expect(await store.searchIndexVersion()).to.equal('v2');
      });

      it('history pages after a sequence number, keeping facts and causes', async () => {
        await store.commit(commitOf('a1', 0, 'negotiating'));
        const history = { at: at(1), type: 'EXPIRED', actor: { id: 'system', role: 'system' as const }, from: 'negotiating', to: 'x', payload: {}, facts: { n: 1 }, cause: { deadline: { id: 'd' } } };
        await store.commit(commitOf('a1', 1, 'x', { history }));
        await store.commit(commitOf('a1', 2, 'y'));
        const first = await store.history('agreements', 'a1', { limit: 2 });
        expect(first.items.map((h) => h.seq)).to.deep.equal([1, 2]);
        expect(first.items[1]).to.deep.include({ facts: { n: 1 }, cause: { deadline: { id: 'd' } } });
        expect(first.nextCursor).to.equal('2');
        const rest = await store.history('agreements', 'a1', { limit: 2, afterSeq: 2 });
        expect(rest).to.deep.equal({ items: [(await historyOf('a1'))[2]], nextCursor: null });
      });
    });

    describe('outbox', () => {
      const lease = (owner: string, minutes: number, limit = 10) => ({ owner, now: at(minutes), leaseMs: 5 * 60_000, limit });

      it('messages committed with a transition are claimed once per lease, and again after it runs out', async () => {
        await store.commit(commitOf('a1', 0, 'negotiating'));
        await store.commit(commitOf('a1', 1, 'operational'));
        const claimed = await store.claimOutbox(lease('n1', 2));
        expect(claimed.map((m) => m.notification?.to)).to.deep.equal(['negotiating', 'operational']);
        expect(claimed.map((m) => m.notification), 'each as committed').to.deep.equal([notification('a1', 1, 'negotiating'), notification('a1', 2, 'operational')]);
        expect(claimed[0]).to.deep.include({ status: 'pending', attempts: 0, recipient: RECIPIENT });
        expect(await store.claimOutbox(lease('n2', 3))).to.deep.equal([]);
        expect((await store.claimOutbox(lease('n2', 8))).map((m) => m.id)).to.deep.equal(claimed.map((m) => m.id));
      });

      it('two claimers at once share the messages without overlap', async () => {
        for (let i = 0; i < 6; i += 1) await store.commit(commitOf(`a${i}`, 0, 'negotiating'));
        const [a, b] = await Promise.all([store.claimOutbox(lease('n1', 1, 3)), store.claimOutbox(lease('n2', 1, 3))]);
        const all = [...a, ...b].map((m) => m.id);
        expect(new Set(all).size).to.equal(6);
      });

      it('marking sent needs the lease; a sent message is not claimed again', async () => {
        await store.commit(commitOf('a1', 0, 'negotiating'));
        const [message] = await store.claimOutbox(lease('n1', 1));
        expect(await store.markSent(message!.id, 'someone-else', { at: at(1), response: '250 OK' })).to.equal(false);
        expect(await store.markSent(message!.id, 'n1', { at: at(1), response: '250 2.0.0 queued' })).to.equal(true);
        expect(await store.claimOutbox(lease('n1', 60))).to.deep.equal([]);
        const [sent] = (await store.listOutbox({ status: 'sent', limit: 10 })).items;
        expect(sent).to.deep.include({ status: 'sent', attempts: 1, sentAt: at(1), response: '250 2.0.0 queued' });
      });

      it('a failure with a retry time comes back then; one without goes dead, is listed, and can be re-queued', async () => {
        await store.commit(commitOf('a1', 0, 'negotiating'));
        const [message] = await store.claimOutbox(lease('n1', 1));
        expect(await store.markFailed(message!.id, 'n1', { at: at(1), error: '451 try later', retryAt: at(10) })).to.equal(true);
        expect(await store.claimOutbox(lease('n1', 9))).to.deep.equal([]);
        const [again] = await store.claimOutbox(lease('n1', 10));
        expect(again).to.deep.include({ id: message!.id, attempts: 1, lastError: '451 try later' });
        await store.markFailed(again!.id, 'n1', { at: at(11), error: '550 no such user', retryAt: null });
        expect(await store.outboxCounts()).to.deep.equal({ pending: 0, sent: 0, dead: 1 });
        const dead = await store.listOutbox({ status: 'dead', limit: 10 });
        expect(dead.items.map((m) => [m.id, m.lastError])).to.deep.equal([[message!.id, '550 no such user']]);
        expect(await store.claimOutbox(lease('n1', 100))).to.deep.equal([]);
        expect(await store.requeueOutbox(message!.id, at(101))).to.equal(true);
        expect(await store.requeueOutbox(message!.id, at(101))).to.equal(false);
        expect((await store.claimOutbox(lease('n1', 101))).map((m) => m.id)).to.deep.equal([message!.id]);
      });

      it("records a batch's results in one write: sent, retried and dead, each only where the lease is still held", async () => {
        for (let i = 0; i < 4; i += 1) await store.commit(commitOf(`a${i}`, 0, 'negotiating'));
        const [sent, retried, dead, fourth] = await store.claimOutbox(lease('n1', 1));
        // n2 takes the first message once n1's lease on it has run out (at minute 6).
        const [taken] = await store.claimOutbox(lease('n2', 7, 1));
        expect(taken?.id).to.equal(sent!.id);
        await store.markSent(taken!.id, 'n2', { at: at(7), response: '250 by n2' });
        const stale = await store.recordOutboxResults('n1', [
          { id: sent!.id, sent: { at: at(8), response: '250 by n1' } },
          { id: retried!.id, failed: { at: at(8), error: '451 try later', retryAt: at(20) } },
          { id: dead!.id, failed: { at: at(8), error: '550 no such user', retryAt: null } },
        ]);
        expect(stale, 'n2 holds the first message now').to.deep.equal([sent!.id]);
        expect(await store.recordOutboxResults('n1', [{ id: fourth!.id, sent: { at: at(8), response: '250 OK' } }])).to.deep.equal([]);
        expect(await store.getOutboxMessage(sent!.id)).to.deep.include({ status: 'sent', response: '250 by n2', attempts: 1 });
        expect(await store.getOutboxMessage(retried!.id)).to.deep.include({ status: 'pending', attempts: 1, nextAttemptAt: at(20), lastError: '451 try later' });
        expect(await store.getOutboxMessage(dead!.id)).to.deep.include({ status: 'dead', attempts: 1, lastError: '550 no such user' });
        expect(await store.getOutboxMessage(fourth!.id)).to.deep.include({ status: 'sent', attempts: 1, sentAt: at(8), response: '250 OK' });
        expect(await store.claimOutbox(lease('n1', 19)), 'the retry is not due yet').to.deep.equal([]);
        expect((await store.claimOutbox(lease('n1', 20))).map((m) => m.id)).to.deep.equal([retried!.id]);
        expect(await store.outboxCounts()).to.deep.equal({ pending: 1, sent: 2, dead: 1 });
        expect(await store.recordOutboxResults('n1', [])).to.deep.equal([]);
      });

      it('reads one message by id, whatever its status; null for an unknown id', async () => {
        await store.commit(commitOf('a1', 0, 'negotiating'));
        const [message] = await store.claimOutbox(lease('n1', 1));
        await store.markFailed(message!.id, 'n1', { at: at(1), error: '550 no such user', retryAt: null });
        expect(await store.getOutboxMessage(message!.id)).to.deep.include({ id: message!.id, status: 'dead', attempts: 1, recipient: RECIPIENT });
        expect((await store.getOutboxMessage(message!.id))?.notification).to.deep.equal(message!.notification);
        expect(await store.getOutboxMessage('no-such-message')).to.equal(null);
      });

      it('lists pages of messages by status with a cursor', async () => {
        for (let i = 0; i < 5; i += 1) await store.commit(commitOf(`a${i}`, 0, 'negotiating'));
        const first = await store.listOutbox({ status: 'pending', limit: 3 });
        const second = await store.listOutbox({ status: 'pending', limit: 3, cursor: first.nextCursor });
        expect(first.items).to.have.length(3);
        expect(second.items).to.have.length(2);
        expect(second.nextCursor).to.equal(null);
        expect(new Set([...first.items, ...second.items].map((m) => m.id)).size).to.equal(5);
      });
    });

    describe('deadlines', () => {
      const lease = (owner: string, now: string, limit = 10) => ({ owner, now, leaseMs: 5 * 60_000, limit });

      it('deadlines set by a commit are pending, soonest first, and claimed only once due', async () => {
        const later = timer('LATER', at(60));
        const sooner = timer('SOONER', at(30));
        await store.commit(commitOf('a1', 0, 'negotiating', { timers: { cancelStateDeadlines: false, add: [later, sooner] } }));
        expect((await store.pendingDeadlines('agreements', 'a1')).map((d) => d.event)).to.deep.equal(['SOONER', 'LATER']);
        expect(await store.claimDueDeadlines(lease('n1', at(29)))).to.deep.equal([]);
        const [claimed] = await store.claimDueDeadlines(lease('n1', at(30)));
        expect(claimed).to.deep.include({ id: sooner.id, kind: 'agreements', instanceId: 'a1', event: 'SOONER', dueAt: at(30), status: 'pending' });
        expect(await store.claimDueDeadlines(lease('n2', at(34)))).to.deep.equal([]);
        expect((await store.claimDueDeadlines(lease('n2', at(35)))).map((d) => d.id), 'after the lease').to.deep.equal([sooner.id]);
      });

      it('leaving a state cancels its deadlines but not pending cascades', async () => {
        const cascade = timer('recognition-ended', at(0), 'cascade');
        await store.commit(commitOf('a1', 0, 'negotiating', { timers: { cancelStateDeadlines: false, add: [timer('A', at(30)), cascade] } }));
        await store.commit(commitOf('a1', 1, 'operational', { timers: { cancelStateDeadlines: true, add: [timer('B', at(90))] } }));
        expect((await store.pendingDeadlines('agreements', 'a1')).map((d) => d.event)).to.deep.equal(['B']);
        expect((await store.pendingDeadlines('agreements', 'a1', 'cascade')).map((d) => d.id)).to.deep.equal([cascade.id]);
      });

      it('a commit that keeps its state cancels the deadlines of the events it names only, and adds their new instants', async () => {
        const cascade = timer('recognition-ended', at(0), 'cascade');
        await store.commit(commitOf('a1', 0, 'operational', { timers: { cancelStateDeadlines: false, add: [timer('EXPIRED', at(30)), timer('REMINDER', at(20)), cascade] } }));
        await store.commit(
          commitOf('a1', 1, 'operational', { timers: { cancelStateDeadlines: false, cancelStateDeadlinesOf: ['EXPIRED'], add: [timer('EXPIRED', at(90))] } }),
        );
        expect((await store.pendingDeadlines('agreements', 'a1')).map((d) => [d.event, d.dueAt])).to.deep.equal([
          ['REMINDER', at(20)],
          ['EXPIRED', at(90)],
        ]);
        expect((await store.pendingDeadlines('agreements', 'a1', 'cascade')).map((d) => d.id)).to.deep.equal([cascade.id]);
      });

      it('a commit that fires a deadline completes it; a second one firing it is refused as DEADLINE_HANDLED and writes nothing', async () => {
        const due = timer('EXPIRED', at(10));
        await store.commit(commitOf('a1', 0, 'active', { timers: { cancelStateDeadlines: false, add: [due] } }));
        await store.commit(commitOf('a1', 1, 'lapsed', { timers: { cancelStateDeadlines: true, add: [], complete: due.id } }));
        const error = await store.commit(commitOf('a1', 2, 'lapsed', { timers: { cancelStateDeadlines: false, add: [], complete: due.id } })).catch((e: unknown) => e);
        expect(isAppError(error, 'DEADLINE_HANDLED'), String(error)).to.equal(true);
        expect((await store.load('agreements', 'a1'))!.version).to.equal(2);
        expect(await store.claimDueDeadlines(lease('n1', at(100)))).to.deep.equal([]);
      });

      it('one deadline can be claimed by id, completed, or released until a retry time', async () => {
        const d1 = timer('A', at(50), 'cascade');
        const d2 = timer('B', at(0));
        await store.commit(commitOf('a1', 0, 'x', { timers: { cancelStateDeadlines: false, add: [d1, d2] } }));
        const claimed = await store.claimDeadline(d1.id, { owner: 'n1', now: at(0), leaseMs: 60_000 });
        expect(claimed?.payload).to.equal(undefined);
        expect(await store.claimDeadline(d1.id, { owner: 'n2', now: at(0), leaseMs: 60_000 })).to.equal(null);
        expect(await store.completeDeadline(d1.id, 'n2', at(0))).to.equal(false);
        expect(await store.completeDeadline(d1.id, 'n1', at(0))).to.equal(true);
        expect(await store.pendingDeadlines('agreements', 'a1', 'cascade')).to.deep.equal([]);

        const [b] = await store.claimDueDeadlines(lease('n1', at(1)));
        expect(await store.releaseDeadline(b!.id, 'n1', { error: 'boom', retryAt: at(20) })).to.equal(true);
        expect(await store.claimDueDeadlines(lease('n2', at(19)))).to.deep.equal([]);
        const [retried] = await store.claimDueDeadlines(lease('n2', at(20)));
        expect(retried).to.deep.include({ id: d2.id, attempts: 1, lastError: 'boom' });
      });

      it('two claimers at once never get the same deadline', async () => {
        const drafts = Array.from({ length: 8 }, (_, i) => timer(`E${i}`, at(i)));
        await store.commit(commitOf('a1', 0, 'x', { timers: { cancelStateDeadlines: false, add: drafts } }));
        const [a, b] = await Promise.all([store.claimDueDeadlines(lease('n1', at(10), 4)), store.claimDueDeadlines(lease('n2', at(10), 4))]);
        expect(new Set([...a, ...b].map((d) => d.id)).size).to.equal(8);
      });
    });

    describe('directory', () => {
      it('is empty until something is loaded', async () => {
        expect(await store.isEmpty()).to.equal(true);
        await store.putEconomy({ code: 'VN', name: 'Viet Nam', nameVi: 'Việt Nam' });
        expect(await store.isEmpty()).to.equal(false);
      });

      it('keeps economies and regulations, Vietnamese text exactly as given', async () => {
        await store.putEconomy({ code: 'VN', name: 'Viet Nam', nameVi: 'Việt Nam' });
        await store.putEconomy({ code: 'KR', name: 'Korea' });
        await store.putEconomy({ code: 'KR', name: 'Republic of Korea' });
        expect(await store.listEconomies()).to.deep.equal([
          { code: 'KR', name: 'Republic of Korea' },
          { code: 'VN', name: 'Viet Nam', nameVi: 'Việt Nam' },
        ]);
        expect(await store.getEconomy('VN')).to.deep.equal({ code: 'VN', name: 'Viet Nam', nameVi: 'Việt Nam' });
        expect(await store.getEconomy('XX')).to.equal(null);
        const qcvn = { id: 'VN:QCVN 54:2020/BTTTT', economy: 'VN', title: 'WLAN 2.4 GHz', titleVi: 'Thiết bị truyền dữ liệu băng rộng 2,4 GHz' };
        await store.putRegulation(qcvn);
        await store.putRegulation({ id: 'KR:KN 32', economy: 'KR' });
        expect(await store.listRegulations({ economy: 'VN' })).to.deep.equal([qcvn]);
        expect((await store.listRegulations({})).map((r) => r.id)).to.deep.equal(['KR:KN 32', 'VN:QCVN 54:2020/BTTTT']);
        expect((await store.getRegulations(['VN:QCVN 54:2020/BTTTT', 'nope'])).map((r) => r.id)).to.deep.equal(['VN:QCVN 54:2020/BTTTT']);
        expect(await store.getRegulations([])).to.deep.equal([]);
      });

      it('Regulation versions: keeps a replaced version with its replacement and the end of its transition period', async () => {
        const replaced = {
          id: 'VN:QCVN 86:2019/BTTTT',
          economy: 'VN',
          retiredAt: '2026-01-01T00:00:00.000Z',
          supersededBy: 'VN:QCVN 86:2025/BKHCN',
          acceptedUntil: '2027-07-01T00:00:00.000Z',
        };
        await store.putRegulation(replaced);
        expect(await store.getRegulations([replaced.id])).to.deep.equal([replaced]);
        expect(await store.listRegulations({ economy: 'VN' })).to.deep.equal([replaced]);
      });

      it('keeps CABs, listed by economy a page at a time', async () => {
        for (const n of [1, 2, 3]) {
          await store.putCab({ id: `vn-lab-${n}`, name: `Phòng thử nghiệm ${n}`, economy: 'VN', type: 'lab', email: `l${n}@x.example`, language: 'vi' });
        }
        await store.putCab({ id: 'us-lab', name: 'US lab', economy: 'US', type: 'lab', email: 'us@x.example', language: 'en' });
        const first = await store.listCabs({ economy: 'VN', limit: 2 });
        const second = await store.listCabs({ economy: 'VN', limit: 2, cursor: first.nextCursor });
        expect([...first.items, ...second.items].map((c) => c.id)).to.deep.equal(['vn-lab-1', 'vn-lab-2', 'vn-lab-3']);
        expect(second.nextCursor).to.equal(null);
        expect((await store.getCab('vn-lab-2'))?.name).to.equal('Phòng thử nghiệm 2');
        expect(await store.getCab('nope')).to.equal(null);
      });

      it('finds principals by role and economy, by organisation and by address; disabled ones hear of nothing', async () => {
        const base = { language: 'en' as const };
        await store.putPrincipal({ id: 'vn-reg', name: 'VNTA', role: 'regulator', economy: 'VN', organisation: 'vnta', email: 'a@vn.example', ...base });
        await store.putPrincipal({ id: 'vn-reg-2', name: 'Nguyễn Văn An', role: 'regulator', economy: 'VN', organisation: 'vnta', email: 'an@vn.example', ...base });
        await store.putPrincipal({ id: 'kr-reg', name: 'RRA', role: 'regulator', economy: 'KR', organisation: 'rra', email: 'b@kr.example', ...base });
        await store.putPrincipal({ id: 'admin', name: 'Admin', role: 'admin', organisation: 'admin', email: 'c@x.example', ...base });
        expect((await store.findPrincipals({ role: 'regulator', economies: ['KR', 'JP'] })).map((p) => p.id)).to.deep.equal(['kr-reg']);
        expect((await store.findPrincipals({ role: 'regulator' })).map((p) => p.id).sort()).to.deep.equal(['kr-reg', 'vn-reg', 'vn-reg-2']);
        expect((await store.findPrincipals({ organisation: 'vnta' })).map((p) => p.id)).to.deep.equal(['vn-reg', 'vn-reg-2']);
        expect((await store.principalByEmail('AN@vn.example'))?.id).to.equal('vn-reg-2');
        expect(await store.principalByEmail('nobody@vn.example')).to.equal(null);

        const audit = { id: 'a1', at: at(1), actor: { id: 'admin' }, action: 'principal.disabled', organisation: 'vnta', principalId: 'vn-reg-2' };
        await store.putPrincipal({ ...(await store.getPrincipal('vn-reg-2'))!, disabledAt: at(1) }, audit);
        expect((await store.getPrincipal('vn-reg-2'))?.disabledAt).to.equal(at(1));
        expect((await store.findPrincipals({ organisation: 'vnta' })).map((p) => p.id)).to.deep.equal(['vn-reg']);
        expect((await store.findPrincipals({ role: 'regulator', economies: ['VN'] })).map((p) => p.id)).to.deep.equal(['vn-reg']);
        const listed = await store.listPrincipals({ organisation: 'vnta', limit: 1 });
        expect(listed.items.map((p) => p.id)).to.deep.equal(['vn-reg']);
        const rest = await store.listPrincipals({ organisation: 'vnta', limit: 1, cursor: listed.nextCursor });
        expect(rest.items.map((p) => p.id)).to.deep.equal(['vn-reg-2']);
        expect((await store.listPrincipals({ economy: 'KR', limit: 10 })).items.map((p) => p.id)).to.deep.equal(['kr-reg']);
        expect((await store.listAudit({ organisation: 'vnta', limit: 10 })).items).to.deep.equal([audit]);
        expect((await store.listAudit({ organisation: 'rra', limit: 10 })).items).to.deep.equal([]);
      });

      it('keeps API keys by hash, with their last use, revocation and audit entry', async () => {
        const key = {
          id: 'k1', principalId: 'vn-reg', name: 'LIMS', prefix: 'mra_abc', hash: 'h1', hashScheme: 'hmac-sha256' as const,
          createdAt: at(0), expiresAt: null, lastUsedAt: null, revokedAt: null,
        };
        const audit = { id: 'a1', at: at(0), actor: { id: 'vn-reg' }, action: 'key.minted', organisation: 'vnta', principalId: 'vn-reg', keyId: 'k1' };
        await store.putApiKey(key, audit);
        await store.putApiKey({ ...key, id: 'k0', hash: 'h0', hashScheme: 'sha256', createdAt: at(-1) });
        expect(await store.apiKeyByHash('h1')).to.deep.equal(key);
        expect(await store.apiKeyByHash('unknown')).to.equal(null);
        await store.touchApiKey('k1', at(2));
        expect((await store.getApiKey('k1'))?.lastUsedAt).to.equal(at(2));
        expect((await store.listApiKeys({ principalId: 'vn-reg' })).map((k) => k.id)).to.deep.equal(['k0', 'k1']);
        expect((await store.listApiKeys({ hashScheme: 'sha256' })).map((k) => k.id)).to.deep.equal(['k0']);
        await store.putApiKey({ ...key, revokedAt: at(3) });
        expect((await store.apiKeyByHash('h1'))?.revokedAt).to.equal(at(3));
        expect((await store.listAudit({ limit: 10 })).items).to.deep.equal([audit]);
      });

      it('takes a sign-in token once, and only before it expires', async () => {
        await store.putSignInToken({ hash: 't1', principalId: 'vn-reg', createdAt: at(0), expiresAt: at(15) });
        await store.putSignInToken({ hash: 't2', principalId: 'vn-reg', createdAt: at(0), expiresAt: at(15) });
        expect(await store.consumeSignInToken('t1', at(16))).to.equal(null);
        expect((await store.consumeSignInToken('t2', at(5)))?.principalId).to.equal('vn-reg');
        expect(await store.consumeSignInToken('t2', at(6))).to.equal(null);
      });

      it('keeps sessions until they expire, ends one, or all of a principal', async () => {
        const session = (id: string, principalId: string) => ({ id, principalId, data: { cookie: { path: '/' }, principalId }, expiresAt: at(60) });
        await store.putSession(session('s1', 'vn-reg'));
        await store.putSession(session('s2', 'vn-reg'));
        await store.putSession(session('s3', 'kr-reg'));
        expect(await store.getSession('s1', at(1))).to.deep.equal(session('s1', 'vn-reg'));
        expect(await store.getSession('s1', at(61))).to.equal(null);
        await store.deleteSession('s3');
        expect(await store.getSession('s3', at(1))).to.equal(null);
        await store.deleteSessionsOf('vn-reg');
        expect(await store.getSession('s2', at(1))).to.equal(null);
      });

      it('deletes the sessions and sign-in tokens that have expired, used or not, and keeps the live ones', async () => {
        const session = (id: string, expiresAt: string) => ({ id, principalId: 'vn-reg', data: { cookie: { path: '/' } }, expiresAt });
        await store.putSession(session('old', at(10)));
        await store.putSession(session('live', at(60)));
        await store.putSignInToken({ hash: 'old-token', principalId: 'vn-reg', createdAt: at(0), expiresAt: at(10) });
        await store.putSignInToken({ hash: 'used-token', principalId: 'vn-reg', createdAt: at(0), expiresAt: at(10) });
        expect(await store.consumeSignInToken('used-token', at(1))).to.not.equal(null);
        await store.putSignInToken({ hash: 'live-token', principalId: 'vn-reg', createdAt: at(0), expiresAt: at(60) });
        await store.deleteExpiredAccess(at(30));
        // Read as of a moment before either expired: only a row that is gone is not found then.
        expect(await store.getSession('old', at(1))).to.equal(null);
        expect(await store.getSession('live', at(1))).to.deep.equal(session('live', at(60)));
        expect(await store.consumeSignInToken('old-token', at(1))).to.equal(null);
        expect((await store.consumeSignInToken('live-token', at(1)))?.hash).to.equal('live-token');
      });

      it('queues an account e-mail in the outbox, claimed and sent like any other', async () => {
        const mail = { type: 'sign-in-link' as const, principalId: 'vn-reg', at: at(0), link: 'http://x/auth/sign-in?token=t', expiresAt: at(15) };
        await store.queueAccountMail({ id: 'm1', recipient: RECIPIENT, mail });
        const [claimed] = await store.claimOutbox({ owner: 'n1', now: at(1), leaseMs: 60_000, limit: 10 });
        expect(claimed).to.deep.include({ id: 'm1', notification: null, account: mail, recipient: RECIPIENT, status: 'pending' });
        expect(await store.markSent('m1', 'n1', { at: at(1), response: '250 ok' })).to.equal(true);
        expect((await store.getOutboxMessage('m1'))?.status).to.equal('sent');
      });

      it('hands out sequence numbers from 1, each once, per name', async () => {
        const numbers = await Promise.all(Array.from({ length: 5 }, () => store.nextSequence('designation:VN')));
        expect([...numbers].sort()).to.deep.equal([1, 2, 3, 4, 5]);
        expect(await store.nextSequence('designation:US')).to.equal(1);
      });
    });

    describeSubscriptionsContract(() => store, { commitOf, at });
  });
}
