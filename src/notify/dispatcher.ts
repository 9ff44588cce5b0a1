/**
 * The outbox dispatcher (docs/architecture.md, "E-mail at least once"): every node runs one. It claims due messages
 * under a lease, so nodes sharing a store never work on the same message at once; writes each
 * e-mail, hands it to the transport and marks it sent with the server's reply. A failure is
 * retried with backoff, or ends `dead` (a permanent refusal, or too many attempts) where the
 * admin view shows it. A crash between sending and marking means the message is sent again once
 * its lease runs out: at least once, and the copies share their Message-ID.
 */
import type { Clock } from '../clock.js';
import { backoffDelay, type Backoff } from '../backoff.js';
import type { OutboxMessage, OutboxStore } from '../store/port.js';
import { PollingLoop, silentLog, type BackgroundWorker, type WorkerLog } from '../workers/index.js';
import type { MessageComposer } from './composer.js';
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
  /** Messages claimed at a time. */
  batchSize?: number;
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

const DEFAULT_BATCH = 20;
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

  /** Lets the message in flight finish, then stops; the rest of its batch goes back when the lease ends. */
  async stop(): Promise<void> {
    await this.#loop.stop();
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
      for (const message of batch) {
        if (this.#loop.stopping || clock.now().getTime() > claimedAt + leaseMs - SEND_BUDGET_MS) break;
        await this.#deliver(message, report);
      }
      if (batch.length < batchSize) break;
    }
    return report;
  }

  async #deliver(message: OutboxMessage, report: PassReport): Promise<void> {
    const { outbox, composer, transport, clock, owner, log } = this.#o;
    let response: string;
    try {
      response = await transport.send(await composer.compose(message));
    } catch (error) {
      await this.#failed(message, error, report);
      return;
    }
    // Not inside the try: a store failure here must not count as a failed delivery. The message
    // stays claimed, and is sent again (same Message-ID) when the lease runs out.
    if (await outbox.markSent(message.id, owner, { at: clock.now().toISOString(), response })) {
      report.sent += 1;
    } else {
      report.leaseLost += 1;
      log.warn({ outboxId: message.id }, 'e-mail sent after its lease ran out; another node may send it again, with the same Message-ID');
    }
  }

  async #failed(message: OutboxMessage, error: unknown, report: PassReport): Promise<void> {
    const { outbox, clock, owner, maxAttempts, backoff, random, log } = this.#o;
    const failure = classifyFailure(error);
    const attempts = message.attempts + 1;
    const giveUp = failure.permanent || attempts >= maxAttempts;
    const now = clock.now();
    const retryAt = giveUp ? null : new Date(now.getTime() + backoffDelay(attempts, backoff, random)).toISOString();
    await outbox.markFailed(message.id, owner, { at: now.toISOString(), error: failure.description, retryAt });
    if (giveUp) report.dead += 1;
    else report.retried += 1;
    log.warn(
      { outboxId: message.id, to: message.recipient.address, attempts, error: failure.description, retryAt },
      giveUp ? 'e-mail given up: dead (see the admin outbox view)' : 'e-mail not delivered; will retry',
    );
  }
}
