/**
 * `npm start`: reads the configuration, starts the service and keeps it running until SIGINT or
 * SIGTERM. A configuration or seed problem ends the process with its message and exit code 1.
 */
import { pino } from 'pino';
import { loadConfig } from './config.js';
import { isAppError } from './errors.js';
import { startService } from './service.js';

const log = pino({ level: process.env['LOG_LEVEL'] ?? 'info', base: { service: 'mra-engine' } });

async function main(): Promise<void> {
  const config = loadConfig();
  log.level = config.logLevel;
  const service = await startService(config, log);
  const counts = await service.store.outboxCounts();
  log.info({ url: service.url, clock: service.clock.now().toISOString(), outbox: counts }, 'MRA engine running; stop with Ctrl-C');
  const shutdown = (signal: string): void => {
    log.info({ signal }, 'stopping');
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (isAppError(error)) log.fatal({ code: error.code }, error.detail);
  else log.fatal({ err: error }, 'start-up failed');
  process.exitCode = 1;
});
