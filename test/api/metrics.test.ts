/**
 * GET /metrics: the Prometheus text format, read by a strict parser; admins only on the API port;
 * the outbox depth follows a transition and its delivery. Liveness and readiness apart.
 */
import { join } from 'node:path';
import { expect } from 'chai';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { startService } from '../../src/service.js';
import { OutboxDispatcher } from '../../src/effects/mail/dispatcher.js';
import { MessageComposer } from '../../src/effects/mail/index.js';
import { EmlFileTransport } from '../../src/effects/mail/transports/index.js';
import { ApiWorld } from '../helpers/api.js';
import { parsePrometheusText, sampleValue, type Family } from '../helpers/prometheus-text.js';
import { tempDir } from '../helpers/world.js';

describe('HTTP: metrics and health', () => {
  let api: ApiWorld;
  before(async () => (api = await ApiWorld.create({ metrics: true })));
  after(async () => api.close());

  async function scrape(): Promise<Map<string, Family>> {
    const answer = await api.get('/metrics', 'admin');
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.headers.get('content-type')).to.match(/^text\/plain; version=0\.0\.4; charset=utf-8$/);
    return parsePrometheusText(answer.text);
  }

  it('is for admins only: 401 without a key, 403 for anyone else', async () => {
    expect((await api.get('/metrics')).status).to.equal(401);
    const refused = await api.get('/metrics', 'kr-regulator');
    expect(refused.status).to.equal(403);
    expect(refused.headers.get('content-type')).to.match(/^application\/problem\+json/);
  });

  it('is well-formed text with every family an operator needs, the process’s own included', async () => {
    await api.get('/agreements', 'vn-regulator');
    const families = await scrape();
    for (const [name, type] of Object.entries({
      mra_http_requests_total: 'counter',
      mra_http_request_duration_seconds: 'histogram',
      mra_commit_duration_seconds: 'histogram',
      mra_outbox_messages: 'gauge',
      mra_outbox_oldest_pending_age_seconds: 'gauge',
      mra_outbox_dead_letters: 'gauge',
      mra_deadlines_due: 'gauge',
      mra_deadlines_failing: 'gauge',
      mra_cascades_failing: 'gauge',
      mra_cascade_failures_total: 'counter',
      process_cpu_seconds_total: 'counter',
      nodejs_eventloop_lag_seconds: 'gauge',
    })) {
      expect(families.get(name)?.type, name).to.equal(type);
    }
    expect(sampleValue(families, 'mra_http_requests_total', { method: 'GET', route: '/agreements', status: '200' })).to.be.at.least(1);
    await api.get('/no/such/route/for/metrics', 'vn-regulator');
    const after = await scrape();
    const routes = after.get('mra_http_requests_total')!.samples.map((s) => s.labels['route']);
    expect(routes).to.include('unmatched').and.not.to.include('/no/such/route/for/metrics');
  });

  it('the outbox depth rises with a transition and falls once its e-mails are sent', async () => {
    const { dir, remove } = tempDir();
    try {
      const dispatcher = new OutboxDispatcher({
        outbox: api.world.store,
        composer: new MessageComposer({ directory: api.world.store, publicUrl: 'https://mra.example', mailFrom: 'MRA <no-reply@mra.example>' }),
        transport: new EmlFileTransport(dir),
        clock: api.world.clock,
        owner: 'metrics-test',
        intervalMs: 10,
        maxAttempts: 3,
        batchSize: 500,
        log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
      });
      while ((await dispatcher.runOnce()).sent > 0);
      const before = await scrape();
      expect(sampleValue(before, 'mra_outbox_messages', { status: 'pending' })).to.equal(0);
      expect(sampleValue(before, 'mra_outbox_oldest_pending_age_seconds')).to.equal(0);

      const created = await api.post<{ id: string }>('/agreements', { economies: ['VN', 'KR'], phase: 'I', scope: { VN: ['VN:QCVN 54:2020/BTTTT'], KR: ['KR:KN 32'] } }, 'vn-regulator');
      expect(created.status, created.text).to.equal(201);
      api.world.clock.advance(90_000);
      const risen = await scrape();
      expect(sampleValue(risen, 'mra_outbox_messages', { status: 'pending' })).to.be.above(0);
      expect(sampleValue(risen, 'mra_outbox_oldest_pending_age_seconds')).to.equal(90);
      expect(sampleValue(risen, 'mra_commit_duration_seconds_count', { outcome: 'ok' })).to.be.at.least(1);

      while ((await dispatcher.runOnce()).sent > 0);
      const fallen = await scrape();
      expect(sampleValue(fallen, 'mra_outbox_messages', { status: 'pending' })).to.equal(0);
      expect(sampleValue(fallen, 'mra_outbox_dead_letters')).to.equal(0);
    } finally {
      remove();
    }
  });

  it('/health/live answers; /health/ready checks the store; /health is as it was', async () => {
    expect((await api.get('/health/live')).body).to.deep.equal({ status: 'live' });
    expect((await api.get('/health/ready')).body).to.deep.equal({ status: 'ready', store: api.world.store.name });
    expect((await api.get('/health')).body).to.deep.equal({ status: 'ok', store: api.world.store.name });
  });

  it('with MRA_METRICS_PORT, is served on that port without a key, and not on the API port', async () => {
    const { dir, remove } = tempDir();
    const config = loadConfig({ PORT: '0', MRA_METRICS_PORT: '0', MRA_SEED: 'none', MRA_DB_PATH: join(dir, 'mra.sqlite'), MRA_MAIL_DIR: join(dir, 'mail') });
    const service = await startService(config, pino({ level: 'silent' }));
    try {
      expect(service.metricsUrl).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
      const scraped = await fetch(`${service.metricsUrl!}/metrics`);
      expect(scraped.status).to.equal(200);
      parsePrometheusText(await scraped.text());
      expect((await fetch(`${service.url}/metrics`, { headers: { Authorization: 'Bearer demo-admin-api-key' } })).status).to.equal(404);
      expect((await fetch(`${service.metricsUrl!}/agreements`)).status).to.equal(404);
    } finally {
      await service.stop();
      remove();
    }
  });
});
