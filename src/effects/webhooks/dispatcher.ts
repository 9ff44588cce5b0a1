/**
 * The webhook dispatcher: every node runs one, on the polling loop of `src/queue/`, like the
 * outbox dispatcher. It claims due deliveries under a lease, checks the endpoint's address again
 * (and connects to the address it checked), signs with the endpoint's live secrets and posts.
 * A 2xx answer marks the delivery delivered; anything else (another status, a redirect, a
 * refused address, a network error) is retried with backoff until `maxAttempts`, then `dead`,
 * listed with its last error and re-queueable. At least once: a crash between the receiver's
 * answer and the mark sends it again, under the same `webhook-id`, once the lease runs out.
 */
import { backoffDelay, type Backoff } from '../../backoff.js';
import { systemClock, type Clock } from '../../clock.js';
import { isAppError } from '../../errors.js';
import type { WebhookDelivery, WebhookDeliveryQueue, WebhookEndpointRecord, WebhookEndpointStore } from '../../store/port.js';
import { PollingLoop, silentLog, type BackgroundWorker, type WorkerLog } from '../../queue/index.js';
import type { AddressPolicy } from './address-policy.js';
import { postPinned } from './http-post.js';
import { liveSecrets, signedHeaders, type SecretBox } from './signing.js';

export interface WebhookDispatcherOptions {
  store: WebhookDeliveryQueue & WebhookEndpointStore;
  policy: AddressPolicy;
  box: SecretBox;
  /** The service clock: what is due, leases, retry times. */
  clock: Clock;
  /** The real time, for `webhook-timestamp`. */
  wallClock?: Clock;
  owner: string;
  intervalMs: number;
  maxAttempts: number;
  backoff: Backoff;
  timeoutMs: number;
  batchSize?: number;
  leaseMs?: number;
  random?: () => number;
  log?: WorkerLog;
}

export interface WebhookPassReport {
  claimed: number;
  delivered: number;
  retried: number;
  dead: number;
}

interface Outcome {
  ok: boolean;
  status: number | null;
  error: string;
}

export class WebhookDispatcher implements BackgroundWorker {
  readonly name = 'webhook-dispatcher';
  readonly #o: Required<Omit<WebhookDispatcherOptions, 'log'>> & { log: WorkerLog };
  readonly #loop: PollingLoop<WebhookPassReport>;

  constructor(options: WebhookDispatcherOptions) {
    this.#o = { wallClock: systemClock, batchSize: 20, leaseMs: 2 * 60_000, random: Math.random, ...options, log: options.log ?? silentLog };
    this.#loop = new PollingLoop({
      pass: () => this.#pass(),
      intervalMs: this.#o.intervalMs,
      log: this.#o.log,
      onPass: (report) => {
        if (report.claimed > 0) this.#o.log.info({ ...report }, 'webhook pass');
      },
      failureMessage: 'webhook pass failed; trying again at the next interval',
    });
  }

  start(): void {
    this.#loop.start();
  }

  /** Lets the delivery in flight finish, stops, and gives back the leases on the rest of the batch. */
  async stop(): Promise<void> {
    await this.#loop.stop();
    const released = await this.#o.store.releaseWebhookLeases(this.#o.owner);
    if (released > 0) this.#o.log.info({ released }, 'webhook leases given back');
  }

  runOnce(): Promise<WebhookPassReport> {
    return this.#loop.runOnce();
  }

  async #pass(): Promise<WebhookPassReport> {
    const { store, clock, owner, leaseMs, batchSize } = this.#o;
    const report: WebhookPassReport = { claimed: 0, delivered: 0, retried: 0, dead: 0 };
    const endpoints = new Map<string, WebhookEndpointRecord | null>();
    while (!this.#loop.stopping) {
      const batch = await store.claimWebhookDeliveries({ owner, now: clock.now().toISOString(), leaseMs, limit: batchSize });
      report.claimed += batch.length;
      for (const delivery of batch) {
        if (this.#loop.stopping) break;
        if (!endpoints.has(delivery.endpointId)) endpoints.set(delivery.endpointId, await store.getWebhookEndpoint(delivery.endpointId));
        await this.#settle(delivery, await this.#attempt(delivery, endpoints.get(delivery.endpointId) ?? null), report);
      }
      if (batch.length < batchSize) break;
    }
    return report;
  }

  async #attempt(delivery: WebhookDelivery, endpoint: WebhookEndpointRecord | null): Promise<Outcome> {
    if (!endpoint || endpoint.disabledAt !== null) return { ok: false, status: null, error: 'the endpoint is disabled' };
    const { policy, box, wallClock, timeoutMs } = this.#o;
    try {
      const target = await policy.check(endpoint.url);
      const timestamp = wallClock.now();
      const secrets = liveSecrets(endpoint.secrets, timestamp).map((s) => box.open(s.sealed));
      const answer = await postPinned(target, signedHeaders({ id: delivery.id, timestamp, body: delivery.body, secrets }), delivery.body, timeoutMs);
      if (answer.status >= 200 && answer.status < 300) return { ok: true, status: answer.status, error: '' };
      const redirect = answer.location === null ? '' : ` (a redirect to ${answer.location}, not followed)`;
      return { ok: false, status: answer.status, error: `HTTP ${answer.status}${redirect}` };
    } catch (error) {
      const message = isAppError(error) ? error.detail : error instanceof Error ? error.message : String(error);
      return { ok: false, status: null, error: message };
    }
  }

  async #settle(delivery: WebhookDelivery, outcome: Outcome, report: WebhookPassReport): Promise<void> {
    const { store, clock, owner, maxAttempts, backoff, random, log } = this.#o;
    const now = clock.now();
    if (outcome.ok) {
      await store.markWebhookDelivered(delivery.id, owner, { at: now.toISOString(), status: outcome.status! });
      report.delivered += 1;
      return;
    }
    const attempts = delivery.attempts + 1;
    const giveUp = attempts >= maxAttempts || outcome.error === 'the endpoint is disabled';
    const retryAt = giveUp ? null : new Date(now.getTime() + backoffDelay(attempts, backoff, random)).toISOString();
    await store.markWebhookFailed(delivery.id, owner, { at: now.toISOString(), error: outcome.error, status: outcome.status, retryAt });
    if (giveUp) report.dead += 1;
    else report.retried += 1;
    log.warn(
      { deliveryId: delivery.id, endpointId: delivery.endpointId, attempts, error: outcome.error, retryAt },
      giveUp ? 'webhook given up: dead (GET /webhooks/{id}/deliveries?status=dead)' : 'webhook not delivered; will retry',
    );
  }
}
