/**
 * The running service: the store, the engine on the service clock, the demo seed on an empty
 * store, the background workers (outbox dispatcher, deadline scheduler, the sweep of expired
 * sessions and sign-in tokens) that every node runs, and
 * the HTTP API. `startService` wires them (the webhook dispatcher too); `stop` lets go of everything it took: the API first (no
 * new work), then the workers, then the store.
 */
import type { Logger } from 'pino';
import { EXPIRED_ACCESS_SWEEP_MS, accessSettings, credentialsFor, sweepExpiredAccess, upgradeLegacyKeyHashes } from './access/index.js';
import { offsetClock, systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { Durations } from './kinds/durations-table.js';
import { AppError, isAppError } from './errors.js';
import { createApp } from './http/api/app.js';
import { CursorSeal } from './http/api/cursors.js';
import { createMetricsApp } from './http/api/metrics-route.js';
import { listen } from './http/api/server.js';
import { Engine } from './engine/engine.js';
import { commitContributors } from './effects/contributors.js';
import { reindexIfStale } from './engine/reindex.js';
import { newId } from './ids.js';
import { ServiceMetrics } from './metrics/service-metrics.js';
import { outboxAdmin, outboxDispatcher } from './effects/mail/index.js';
import { applySeed } from './seed/apply-seed.js';
import { readSeed } from './seed/read-seed.js';
import { Scheduler } from './effects/deadlines/scheduler.js';
import { DocumentKeeper } from './engine/documents.js';
import { openBlobStore, openStore } from './store/open-store.js';
import type { Store } from './store/port.js';
import { Validator } from './validation.js';
import { PeriodicTask, type BackgroundWorker } from './queue/index.js';
import { webhookDispatcher, webhookParts, type Resolver } from './effects/webhooks/index.js';
import { BlobSweeper } from './effects/documents/blob-sweeper.js';

export interface Service {
  config: Config;
  clock: Clock;
  store: Store;
  engine: Engine;
  workers: BackgroundWorker[];
  /** Where the API listens, e.g. http://localhost:3000 */
  url: string;
  /** Where `GET /metrics` is served without a key (MRA_METRICS_PORT); null: on the API, for admins. */
  metricsUrl: string | null;
  stop(): Promise<void>;
}

/** What a test may put in place of the system's own parts (never set by `npm start`). */
export interface ServiceOverrides {
  /** Resolves webhook endpoint host names. */
  resolver?: Resolver;
}

export async function startService(config: Config, log: Logger, overrides: ServiceOverrides = {}): Promise<Service> {
  const clock = config.now ? offsetClock(config.now) : systemClock;
  const validator = new Validator();
  const durations = new Durations(config.durations);
  // Read the seed before opening the store, so a bad seed file stops start-up with nothing written.
  const seed = config.seed === 'demo' ? await readSeed(config.seedDir, validator) : null;
  const store = await openStore(config, log);
  const credentials = credentialsFor(config, store, clock);
  try {
    log.info({ store: store.name, ...(config.mongodbUri === null ? { path: config.dbPath } : {}) }, 'store opened');
    if (config.keySecret === null) {
      log.warn('MRA_KEY_SECRET is not set: API keys are hashed with the public development secret. Set it before minting real keys.');
    }
    const upgraded = await upgradeLegacyKeyHashes(store, credentials.hasher);
    if (upgraded > 0) log.info({ keys: upgraded }, 'API key digests of an older release re-keyed with MRA_KEY_SECRET');
    // Before anyone searches: a store indexed by other search definitions would find too little.
    await reindexIfStale(store, log);
    if (seed && (await store.isEmpty())) {
      const summary = await applySeed(store, seed, { now: clock.now(), durations, validator, hasher: credentials.hasher }).catch((error: unknown) => {
        // The files were checked before anything was written, so this is a scenario step the
        // engine refused; what came before it is in the store, which no longer counts as empty.
        if (!isAppError(error, 'SEED_INVALID')) throw error;
        throw new AppError({
          code: 'SEED_INVALID',
          detail: `${error.detail}. The store ${config.dbPath} was partly seeded: fix the seed, delete that file and start again.`,
          cause: error,
        });
      });
      log.info({ seed: summary }, 'empty store seeded with the demo data');
    } else if (seed) {
      log.info('store already holds data; seed not loaded');
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  const nodeId = `node-${newId()}`;
  const metrics = new ServiceMetrics({ store, clock });
  const blobs = await openBlobStore(config, store);
  log.info({ blobs: blobs.name, ...(blobs.name === 'files' ? { dir: config.filesDir } : {}) }, 'file store opened');
  const engine = new Engine({
    contributors: commitContributors(),
    store: metrics.timingCommits(store),
    clock,
    validator,
    durations,
    policies: config.policies,
    nodeId,
    documents: new DocumentKeeper({ blobs, store, maxBytes: config.uploadMaxBytes }),
    reportError: (error, context) => {
      metrics.countBackgroundFailure(context);
      log.error({ err: error, ...context }, 'background work failed');
    },
  });
  const webhooks = webhookParts({ config, store, clock, ...overrides });
  const workers: BackgroundWorker[] = [
    new Scheduler({ engine, intervalMs: config.schedulerIntervalMs, log: log.child({ worker: 'scheduler' }) }),
    outboxDispatcher({ config, store, clock, log, nodeId }),
    webhookDispatcher(webhooks, { config, store, clock, log: log.child({ worker: 'webhooks' }), nodeId }),
    new PeriodicTask({ name: 'access-sweep', task: () => sweepExpiredAccess(store, clock), intervalMs: EXPIRED_ACCESS_SWEEP_MS, log: log.child({ worker: 'access-sweep' }) }),
    new BlobSweeper({ blobs, store, now: () => clock.now(), graceMs: config.blobGraceHours * 3_600_000, log: log.child({ worker: 'blob-sweeper' }) }),
  ];
  for (const worker of workers) {
    worker.start();
    log.info({ worker: worker.name }, 'worker started');
  }
  let stopping = false;
  const app = createApp({
    engine,
    store,
    validator,
    clock,
    log,
    outboxAdmin: outboxAdmin({ config, store, clock }),
    webhooks: webhooks.endpoints,
    blobs,
    uploadMaxBytes: config.uploadMaxBytes,
    uploadLimits: { requestBytes: config.uploadRequestMaxBytes, inFlight: config.uploadsInFlight, dir: config.uploadDir },
    publicRateLimit: config.publicRateLimit,
    credentials,
    access: accessSettings(config),
    cursors: new CursorSeal(config.cursorSecret),
    metrics,
    metricsOnApi: config.metricsPort === null,
    ready: () => !stopping,
  });
  const http = await listen(app, config.port);
  log.info({ url: http.url }, 'API listening');
  const metricsHttp = config.metricsPort === null ? null : await listen(createMetricsApp(metrics, log), config.metricsPort, config.metricsHost);
  if (metricsHttp) log.info({ url: `${metricsHttp.url}/metrics` }, 'metrics listening');
  return {
    config,
    clock,
    store,
    engine,
    workers,
    url: http.url,
    metricsUrl: metricsHttp?.url ?? null,
    stop: async () => {
      stopping = true;
      await http.close();
      await metricsHttp?.close();
      await Promise.all(workers.map((worker) => worker.stop()));
      await store.close();
    },
  };
}
