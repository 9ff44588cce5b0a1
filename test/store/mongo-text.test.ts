/**
 * Free text on the MongoDB store, evaluated by mingo against documents in memory (no server): the
 * trigrams each instance stores, the candidates the longest fragment's trigrams select, and the
 * exact check of every fragment on them, with the same answers the SQLite FTS5 index gives.
 */
import { expect } from 'chai';
import { find, updateOne } from 'mingo';
import type { AnyObject } from 'mingo/types';
import type { Actor } from '../../src/kinds/types.js';
import { foldText } from '../../src/search/fold.js';
import { textGramsOf, trigramsOf, type InstanceDoc } from '../../src/store/mongo/shapes.js';
import * as q from '../../src/store/mongo/queries.js';
import type { Commit, FindQuery, SearchText } from '../../src/store/port.js';
import { isAppError } from '../../src/errors.js';
import type { Runner } from '../../src/store/mongo/run.js';
import { COUNT_LIMIT, TextSearch } from '../../src/store/mongo/text-search.js';

const T0 = '2026-03-02T09:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const ACTOR: Actor = { id: 'lab-song-hong', role: 'lab', cabId: 'cab-song-hong', name: 'Sông Hồng' };

function commitOf(id: string, minutes: number, extra: Partial<Commit>): Commit {
  return {
    kind: 'test-reports',
    id,
    expectedVersion: 0,
    state: 'accepted',
    context: {},
    machineVersion: 1,
    at: at(minutes),
    history: { at: at(minutes), type: 'CREATE', actor: ACTOR, from: null, to: 'accepted', payload: {} },
    outbox: { notification: { kind: 'test-reports', instanceId: id, seq: 1, event: 'CREATE', from: null, to: 'accepted', at: T0, actor: ACTOR, payload: {}, data: {}, deadlines: [] }, messages: [] },
    timers: { cancelStateDeadlines: false, add: [] },
    ...extra,
  };
}

const report = (id: string, minutes: number, text: SearchText, fields: Commit['fields'] = {}): InstanceDoc =>
  q.newInstance(commitOf(id, minutes, { text, fields }));

/** The documents a find returns, as MongoDB would: filter, sort, limit. */
function run(read: q.Read, docs: InstanceDoc[]): InstanceDoc[] {
  let cursor = find(docs as unknown as AnyObject[], read.filter);
  if (read.sort) cursor = cursor.sort(read.sort);
  if (read.limit !== undefined) cursor = cursor.limit(read.limit);
  return cursor.all() as unknown as InstanceDoc[];
}

const DOCS = (): InstanceDoc[] => [
  report('tr1', 1, { manufacturer: foldText('Công ty Cổ phần Thiết bị Mạng Phương Nam'), model: foldText('PN-AX1800'), category: 'router' }, { listedIn: 'KR', cabId: 'cab-song-hong' }),
  report('tr2', 2, { manufacturer: foldText('Công ty TNHH Điện tử Đồng Nai'), model: foldText('DN-AX5'), category: 'router' }, { listedIn: 'KR', cabId: 'cab-sai-gon' }),
  report('tr3', 3, { manufacturer: foldText('Hanbit Networks'), model: foldText('PN-MESH5'), category: 'mesh access point' }, { listedIn: 'US' }),
];

describe('MongoDB free text, evaluated by mingo (no server)', () => {
  it('an instance stores its folded text, all of it under *, and the distinct trigrams of each field and of all', () => {
    const [doc] = DOCS();
    expect(doc!.text).to.deep.include({ model: 'pn-ax1800', '*': 'cong ty co phan thiet bi mang phuong nam\npn-ax1800\nrouter' });
    expect(doc!.textGrams).to.include.members(['model:pn-', 'model:800', 'manufacturer:phu', '*:pn-', '*:phu', 'category:rou']);
    expect(doc!.textGrams, 'no trigram spans two fields').to.not.include.members(['*:am\n', '*:m\np']);
    expect(new Set(doc!.textGrams).size).to.equal(doc!.textGrams!.length);
    expect(trigramsOf('đồn')).to.deep.equal(['đồn'], 'code points, not UTF-16 units');
    expect(textGramsOf({})).to.deep.equal([]);
  });

  const ids = (query: Omit<FindQuery, 'limit'>, docs = DOCS()) => run(q.findInstances('test-reports', { limit: 10, ...query }), docs).map((d) => d.id);

  it('finds what a person types, folded: without diacritics, in part, upper case, a model alone, across words', () => {
    expect(ids({ text: [{ fragment: foldText('Cong ty Co phan Thiet bi Mang Phuong Nam') }] })).to.deep.equal(['tr1']);
    expect(ids({ text: [{ fragment: foldText('PHƯƠNG NAM') }] })).to.deep.equal(['tr1']);
    expect(ids({ text: [{ fragment: foldText('Phương Nam'.normalize('NFD')) }] })).to.deep.equal(['tr1']);
    expect(ids({ text: [{ field: 'model', fragment: 'pn-ax' }] })).to.deep.equal(['tr1']);
    expect(ids({ text: [{ field: 'model', fragment: 'ax' }, { fragment: 'cong ty' }] }), 'a short fragment beside a long one').to.deep.equal(['tr1', 'tr2']);
    expect(ids({ text: [{ fragment: 'dong nai' }] }), 'đ typed as d').to.deep.equal(['tr2']);
    expect(ids({ text: [{ field: 'category', fragment: 'router' }] })).to.deep.equal(['tr1', 'tr2']);
  });

  it('checks every fragment exactly: letters in another order, another field, or across two fields match nothing', () => {
    expect(ids({ text: [{ fragment: 'nam phuong' }] }), 'the same trigrams, in another order').to.deep.equal([]);
    expect(ids({ text: [{ field: 'manufacturer', fragment: 'pn-' }] }), 'not in that field').to.deep.equal([]);
    expect(ids({ text: [{ fragment: 'nam pn' }] }), 'no fragment spans two fields').to.deep.equal([]);
    expect(ids({ text: [{ fragment: 'axx' }] })).to.deep.equal([]);
  });

  it('a fragment is matched literally: regular-expression characters in it are escaped, never run', () => {
    const docs = [report('tr9', 1, { model: 'a.b(c)+d*' }), report('tr8', 2, { model: 'axbxcxd' })];
    expect(ids({ text: [{ fragment: 'a.b(c)+d*' }] }, docs)).to.deep.equal(['tr9']);
    expect(ids({ text: [{ fragment: '.*.' }] }, docs), 'a pattern that would match anything').to.deep.equal([]);
    const refused = (field: string) => {
      try {
        q.findInstances('test-reports', { limit: 1, text: [{ field, fragment: 'abc' }] });
        return 'built';
      } catch (error) {
        return isAppError(error, 'VALIDATION_FAILED') ? 'refused' : 'other';
      }
    };
    expect(refused('model.$where')).to.equal('refused');
    expect(refused('model')).to.equal('built');
  });

  it('combines free text with fields and states, and pages by creation with the cursor', () => {
    expect(ids({ text: [{ field: 'category', fragment: 'router' }], where: { listedIn: 'KR', cabId: 'cab-sai-gon' } })).to.deep.equal(['tr2']);
    expect(ids({ text: [{ fragment: 'pn-' }], where: { listedIn: 'US' } })).to.deep.equal(['tr3']);
    expect(ids({ text: [{ fragment: 'pn-' }], states: ['revoked'] })).to.deep.equal([]);
    const first = run(q.findInstances('test-reports', { limit: 1, text: [{ fragment: 'pn-' }] }), DOCS());
    expect(first.map((d) => d.id), 'one more than the page').to.deep.equal(['tr1', 'tr3']);
    const cursor = Buffer.from(JSON.stringify([first[0]!.createdAt, first[0]!.id])).toString('base64url');
    expect(ids({ text: [{ fragment: 'pn-' }], cursor })).to.deep.equal(['tr3']);
  });

  it('selects through the trigram index (a hint, since two arrays cannot share one index), and refuses under three characters', () => {
    const read = q.findInstances('test-reports', { limit: 10, where: { listedIn: 'KR' }, text: [{ fragment: 'pn' }, { fragment: 'phuong' }] });
    expect(read.hint).to.equal(q.TEXT_INDEX);
    expect(JSON.parse(JSON.stringify(read.filter['textGrams']))).to.deep.equal({ $all: ['*:phu', '*:huo', '*:uon', '*:ong'] });
    expect(q.findInstances('test-reports', { limit: 10 }).hint).to.equal(undefined);
    expect(() => q.findInstances('test-reports', { limit: 10, text: [{ fragment: 'pn' }] })).to.throw(/three characters/);
  });

  it('a transition with text replaces the text and its trigrams; one without keeps both', () => {
    const docs = DOCS();
    const first = { ...commitOf('tr1', 5, {}), expectedVersion: 1 };
    updateOne(docs as unknown as AnyObject[], q.transitionInstance(first).filter, q.transitionInstance(first).update);
    expect(ids({ text: [{ field: 'model', fragment: 'ax18' }] }, docs)).to.deep.equal(['tr1']);
    const second = { ...commitOf('tr1', 6, { text: { model: 'pn-5g' } }), expectedVersion: 2 };
    updateOne(docs as unknown as AnyObject[], q.transitionInstance(second).filter, q.transitionInstance(second).update);
    expect(ids({ text: [{ field: 'model', fragment: 'ax18' }] }, docs)).to.deep.equal([]);
    expect(ids({ text: [{ fragment: 'pn-5g' }] }, docs)).to.deep.equal(['tr1']);
    expect(ids({ text: [{ fragment: 'phuong' }] }, docs), 'the old manufacturer went with the old text').to.deep.equal([]);
  });

  it('re-indexing replaces the fields and the text at the version they were computed from, and nothing else; a moved instance matches nothing', () => {
    const docs = [q.newInstance(commitOf('tr1', 1, { fields: { importingEconomy: 'KR' } }))];
    expect(ids({ where: { listedIn: 'KR' } }, docs)).to.deep.equal([]);
    const entry = { version: 1, fields: { importingEconomy: 'KR', listedIn: 'KR' }, uniqueKeys: [], text: { manufacturer: 'cong ty phuong nam' } };
    const stale = q.reindexInstance('test-reports', 'tr1', { ...entry, version: 2 });
    expect(updateOne(docs as unknown as AnyObject[], stale.filter, stale.update).matchedCount, 'another version').to.equal(0);
    const before = structuredClone(docs[0]!);
    const write = q.reindexInstance('test-reports', 'tr1', entry);
    expect(updateOne(docs as unknown as AnyObject[], write.filter, write.update).matchedCount).to.equal(1);
    expect(ids({ where: { listedIn: 'KR' }, text: [{ fragment: 'phuong' }] }, docs)).to.deep.equal(['tr1']);
    const { fieldKeys: _f, text: _t, textGrams: _g, ...rest } = docs[0]!;
    const { fieldKeys: _bf, text: _bt, textGrams: _bg, ...restBefore } = before;
    expect(rest, 'version, state, context and dates unchanged').to.deep.equal(restBefore);
  });
});

/** A Runner that answers from documents in memory through mingo: what the server would answer, counts bounded by their limit. */
function memoryRunner(docs: InstanceDoc[], options: { timesOut?: boolean } = {}) {
  const asked: q.Read[] = [];
  const runner = {
    count(read: q.Read): Promise<number> {
      asked.push(read);
      const n = find(docs as unknown as AnyObject[], read.filter).all().length;
      return Promise.resolve(read.limit === undefined ? n : Math.min(n, read.limit));
    },
    all<T>(read: q.Read): Promise<T[]> {
      asked.push(read);
      if (options.timesOut) return Promise.reject(Object.assign(new Error('operation exceeded time limit'), { code: 50, codeName: 'MaxTimeMSExpired' }));
      return Promise.resolve(run(read, docs) as unknown as T[]);
    },
  };
  return { runner: runner as unknown as Runner, asked };
}

describe('MongoDB free text, planned: the rarest trigram first, the index checked, the time bounded (no server)', () => {
  const many = (): InstanceDoc[] => [
    ...Array.from({ length: 30 }, (_, i) => report(`c${i}`, 10 + i, { manufacturer: foldText(`Công ty Thiết bị ${i}`) })),
    report('rare', 50, { manufacturer: foldText('Công ty Xưởng Quỳnh Lưu') }),
  ];

  it('orders the trigrams by how many instances hold each, rarest first, and finds the same instances', () => {
    expect(q.rarestFirst(['*:con', '*:qu', '*:ynh'], new Map([['*:con', 900], ['*:ynh', 2]]))).to.deep.equal(['*:ynh', '*:con', '*:qu']);
    const counts = new Map([['*:luu', 1]]);
    const read = q.findInstances('test-reports', { limit: 10, text: [{ fragment: 'cong ty' }, { fragment: 'luu' }] }, { counts });
    const grams = (read.filter['textGrams'] as { $all: string[] }).$all;
    expect(grams[0], 'the scan starts from the rarest trigram, whichever fragment holds it').to.equal('*:luu');
    expect(grams).to.include.members(['*:con', '*:ong', '*:g t', '*: ty']);
    expect(run(read, many()).map((d) => d.id)).to.deep.equal(['rare']);
  });

  it('counts each trigram through the index, bounded, and sends the search rarest first, with a time bound', async () => {
    const { runner, asked } = memoryRunner(many());
    const search = new TextSearch(runner, { maxTimeMs: 1_500, indexNames: () => Promise.resolve(['_id_', q.TEXT_INDEX]) });
    const read = await search.plan('test-reports', { limit: 10, text: [{ fragment: foldText('quynh luu') }] });
    const counted = asked.filter((r) => r.limit === COUNT_LIMIT);
    expect(counted.length).to.equal(q.searchGrams([{ fragment: 'quynh luu' }]).length);
    expect(counted.every((r) => r.hint === q.TEXT_INDEX)).to.equal(true);
    expect(read!.hint).to.equal(q.TEXT_INDEX);
    expect(read!.maxTimeMs).to.equal(1_500);
    expect(((await search.run<InstanceDoc>(read!)).map((d) => d.id)), 'Quỳnh Lưu typed without diacritics').to.deep.equal(['rare']);
    const common = await search.plan('test-reports', { limit: 10, text: [{ fragment: 'cong ty thiet' }] });
    const order = (common!.filter['textGrams'] as { $all: string[] }).$all;
    expect(order.indexOf('*:thi'), 'held by 30 instances, before one all 31 hold').to.be.below(order.indexOf('*:con'));
  });

  it('a trigram no instance holds answers an empty page without a scan', async () => {
    const { runner, asked } = memoryRunner(many());
    const search = new TextSearch(runner, { maxTimeMs: 1_000, indexNames: () => Promise.resolve([q.TEXT_INDEX]) });
    expect(await search.plan('test-reports', { limit: 10, text: [{ fragment: 'zzyzx' }] })).to.equal(null);
    expect(asked.every((r) => r.limit === COUNT_LIMIT), 'only counts were sent').to.equal(true);
  });

  it('names no missing index: without the trigram index there is no hint and no count, until the index appears', async () => {
    const { runner, asked } = memoryRunner(many());
    let names = ['_id_'];
    let now = 0;
    const search = new TextSearch(runner, { maxTimeMs: 1_000, indexNames: () => Promise.resolve(names), now: () => now });
    const read = await search.plan('test-reports', { limit: 10, text: [{ fragment: 'luu' }] });
    expect(read!.hint, 'a hint naming a missing index is a server error').to.equal(undefined);
    expect(asked).to.deep.equal([]);
    expect((await search.run<InstanceDoc>(read!)).map((d) => d.id)).to.deep.equal(['rare']);
    names = ['_id_', q.TEXT_INDEX];
    expect((await search.plan('test-reports', { limit: 10, text: [{ fragment: 'luu' }] }))!.hint, 'checked again only after a while').to.equal(undefined);
    now = 60_000;
    expect((await search.plan('test-reports', { limit: 10, text: [{ fragment: 'luu' }] }))!.hint).to.equal(q.TEXT_INDEX);
  });

  it('a search that runs out of time answers UNAVAILABLE saying what to do, not a hang or a 500', async () => {
    const { runner } = memoryRunner(many(), { timesOut: true });
    const search = new TextSearch(runner, { maxTimeMs: 1_000, indexNames: () => Promise.resolve([q.TEXT_INDEX]) });
    const read = await search.plan('test-reports', { limit: 10, text: [{ fragment: 'cong ty' }] });
    const error = await search.run(read!).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(error, 'UNAVAILABLE')).to.equal(true);
    expect((error as Error).message).to.match(/longer than 1000 ms.*longer fragment or add a filter/);
  });

  it('a later page is bounded by its creation time beside the cursor\'s $or, both ways, and finds the same instances', () => {
    const cursor = Buffer.from(JSON.stringify([at(20), 'c10'])).toString('base64url');
    const older = q.findInstances('test-reports', { limit: 50, text: [{ fragment: 'cong' }], cursor });
    expect(JSON.parse(JSON.stringify(older.filter['createdAt']))).to.deep.equal({ $gte: at(20) });
    expect(run(older, many()).map((d) => d.id)).to.deep.equal([...Array.from({ length: 19 }, (_, i) => `c${i + 11}`), 'rare']);
    const newer = q.findInstances('test-reports', { limit: 50, order: 'newest', text: [{ fragment: 'cong' }], cursor });
    expect(JSON.parse(JSON.stringify(newer.filter['createdAt']))).to.deep.equal({ $lte: at(20) });
    expect(run(newer, many()).map((d) => d.id)).to.deep.equal(Array.from({ length: 10 }, (_, i) => `c${9 - i}`));
  });
});
