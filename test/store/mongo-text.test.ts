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
