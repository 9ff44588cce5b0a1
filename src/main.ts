/**
 * `npm start`: reads the configuration, starts the service and keeps it running until SIGINT or
 * SIGTERM. A configuration or seed problem ends the process with its message and exit code 1.
 */
import type { Logger } from 'pino';
import { loadConfig } from './config.js';
import { isAppError } from './errors.js';
import { createLogger } from './logger.js';
import { startService } from './service.js';

async function main(log: Logger): Promise<void> {
  const config = loadConfig();
  log.level = config.logLevel;
  const service = await startService(config, log);
  const counts = await service.store.outboxCounts();
  log.info({ url: service.url, clock: service.clock.now().toISOString(), outbox: counts }, 'MRA engine running; stop with Ctrl-C');
  const shutdown = (signal: string): void => {
    log.info({ signal }, 'stopping');
    service.stop().then(
      () => log.flush(() => process.exit(0)),
      (error: unknown) => {
        log.error({ err: error }, 'failed to stop cleanly');
        log.flush(() => process.exit(1));
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

// The format must be known before the configuration is checked, to report a bad configuration readably.
const format = process.env['LOG_FORMAT'] === 'json' || process.env['LOG_FORMAT'] === 'pretty' ? process.env['LOG_FORMAT'] : null;
const log = createLogger({ level: process.env['LOG_LEVEL'] ?? 'info', format });
main(log).catch((error: unknown) => {
  if (isAppError(error)) log.fatal({ code: error.code }, error.detail);
  else log.fatal({ err: error }, 'start-up failed');
  process.exitCode = 1;
});
