/**
 * A webhook receiver on loopback (port 0), as a customs system would run one: it verifies every
 * request with the `standardwebhooks` library, keeps what it received by `webhook-id` (so a
 * repeated delivery is counted once, as a receiver dedupes), and can be told to answer another
 * status for a while (an outage) or to redirect.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export class WebhookReceiver {
  readonly requests: Received[] = [];
  /** Verified deliveries by webhook-id (each once). */
  readonly byId = new Map<string, unknown>();
  /** What the next requests are answered; 204 unless told otherwise. */
  answer: { status: number; location?: string } = { status: 204 };
  secrets: string[] = [];
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        receiver.requests.push({ headers: request.headers, body });
        const { status, location } = receiver.answer;
        if (status >= 200 && status < 300) {
          const verified = receiver.verify(body, request.headers);
          if (verified === null) {
            response.writeHead(400).end();
            return;
          }
          receiver.byId.set(String(request.headers['webhook-id']), verified);
        }
        response.writeHead(status, location ? { location } : {}).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/mra-hooks`;
  }

  /** The payload if any of the receiver's secrets verifies it; null otherwise. */
  verify(body: string, headers: IncomingHttpHeaders): unknown {
    const plain = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)]));
    for (const secret of this.secrets) {
      try {
        return new Webhook(secret).verify(body, plain);
      } catch {
        // try the next secret
      }
    }
    return null;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
