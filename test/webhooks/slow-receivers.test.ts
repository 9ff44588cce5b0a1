/**
 * Slow webhook receivers (issue 25, finding 4): a receiver that trickles its answer a byte at a
 * time is never silent, so only a total deadline ends the exchange. Against real receivers on
 * loopback and a real SQLite store: a trickling attempt is cut at the deadline and retried by the
 * policy; while one endpoint trickles, another endpoint's deliveries arrive at once; an endpoint
 * never has more than its share of deliveries open at once, over two nodes; and registering a
 * trickling endpoint answers within the deadline.
 */
import { expect } from 'chai';
import { AddressPolicy, SecretBox, WebhookDispatcher } from '../../src/effects/webhooks/index.js';
import type { Commit, Store, WebhookDelivery, WebhookEndpointRecord } from '../../src/store/port.js';
import { ApiWorld } from '../helpers/api.js';
import { SlowReceiver } from '../helpers/slow-receiver.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { World } from '../helpers/world.js';

const box = new SecretBox('a key secret for the slow receiver tests, long enough');
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const policy = new AddressPolicy({ allowLoopback: true, allowedNetworks: [] });

async function until(condition: () => Promise<boolean> | boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function endpoint(id: string, url: string): WebhookEndpointRecord {
  const at = '2026-03-02T08:00:00.000Z';
  return {
    id,
    organisation: `org-${id}`,
    principalId: `officer-${id}`,
    url,
    kinds: ['agreements'],
    economies: [],
    events: [],
    secrets: [{ sealed: box.seal(SECRET), createdAt: at, expiresAt: null }],
    createdAt: at,
    disabledAt: null,
  };
}

let instances = 0;

/** A transition of a fresh agreement that writes one delivery to each endpoint given; answers the deliveries' ids. */
async function deliveriesTo(world: World, ...endpointIds: string[]): Promise<string[]> {
  const id = `agreement-${(instances += 1)}`;
  const at = world.clock.now().toISOString();
  const actor = { id: 'vn-regulator', role: 'regulator' as const, economy: 'VN', name: 'Cục Viễn thông' };
  const ids = endpointIds.map((endpointId, n) => `${id}-to-${endpointId}-${n}`);
  const commit: Commit = {
    kind: 'agreements',
    id,
    expectedVersion: 0,
    state: 'negotiating',
    context: {},
    machineVersion: 1,
    at,
    history: { at, type: 'CREATE', actor, from: null, to: 'negotiating', payload: {} },
    outbox: {
      notification: { kind: 'agreements', instanceId: id, seq: 1, event: 'CREATE', from: null, to: 'negotiating', at, actor, payload: {}, data: {}, deadlines: [] },
      messages: [],
    },
    timers: { cancelStateDeadlines: false, add: [] },
    webhooks: ids.map((deliveryId, n) => ({ id: deliveryId, endpointId: endpointIds[n]!, type: 'agreements.negotiating', body: JSON.stringify({ type: 'agreements.negotiating', id }) })),
  };
  await world.store.commit(commit);
  return ids;
}

describe('webhooks: a slow receiver is cut at a total deadline and holds up nobody else', function () {
  this.timeout(30_000);
  let world: World;
  let slow: SlowReceiver;
  let fast: WebhookReceiver;
  const dispatchers: WebhookDispatcher[] = [];

  const dispatcher = (options: { owner?: string; store?: Store; timeoutMs: number; concurrency?: number; perEndpoint?: number; maxAttempts?: number; intervalMs?: number }) => {
    const made = new WebhookDispatcher({
      store: options.store ?? world.store,
      policy,
      box,
      clock: world.clock,
      owner: options.owner ?? 'node-1/webhooks',
      intervalMs: options.intervalMs ?? 20,
      maxAttempts: options.maxAttempts ?? 3,
      backoff: { baseMs: 60_000, maxMs: 3_600_000 },
      timeoutMs: options.timeoutMs,
      concurrency: options.concurrency ?? 16,
      perEndpoint: options.perEndpoint ?? 4,
      random: () => 0,
    });
    dispatchers.push(made);
    return made;
  };
  const delivery = async (id: string): Promise<WebhookDelivery> => (await world.store.getWebhookDelivery(id))!;

  beforeEach(async () => {
    world = await World.create();
    slow = await SlowReceiver.start();
    fast = await WebhookReceiver.start();
    fast.secrets.push(SECRET);
    await world.store.putWebhookEndpoint(endpoint('slow', slow.url));
    await world.store.putWebhookEndpoint(endpoint('fast', fast.url));
  });
  afterEach(async () => {
    // A receiver closes first, so a dispatcher still in an attempt (the code before the deadline) is let go.
    await slow.close();
    await fast.close();
    await Promise.all(dispatchers.splice(0).map((d) => d.stop()));
    await world.close();
  });

  it('cuts a receiver that trickles its body (or its status line) at the deadline; the attempt is recorded as timed out and retried by the policy, then dead', async () => {
    const timeoutMs = 800;
    const hooks = dispatcher({ timeoutMs, maxAttempts: 3 });
    slow.mode = 'trickle-body';
    const [id] = await deliveriesTo(world, 'slow');

    expect(await hooks.runOnce()).to.deep.include({ claimed: 1, delivered: 0, retried: 1 });
    const cut = slow.requests[0]!;
    await until(() => cut.endedAt !== null, 'the receiver saw the connection let go');
    expect(cut.endedAt! - cut.startedAt, 'at the deadline, not before').to.be.within(timeoutMs - 50, timeoutMs + 2_000);
    const first = await delivery(id!);
    expect(first).to.deep.include({ status: 'pending', attempts: 1, lastStatus: null });
    expect(first.lastError).to.equal(`no complete answer within ${timeoutMs} ms: HTTP 200 came, but its body was still arriving`);
    expect(Date.parse(first.nextAttemptAt), 'due again after the backoff').to.be.greaterThan(world.clock.now().getTime());

    expect(await hooks.runOnce(), 'not due before its retry time').to.deep.include({ claimed: 0 });
    slow.mode = 'trickle-status';
    world.clock.set(new Date(first.nextAttemptAt));
    expect(await hooks.runOnce()).to.deep.include({ claimed: 1, retried: 1 });
    const second = await delivery(id!);
    expect(second).to.deep.include({ status: 'pending', attempts: 2, lastError: `no complete answer within ${timeoutMs} ms: no status yet` });

    world.clock.set(new Date(second.nextAttemptAt));
    expect(await hooks.runOnce()).to.deep.include({ claimed: 1, dead: 1 });
    expect(await delivery(id!)).to.deep.include({ status: 'dead', attempts: 3 });
    await until(() => slow.requests.every((r) => r.endedAt !== null), 'no exchange left open');
  });

  it('delivers to another endpoint at once while one endpoint trickles, long before the slow one\'s deadline', async () => {
    const timeoutMs = 5_000;
    slow.mode = 'trickle-body';
    await deliveriesTo(world, 'slow');
    await deliveriesTo(world, 'slow');
    await deliveriesTo(world, 'slow');
    dispatcher({ timeoutMs, perEndpoint: 2 }).start();
    await until(() => slow.open >= 1, 'the slow endpoint trickles');

    const startedAt = performance.now();
    const [fastId] = await deliveriesTo(world, 'fast');
    await until(() => fast.byId.has(fastId!), 'the other endpoint\'s delivery arrived', timeoutMs);
    const tookMs = performance.now() - startedAt;
    expect(tookMs, 'well before the slow endpoint\'s deadline').to.be.below(timeoutMs / 2);
    expect(slow.requests.every((r) => r.endedAt === null), 'the slow ones were still trickling').to.equal(true);
    await until(() => slow.open === 2, 'the slow endpoint holds its two slots');
    await until(async () => (await delivery(fastId!)).status === 'delivered', 'recorded as delivered');
    expect(slow.maxOpen, 'the slow endpoint never had more than its share').to.equal(2);
  });

  it('never has more of one endpoint\'s deliveries open than its share, over two nodes (two connections to one store), and fills that share', async () => {
    slow.mode = 'hold';
    slow.holdMs = 150;
    const ids = (await Promise.all(Array.from({ length: 10 }, () => deliveriesTo(world, 'slow')))).flat();
    dispatcher({ owner: 'node-1/webhooks', timeoutMs: 5_000, concurrency: 8, perEndpoint: 3 }).start();
    dispatcher({ owner: 'node-2/webhooks', store: await world.connect(), timeoutMs: 5_000, concurrency: 8, perEndpoint: 3 }).start();
    await until(async () => (await Promise.all(ids.map(delivery))).every((d) => d.status === 'delivered'), 'all ten delivered');
    expect(slow.requests.map((r) => r.webhookId).sort(), 'each once').to.deep.equal([...ids].sort());
    expect(slow.maxOpen, 'three at once at most, and three reached').to.equal(3);
  });

  describe('registration', () => {
    it('answers POST /webhooks within the deadline when the receiver trickles the test delivery\'s answer, and registers nothing', async () => {
      const timeoutMs = 1_000;
      const api = await ApiWorld.create({ env: { MRA_WEBHOOK_ALLOW_LOOPBACK: 'true', MRA_WEBHOOK_TIMEOUT_MS: String(timeoutMs) } });
      try {
        slow.mode = 'trickle-body';
        const startedAt = performance.now();
        const answer = await api.post('/webhooks', { url: slow.url, kinds: ['test-reports'] }, 'kr-regulator');
        const tookMs = performance.now() - startedAt;
        expect(answer.status, answer.text).to.equal(422);
        expect(answer.body).to.deep.include({ code: 'ENDPOINT_REFUSED' });
        expect(String(answer.body['detail'])).to.include(`did not answer the test delivery (no complete answer within ${timeoutMs} ms: HTTP 200 came, but its body was still arriving)`);
        expect(tookMs).to.be.below(timeoutMs + 2_000);
        expect(await api.world.store.listWebhookEndpoints({ organisation: 'kr-regulator' })).to.deep.equal([]);
      } finally {
        await api.close();
      }
    });
  });
});
