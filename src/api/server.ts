/** Listening and stopping: the only place that opens a port. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface RunningServer {
  url: string;
  /** Stops taking connections and waits for the requests in hand. */
  close(): Promise<void>;
}

export function listen(app: Express, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(port, (error?: Error) => {
      if (error) {
        reject(error);
        return;
      }
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://localhost:${bound}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((closeError) => (closeError ? fail(closeError) : done()));
            server.closeIdleConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
