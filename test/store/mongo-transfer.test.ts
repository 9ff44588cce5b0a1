/** The MongoDB side of store:copy: rows of the port become documents and back unchanged (no server). */
import { expect } from 'chai';
import type { StoredTimer, StoredHistory, StoredInstance, StoredOutboxMessage } from '../../src/store/port.js';
import * as t from '../../src/store/mongo/transfer.js';

const AT = '2026-03-02T09:00:00.000Z';
const ACTOR = { id: 'vn-da', role: 'designating_authority' as const, economy: 'VN', name: 'Cục Viễn thông' };

describe('MongoDB store transfer rows (no server)', () => {
  it('an instance keeps its fields (a value may hold "=") and unique keys', () => {
    const row: StoredInstance = {
      kind: 'test-reports', id: 'tr-1', state: 'accepted', context: { model: 'PN-AX1800' }, version: 3, machineVersion: 1, createdAt: AT, updatedAt: AT,
      fields: { lab: ['song-hong'], model: ['a=b'] }, uniqueKeys: ['reportNumber=song-hong/SHT-1'],
    };
    const { instance, keys } = t.instanceDocs(row);
    expect(instance).to.deep.include({ _id: 'test-reports:tr-1', fieldKeys: ['lab=song-hong', 'model=a=b'] });
    expect(t.instanceRow(instance, keys)).to.deep.equal(row);
  });

  it('history, outbox messages and deadlines round-trip with their leases and statuses', () => {
    const history: StoredHistory = { kind: 'recognitions', instanceId: 'r1', seq: 2, at: AT, type: 'RECOGNIZE', actor: ACTOR, from: 'pending', to: 'recognized', payload: {}, facts: { ok: true } };
    expect(t.historyRow(t.historyDocOf(history))).to.deep.equal(history);
    expect(t.historyDocOf(history)._id).to.equal('recognitions:r1:2');
    const message: StoredOutboxMessage = {
      id: 'm1', kind: 'recognitions', instanceId: 'r1', seq: 2, recipient: { address: 'a@b.example', name: 'Sông Hồng', language: 'vi', party: 'cab' },
      notification: { kind: 'recognitions', instanceId: 'r1', seq: 2, event: 'RECOGNIZE', from: 'pending', to: 'recognized', at: AT, actor: ACTOR, payload: {}, data: {}, deadlines: [] },
      status: 'dead', attempts: 3, nextAttemptAt: AT, leaseOwner: 'node-1', leaseUntil: AT, lastError: '550', sentAt: null, response: null, createdAt: AT,
    };
    expect(t.outboxRow(t.outboxDocOf(message))).to.deep.equal(message);
    const deadline: StoredTimer = {
      id: 'd1', kind: 'recognitions', instanceId: 'r1', event: 'LISTING_EXPIRED', dueAt: AT, source: 'state', status: 'done', attempts: 1,
      leaseOwner: null, leaseUntil: null, lastError: 'boom', createdAt: AT, completedAt: AT,
    };
    expect(t.deadlineRow(t.deadlineDocOf(deadline))).to.deep.equal(deadline);
  });

  it('reference records take their key as _id', () => {
    const economy = { code: 'VN', name: 'Viet Nam', nameVi: 'Việt Nam' };
    expect(t.keyedDoc('economies', economy)).to.deep.equal({ _id: 'VN', name: 'Viet Nam', nameVi: 'Việt Nam' });
    expect(t.keyedRow('economies', t.keyedDoc('economies', economy))).to.deep.equal(economy);
    expect(t.keyedRow('sequences', { _id: 'designation:VN', value: 2 })).to.deep.equal({ name: 'designation:VN', value: 2 });
  });
});
