/**
 * E-mail: the outbox dispatcher every node runs, its transports and templates, and the admin
 * view of the outbox. `outboxDispatcher` wires them from the configuration.
 */
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { DirectoryStore, OutboxStore } from '../../store/port.js';
import { MessageComposer } from './composer.js';
import type { WorkerLog } from '../../queue/index.js';
import { OutboxDispatcher } from './dispatcher.js';
import { OutboxAdmin } from './outbox-admin.js';
import { transportFor } from './transports/index.js';

function composerFor(config: Config, store: OutboxStore & DirectoryStore): MessageComposer {
  return new MessageComposer({ directory: store, publicUrl: config.publicUrl, mailFrom: config.mailFrom });
}

/** The dispatcher the configuration asks for: SMTP or `.eml` files, its interval and attempts. */
export function outboxDispatcher(deps: { config: Config; store: OutboxStore & DirectoryStore; clock: Clock; log: WorkerLog; nodeId: string }): OutboxDispatcher {
  const { config, store, clock, log, nodeId } = deps;
  return new OutboxDispatcher({
    outbox: store,
    composer: composerFor(config, store),
    transport: transportFor(config),
    clock,
    owner: `${nodeId}/outbox`,
    intervalMs: config.mailIntervalMs,
    maxAttempts: config.mailMaxAttempts,
    log,
  });
}

/** The admin view of the outbox, writing subjects as the dispatcher would. */
export function outboxAdmin(deps: { config: Config; store: OutboxStore & DirectoryStore; clock: Clock }): OutboxAdmin {
  return new OutboxAdmin({ store: deps.store, clock: deps.clock, composer: composerFor(deps.config, deps.store) });
}

export { MessageComposer } from './composer.js';
export { OutboxDispatcher, type PassReport } from './dispatcher.js';
export { OutboxAdmin, type DeadLetter } from './outbox-admin.js';
export { messageIdFor } from './mail-message.js';
