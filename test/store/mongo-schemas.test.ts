/** The MongoDB store's mongoose schemas validate what the adapter writes, with no server. */
import { expect } from 'chai';
import mongoose from 'mongoose';
import type { Commit } from '../../src/store/port.js';
import { defineModels } from '../../src/store/mongo/models.js';
import * as q from '../../src/store/mongo/queries.js';

// A connection that never connects: models validate and cast without a server.
const models = defineModels(new mongoose.Mongoose().createConnection());

const ACTOR = { id: 'vn-da', role: 'designating_authority' as const, economy: 'VN', name: 'Cục Viễn thông' };
const commit: Commit = {
  kind: 'recognitions',
  id: 'rec-1',
  expectedVersion: 0,
  state: 'pending',
  context: { cabName: 'Phòng thử nghiệm Điện tử Sài Gòn' },
  machineVersion: 1,
  at: '2026-03-02T09:00:00.000Z',
  fields: { cab: 'sai-gon' },
  uniqueKeys: ['designation=VN0002'],
  history: { at: '2026-03-02T09:00:00.000Z', type: 'CREATE', actor: ACTOR, from: null, to: 'pending', payload: {} },
  outbox: {
    notification: { kind: 'recognitions', instanceId: 'rec-1', seq: 1, event: 'CREATE', from: null, to: 'pending', at: '2026-03-02T09:00:00.000Z', actor: ACTOR, payload: {}, data: {}, deadlines: [] },
    messages: [{ id: 'm1', recipient: { address: 'lab@saigon.vn.example', name: 'Sài Gòn', language: 'vi', party: 'cab' } }],
  },
  timers: { cancelStateDeadlines: false, add: [{ id: 'd1', event: 'REVIEW_OVERDUE', dueAt: '2026-06-01T09:00:00.000Z', source: 'state' }] },
};

async function problems(collection: keyof typeof models, doc: object): Promise<string[]> {
  try {
    await new models[collection](doc).validate();
    return [];
  } catch (error) {
    if (error instanceof mongoose.Error.ValidationError) return Object.keys(error.errors).sort();
    throw error;
  }
}

describe('MongoDB store schemas (no server)', () => {
  it('every document a commit writes is valid', async () => {
    expect(await problems('instances', q.newInstance(commit))).to.deep.equal([]);
    expect(await problems('history', q.historyDoc(commit))).to.deep.equal([]);
    expect(await problems('outbox', q.outboxDocs(commit)[0]!)).to.deep.equal([]);
    expect(await problems('deadlines', q.deadlineDocs(commit)[0]!)).to.deep.equal([]);
    expect(await problems('unique_keys', q.uniqueKeyDocs(commit)[0]!)).to.deep.equal([]);
  });

  it('refuses an unknown kind, status, source, language or role, and a missing field, naming each', async () => {
    expect(await problems('instances', { ...q.newInstance(commit), kind: 'invoices', state: undefined })).to.deep.equal(['kind', 'state']);
    expect(await problems('outbox', { ...q.outboxDocs(commit)[0]!, status: 'lost', recipient: { address: 'a@b.example', name: 'x', language: 'fr', party: 'cab' } })).to.deep.equal([
      'recipient.language',
      'status',
    ]);
    expect(await problems('deadlines', { ...q.deadlineDocs(commit)[0]!, source: 'timer', attempts: -1 })).to.deep.equal(['attempts', 'source']);
    expect(await problems('principals', { _id: 'p', name: 'P', role: 'superuser', email: 'p@x.example', emailKey: 'p@x.example', language: 'en', organisation: 'p' })).to.deep.equal(['role']);
    expect(await problems('cabs', { _id: 'c', name: 'C', economy: 'VN', type: 'lab', email: 'c@x.example' })).to.deep.equal(['language']);
  });

  it('refuses a field the schema does not know (strict), rather than storing it', () => {
    expect(() => new models.economies({ _id: 'VN', name: 'Viet Nam', capital: 'Hà Nội' })).to.throw(/capital/);
  });

  it('Regulation versions: keeps the end of a replaced version\'s transition period (acceptedUntil)', async () => {
    const replaced = { _id: 'VN:QCVN 86:2019/BTTTT', economy: 'VN', retiredAt: '2026-01-01T00:00:00.000Z', supersededBy: 'VN:QCVN 86:2025/BKHCN', acceptedUntil: '2027-07-01T00:00:00.000Z' };
    expect(await problems('regulations', replaced)).to.deep.equal([]);
    expect(new models.regulations(replaced).toObject()).to.include({ acceptedUntil: '2027-07-01T00:00:00.000Z' });
  });

  it('keeps Vietnamese text and empty objects exactly (no minimising)', () => {
    const doc = new models.history(q.historyDoc(commit)).toObject() as Record<string, unknown>;
    expect(doc['payload']).to.deep.equal({});
    expect((doc['actor'] as { name: string }).name).to.equal('Cục Viễn thông');
  });

  it('does not version documents: the instance version is the compare-and-swap, not __v', () => {
    expect(new models.instances(q.newInstance(commit)).toObject()).to.not.have.property('__v');
  });
});
