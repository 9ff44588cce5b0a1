/**
 * The outbox dispatcher (docs/architecture.md, "E-mail at least once"): every node runs one. It claims due messages
 * under a lease, so nodes sharing a store never work on the same message at once; writes each
 * e-mail, hands it to the transport and records it sent with the server's reply. A failure is
 * retried with backoff, or ends `dead` (a permanent refusal, or too many attempts) where the
 * admin view shows it. A batch is sent a few messages at a time and its results are recorded in
 * one write. A crash between sending and recording means the batch's messages are sent again once
 * their lease runs out: at least once, and the copies share their Message-ID.
 */
import type { Clock } from '../../clock.js';
import { backoffDelay, type Backoff } from '../../backoff.js';
import type { OutboxMessage, OutboxResult, OutboxStore } from '../../store/port.js';
import { PollingLoop, silentLog, type BackgroundWorker, type WorkerLog } from '../../queue/index.js';
import type { MessageComposer } from './composer.js';
import type { MailMessage } from './mail-message.js';
import { DEFAULT_BACKOFF, classifyFailure } from './retry-policy.js';
import type { MailTransport } from './transports/index.js';

export interface DispatcherOptions {
  outbox: OutboxStore;
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
  backoff?: Backoff;
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

const DEFAULT_BATCH = 100;
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_LEASE_MS = 5 * 60_000;
/** No send starts later than this before the lease ends: the transport's timeouts fit in it. */
const SEND_BUDGET_MS = 2 * 60_000;

export class OutboxDispatcher implements BackgroundWorker {
  readonly name = 'outbox-dispatcher';
  readonly #o: Required<Omit<DispatcherOptions, 'log'>> & { log: WorkerLog };
  readonly #loop: PollingLoop<PassReport>;

  constructor(options: DispatcherOptions) {
    this.#o = {
      batchSize: DEFAULT_BATCH,
      concurrency: DEFAULT_CONCURRENCY,
      leaseMs: DEFAULT_LEASE_MS,
      backoff: DEFAULT_BACKOFF,
      random: Math.random,
      ...options,
      log: options.log ?? silentLog,
    };
    this.#loop = new PollingLoop({
      pass: () => this.#pass(),
      intervalMs: this.#o.intervalMs,
      log: this.#o.log,
      onPass: (report) => {
        if (report.claimed > 0) this.#o.log.info({ ...report }, 'outbox pass');
      },
      failureMessage: 'outbox pass failed; trying again at the next interval',
    });
  }

  /** Starts polling: a pass at once, then one every `intervalMs` after the previous pass ends. */
  start(): void {
    const { transport, log } = this.#o;
    log.info(
      { transport: transport.kind, target: transport.target },
      transport.kind === 'smtp' ? `e-mail is sent through ${transport.target}` : `e-mail is written as .eml files in ${transport.target} (SMTP_URL is unset)`,
    );
    this.#loop.start();
  }

  /**
   * Lets the messages in flight finish and records them, then stops, and gives back the leases
   * on the rest of its batch, so another node sends them at once rather than after the lease.
   */
  async stop(): Promise<void> {
    await this.#loop.stop();
    const released = await this.#o.outbox.releaseOutboxLeases(this.#o.owner);
    if (released > 0) this.#o.log.info({ released }, 'outbox leases given back');
    await this.#o.transport.close();
  }

  /** One pass: sends every message that is due now, batch after batch. Passes never overlap. */
  runOnce(): Promise<PassReport> {
    return this.#loop.runOnce();
  }

  async #pass(): Promise<PassReport> {
    const { outbox, clock, owner, leaseMs, batchSize } = this.#o;
    const report: PassReport = { claimed: 0, sent: 0, retried: 0, dead: 0, leaseLost: 0 };
    while (!this.#loop.stopping) {
      const claimedAt = clock.now().getTime();
      const batch = await outbox.claimOutbox({ owner, now: new Date(claimedAt).toISOString(), leaseMs, limit: batchSize });
      report.claimed += batch.length;
      const results = await this.#sendBatch(batch, claimedAt + leaseMs - SEND_BUDGET_MS);
      await this.#record(results, report);
      if (batch.length < batchSize) break;
    }
    return report;
  }

  /**
   * Sends a claimed batch, `concurrency` messages at a time (the SMTP pool's connections), and
   * answers what became of each one that was tried. The directory is read once for the batch;
   * each message is written just before it is sent, so writing one overlaps sending others. No
   * send starts after `lastStart`, so every one ends inside the lease; the rest stay claimed and
   * are sent once the lease runs out.
   */
  async #sendBatch(batch: readonly OutboxMessage[], lastStart: number): Promise<OutboxResult[]> {
    const { clock, concurrency, composer } = this.#o;
    const results: OutboxResult[] = [];
    // A directory that cannot be read fails each message as its own compose would, to be retried.
    const write = await composer.forBatch(batch).catch((error: unknown) => (): MailMessage => {
      throw error;
    });
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < batch.length && !this.#loop.stopping && clock.now().getTime() <= lastStart) {
        const message = batch[next++]!;
        results.push(await this.#deliver(message, write));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
    return results;
  }

  async #deliver(message: OutboxMessage, write: (message: OutboxMessage) => MailMessage): Promise<OutboxResult> {
    const { transport, clock } = this.#o;
    try {
      const response = await transport.send(write(message));
      return { id: message.id, sent: { at: clock.now().toISOString(), response } };
    } catch (error) {
      return { id: message.id, failed: this.#failure(message, error) };
    }
  }

  /**
   * One write for the whole batch's results. A store failure here is not a failed delivery: the
   * messages stay claimed, and are sent again (same Message-ID) when the lease runs out.
   */
  async #record(results: readonly OutboxResult[], report: PassReport): Promise<void> {
    if (results.length === 0) return;
    const { outbox, owner, log } = this.#o;
    const lost = new Set(await outbox.recordOutboxResults(owner, results));
    for (const result of results) {
      if (lost.has(result.id)) {
        report.leaseLost += 1;
        log.warn({ outboxId: result.id }, 'e-mail tried after its lease ran out; another node may send it again, with the same Message-ID');
      } else if ('sent' in result) report.sent += 1;
      else if (result.failed.retryAt === null) report.dead += 1;
      else report.retried += 1;
    }
  }

  #failure(message: OutboxMessage, error: unknown): { at: string; error: string; retryAt: string | null } {
    const { clock, maxAttempts, backoff, random, log } = this.#o;
    const failure = classifyFailure(error);
    const attempts = message.attempts + 1;
    const giveUp = failure.permanent || attempts >= maxAttempts;
    const now = clock.now();
    const retryAt = giveUp ? null : new Date(now.getTime() + backoffDelay(attempts, backoff, random)).toISOString();
    log.warn(
      { outboxId: message.id, to: message.recipient.address, attempts, error: failure.description, retryAt },
      giveUp ? 'e-mail given up: dead (see the admin outbox view)' : 'e-mail not delivered; will retry',
    );
    return { at: now.toISOString(), error: failure.description, retryAt };
  }
}
