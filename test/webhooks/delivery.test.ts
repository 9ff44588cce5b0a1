/**
 * Webhooks against real parts: the service itself (startService, a SQLite file, its dispatcher on
 * the polling loop), a receiver on loopback (port 0) that verifies with the `standardwebhooks`
 * library and dedupes by `webhook-id`. The receiver answers 503 for a while and our service is
 * stopped and started again on the same file: every matching transition arrives, once by id.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { pino } from 'pino';
import { Webhook } from 'standardwebhooks';
import { loadConfig } from '../../src/config.js';
import { startService, type Service } from '../../src/service.js';
import { openStore } from '../../src/store/open-store.js';
import type { WebhookDelivery } from '../../src/store/port.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { tempDir } from '../helpers/world.js';

const log = pino({ level: 'silent' });
const KR = 'demo-kr-regulator-key';

async function call(service: Service, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${KR}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

async function until(condition: () => Promise<boolean> | boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('webhooks: signed deliveries to a receiver through its outage and our restart', function () {
  this.timeout(60_000);
  let dir: string;
  let remove: () => void;
  let receiver: WebhookReceiver;
  let service: Service | null = null;
  const env = () => ({
    PORT: '0',
    MRA_DB_PATH: join(dir, 'mra.sqlite'),
    MRA_MAIL_DIR: join(dir, 'mail'),
    MRA_WEBHOOK_ALLOW_LOOPBACK: 'true',
    MRA_WEBHOOK_INTERVAL_MS: '20',
    MRA_WEBHOOK_RETRY_MS: '40',
    MRA_WEBHOOK_MAX_ATTEMPTS: '100',
    MRA_MAIL_INTERVAL_MS: '60000',
    LOG_LEVEL: 'silent',
  });

  beforeEach(async () => {
    ({ dir, remove } = tempDir('mra-hooks-'));
    receiver = await WebhookReceiver.start();
  });
  afterEach(async () => {
    await service?.stop();
    service = null;
    await receiver.close();
    remove();
  });

  it('delivers every matching transition once by webhook-id, verified by the library; a tampered body and an old timestamp fail', async () => {
    service = await startService(loadConfig(env()), log);
    const registered = await call(service, 'POST', '/webhooks', { url: receiver.url, kinds: ['test-reports', 'recognitions'], economies: ['KR'] });
    expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
    const endpointId = (registered.body['endpoint'] as { id: string }).id;
    receiver.secrets.push(registered.body['secret'] as string);
    const ping = receiver.requests[0]!;
    expect(JSON.parse(ping.body)).to.deep.include({ type: 'webhook.ping' });

    // The receiver is down: every attempt is answered 503 and retried.
    receiver.answer = { status: 503 };
    expect((await call(service, 'POST', '/test-reports/tr-sh-0002/events', { type: 'ACCEPT', comment: 'Chấp nhận theo MRA' })).status).to.equal(200);
    expect((await call(service, 'POST', '/recognitions/rec-sai-gon-kr/events', { type: 'RECOGNIZE' })).status).to.equal(200);
    const store = service.store;
    const deliveries = async (): Promise<WebhookDelivery[]> => (await store.listWebhookDeliveries({ endpointId, limit: 200 })).items;
    await until(async () => (await deliveries()).every((d) => d.attempts >= 2), 'each delivery failed twice');
    expect((await deliveries()).map((d) => [d.status, d.lastStatus, d.lastError])).to.deep.include(['pending', 503, 'HTTP 503']);

    // Our service restarts on the same file while the receiver is still down.
    await service.stop();
    service = await startService(loadConfig(env()), log);
    expect((await call(service, 'POST', '/test-reports/tr-sh-0002/events', { type: 'REVOKE', reason: 'Mẫu thử không phù hợp' })).status).to.equal(200);
    receiver.answer = { status: 204 };
    const after = service.store;
    await until(async () => (await after.listWebhookDeliveries({ endpointId, limit: 200 })).items.every((d) => d.status === 'delivered'), 'all delivered');

    const written = (await after.listWebhookDeliveries({ endpointId, limit: 200 })).items;
    const types = written.map((d) => d.type);
    expect(types).to.include.members(['test-reports.accepted', 'recognitions.recognized', 'test-reports.revoked']);
    expect([...receiver.byId.keys()].sort(), 'each transition arrived, once by webhook-id').to.deep.equal(written.map((d) => d.id).sort());
    expect(receiver.requests.length, 'retries came under the same ids').to.be.greaterThan(receiver.byId.size + 1);
    const accepted = written.find((d) => d.type === 'test-reports.accepted')!;
    expect(receiver.byId.get(accepted.id)).to.deep.include({ type: 'test-reports.accepted' });
    expect((receiver.byId.get(accepted.id) as { data: { record: { reportNumber: string } } }).data.record.reportNumber).to.equal('SHT-RF-0002');

    // What the library refuses: the same request with the body changed, and a timestamp ten minutes old.
    const original = receiver.requests.find((r) => r.headers['webhook-id'] === accepted.id && receiver.verify(r.body, r.headers) !== null)!;
    expect(receiver.verify(original.body.replace('SHT-RF-0002', 'SHT-RF-9999'), original.headers), 'tampered body').to.equal(null);
    const hook = new Webhook(receiver.secrets[0]!);
    const old = new Date(Date.now() - 10 * 60_000);
    const oldHeaders = { 'webhook-id': accepted.id, 'webhook-timestamp': String(Math.floor(old.getTime() / 1000)), 'webhook-signature': hook.sign(accepted.id, old, accepted.body) };
    expect(() => hook.verify(accepted.body, oldHeaders)).to.throw(/timestamp/i);
  });

  it('signs with both secrets during a rotation\'s overlap, then with the new one only', async () => {
    service = await startService(loadConfig(env()), log);
    const registered = await call(service, 'POST', '/webhooks', { url: receiver.url, kinds: ['recognitions'] });
    const endpointId = (registered.body['endpoint'] as { id: string }).id;
    const oldSecret = registered.body['secret'] as string;
    const rotated = await call(service, 'POST', `/webhooks/${endpointId}/rotate-secret`, { overlapMinutes: 60 });
    expect(rotated.status).to.equal(200);
    const newSecret = rotated.body['secret'] as string;
    receiver.secrets = [oldSecret];
    expect((await call(service, 'POST', '/recognitions/rec-sai-gon-kr/events', { type: 'RECOGNIZE' })).status).to.equal(200);
    await until(() => receiver.byId.size === 1, 'the delivery verified with the old secret');
    const [request] = receiver.requests.slice(-1);
    expect(String(request!.headers['webhook-signature']).split(' ')).to.have.length(2);
    receiver.secrets = [newSecret];
    expect(receiver.verify(request!.body, request!.headers), 'and with the new one').to.not.equal(null);

    const ended = await call(service, 'POST', `/webhooks/${endpointId}/rotate-secret`, { overlapMinutes: 0 });
    receiver.secrets = [newSecret];
    const latest = ended.body['secret'] as string;
    expect(ended.body['endpoint']).to.deep.include({ previousSecretExpiresAt: null });
    const store = await openStore(loadConfig(env()), log);
    try {
      expect((await store.getWebhookEndpoint(endpointId))!.secrets).to.have.length(1);
      expect(JSON.stringify(await store.getWebhookEndpoint(endpointId)), 'sealed at rest').to.not.include(latest.slice(6));
    } finally {
      await store.close();
    }
  });
});
