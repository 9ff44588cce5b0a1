/**
 * The webhook dispatcher: every node runs one, a leased-queue worker (`src/queue/`) over the
 * webhook deliveries, like the outbox dispatcher. This file is the deliveries as a queue: claim
 * due ones under a lease, no more of one endpoint's than its share (`perEndpoint`, over every
 * node) and no more than this node's `concurrency` in flight; check the endpoint's address again
 * (and connect to the address it checked), sign with the endpoint's live secrets and post, all
 * within one total deadline (the work); record each as it ends, without waiting for the others,
 * so a slow receiver holds only its own deliveries. A 2xx answer marks the delivery delivered;
 * another status, a redirect, no answer, no complete answer by the deadline or a name that does
 * not resolve now is retried with backoff until `maxAttempts`, then `dead`; an address the policy
 * refuses, or an endpoint disabled since, is `dead` at once. A dead delivery is listed with its
 * last error and re-queueable. At least once: a crash between the receiver's answer and the mark
 * sends it again, under the same `webhook-id`, once the lease runs out.
 */
import { systemClock, type Clock } from '../../clock.js';
import type { WebhookDelivery, WebhookEndpointRecord, WebhookDeliveryQueue, WebhookEndpointStore } from '../../store/port.js';
import { LeasedQueueWorker, onSettled, silentLog, type BackgroundWorker, type Failure, type LeasedQueue, type PassTally, type RetryPolicy, type Settled, type WorkerLog } from '../../queue/index.js';
import { AddressRefusal, REFUSAL_PASSES_LATER, type AddressPolicy } from './address-policy.js';
import { Deadline, DeadlineExceeded } from './deadline.js';
import { postDelivery, unanswered, type DeliveryFailureCode, type DeliveryResult } from './http-post.js';
import { liveSecrets, signedHeaders, type SecretBox } from './signing.js';

/** The part of the store the dispatcher uses. */
export type WebhookQueueStore = Pick<WebhookDeliveryQueue & WebhookEndpointStore, 'claimWebhookDeliveries' | 'getWebhookEndpoint' | 'markWebhookDelivered' | 'markWebhookFailed' | 'releaseWebhookLeases'>;

export interface WebhookDispatcherOptions {
  store: WebhookQueueStore;
  policy: AddressPolicy;
  box: SecretBox;
  /** The service clock: what is due, leases, retry times. */
  clock: Clock;
  /** The real time, for `webhook-timestamp`. */
  wallClock?: Clock;
  owner: string;
  intervalMs: number;
  maxAttempts: number;
  backoff: Omit<RetryPolicy, 'maxAttempts'>;
  /** The total time one attempt may take, resolving the name included (`Deadline`). */
  timeoutMs: number;
  /** Deliveries this node attempts at once, over every endpoint. */
  concurrency: number;
  /** Deliveries of one endpoint attempted at once, over every node (the store's claim counts them). */
  perEndpoint: number;
  /** How long a claim holds; `leaseFor(timeoutMs)` unless a test gives its own. */
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

/** A failed delivery: its code, and the HTTP status when the receiver answered. */
export interface DeliveryFailure extends Failure {
  code: DeliveryFailureCode;
  status: number | null;
}

interface Delivered {
  status: number;
}

/**
 * The work of one delivery, knowing nothing of the queue: check the address, sign, post. All of
 * it, the name's resolution included, within one total deadline of `timeoutMs`.
 */
async function deliver(
  delivery: WebhookDelivery,
  endpoint: WebhookEndpointRecord | null,
  o: Pick<WebhookDispatcherOptions, 'policy' | 'box' | 'timeoutMs'> & { wallClock: Clock },
): Promise<DeliveryResult> {
  if (!endpoint || endpoint.disabledAt !== null) return { kind: 'permanent', code: 'ENDPOINT_DISABLED', detail: 'the endpoint is disabled', status: null };
  const deadline = new Deadline(o.timeoutMs);
  let target;
  try {
    target = await deadline.race(o.policy.check(endpoint.url), 'the name was still being resolved');
  } catch (error) {
    if (error instanceof DeadlineExceeded) return unanswered(error);
    if (!(error instanceof AddressRefusal)) throw error;
    const later = REFUSAL_PASSES_LATER[error.reason];
    return { kind: later ? 'retry' : 'permanent', code: later ? 'ADDRESS_UNRESOLVED' : 'ADDRESS_REFUSED', detail: error.detail, status: null, cause: error };
  }
  const timestamp = o.wallClock.now();
  const secrets = liveSecrets(endpoint.secrets, timestamp).map((s) => o.box.open(s.sealed));
  return postDelivery(target, signedHeaders({ id: delivery.id, timestamp, body: delivery.body, secrets }), delivery.body, deadline);
}

/**
 * How long a claimed delivery is held: four deadlines, and at least a minute. Every claimed
 * delivery starts at once and its attempt ends by the deadline, so the lease runs out only when
 * its node is gone, never while an attempt is under way: no other node sends it again meanwhile.
 */
export function leaseFor(timeoutMs: number): number {
  return Math.max(60_000, 4 * timeoutMs);
}

/**
 * The deliveries as a leased queue: a claim takes no more of one endpoint's than its share; each
 * batch looks each endpoint up once; each result is marked as it is.
 */
export function webhookQueue(
  store: WebhookQueueStore,
  o: Pick<WebhookDispatcherOptions, 'policy' | 'box' | 'timeoutMs'> & { wallClock: Clock; log: WorkerLog; perEndpoint?: number },
): LeasedQueue<WebhookDelivery, Delivered, DeliveryFailure> {
  return {
    claim: (lease) => store.claimWebhookDeliveries(o.perEndpoint === undefined ? lease : { ...lease, perEndpoint: o.perEndpoint }),
    forBatch: () => {
      const endpoints = new Map<string, Promise<WebhookEndpointRecord | null>>();
      const endpointOf = (id: string) => endpoints.get(id) ?? endpoints.set(id, store.getWebhookEndpoint(id)).get(id)!;
      return Promise.resolve(async (delivery: WebhookDelivery) => deliver(delivery, await endpointOf(delivery.endpointId), o));
    },
    // The port marks one delivery at a time; a mark refused because the lease was lost is reported as such.
    record: async (owner, settled) => {
      const lost: string[] = [];
      for (const one of settled) {
        if (!(await markOne(store, owner, one, o.log))) lost.push(one.item.id);
      }
      return lost;
    },
    releaseLeases: (owner) => store.releaseWebhookLeases(owner),
  };
}

function markOne(store: WebhookQueueStore, owner: string, settled: Settled<WebhookDelivery, Delivered, DeliveryFailure>, log: WorkerLog): Promise<boolean> {
  const warn = (s: { item: WebhookDelivery; attempts: number; detail: string }, retryAt: string | null, message: string) =>
    log.warn({ deliveryId: s.item.id, endpointId: s.item.endpointId, attempts: s.attempts, error: s.detail, retryAt }, message);
  return onSettled<WebhookDelivery, Delivered, Promise<boolean>, DeliveryFailure>(settled, {
    done: ({ item, at, result }) => store.markWebhookDelivered(item.id, owner, { at, status: result.status }),
    retry: async (s) => {
      const marked = await store.markWebhookFailed(s.item.id, owner, { at: s.at, error: s.detail, status: s.status, retryAt: s.retryAt });
      warn(s, s.retryAt, 'webhook not delivered; will retry');
      return marked;
    },
    dead: async (s) => {
      const marked = await store.markWebhookFailed(s.item.id, owner, { at: s.at, error: s.detail, status: s.status, retryAt: null });
      warn(s, null, 'webhook given up: dead (GET /webhooks/{id}/deliveries?status=dead)');
      return marked;
    },
  });
}

/** Counts a pass as before the queues were one: a mark refused for a lost lease counts as what was tried. */
const webhookTally: PassTally<WebhookDelivery, Delivered, WebhookPassReport, DeliveryFailure> = {
  empty: () => ({ claimed: 0, delivered: 0, retried: 0, dead: 0 }),
  claimed: (report, count) => void (report.claimed += count),
  add: (report, settled) =>
    onSettled<WebhookDelivery, Delivered, void, DeliveryFailure>(settled, {
      done: () => void (report.delivered += 1),
      retry: () => void (report.retried += 1),
      dead: () => void (report.dead += 1),
    }),
};

export class WebhookDispatcher implements BackgroundWorker {
  readonly name = 'webhook-dispatcher';
  readonly #worker: LeasedQueueWorker<WebhookDelivery, Delivered, WebhookPassReport, DeliveryFailure>;

  constructor(options: WebhookDispatcherOptions) {
    const log = options.log ?? silentLog;
    this.#worker = new LeasedQueueWorker({
      name: this.name,
      queue: webhookQueue(options.store, {
        policy: options.policy,
        box: options.box,
        timeoutMs: options.timeoutMs,
        perEndpoint: options.perEndpoint,
        wallClock: options.wallClock ?? systemClock,
        log,
      }),
      tally: webhookTally,
      thrown: (error) => ({ code: 'NO_ANSWER', detail: error instanceof Error ? error.message : String(error), status: null, cause: error }),
      clock: options.clock,
      owner: options.owner,
      intervalMs: options.intervalMs,
      leaseMs: options.leaseMs ?? leaseFor(options.timeoutMs),
      batchSize: options.concurrency,
      inFlight: options.concurrency,
      drain: 'while-full',
      policy: { ...options.backoff, maxAttempts: options.maxAttempts },
      ...(options.random ? { random: options.random } : {}),
      log,
      failureMessage: 'webhook pass failed; trying again at the next interval',
      releasedMessage: 'webhook leases given back',
      onPass: (report) => {
        if (report.claimed > 0) log.info({ ...report }, 'webhook pass');
      },
    });
  }

  start(): void {
    this.#worker.start();
  }

  /** Stops claiming, lets the deliveries in flight finish (each within its deadline) and be recorded, and gives back any lease left. */
  stop(): Promise<void> {
    return this.#worker.stop();
  }

  runOnce(): Promise<WebhookPassReport> {
    return this.#worker.runOnce();
  }
}
