/** Listening and stopping: the only place that opens a port. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface RunningServer {
  url: string;
  /** Stops taking connections and waits for the requests in hand. */
  close(): Promise<void>;
}

/** Listens on `port` (0: any free one), on every interface unless `host` names one. */
export function listen(app: Express, port: number, host?: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const started = (error?: Error): void => {
      if (error) {
        reject(error);
        return;
      }
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://${host ?? 'localhost'}:${bound}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((closeError) => (closeError ? fail(closeError) : done()));
            server.closeIdleConnections();
          }),
      });
    };
    const server: Server = host === undefined ? app.listen(port, started) : app.listen(port, host, started);
    server.once('error', reject);
  });
}
