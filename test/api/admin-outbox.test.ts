/** The outbox, for administrators, over HTTP: counts, dead letters with their error, a re-queue. */
import { expect } from 'chai';
import { ApiWorld } from '../helpers/api.js';

type Outbox = {
  counts: { pending: number; sent: number; dead: number };
  dead: { items: Array<{ id: string; subject: string; lastError: string; recipient: { address: string }; attempts: number }>; nextCursor: string | null };
};

describe('HTTP: the outbox, for administrators', () => {
  let api: ApiWorld;
  let deadId: string;
  before(async () => {
    api = await ApiWorld.create();
    await api.world.agreement({ sign: false });
    // One message given up the way the dispatcher gives one up: claimed, then failed for good.
    const [message] = await api.world.store.claimOutbox({ owner: 'dispatcher', now: api.world.clock.now().toISOString(), leaseMs: 60_000, limit: 1 });
    await api.world.store.markFailed(message!.id, 'dispatcher', { at: api.world.clock.now().toISOString(), error: '550 5.1.1 <mra@vnta.vn.example>: no such user', retryAt: null });
    deadId = message!.id;
  });
  after(async () => api.close());

  it('GET /admin/outbox counts messages by status and lists the dead ones with their subject and last error', async () => {
    const answer = await api.get<Outbox>('/admin/outbox', 'admin');
    expect(answer.status).to.equal(200);
    expect(answer.body.counts.dead).to.equal(1);
    expect(answer.body.counts.pending).to.be.greaterThan(0);
    expect(answer.body.dead.items).to.have.length(1);
    expect(answer.body.dead.items[0]).to.include({ id: deadId, lastError: '550 5.1.1 <mra@vnta.vn.example>: no such user', attempts: 1 });
    expect(answer.body.dead.items[0]!.subject).to.be.a('string').and.not.equal('');
  });

  it('POST /admin/outbox/{id}/requeue puts a dead message back in the queue; a second time it is not dead any more (422)', async () => {
    const requeued = await api.request('POST', `/admin/outbox/${deadId}/requeue`, { as: 'admin' });
    expect(requeued.status, requeued.text).to.equal(200);
    expect(requeued.body).to.include({ id: deadId, status: 'pending' });
    expect((await api.get<Outbox>('/admin/outbox', 'admin')).body.counts.dead).to.equal(0);
    const again = await api.request('POST', `/admin/outbox/${deadId}/requeue`, { as: 'admin' });
    expect(again.status).to.equal(422);
    expect((await api.request('POST', '/admin/outbox/no-such-message/requeue', { as: 'admin' })).status).to.equal(404);
  });

  it('is for admins only: 403 for anyone else, 401 without a key', async () => {
    expect((await api.get('/admin/outbox', 'vn-regulator')).status).to.equal(403);
    expect((await api.request('POST', `/admin/outbox/${deadId}/requeue`, { as: 'kr-regulator' })).status).to.equal(403);
    expect((await api.get('/admin/outbox')).status).to.equal(401);
  });
});
