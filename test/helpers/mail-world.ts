/**
 * A test world with e-mail: the engine on a real SQLite file (World), a real SMTP server on
 * loopback, and outbox dispatchers that send to it through the real SMTP transport. Time is the
 * world's manual clock, so backoff and leases are crossed by moving it, never by waiting.
 */
import { MessageComposer, OutboxAdmin, OutboxDispatcher, messageIdFor } from '../../src/effects/mail/index.js';
import type { WorkerLog } from '../../src/queue/index.js';
import { SmtpTransport } from '../../src/effects/mail/transports/index.js';
import { MailServer, type Arrival } from './mail-server.js';
import { World } from './world.js';

export const MAIL_FROM = 'MRA Engine <no-reply@mra.example.gov.vn>';
export const PUBLIC_URL = 'https://mra.example.gov.vn';

/** A log that keeps what the dispatcher said. */
export class KeptLog implements WorkerLog {
  readonly lines: Array<{ level: 'debug' | 'info' | 'warn' | 'error'; message: string; fields: object }> = [];
  debug(fields: object, message: string): void {
    this.lines.push({ level: 'debug', message, fields });
  }
  info(fields: object, message: string): void {
    this.lines.push({ level: 'info', message, fields });
  }
  warn(fields: object, message: string): void {
    this.lines.push({ level: 'warn', message, fields });
  }
  error(fields: object, message: string): void {
    this.lines.push({ level: 'error', message, fields });
  }
}

export class MailWorld {
  readonly composer: MessageComposer;
  readonly admin: OutboxAdmin;
  readonly log = new KeptLog();
  readonly #dispatchers: OutboxDispatcher[] = [];

  private constructor(
    readonly world: World,
    readonly server: MailServer,
    readonly options: { maxAttempts: number; batchSize: number },
  ) {
    this.composer = new MessageComposer({ directory: world.store, publicUrl: PUBLIC_URL, mailFrom: MAIL_FROM });
    this.admin = new OutboxAdmin({ store: world.store, composer: this.composer, clock: world.clock });
  }

  static async create(
    options: { world?: Parameters<typeof World.create>[0]; maxAttempts?: number; batchSize?: number } = {},
  ): Promise<MailWorld> {
    const world = await World.create(options.world);
    const server = await MailServer.start();
    return new MailWorld(world, server, { maxAttempts: options.maxAttempts ?? 10, batchSize: options.batchSize ?? 20 });
  }

  /** A new dispatcher on the world's store, as a freshly started node would have. */
  dispatcher(owner = 'node-a'): OutboxDispatcher {
    const dispatcher = new OutboxDispatcher({
      outbox: this.world.store,
      composer: this.composer,
      transport: new SmtpTransport(this.server.url),
      clock: this.world.clock,
      owner,
      intervalMs: 10,
      maxAttempts: this.options.maxAttempts,
      batchSize: this.options.batchSize,
      log: this.log,
    });
    this.#dispatchers.push(dispatcher);
    return dispatcher;
  }

  /** Where the arrivals stand now; `since(mark)` gives the ones after it. */
  mark(): number {
    return this.server.arrivals.length;
  }

  since(mark: number): Arrival[] {
    return this.server.arrivals.slice(mark);
  }

  /** The Message-ID every outbox message must carry. */
  messageId(outboxId: string): string {
    return messageIdFor(outboxId, MAIL_FROM);
  }

  async close(): Promise<void> {
    await Promise.all(this.#dispatchers.map((d) => d.stop()));
    await this.server.close();
    await this.world.close();
  }
}
