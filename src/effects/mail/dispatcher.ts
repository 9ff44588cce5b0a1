/**
 * The outbox dispatcher (docs/architecture.md, "E-mail at least once"): every node runs one, a
 * leased-queue worker (`src/queue/`) over the outbox. This file is the outbox as a queue: claim
 * due messages, write each e-mail and hand it to the transport (the work), record a batch's
 * results in one write (`recordOutboxResults`). A failure is retried with backoff, or ends `dead`
 * (a permanent refusal, or too many attempts) where the admin view shows it. A crash between
 * sending and recording means the batch's messages are sent again once their lease runs out: at
 * least once, and the copies share their Message-ID.
 */
import type { Clock } from '../../clock.js';
import type { OutboxMessage, OutboxResult, OutboxStore } from '../../store/port.js';
import { LeasedQueueWorker, onSettled, silentLog, type Attempt, type BackgroundWorker, type LeasedQueue, type Outcome, type PassTally, type RetryPolicy, type Settled, type WorkerLog } from '../../queue/index.js';
import type { MessageComposer } from './composer.js';
import type { MailMessage } from './mail-message.js';
import { DEFAULT_RETRY, classifyFailure } from './retry-policy.js';
import type { MailTransport } from './transports/index.js';

/** The part of the store the dispatcher uses. */
export type OutboxQueueStore = Pick<OutboxStore, 'claimOutbox' | 'recordOutboxResults' | 'releaseOutboxLeases'>;

export interface DispatcherOptions {
  outbox: OutboxQueueStore;
  composer: MessageComposer;
  transport: MailTransport;
  clock: Clock;
  /** Names this dispatcher in the leases it takes; unique per node. */
  owner: string;
  /** The pause between two passes over the outbox. */
  intervalMs: number;
  /** Failed attempts after which a message is given up as `dead`. */
  maxAttempts: number;
  /** Messages claimed at a time; their results are recorded in one write. */
  batchSize?: number;
  /** Messages of a batch in flight at once (match the SMTP transport's pooled connections). */
  concurrency?: number;
  /** How long a claim holds before another node may take the message. */
  leaseMs?: number;
  /** The delays between attempts; `DEFAULT_RETRY` unless given. */
  backoff?: Omit<RetryPolicy, 'maxAttempts'>;
  random?: () => number;
  log?: WorkerLog;
}

/** What one pass did. */
export interface PassReport {
  claimed: number;
  sent: number;
  /** Failed, to be tried again later. */
  retried: number;
  /** Failed for good. */
  dead: number;
  /** Sent, but the lease had gone to another node meanwhile: that node may send it again. */
  leaseLost: number;
}

/** What the transport answered for a message it took. */
interface Sent {
  response: string;
}

const DEFAULT_BATCH = 100;
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_LEASE_MS = 5 * 60_000;
/** No send starts later than this before the lease ends: the transport's timeouts fit in it. */
const SEND_BUDGET_MS = 2 * 60_000;

/** The outbox as a leased queue: the store's claim and one-write record, and the work of one message (compose, send). */
export function outboxQueue(outbox: OutboxQueueStore, composer: MessageComposer, transport: MailTransport, log: WorkerLog): LeasedQueue<OutboxMessage, Sent> {
  return {
    claim: (lease) => outbox.claimOutbox(lease),
    // The directory is read once for the batch; each message is written just before it is sent,
    // so writing one overlaps sending others. A directory that cannot be read fails each message
    // as its own compose would, to be retried.
    forBatch: async (batch): Promise<Attempt<OutboxMessage, Sent>> => {
      const write = await composer.forBatch(batch).catch((error: unknown) => (): MailMessage => {
        throw error;
      });
      return async (message): Promise<Outcome<Sent>> => {
        try {
          return { kind: 'done', result: { response: await transport.send(write(message)) } };
        } catch (error) {
          return classifyFailure(error);
        }
      };
    },
    record: (owner, settled) => {
      for (const one of settled) logFailure(log, one);
      return outbox.recordOutboxResults(owner, settled.map(outboxResult));
    },
    releaseLeases: (owner) => outbox.releaseOutboxLeases(owner),
  };
}

function outboxResult(settled: Settled<OutboxMessage, Sent>): OutboxResult {
  return onSettled<OutboxMessage, Sent, OutboxResult>(settled, {
    done: ({ item, at, result }) => ({ id: item.id, sent: { at, response: result.response } }),
    retry: ({ item, at, detail, retryAt }) => ({ id: item.id, failed: { at, error: detail, retryAt } }),
    dead: ({ item, at, detail }) => ({ id: item.id, failed: { at, error: detail, retryAt: null } }),
  });
}

function logFailure(log: WorkerLog, settled: Settled<OutboxMessage, Sent>): void {
  onSettled<OutboxMessage, Sent, void>(settled, {
    done: () => undefined,
    retry: ({ item, attempts, detail, retryAt }) =>
      log.warn({ outboxId: item.id, to: item.recipient.address, attempts, error: detail, retryAt }, 'e-mail not delivered; will retry'),
    dead: ({ item, attempts, detail }) =>
      log.warn({ outboxId: item.id, to: item.recipient.address, attempts, error: detail, retryAt: null }, 'e-mail given up: dead (see the admin outbox view)'),
  });
}

/** Counts a pass in the outbox's words; a message recorded after its lease was lost is only `leaseLost`. */
function outboxTally(log: WorkerLog): PassTally<OutboxMessage, Sent, PassReport> {
  return {
    empty: () => ({ claimed: 0, sent: 0, retried: 0, dead: 0, leaseLost: 0 }),
    claimed: (report, count) => void (report.claimed += count),
    add: (report, settled, leaseLost) => {
      if (leaseLost) {
        report.leaseLost += 1;
        log.warn({ outboxId: settled.item.id }, 'e-mail tried after its lease ran out; another node may send it again, with the same Message-ID');
        return;
      }
      onSettled<OutboxMessage, Sent, void>(settled, {
        done: () => void (report.sent += 1),
        retry: () => void (report.retried += 1),
        dead: () => void (report.dead += 1),
      });
    },
  };
}

export class OutboxDispatcher implements BackgroundWorker {
  readonly name = 'outbox-dispatcher';
  readonly #worker: LeasedQueueWorker<OutboxMessage, Sent, PassReport>;
  readonly #transport: MailTransport;
  readonly #log: WorkerLog;

  constructor(options: DispatcherOptions) {
    const log = options.log ?? silentLog;
    this.#transport = options.transport;
    this.#log = log;
    this.#worker = new LeasedQueueWorker({
      name: this.name,
      queue: outboxQueue(options.outbox, options.composer, options.transport, log),
      tally: outboxTally(log),
      thrown: (error) => classifyFailure(error),
      clock: options.clock,
      owner: options.owner,
      intervalMs: options.intervalMs,
      leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
      batchSize: options.batchSize ?? DEFAULT_BATCH,
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      attemptBudgetMs: SEND_BUDGET_MS,
      drain: 'while-full',
      policy: { ...(options.backoff ?? DEFAULT_RETRY), maxAttempts: options.maxAttempts },
      ...(options.random ? { random: options.random } : {}),
      log,
      failureMessage: 'outbox pass failed; trying again at the next interval',
      releasedMessage: 'outbox leases given back',
      onPass: (report) => {
        if (report.claimed > 0) log.info({ ...report }, 'outbox pass');
      },
    });
  }

  /** Starts polling: a pass at once, then one every `intervalMs` after the previous pass ends. */
  start(): void {
    const transport = this.#transport;
    this.#log.info(
      { transport: transport.kind, target: transport.target },
      transport.kind === 'smtp' ? `e-mail is sent through ${transport.target}` : `e-mail is written as .eml files in ${transport.target} (SMTP_URL is unset)`,
    );
    this.#worker.start();
  }

  /**
   * Lets the messages in flight finish and records them, then stops, and gives back the leases
   * on the rest of its batch, so another node sends them at once rather than after the lease.
   */
  async stop(): Promise<void> {
    await this.#worker.stop();
    await this.#transport.close();
  }

  /** One pass: sends every message that is due now, batch after batch. Passes never overlap. */
  runOnce(): Promise<PassReport> {
    return this.#worker.runOnce();
  }
}
