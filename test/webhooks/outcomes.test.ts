/**
 * What one webhook attempt comes to, decided by codes: a 2xx is done; another answer, no answer
 * or a name that does not resolve now is worth a retry; an address the policy refuses, or an
 * endpoint disabled since, is permanent (the delivery is `dead` at once, not after every attempt).
 * A real SQLite store holds the endpoints, a real receiver on loopback answers.
 */
import { expect } from 'chai';
import { createServer } from 'node:net';
import { systemClock } from '../../src/clock.js';
import { AddressPolicy, SecretBox } from '../../src/effects/webhooks/index.js';
import { webhookQueue } from '../../src/effects/webhooks/dispatcher.js';
import { silentLog } from '../../src/queue/index.js';
import type { WebhookDelivery, WebhookEndpointRecord } from '../../src/store/port.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { World } from '../helpers/world.js';

const box = new SecretBox('a key secret for the outcome tests, long enough');
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function endpoint(id: string, url: string, patch: Partial<WebhookEndpointRecord> = {}): WebhookEndpointRecord {
  const at = '2026-03-02T08:00:00.000Z';
  return {
    id,
    organisation: 'kr-customs',
    principalId: 'kr-customs-officer',
    url,
    kinds: ['test-reports'],
    economies: ['KR'],
    events: [],
    secrets: [{ sealed: box.seal(SECRET), createdAt: at, expiresAt: null }],
    createdAt: at,
    disabledAt: null,
    ...patch,
  };
}

function delivery(endpointId: string): WebhookDelivery {
  return { id: `d-${endpointId}`, endpointId, type: 'test-reports.accepted', body: '{"type":"test-reports.accepted"}', attempts: 0 } as WebhookDelivery;
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('webhooks: the outcome of one attempt', function () {
  this.timeout(20_000);
  let world: World;
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    world = await World.create();
    receiver = await WebhookReceiver.start();
    receiver.secrets.push(SECRET);
  });
  afterEach(async () => {
    await receiver.close();
    await world.close();
  });

  async function attempt(record: WebhookEndpointRecord, resolver?: (host: string) => Promise<Array<{ address: string; family: number }>>) {
    await world.store.putWebhookEndpoint(record);
    const policy = new AddressPolicy({ allowLoopback: true, allowedNetworks: [], ...(resolver ? { resolver } : {}) });
    const queue = webhookQueue(world.store, { policy, box, timeoutMs: 2000, wallClock: systemClock, log: silentLog });
    const outcome = await (await queue.forBatch([]))(delivery(record.id));
    if (outcome.kind === 'done') return { kind: outcome.kind, status: outcome.result.status };
    return { kind: outcome.kind, code: outcome.code, status: outcome.status, detail: outcome.detail };
  }

  it('a 2xx answer is done; a 503 and a redirect are retried with their status, the redirect not followed', async () => {
    expect(await attempt(endpoint('ok', receiver.url))).to.deep.include({ kind: 'done', status: 204 });
    expect([...receiver.byId.keys()], 'signed, and verified by the receiver').to.deep.equal(['d-ok']);
    receiver.answer = { status: 503 };
    expect(await attempt(endpoint('down', receiver.url))).to.deep.include({ kind: 'retry', code: 'HTTP_STATUS', status: 503, detail: 'HTTP 503' });
    receiver.answer = { status: 302, location: 'http://10.0.0.1/' };
    expect(await attempt(endpoint('moved', receiver.url))).to.deep.include({ kind: 'retry', code: 'HTTP_STATUS', status: 302, detail: 'HTTP 302 (a redirect to http://10.0.0.1/, not followed)' });
  });

  it('no answer, and a name that does not resolve now, are retried', async () => {
    expect(await attempt(endpoint('closed', `http://127.0.0.1:${await closedPort()}/hook`))).to.deep.include({ kind: 'retry', code: 'NO_ANSWER', status: null });
    const outage = () => Promise.reject(Object.assign(new Error('queryA ETIMEOUT hooks.customs.example'), { code: 'ETIMEOUT' }));
    expect(await attempt(endpoint('dns', 'https://hooks.customs.example/mra'), outage)).to.deep.include({ kind: 'retry', code: 'ADDRESS_UNRESOLVED' });
  });

  it('an address the policy refuses, and a disabled endpoint, are permanent: no request is sent', async () => {
    const before = receiver.requests.length;
    expect(await attempt(endpoint('private', 'https://10.0.0.1/hook'))).to.deep.include({ kind: 'permanent', code: 'ADDRESS_REFUSED', status: null });
    const rebinding = () => Promise.resolve([{ address: '169.254.169.254', family: 4 }]);
    expect(await attempt(endpoint('metadata', 'https://hooks.customs.example/mra'), rebinding)).to.deep.include({ kind: 'permanent', code: 'ADDRESS_REFUSED' });
    expect(await attempt(endpoint('off', receiver.url, { disabledAt: '2026-03-02T09:00:00.000Z' }))).to.deep.include({ kind: 'permanent', code: 'ENDPOINT_DISABLED' });
    expect(receiver.requests.length).to.equal(before);
  });
});
