/**
 * E-mail: the outbox dispatcher every node runs, its transports and templates, and the admin
 * view of the outbox. `outboxDispatcher` wires them from the configuration.
 */
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Store } from '../store/port.js';
import { MessageComposer } from './composer.js';
import { OutboxDispatcher, type WorkerLog } from './dispatcher.js';
import { transportFor } from './transports/index.js';

/** The dispatcher the configuration asks for: SMTP or `.eml` files, its interval and attempts. */
export function outboxDispatcher(deps: { config: Config; store: Store; clock: Clock; log: WorkerLog; nodeId: string }): OutboxDispatcher {
  const { config, store, clock, log, nodeId } = deps;
  return new OutboxDispatcher({
    outbox: store,
    composer: new MessageComposer({ directory: store, publicUrl: config.publicUrl, mailFrom: config.mailFrom }),
    transport: transportFor(config),
    clock,
    owner: `${nodeId}/outbox`,
    intervalMs: config.mailIntervalMs,
    maxAttempts: config.mailMaxAttempts,
    log,
  });
}

export { MessageComposer } from './composer.js';
export { OutboxDispatcher, type PassReport, type WorkerLog } from './dispatcher.js';
export { OutboxAdmin, type DeadLetter } from './outbox-admin.js';
export { messageIdFor } from './mail-message.js';
