/**
 * Real SMTP through nodemailer, from `SMTP_URL`. `smtps://` is TLS from the first byte;
 * `smtp://` upgrades with STARTTLS whenever the server offers it, and `?requireTLS=true` refuses
 * to go on without it. Connections are pooled (one per message the dispatcher has in flight) and
 * reused between messages, so a message costs no TCP, TLS or EHLO round trips of its own.
 */
import { createTransport, type Transporter } from 'nodemailer';
import { nodemailerMessage, type MailMessage } from '../mail-message.js';
import type { MailTransport } from './transport.js';

/**
 * Short enough that one stuck server cannot hold a message past its lease (the dispatcher stops
 * starting new sends well before the lease ends); long enough for a slow but working server.
 */
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 } as const;

/** `smtp://user:secret@host:587` -> `smtp://host:587`: safe to log. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//');
  }
}

/** As many as the dispatcher sends at once by default: one connection per message in flight. */
const DEFAULT_CONNECTIONS = 4;

export class SmtpTransport implements MailTransport {
  readonly kind = 'smtp';
  readonly target: string;
  readonly #url: string;
  readonly #maxConnections: number;
  #transporter: Transporter | null = null;

  constructor(url: string, options: { maxConnections?: number } = {}) {
    this.#url = url;
    this.#maxConnections = options.maxConnections ?? DEFAULT_CONNECTIONS;
    this.target = withoutCredentials(url);
  }

  async send(message: MailMessage): Promise<string> {
    this.#transporter ??= createTransport({ url: this.#url, pool: true, maxConnections: this.#maxConnections, ...TIMEOUTS });
    // nodemailer writes the message straight into the connection (pipelining the envelope when the
    // server offers PIPELINING): building it into a buffer first costs a second pass over it.
    const info = (await this.#transporter.sendMail(nodemailerMessage(message))) as { response?: string };
    return info.response ?? '';
  }

  close(): Promise<void> {
    const transporter = this.#transporter;
    this.#transporter = null;
    transporter?.close();
    return Promise.resolve();
  }
}
