/**
 * A webhook receiver on loopback (port 0) that is slow on purpose, as the security probe's was:
 * it reads the request, then either answers 204 after `holdMs`, or trickles its answer a byte
 * every `tickMs` for as long as the sender stays (`trickle-body`: the status at once, then the
 * body; `trickle-status`: the status line itself, byte by byte). It never falls silent, so only a
 * total deadline ends such an exchange. It counts the requests open at once, and keeps when each
 * began and when its connection was let go.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SlowMode = 'hold' | 'trickle-body' | 'trickle-status';

export interface SlowRequest {
  webhookId: string;
  startedAt: number;
  /** When the connection was let go (by either side); null while it is open. */
  endedAt: number | null;
}

export class SlowReceiver {
  mode: SlowMode = 'hold';
  /** How long `hold` waits before its 204. */
  holdMs = 0;
  readonly requests: SlowRequest[] = [];
  open = 0;
  maxOpen = 0;
  readonly #server: Server;
  readonly #tickMs: number;

  private constructor(server: Server, tickMs: number) {
    this.#server = server;
    this.#tickMs = tickMs;
  }

  static async start(tickMs = 100): Promise<SlowReceiver> {
    const server = createServer();
    const receiver = new SlowReceiver(server, tickMs);
    server.on('request', (request, response) => {
      const seen: SlowRequest = { webhookId: String(request.headers['webhook-id']), startedAt: performance.now(), endedAt: null };
      receiver.requests.push(seen);
      receiver.open += 1;
      receiver.maxOpen = Math.max(receiver.maxOpen, receiver.open);
      let timer: NodeJS.Timeout | undefined;
      response.on('close', () => {
        clearTimeout(timer);
        clearInterval(timer);
        seen.endedAt = performance.now();
        receiver.open -= 1;
      });
      request.resume();
      request.on('end', () => {
        const mode = receiver.mode;
        if (mode === 'hold') {
          timer = setTimeout(() => response.writeHead(204).end(), receiver.holdMs);
          return;
        }
        const bytes = mode === 'trickle-status' ? Buffer.from('HTTP/1.1 200 OK\r\n') : null;
        if (mode === 'trickle-body') response.writeHead(200, { 'content-type': 'text/plain' }).flushHeaders();
        let sent = 0;
        timer = setInterval(() => {
          if (bytes === null) response.write('.');
          else if (sent < bytes.length) request.socket.write(bytes.subarray(sent, (sent += 1)));
          else request.socket.write('X');
        }, receiver.#tickMs);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/slow-hooks`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
