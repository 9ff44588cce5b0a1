/**
 * The store contract for watches, webhook endpoints and deliveries: part of `store-contract.ts`,
 * run against every adapter the same way.
 */
import { expect } from 'chai';
import { isAppError } from '../../src/errors.js';
import type { Commit, Store, WatchRecord, WebhookEndpointRecord } from '../../src/store/port.js';

interface Helpers {
  commitOf: (id: string, expectedVersion: number, state: string, extra?: Partial<Commit>) => Commit;
  at: (minutes: number) => string;
}

export function describeSubscriptionsContract(storeOf: () => Store, { commitOf, at }: Helpers): void {
  const watch = (id: string, principalId: string, key: string, minutes: number): WatchRecord => ({
    id,
    principalId,
    key,
    target: { type: 'instance', kind: 'agreements', id: key.split('/')[1]! },
    createdAt: at(minutes),
  });
  const endpoint = (id: string, organisation: string, patch: Partial<WebhookEndpointRecord> = {}): WebhookEndpointRecord => ({
    id,
    organisation,
    principalId: `${organisation}-officer`,
    url: `https://hooks.${organisation}.example/mra`,
    kinds: ['agreements'],
    economies: ['VN'],
    events: [],
    secrets: [{ sealed: 'sealed-secret', createdAt: at(0), expiresAt: null }],
    createdAt: at(0),
    disabledAt: null,
    ...patch,
  });
  const webhook = (id: string, endpointId: string) => ({ id, endpointId, type: 'agreements.operational', body: `{"id":"${id}","tên":"Thỏa thuận"}` });

  describe('watches', () => {
    it('keeps a principal\'s watches, one per target, finds them by key and removes them only for their owner', async () => {
      const store = storeOf();
      await store.putWatch(watch('w1', 'importer-a', 'agreements/a1', 1));
      await store.putWatch(watch('w2', 'importer-b', 'agreements/a1', 2));
      await store.putWatch(watch('w3', 'importer-a', 'agreements/a2', 3));
      const duplicate = await store.putWatch(watch('w4', 'importer-a', 'agreements/a1', 4)).catch((e: unknown) => e);
      expect(isAppError(duplicate, 'DUPLICATE')).to.equal(true);
      expect((await store.watchesOn(['agreements/a1', 'agreements/none'])).map((w) => w.id).sort()).to.deep.equal(['w1', 'w2']);
      expect(await store.watchesOn([])).to.deep.equal([]);
      const first = await store.listWatches({ principalId: 'importer-a', limit: 1 });
      expect(first.items).to.deep.equal([watch('w1', 'importer-a', 'agreements/a1', 1)]);
      const second = await store.listWatches({ principalId: 'importer-a', limit: 1, cursor: first.nextCursor });
      expect(second.items.map((w) => w.id)).to.deep.equal(['w3']);
      expect(second.nextCursor).to.equal(null);
      expect(await store.deleteWatch('w1', 'importer-b'), 'not its owner').to.equal(false);
      expect(await store.deleteWatch('w1', 'importer-a')).to.equal(true);
      expect(await store.deleteWatch('w1', 'importer-a'), 'already gone').to.equal(false);
      expect((await store.watchesOn(['agreements/a1'])).map((w) => w.id)).to.deep.equal(['w2']);
    });
  });

  describe('webhook endpoints and deliveries', () => {
    it('keeps endpoints by organisation; a disabled one is left out of the active ones', async () => {
      const store = storeOf();
      await store.putWebhookEndpoint(endpoint('e1', 'kr-customs'));
      await store.putWebhookEndpoint(endpoint('e2', 'vn-portal'));
      await store.putWebhookEndpoint(endpoint('e1', 'kr-customs', { disabledAt: at(5) }));
      expect(await store.getWebhookEndpoint('e1')).to.deep.equal(endpoint('e1', 'kr-customs', { disabledAt: at(5) }));
      expect(await store.getWebhookEndpoint('nope')).to.equal(null);
      expect((await store.listWebhookEndpoints({ organisation: 'kr-customs' })).map((e) => e.id)).to.deep.equal(['e1']);
      expect((await store.listWebhookEndpoints({ activeOnly: true })).map((e) => e.id)).to.deep.equal(['e2']);
    });

    it('writes deliveries in the transition\'s commit, and none when the commit is refused', async () => {
      const store = storeOf();
      await store.commit(commitOf('a1', 0, 'negotiating', { webhooks: [webhook('d1', 'e1'), webhook('d2', 'e2')] }));
      const refused = await store.commit(commitOf('a1', 0, 'operational', { webhooks: [webhook('d3', 'e1')] })).catch((e: unknown) => e);
      expect(isAppError(refused, 'DUPLICATE')).to.equal(true);
      expect(await store.getWebhookDelivery('d3')).to.equal(null);
      expect(await store.getWebhookDelivery('d1')).to.deep.equal({
        id: 'd1', endpointId: 'e1', kind: 'agreements', instanceId: 'a1', seq: 1, type: 'agreements.operational',
        body: '{"id":"d1","tên":"Thỏa thuận"}', status: 'pending', attempts: 0, nextAttemptAt: at(0),
        lastError: null, lastStatus: null, deliveredAt: null, createdAt: at(0),
      });
    });

    it('claims due deliveries under a lease, settles them only for the holder, retries, ends dead and re-queues', async () => {
      const store = storeOf();
      await store.commit(commitOf('a1', 0, 'negotiating', { webhooks: [webhook('d1', 'e1'), webhook('d2', 'e1')] }));
      const lease = (owner: string, minutes: number) => ({ owner, now: at(minutes), leaseMs: 60_000, limit: 10 });
      expect((await store.claimWebhookDeliveries(lease('n1', 1))).map((d) => d.id)).to.deep.equal(['d1', 'd2']);
      expect(await store.claimWebhookDeliveries(lease('n2', 1)), 'held by n1').to.deep.equal([]);
      expect(await store.markWebhookDelivered('d1', 'n2', { at: at(1), status: 200 }), 'not the holder').to.equal(false);
      expect(await store.markWebhookDelivered('d1', 'n1', { at: at(1), status: 204 })).to.equal(true);
      expect(await store.markWebhookFailed('d2', 'n1', { at: at(1), error: 'HTTP 503', status: 503, retryAt: at(5) })).to.equal(true);
      expect(await store.claimWebhookDeliveries(lease('n2', 4)), 'not due before its retry').to.deep.equal([]);
      const [again] = await store.claimWebhookDeliveries(lease('n2', 5));
      expect(again).to.deep.include({ id: 'd2', attempts: 1, lastError: 'HTTP 503', lastStatus: 503 });
      expect(await store.releaseWebhookLeases('n2')).to.equal(1);
      const [back] = await store.claimWebhookDeliveries(lease('n3', 5));
      expect(back?.id, 'given back, taken at once').to.equal('d2');
      expect(await store.markWebhookFailed('d2', 'n3', { at: at(5), error: 'connect ECONNREFUSED', status: null, retryAt: null })).to.equal(true);
      expect(await store.getWebhookDelivery('d2')).to.deep.include({ status: 'dead', attempts: 2, lastError: 'connect ECONNREFUSED', lastStatus: null });
      expect(await store.requeueWebhookDelivery('d1', at(6)), 'delivered, not dead').to.equal(false);
      expect(await store.requeueWebhookDelivery('d2', at(6))).to.equal(true);
      expect(await store.getWebhookDelivery('d2')).to.deep.include({ status: 'pending', attempts: 0, nextAttemptAt: at(6) });
      expect(await store.getWebhookDelivery('d1')).to.deep.include({ status: 'delivered', attempts: 1, lastStatus: 204, deliveredAt: at(1) });
      const dead = await store.listWebhookDeliveries({ endpointId: 'e1', status: 'pending', limit: 10 });
      expect(dead.items.map((d) => d.id)).to.deep.equal(['d2']);
      const page = await store.listWebhookDeliveries({ endpointId: 'e1', limit: 1 });
      expect(page.items.map((d) => d.id), 'newest first').to.deep.equal(['d2']);
      expect((await store.listWebhookDeliveries({ endpointId: 'e1', limit: 1, cursor: page.nextCursor })).items.map((d) => d.id)).to.deep.equal(['d1']);
    });

    it('claims within each endpoint\'s share, counting every claimer\'s live leases, and passes over an endpoint that holds its share', async () => {
      const store = storeOf();
      await store.commit(commitOf('a1', 0, 'negotiating', { webhooks: [webhook('d1', 'e1'), webhook('d2', 'e1'), webhook('d3', 'e1'), webhook('d4', 'e2')] }));
      const lease = (owner: string, minutes: number, limit = 10) => ({ owner, now: at(minutes), leaseMs: 60_000, limit, perEndpoint: 2 });
      expect((await store.claimWebhookDeliveries(lease('n1', 1, 1))).map((d) => d.id)).to.deep.equal(['d1']);
      expect((await store.claimWebhookDeliveries(lease('n2', 1))).map((d) => d.id), 'one more of e1, past d3 to e2').to.deep.equal(['d2', 'd4']);
      expect(await store.claimWebhookDeliveries(lease('n3', 1)), 'e1 holds its share over n1 and n2').to.deep.equal([]);
      expect(await store.markWebhookDelivered('d1', 'n1', { at: at(1), status: 204 })).to.equal(true);
      expect((await store.claimWebhookDeliveries(lease('n3', 1))).map((d) => d.id), 'a place came free').to.deep.equal(['d3']);
      expect(await store.markWebhookFailed('d3', 'n3', { at: at(1), error: 'HTTP 503', status: 503, retryAt: at(1) })).to.equal(true);
      expect((await store.claimWebhookDeliveries(lease('n3', 1))).map((d) => d.id), 'due again at once; e1 holds only d2').to.deep.equal(['d3']);
      expect(await store.claimWebhookDeliveries(lease('n1', 1)), 'e1 holds d2 and d3').to.deep.equal([]);
      expect((await store.claimWebhookDeliveries(lease('n1', 3))).map((d) => d.id), 'leases that ran out hold nothing').to.deep.equal(['d2', 'd4', 'd3']);
    });
  });
}
