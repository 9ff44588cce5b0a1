/**
 * A real SMTP server (smtp-server) on loopback, port 0, that parses every message it takes with
 * mailparser. A test decides how it answers each recipient: accept, or refuse with a reply code
 * (451 "try later", 550 "no such mailbox"), and may act when a message arrives.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface Arrival {
  /** Envelope recipients. */
  to: string[];
  /** Whether the connection was TLS (implicit, or upgraded with STARTTLS). */
  secure: boolean;
  /** The user the client authenticated as, if any. */
  user: string | undefined;
  raw: Buffer;
  mail: ParsedMail;
}

/** How the server answers a recipient: null accepts it. */
export type Answer = { code: number; message: string } | null;

export class MailServer {
  readonly arrivals: Arrival[] = [];
  /** Asked at RCPT TO for every recipient. Accepts everything unless a test says otherwise. */
  answer: (address: string) => Answer = () => null;
  /**
   * Called once a message is fully received and parsed, before the server says 250; answering
   * `false` leaves the client without a reply (as if the connection died at that moment).
   */
  onArrival: (arrival: Arrival) => boolean = () => true;
  /**
   * Connection errors the server reported, such as a client killed in the middle of a
   * transaction (ECONNRESET). A real server logs them and goes on; unheard, Node would throw them.
   */
  readonly connectionErrors: Error[] = [];
  readonly #server: SMTPServer;

  private constructor(options: SMTPServerOptions) {
    this.#server = new SMTPServer({
      authOptional: true,
      logger: false,
      ...options,
      onRcptTo: (address, _session, callback) => {
        const answer = this.answer(address.address);
        if (answer === null) return callback();
        callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then(
            (mail) => {
              const arrival: Arrival = {
                to: session.envelope.rcptTo.map((r) => r.address),
                secure: session.secure,
                user: typeof session.user === 'string' ? session.user : undefined,
                raw,
                mail,
              };
              this.arrivals.push(arrival);
              if (this.onArrival(arrival)) callback();
            },
            (error: unknown) => callback(error as Error),
          );
        });
      },
    });
    this.#server.on('error', (error: Error) => this.connectionErrors.push(error));
  }

  /** Starts a server; `secure` for implicit TLS, otherwise STARTTLS is offered only if `starttls`. */
  static async start(options: SMTPServerOptions & { starttls?: boolean } = {}): Promise<MailServer> {
    const { starttls = false, ...rest } = options;
    const server = new MailServer({ ...(starttls || rest.secure ? {} : { disabledCommands: ['STARTTLS'] }), ...rest });
    await new Promise<void>((resolve) => server.#server.listen(0, '127.0.0.1', resolve));
    return server;
  }

  get port(): number {
    return (this.#server.server.address() as AddressInfo).port;
  }

  /** `smtp://127.0.0.1:<port>` */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The arrivals' Message-IDs, in order of arrival (a duplicate shows twice). */
  messageIds(): string[] {
    return this.arrivals.map((a) => a.mail.messageId ?? '');
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
