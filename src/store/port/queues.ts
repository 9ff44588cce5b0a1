/**
 * The three leased queues a commit fills and the workers drain: the outbox (e-mails), the timers
 * (state deadlines and cascade tasks, in the `deadlines` table) and the webhook deliveries. Each
 * is claimed under a lease, marked done or failed, and its leases given back on a graceful stop.
 */
import type { Kind } from '../../kinds/types.js';
import type { Page } from './page.js';
import type { Notification } from './transition.js';

/** Where an e-mail goes. */
export interface Recipient {
  address: string;
  name: string;
  language: 'en' | 'vi';
  /** Why this recipient hears of it, e.g. `regulator:KR`, `cab`, `importer`. */
  party: string;
}

/** An e-mail about the recipient's own account (not about a workflow instance). */
export interface AccountMail {
  type: 'sign-in-link';
  principalId: string;
  at: string;
  link: string;
  expiresAt: string;
}

export type OutboxStatus = 'pending' | 'sent' | 'dead';

export interface OutboxMessage {
  /** Minted at commit and never changed, so a message re-sent after a crash is recognisable by it. */
  id: string;
  recipient: Recipient;
  /** What happened to a workflow instance; null for an account e-mail. */
  notification: Notification | null;
  /** An e-mail about the recipient's account, when `notification` is null. */
  account?: AccountMail;
  status: OutboxStatus;
  attempts: number;
  /** When it may next be tried, while pending. */
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  /** What the mail server answered when it took the message. */
  response: string | null;
  createdAt: string;
}

/**
 * What a timer is for. A `state` timer is a state's deadline: set when the state is entered,
 * cancelled when it is left, and when due it sends its event to the instance. A `cascade` timer is
 * a cascade's durable task: the fan-out of one transition to other instances, run right after its
 * commit and retried until done; it is never cancelled by a state change.
 *
 * Both are kept in the `deadlines` table (SQLite) or collection (MongoDB), with a `source` column,
 * as older releases wrote them: the stored names stay so those stores open unchanged.
 */
export type TimerSource = 'state' | 'cascade';

interface TimerDraftFields {
  id: string;
  /** The event to send to the instance when due (for a cascade task: the cascade's name). */
  event: string;
  dueAt: string;
  payload?: Record<string, unknown>;
}

/** A state deadline as a commit adds it (the state's entry sets it). */
export interface StateDeadlineDraft extends TimerDraftFields {
  source: 'state';
}

/** A cascade task as a commit adds it (due at once; its payload says what the transition was). */
export interface CascadeTaskDraft extends TimerDraftFields {
  source: 'cascade';
}

/** A timer as a commit adds it: a state deadline or a cascade task, told apart by `source`. */
export type TimerDraft = StateDeadlineDraft | CascadeTaskDraft;

export type TimerStatus = 'pending' | 'done' | 'cancelled';

/** What the store adds to a timer's draft: whose it is and what became of it. */
interface TimerProgress {
  kind: Kind;
  instanceId: string;
  status: TimerStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

/** A state's deadline as stored: cancelled when the instance leaves the state. */
export interface StateDeadline extends StateDeadlineDraft, TimerProgress {}

/** A cascade's fan-out to other instances as stored, run once and retried until done. */
export interface CascadeTask extends CascadeTaskDraft, TimerProgress {}

/** A timer as stored, of one instance: what the scheduler's queue holds; `source` tells which. */
export type Timer = StateDeadline | CascadeTask;

export interface Lease {
  /** Who holds the lease: one node or worker. */
  owner: string;
  now: string;
  /** How long the claim holds before someone else may take the work. */
  leaseMs: number;
  limit: number;
}

/**
 * The timers: state deadlines and cascade tasks, fired by the scheduler under a lease. The methods
 * keep the word "deadline" of the table they read (see `TimerSource`).
 */
export interface TimerQueue {
  /** The instance's pending state deadlines, soonest first. */
  pendingDeadlines(kind: Kind, id: string, source?: 'state'): Promise<StateDeadline[]>;
  /** The instance's pending cascade tasks (started, not yet run to their end), soonest first. */
  pendingDeadlines(kind: Kind, id: string, source: 'cascade'): Promise<CascadeTask[]>;
  /** Takes up to `limit` due timers nobody holds, for `leaseMs`. */
  claimDueDeadlines(lease: Lease): Promise<Timer[]>;
  /** Takes one pending timer by id if nobody holds it, due or not (a cascade task run right after its commit). */
  claimDeadline(id: string, lease: Omit<Lease, 'limit'>): Promise<Timer | null>;
  /** Marks a claimed timer done without a transition: a deadline whose event no longer applied, or a cascade task run to its end. */
  completeDeadline(id: string, owner: string, at: string): Promise<boolean>;
  /** Gives a claimed timer back, to be tried again from `retryAt`. */
  releaseDeadline(id: string, owner: string, failure: { error: string; retryAt: string }): Promise<boolean>;
  /**
   * Gives back every lease `owner` holds on pending timers, attempts unchanged, so another node
   * may claim them at once (a node that stops gracefully). A timer waiting out a failure's
   * backoff is not held by anyone and keeps its wait.
   *
   * @returns how many leases were given back.
   */
  releaseDeadlineLeases(owner: string): Promise<number>;
}

/** What became of one claimed message: handed to the mail server, or a failed attempt. */
export type OutboxResult =
  | { id: string; sent: { at: string; response: string } }
  | { id: string; failed: { at: string; error: string; retryAt: string | null } };

/** The outbox: e-mails written by commits (and account e-mails), sent by the dispatcher under a lease. */
export interface OutboxStore {
  /** Takes up to `limit` pending messages that are due and not held by anyone. */
  claimOutbox(lease: Lease): Promise<OutboxMessage[]>;
  /**
   * Gives back every lease `owner` holds on pending messages, attempts unchanged, so another node
   * may send them at once (a dispatcher that stops gracefully).
   *
   * @returns how many leases were given back.
   */
  releaseOutboxLeases(owner: string): Promise<number>;
  /** Records delivery; false if the lease was lost meanwhile. */
  markSent(id: string, owner: string, result: { at: string; response: string }): Promise<boolean>;
  /** Records a failed attempt: try again at `retryAt`, or give up (`dead`) when it is null. */
  markFailed(id: string, owner: string, failure: { at: string; error: string; retryAt: string | null }): Promise<boolean>;
  /**
   * Records what became of several claimed messages in one write (one transaction, one flush),
   * each as `markSent` or `markFailed` would. A message whose lease `owner` lost meanwhile is left
   * as it is.
   *
   * @returns the ids of the messages whose lease was lost (nothing recorded for them).
   */
  recordOutboxResults(owner: string, results: readonly OutboxResult[]): Promise<string[]>;
  /** How many messages are in each status: from counters kept with every write, or an index count; never by reading the messages. */
  outboxCounts(): Promise<Record<OutboxStatus, number>>;
  listOutbox(query: { status?: OutboxStatus; limit: number; cursor?: string | null }): Promise<Page<OutboxMessage>>;
  /** One message by id, whatever its status; null if there is none. */
  getOutboxMessage(id: string): Promise<OutboxMessage | null>;
  /** Puts a dead message back in the queue, due at `at`. */
  requeueOutbox(id: string, at: string): Promise<boolean>;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'dead';

/** One transition for one endpoint, written in the transition's commit: its id is the `webhook-id`. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  kind: Kind;
  instanceId: string;
  seq: number;
  /** `test-reports.accepted`: the kind and the state entered (or the event, when the state stayed). */
  type: string;
  /** The exact JSON text that is signed and sent, frozen at commit. */
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  /** The HTTP status of the last answer, if there was one. */
  lastStatus: number | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** A delivery as a commit writes it. */
export type WebhookDeliveryDraft = Pick<WebhookDelivery, 'id' | 'endpointId' | 'type' | 'body'>;

/** A delivery with its lease, as a store copy moves it. */
export interface StoredWebhookDelivery extends WebhookDelivery {
  leaseOwner: string | null;
  leaseUntil: string | null;
}

/** What monitoring watches of the queues, as of `now` (GET /metrics). */
export interface QueueFigures {
  outbox: {
    pending: number;
    dead: number;
    /** When the oldest message still pending was written; null when none is. */
    oldestPendingAt: string | null;
  };
  deadlines: {
    /** Pending and due by `now`: the scheduler should be firing them. */
    due: number;
    /** Pending after at least one failed attempt (waiting to be tried again). */
    failing: number;
    /** Of those, cascades (fan-outs to other instances). */
    failingCascades: number;
  };
}

/** What monitoring reads of the queues. */
export interface QueueFigureStore {
  /**
   * The queue figures monitoring scrapes, often (every 15 s or so): each must be answered from an
   * index, never by reading every message or timer.
   */
  queueFigures(now: string): Promise<QueueFigures>;
}

/** A claim of webhook deliveries, with the share one endpoint may hold. */
export interface WebhookLease extends Lease {
  /**
   * At most this many of one endpoint's deliveries are held at once (under a lease that has not
   * run out), by every claimer together: a claim takes none of an endpoint that holds as many
   * already, and passes over them to the next endpoint's. Unbounded when absent.
   */
  perEndpoint?: number;
}

/** The webhook deliveries a commit wrote, delivered by the webhook worker under a lease. */
export interface WebhookDeliveryQueue {
  /** Takes up to `limit` pending deliveries that are due and not held by anyone, in the order they are due, within `perEndpoint`. */
  claimWebhookDeliveries(lease: WebhookLease): Promise<WebhookDelivery[]>;
  /** Records a 2xx answer; false if the lease was lost meanwhile. */
  markWebhookDelivered(id: string, owner: string, result: { at: string; status: number }): Promise<boolean>;
  /** Records a failed attempt: due again at `retryAt`, or `dead` when it is null. */
  markWebhookFailed(id: string, owner: string, failure: { at: string; error: string; status: number | null; retryAt: string | null }): Promise<boolean>;
  /**
   * Gives back every lease `owner` holds on pending deliveries, attempts unchanged (a worker that
   * stops gracefully), so another node may deliver them at once.
   *
   * @returns how many leases were given back.
   */
  releaseWebhookLeases(owner: string): Promise<number>;
  /** An endpoint's deliveries by status, newest first. */
  listWebhookDeliveries(query: { endpointId: string; status?: WebhookDeliveryStatus; limit: number; cursor?: string | null }): Promise<Page<WebhookDelivery>>;
  getWebhookDelivery(id: string): Promise<WebhookDelivery | null>;
  /** Puts a dead delivery back in the queue, due at `at`, attempts from zero; false if it is not dead. */
  requeueWebhookDelivery(id: string, at: string): Promise<boolean>;
}
