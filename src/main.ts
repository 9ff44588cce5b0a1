/**
 * `npm start`: reads the configuration, starts the service and keeps it running until SIGINT or
 * SIGTERM. A configuration or seed problem ends the process with its message and exit code 1.
 */
import type { Logger } from 'pino';
import { loadConfig, startupLogging } from './config.js';
import { isAppError } from './errors.js';
import { createLogger } from './logger.js';
import { startService } from './service.js';

/** How long a stop may take before the process exits anyway: orchestrators kill at 10 s or later. */
const STOP_GRACE_MS = 8_000;

async function main(log: Logger): Promise<void> {
  const config = loadConfig();
  log.level = config.logLevel;
  const service = await startService(config, log);
  // The queue figures monitoring reads: index lookups bounded by the backlog, whatever the store's size.
  const { outbox } = await service.store.queueFigures(service.clock.now().toISOString());
  log.info({ url: service.url, clock: service.clock.now().toISOString(), outbox }, 'MRA engine running; stop with Ctrl-C');
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      log.flush(() => process.exit(1));
      return;
    }
    stopping = true;
    log.info({ signal }, 'stopping');
    // Work in hand gets STOP_GRACE_MS to finish; whatever is left is under a lease or not yet
    // committed, so exiting then loses nothing acknowledged.
    setTimeout(() => {
      log.error({ graceMs: STOP_GRACE_MS }, 'did not stop in time; exiting');
      log.flush(() => process.exit(1));
    }, STOP_GRACE_MS).unref();
    service.stop().then(
      () => log.flush(() => process.exit(0)),
      (error: unknown) => {
        log.error({ err: error }, 'failed to stop cleanly');
        log.flush(() => process.exit(1));
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

// The level and format must be known before the configuration is checked, to report a bad configuration readably.
const log = createLogger(startupLogging());
main(log).catch((error: unknown) => {
  if (isAppError(error)) log.fatal({ code: error.code }, error.detail);
  else log.fatal({ err: error }, 'start-up failed');
  process.exitCode = 1;
});
