/**
 * The leased queues in MongoDB: the outbox, the timers (state deadlines and cascade tasks, in the
 * `deadlines` collection) and the webhook deliveries. Claims are leases (`claims.ts`).
 */
import type { Kind } from '../../kinds/types.js';
import type {
  CascadeTask,
  Lease,
  OutboxMessage,
  OutboxResult,
  OutboxStatus,
  OutboxStore,
  Page,
  QueueFigures,
  QueueFigureStore,
  StateDeadline,
  Timer,
  TimerQueue,
  TimerSource,
  WebhookDelivery,
  WebhookDeliveryQueue,
  WebhookDeliveryStatus,
  WebhookLease,
} from '../port.js';
import { byDue, claimUnderLease, type ClaimPlan } from './claims.js';
import { page } from './page.js';
import * as q from './queries.js';
import type { Runner } from './run.js';
import { COLLECTIONS, toTimer, toMessage, type DeadlineDoc, type OutboxDoc, type WebhookDeliveryDoc } from './shapes.js';

const OUTBOX_CLAIM: ClaimPlan = { candidates: q.claimableOutbox, take: q.claimOutboxMessage, order: byDue('nextAttemptAt') };
const DELIVERY_CLAIM: ClaimPlan = { candidates: q.claimableWebhookDeliveries, take: q.claimWebhookDelivery, order: byDue('nextAttemptAt') };
const DEADLINE_CLAIM: ClaimPlan = { candidates: q.claimableDeadlines, take: q.claimDueDeadline, order: byDue('dueAt') };

/** A delivery as the port gives it: without its lease. */
function toWebhookDelivery(doc: WebhookDeliveryDoc): WebhookDelivery {
  const { _id, leaseOwner: _owner, leaseUntil: _until, ...rest } = doc;
  return { id: _id, ...rest };
}

export class MongoOutbox implements OutboxStore {
  readonly #run: Runner;

  constructor(run: Runner) {
    this.#run = run;
  }

  async claimOutbox(lease: Lease): Promise<OutboxMessage[]> {
    return (await claimUnderLease<OutboxDoc>(this.#run, OUTBOX_CLAIM, lease)).map(toMessage);
  }

  releaseOutboxLeases(owner: string): Promise<number> {
    return this.#run.updateMany(q.releaseOutboxLeases(owner));
  }

  markSent(id: string, owner: string, result: { at: string; response: string }): Promise<boolean> {
    return this.#run.updateOne(q.markSent(id, owner, result));
  }

  markFailed(id: string, owner: string, failure: { at: string; error: string; retryAt: string | null }): Promise<boolean> {
    return this.#run.updateOne(q.markFailed(id, owner, failure));
  }

  /**
   * One read for the leases still held, one bulk write for their results. A lease lost between
   * the two is still safe (each update matches only a message its owner holds); it would be
   * counted as recorded.
   */
  async recordOutboxResults(owner: string, results: readonly OutboxResult[]): Promise<string[]> {
    if (results.length === 0) return [];
    const held = new Set((await this.#run.all<OutboxDoc>(q.outboxHeldBy(results.map((r) => r.id), owner))).map((doc) => doc._id));
    await this.#run.bulkUpdate(q.outboxResults(owner, results.filter((r) => held.has(r.id))));
    return results.filter((r) => !held.has(r.id)).map((r) => r.id);
  }

  /**
   * The pending and dead messages counted on `outbox_by_age` (few: they are what an admin looks
   * at), and the sent ones, which grow without end, from the count MongoDB keeps of the collection
   * (its metadata, as SQLite's `outbox_counts` are kept by triggers): no count passes over every
   * message sent. After an unclean shutdown that count may be off until the collection is
   * validated; it is never shown below zero.
   */
  async outboxCounts(): Promise<Record<OutboxStatus, number>> {
    const [pending, dead, all] = await Promise.all([
      this.#run.count(q.outboxOfStatus('pending')),
      this.#run.count(q.outboxOfStatus('dead')),
      this.#run.estimatedCount(COLLECTIONS.outbox),
    ]);
    return { pending, sent: Math.max(0, all - pending - dead), dead };
  }

  async listOutbox(query: { status?: OutboxStatus; limit: number; cursor?: string | null }): Promise<Page<OutboxMessage>> {
    const docs = await this.#run.all<OutboxDoc>(q.listOutbox(query));
    return page(docs, query.limit, toMessage, (m) => [m.nextAttemptAt, m.id]);
  }

  async getOutboxMessage(id: string): Promise<OutboxMessage | null> {
    const doc = await this.#run.one<OutboxDoc>(q.outboxById(id));
    return doc === null ? null : toMessage(doc);
  }

  requeueOutbox(id: string, at: string): Promise<boolean> {
    return this.#run.updateOne(q.requeueOutbox(id, at));
  }
}

export class MongoTimers implements TimerQueue {
  readonly #run: Runner;

  constructor(run: Runner) {
    this.#run = run;
  }

  pendingDeadlines(kind: Kind, id: string, source?: 'state'): Promise<StateDeadline[]>;
  pendingDeadlines(kind: Kind, id: string, source: 'cascade'): Promise<CascadeTask[]>;
  async pendingDeadlines(kind: Kind, id: string, source: TimerSource = 'state'): Promise<Timer[]> {
    return (await this.#run.all<DeadlineDoc>(q.pendingDeadlines(kind, id, source))).map(toTimer);
  }

  async claimDueDeadlines(lease: Lease): Promise<Timer[]> {
    return (await claimUnderLease<DeadlineDoc>(this.#run, DEADLINE_CLAIM, lease)).map(toTimer);
  }

  async claimDeadline(id: string, lease: Omit<Lease, 'limit'>): Promise<Timer | null> {
    const doc = await this.#run.update<DeadlineDoc>(q.claimDeadlineById(id, lease));
    return doc === null ? null : toTimer(doc);
  }

  completeDeadline(id: string, owner: string, at: string): Promise<boolean> {
    return this.#run.updateOne(q.completeClaimedDeadline(id, owner, at));
  }

  releaseDeadline(id: string, owner: string, failure: { error: string; retryAt: string }): Promise<boolean> {
    return this.#run.updateOne(q.releaseDeadline(id, owner, failure));
  }

  releaseDeadlineLeases(owner: string): Promise<number> {
    return this.#run.updateMany(q.releaseDeadlineLeases(owner));
  }
}

export class MongoWebhookDeliveries implements WebhookDeliveryQueue {
  readonly #run: Runner;

  constructor(run: Runner) {
    this.#run = run;
  }

  async claimWebhookDeliveries(lease: WebhookLease): Promise<WebhookDelivery[]> {
    const { perEndpoint } = lease;
    if (perEndpoint === undefined) return (await claimUnderLease<WebhookDeliveryDoc>(this.#run, DELIVERY_CLAIM, lease)).map(toWebhookDelivery);
    return (await this.#claimWithin(lease, perEndpoint)).sort(DELIVERY_CLAIM.order).map(toWebhookDelivery);
  }

  /**
   * A claim within each endpoint's share, as `claimUnderLease` claims (read the candidates, take
   * each with a conditional update) but counting what each endpoint holds and reading past the
   * endpoints that hold their share. Two nodes claiming at the same instant may each count a free
   * slot of one endpoint and both take it: the share can be passed by one per racing node, briefly.
   */
  async #claimWithin(lease: WebhookLease, perEndpoint: number): Promise<WebhookDeliveryDoc[]> {
    const held = new Map<string, number>();
    for (const { endpointId } of await this.#run.all<WebhookDeliveryDoc>(q.heldWebhookDeliveries(lease.now))) held.set(endpointId, (held.get(endpointId) ?? 0) + 1);
    const full = () => [...held].filter(([, n]) => n >= perEndpoint).map(([id]) => id);
    const claimed: WebhookDeliveryDoc[] = [];
    const lost = new Set<string>();
    while (claimed.length < lease.limit) {
      const wanted = { ...lease, limit: lease.limit - claimed.length + lost.size };
      const candidates = (await this.#run.all<WebhookDeliveryDoc>(q.claimableWebhookDeliveries(wanted, full()))).filter((c) => !lost.has(c._id));
      if (candidates.length === 0) break;
      for (const candidate of candidates) {
        const holds = held.get(candidate.endpointId) ?? 0;
        if (claimed.length >= lease.limit || holds >= perEndpoint) continue;
        const taken = await this.#run.update<WebhookDeliveryDoc>(q.claimWebhookDelivery(candidate._id, lease));
        if (taken === null) {
          lost.add(candidate._id);
        } else {
          claimed.push(taken);
          held.set(candidate.endpointId, holds + 1);
        }
      }
    }
    return claimed;
  }

  markWebhookDelivered(id: string, owner: string, result: { at: string; status: number }): Promise<boolean> {
    return this.#run.updateOne(q.markWebhookDelivered(id, owner, result));
  }

  markWebhookFailed(id: string, owner: string, failure: { at: string; error: string; status: number | null; retryAt: string | null }): Promise<boolean> {
    return this.#run.updateOne(q.markWebhookFailed(id, owner, failure));
  }

  releaseWebhookLeases(owner: string): Promise<number> {
    return this.#run.updateMany(q.releaseWebhookLeases(owner));
  }

  async listWebhookDeliveries(query: { endpointId: string; status?: WebhookDeliveryStatus; limit: number; cursor?: string | null }): Promise<Page<WebhookDelivery>> {
    const docs = await this.#run.all<WebhookDeliveryDoc>(q.webhookDeliveriesPage(query));
    return page(docs, query.limit, toWebhookDelivery, (d) => [d.id]);
  }

  async getWebhookDelivery(id: string): Promise<WebhookDelivery | null> {
    const doc = await this.#run.one<WebhookDeliveryDoc>(q.byId(COLLECTIONS.webhookDeliveries, id));
    return doc === null ? null : toWebhookDelivery(doc);
  }

  requeueWebhookDelivery(id: string, at: string): Promise<boolean> {
    return this.#run.updateOne(q.requeueWebhookDelivery(id, at));
  }
}

export class MongoQueueFigures implements QueueFigureStore {
  readonly #run: Runner;

  constructor(run: Runner) {
    this.#run = run;
  }

  /** Each figure one count (or one document) from an index; see `queries.ts`. */
  async queueFigures(now: string): Promise<QueueFigures> {
    const [pending, dead, oldest, due, failing, failingCascades] = await Promise.all([
      this.#run.count(q.outboxOfStatus('pending')),
      this.#run.count(q.outboxOfStatus('dead')),
      this.#run.all<OutboxDoc>(q.oldestPendingOutbox()),
      this.#run.count(q.dueDeadlines(now)),
      this.#run.count(q.failingDeadlines()),
      this.#run.count(q.failingDeadlines('cascade')),
    ]);
    return { outbox: { pending, dead, oldestPendingAt: oldest[0]?.createdAt ?? null }, deadlines: { due, failing, failingCascades } };
  }
}
