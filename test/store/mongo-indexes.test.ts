/**
 * Every query the MongoDB store sends is served by one of its indexes, by the Equality, Sort,
 * Range rule: the index starts with the fields matched for equality (any order), then the sort
 * fields in order, and holds every field compared by range. A builder added to `queries.ts`
 * without a line here fails the first test, so none escapes the check.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { storeMongoose } from '../../src/store/mongo/connect.js';
import { COLLECTIONS, type CollectionName } from '../../src/store/mongo/shapes.js';
import { defineModels } from '../../src/store/mongo/models.js';
import { BLOB_INDEXES, INDEXES, missingIndexes } from '../../src/store/mongo/indexes.js';
import * as b from '../../src/store/mongo/blob-queries.js';
import * as q from '../../src/store/mongo/queries.js';

const NOW = '2026-03-02T09:00:00.000Z';
const cursor = (...key: string[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
const lease = { owner: 'n1', now: NOW, leaseMs: 60_000, limit: 10 };

/** Each builder that makes a query, with every shape of arguments it is called with. */
const QUERIES: Record<string, Array<q.Read | q.Write>> = {
  instanceById: [q.instanceById('agreements', 'a1')],
  transitionInstance: [q.transitionInstance({ kind: 'agreements', id: 'a1', expectedVersion: 3 } as Parameters<typeof q.transitionInstance>[0])],
  findInstances: [
    q.findInstances('agreements', { limit: 10 }),
    q.findInstances('agreements', { limit: 10, states: ['operational'] }),
    q.findInstances('agreements', { limit: 10, where: { economy: 'VN' } }),
    q.findInstances('agreements', { limit: 10, where: { economy: 'VN' }, states: ['operational'], cursor: cursor(NOW, 'a1') }),
    q.findInstances('agreements', { limit: 10, cursor: cursor(NOW, 'a1') }),
    q.findInstances('agreements', { limit: 10, order: 'newest', cursor: cursor(NOW, 'a1') }),
    q.findInstances('agreements', { limit: 10, order: 'newest', where: { economy: 'VN' }, states: ['operational'], cursor: cursor(NOW, 'a1') }),
    q.findInstances('test-reports', { limit: 10, order: 'newest', text: [{ fragment: 'phuong nam' }], cursor: cursor(NOW, 'tr1') }),
    q.findInstances('test-reports', { limit: 10, text: [{ fragment: 'phuong nam' }] }),
    q.findInstances('test-reports', { limit: 10, text: [{ field: 'model', fragment: 'pn-ax' }, { fragment: 'cong ty' }], where: { listedIn: 'KR' }, states: ['accepted'], cursor: cursor(NOW, 'tr1') }),
  ],
  trigramCount: [q.trigramCount('test-reports', '*:phu', 1000)],
  reindexInstance: [q.reindexInstance('test-reports', 'tr1', { version: 4, fields: { listedIn: 'KR' }, uniqueKeys: [], text: { model: 'pn-ax' } })],
  recordSetting: [q.recordSetting('searchIndexVersion', 'abc')],
  uniqueKeysOf: [q.uniqueKeysOf('test-reports', 'tr1')],
  uniqueKeyOwner: [q.uniqueKeyOwner('test-reports', 'reportNumber=X')],
  historyPage: [q.historyPage('agreements', 'a1', { limit: 10 }), q.historyPage('agreements', 'a1', { limit: 10, afterSeq: 4 })],
  historyBackwards: [q.historyBackwards('agreements', 'a1', { limit: 20 }), q.historyBackwards('agreements', 'a1', { beforeSeq: 21, limit: 20 })],
  claimableOutbox: [q.claimableOutbox(lease)],
  claimOutboxMessage: [q.claimOutboxMessage('m1', lease)],
  markSent: [q.markSent('m1', 'n1', { at: NOW, response: '250' })],
  markFailed: [q.markFailed('m1', 'n1', { error: 'x', retryAt: null })],
  outboxHeldBy: [q.outboxHeldBy(['m1', 'm2'], 'n1')],
  outboxResults: q.outboxResults('n1', [{ id: 'm1', sent: { at: NOW, response: '250' } }, { id: 'm2', failed: { at: NOW, error: 'x', retryAt: NOW } }]),
  requeueOutbox: [q.requeueOutbox('m1', NOW)],
  outboxById: [q.outboxById('m1')],
  listOutbox: [q.listOutbox({ limit: 10 }), q.listOutbox({ status: 'dead', limit: 10, cursor: cursor(NOW, 'm1') }), q.listOutbox({ limit: 10, cursor: cursor(NOW, 'm1') })],
  pendingDeadlines: [q.pendingDeadlines('agreements', 'a1', 'state')],
  completeFiredDeadline: [q.completeFiredDeadline('d1', NOW)],
  cancelStateDeadlines: [q.cancelStateDeadlines('agreements', 'a1', NOW)],
  cancelStateDeadlinesOf: [q.cancelStateDeadlinesOf('recognitions', 'r1', 'LISTING_EXPIRED', NOW)],
  claimableDeadlines: [q.claimableDeadlines(lease)],
  claimDueDeadline: [q.claimDueDeadline('d1', lease)],
  claimDeadlineById: [q.claimDeadlineById('d1', lease)],
  completeClaimedDeadline: [q.completeClaimedDeadline('d1', 'n1', NOW)],
  releaseDeadline: [q.releaseDeadline('d1', 'n1', { error: 'x', retryAt: NOW })],
  releaseOutboxLeases: [q.releaseOutboxLeases('n1')],
  releaseDeadlineLeases: [q.releaseDeadlineLeases('n1')],
  outboxOfStatus: [q.outboxOfStatus('pending'), q.outboxOfStatus('sent'), q.outboxOfStatus('dead')],
  oldestPendingOutbox: [q.oldestPendingOutbox()],
  dueDeadlines: [q.dueDeadlines(NOW)],
  failingDeadlines: [q.failingDeadlines(), q.failingDeadlines('cascade')],
  byId: Object.values(COLLECTIONS).map((c) => q.byId(c, 'x')),
  anyOf: [q.anyOf(COLLECTIONS.economies), q.anyOf(COLLECTIONS.principals)],
  allEconomies: [q.allEconomies()],
  regulationsByIds: [q.regulationsByIds(['a', 'b'])],
  regulationsOf: [q.regulationsOf({}), q.regulationsOf({ economy: 'VN' })],
  cabsPage: [q.cabsPage({ limit: 10 }), q.cabsPage({ economy: 'VN', limit: 10, cursor: cursor('c1') })],
  principalsByEmail: [q.principalsByEmail('a.b@x.example')],
  principalsOf: [q.principalsOf('vn-regulator')],
  principalsPage: [
    q.principalsPage({ limit: 10 }),
    q.principalsPage({ organisation: 'o', limit: 10, cursor: cursor('p1') }),
    q.principalsPage({ economy: 'VN', limit: 10 }),
    q.principalsPage({ organisation: 'o', economy: 'VN', limit: 10 }),
  ],
  apiKeyByHash: [q.apiKeyByHash('h')],
  apiKeysOf: [q.apiKeysOf({ principalId: 'p' }), q.apiKeysOf({ hashScheme: 'sha256' })],
  touchApiKey: [q.touchApiKey('k', NOW)],
  useSignInToken: [q.useSignInToken('t', NOW)],
  liveSession: [q.liveSession('s', NOW)],
  sessionsOf: [q.sessionsOf('p')],
  expiredSessions: [q.expiredSessions('2026-12-07T00:00:00.000Z')],
  expiredSignInTokens: [q.expiredSignInTokens('2026-12-07T00:00:00.000Z')],
  auditPage: [q.auditPage({ limit: 10 }), q.auditPage({ organisation: 'o', limit: 10, cursor: cursor('a1') })],
  principalsOfRole: [q.principalsOfRole('regulator')],
  nextSequence: [q.nextSequence('designation:VN')],
  watchesPage: [q.watchesPage({ principalId: 'p', limit: 10 }), q.watchesPage({ principalId: 'p', limit: 10, cursor: cursor(NOW, 'w1') })],
  watchOf: [q.watchOf('w1', 'p')],
  watchesOn: [q.watchesOn(['test-reports/tr1', 'model/KR/x/y'])],
  webhookEndpoints: [
    q.webhookEndpoints({}),
    q.webhookEndpoints({ activeOnly: true }),
    q.webhookEndpoints({ organisation: 'o' }),
  ],
  claimableWebhookDeliveries: [q.claimableWebhookDeliveries(lease), q.claimableWebhookDeliveries(lease, ['e1', 'e2'])],
  heldWebhookDeliveries: [q.heldWebhookDeliveries(NOW)],
  claimWebhookDelivery: [q.claimWebhookDelivery('d1', lease)],
  markWebhookDelivered: [q.markWebhookDelivered('d1', 'n1', { at: NOW, status: 200 })],
  markWebhookFailed: [q.markWebhookFailed('d1', 'n1', { error: 'x', status: 503, retryAt: NOW })],
  releaseWebhookLeases: [q.releaseWebhookLeases('n1')],
  webhookDeliveriesPage: [
    q.webhookDeliveriesPage({ endpointId: 'e1', limit: 10 }),
    q.webhookDeliveriesPage({ endpointId: 'e1', status: 'dead', limit: 10, cursor: cursor('d1') }),
  ],
  requeueWebhookDelivery: [q.requeueWebhookDelivery('d1', NOW)],
  exportPage: Object.values(COLLECTIONS).flatMap((c) => [q.exportPage(c, { limit: 10 }), q.exportPage(c, { limit: 10, cursor: cursor('x') })]),
};

/** Builders that make documents or values, not queries. */
const NOT_QUERIES = ['newInstance', 'uniqueKeyDocs', 'historyDoc', 'outboxDocs', 'deadlineDocs', 'webhookDeliveryDocs', 'leaseUntil', 'searchGrams', 'rarestFirst'];

const RANGE = ['$gt', '$gte', '$lt', '$lte', '$ne', '$nin'];

/** Splits a filter's fields into those matched for equality and those compared by range. */
function fieldsOf(filter: Record<string, unknown>, inOr = false): { equality: Set<string>; range: Set<string> } {
  const equality = new Set<string>();
  const range = new Set<string>();
  for (const [field, value] of Object.entries(filter)) {
    if (field === '$or' || field === '$and') {
      for (const branch of value as Array<Record<string, unknown>>) {
        const inner = fieldsOf(branch, true);
        // A field inside an $or bounds the scan like a range, whatever its operator.
        for (const f of [...inner.equality, ...inner.range]) range.add(f);
      }
      continue;
    }
    const isRange = value !== null && typeof value === 'object' && Object.keys(value).some((k) => RANGE.includes(k));
    (isRange || inOr ? range : equality).add(field);
  }
  return { equality, range };
}

/**
 * A read that names its index (`hint`): the fields that index holds must be its equality prefix,
 * then the sort; the filter's other conditions (fields of another array, the exact check of each
 * fragment) are checked on what it fetches, which is what the hint is for.
 */
function servedByHint(query: q.Read, hint: string): string | null {
  const index = INDEXES.find((i) => i.collection === query.collection && i.name === hint);
  if (!index) return null;
  const { equality, range } = fieldsOf(query.filter);
  const keys = Object.keys(index.key);
  const prefix = keys.filter((k) => equality.has(k));
  // What may be left to check on the fetched documents: the other array, the state, each fragment.
  const residual = (field: string) => field === 'fieldKeys' || field === 'state' || field.startsWith('text.');
  if (![...equality, ...range].every((f) => keys.includes(f) || residual(f))) return null;
  const head = keys.slice(0, prefix.length);
  const sort = Object.keys(query.sort ?? {});
  const next = keys.slice(prefix.length, prefix.length + sort.length);
  const selects = prefix.length > 0 && head.every((k, i) => k === prefix[i]) && next.every((k, i) => k === sort[i]) && next.length === sort.length;
  return selects ? index.name : null;
}

function servedBy(query: q.Read | q.Write): string | null {
  if ('hint' in query && query.hint !== undefined) return servedByHint(query, query.hint);
  const { equality, range } = fieldsOf(query.filter);
  if (equality.has('_id')) return '_id_';
  // One instance's deadlines are a handful of rows: the index selects them by instance, and the
  // event of a moved deadline is checked on those rows.
  if (query.collection === 'deadlines' && equality.has('instanceId')) equality.delete('event');
  const sort = Object.keys('sort' in query && query.sort ? query.sort : {}).filter((f) => !equality.has(f));
  const candidates = [...[...INDEXES, ...BLOB_INDEXES].filter((i) => i.collection === query.collection), { name: '_id_', key: { _id: 1 } }];
  for (const index of candidates) {
    const keys = Object.keys(index.key);
    const head = keys.slice(0, equality.size);
    const next = keys.slice(equality.size, equality.size + sort.length);
    const equalityFirst = head.length === equality.size && head.every((k) => equality.has(k));
    const thenSort = next.length === sort.length && next.every((k, i) => k === sort[i]);
    const rangesHeld = [...range].every((f) => keys.includes(f));
    if (equalityFirst && thenSort && rangesHeld) return index.name;
  }
  return null;
}

describe('MongoDB store indexes (no server)', () => {
  it('every builder in queries.ts is either checked here or makes no query', () => {
    const exported = Object.entries(q).filter(([, value]) => typeof value === 'function').map(([name]) => name).sort();
    expect(exported).to.deep.equal([...Object.keys(QUERIES), ...NOT_QUERIES].sort());
  });

  for (const [builder, queries] of Object.entries(QUERIES)) {
    it(`${builder}: an index serves every shape of it`, () => {
      for (const query of queries) {
        expect(servedBy(query), `${builder} on ${query.collection}: ${JSON.stringify(query.filter)} sort ${JSON.stringify('sort' in query ? query.sort : {})}`).to.not.equal(null);
      }
    });
  }

  it('mongoose casts every filter under the store\'s settings, and sanitizeFilter leaves each as built', () => {
    // A connection that never connects: casting needs only the schemas.
    const models = defineModels(storeMongoose().createConnection());
    for (const [builder, queries] of Object.entries(QUERIES)) {
      for (const query of queries) {
        expect(() => {
          models[query.collection].find(query.filter).cast();
        }, builder).to.not.throw();
        const before = JSON.stringify(query.filter);
        expect(JSON.stringify(mongoose.sanitizeFilter({ ...query.filter })), builder).to.equal(before);
      }
    }
    expect(() => {
      models.outbox.find({ lease_owner: 'n1' }).cast();
    }, 'a field the schema does not know').to.throw(/lease_owner/);
    const hostile = mongoose.sanitizeFilter({ _id: { $ne: null } });
    expect(hostile, 'an operator nobody trusted becomes a literal').to.deep.equal({ _id: { $eq: { $ne: null } } });
  });

  it('free text is selected by its trigrams: a find with text names the trigram index, whose prefix it matches', () => {
    const read = q.findInstances('test-reports', { limit: 10, text: [{ fragment: 'phuong' }], where: { listedIn: 'KR' } });
    expect(servedBy(read)).to.equal('instances_by_text');
    expect(servedBy({ ...read, hint: 'instances_by_field' }), 'the field index cannot serve the trigrams').to.equal(null);
    expect(servedBy({ ...read, hint: 'no_such_index' })).to.equal(null);
  });

  it('the rule itself refuses an index in the wrong order', () => {
    const query: q.Read = { collection: COLLECTIONS.deadlines, filter: { status: 'pending' }, sort: { dueAt: 1 } };
    expect(servedBy(query)).to.equal('deadlines_due');
    expect(servedBy({ ...query, sort: { createdAt: 1 } })).to.equal(null);
    expect(servedBy({ collection: COLLECTIONS.deadlines, filter: { event: 'EXPIRED' } })).to.equal(null);
  });

  it('the file bucket (GridFS, bucket documents) has its indexes in the list: the two GridFS needs, and those of every query of the blob store', () => {
    expect(b.BLOB_COLLECTIONS).to.deep.include({ files: 'documents.files', chunks: 'documents.chunks' });
    expect(missingIndexes(b.BLOB_COLLECTIONS.files, ['_id_']).map((i) => [i.name, i.key])).to.deep.include.members([['filename_1_uploadDate_1', { filename: 1, uploadDate: 1 }]]);
    expect(missingIndexes(b.BLOB_COLLECTIONS.chunks, ['_id_'])).to.deep.equal([{ collection: 'documents.chunks', name: 'files_id_1_n_1', key: { files_id: 1, n: 1 }, unique: true }]);
    const entry = { _id: new mongoose.mongo.ObjectId(), filename: 'a'.repeat(64), uploadDate: new Date(), metadata: { generation: 2 } };
    const reads: Array<[string, Record<string, unknown>]> = [
      [b.BLOB_COLLECTIONS.files, b.entriesOf(entry.filename)],
      [b.BLOB_COLLECTIONS.files, b.unchangedEntry(entry)],
      [b.BLOB_COLLECTIONS.files, b.sweepCandidates(new Date())],
      [b.BLOB_COLLECTIONS.chunks, b.chunksOf(entry._id)],
      [b.BLOB_COLLECTIONS.uploads, b.abandonedUploads(new Date())],
    ];
    for (const [collection, filter] of reads) expect(servedBy({ collection: collection as CollectionName, filter }), `${collection} ${JSON.stringify(filter)}`).to.not.equal(null);
  });

  it('index names are unique, and a missing one is reported by name', () => {
    expect(new Set(INDEXES.map((i) => i.name)).size).to.equal(INDEXES.length);
    const outbox: CollectionName = COLLECTIONS.outbox;
    const present = ['_id_', 'outbox_due', 'outbox_by_due_time', 'outbox_by_lease', 'outbox_by_age'];
    expect(missingIndexes(outbox, present.filter((name) => name !== 'outbox_by_due_time')).map((i) => i.name)).to.deep.equal(['outbox_by_due_time']);
    expect(missingIndexes(outbox, present)).to.deep.equal([]);
  });
});
