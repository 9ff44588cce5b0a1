/**
 * Webhooks (docs/watches-and-webhooks.md): the address policy, the endpoints the API manages and
 * the dispatcher every node runs, wired from the configuration.
 */
import type { Clock } from '../../clock.js';
import { DEVELOPMENT_KEY_SECRET, type Config } from '../../config.js';
import type { InstanceStore, WebhookDeliveryQueue, WebhookEndpointStore } from '../../store/port.js';
import type { WorkerLog } from '../../queue/index.js';
import { AddressPolicy, type Resolver } from './address-policy.js';
import { WebhookDispatcher } from './dispatcher.js';
import { WebhookEndpoints } from './endpoints.js';
import { SecretBox } from './signing.js';

export interface WebhookDeps {
  config: Config;
  store: WebhookEndpointStore & WebhookDeliveryQueue & InstanceStore;
  clock: Clock;
  /** Resolves endpoint host names; the system's resolver unless a test gives its own. */
  resolver?: Resolver;
}

export interface WebhookParts {
  policy: AddressPolicy;
  box: SecretBox;
  endpoints: WebhookEndpoints;
}

export function webhookParts(deps: WebhookDeps): WebhookParts {
  const { config, store, clock } = deps;
  const policy = new AddressPolicy({
    allowLoopback: config.webhooks.allowLoopback,
    allowedNetworks: config.webhooks.allowedNetworks,
    ...(deps.resolver ? { resolver: deps.resolver } : {}),
  });
  const box = new SecretBox(config.keySecret ?? DEVELOPMENT_KEY_SECRET);
  return { policy, box, endpoints: new WebhookEndpoints({ store, policy, box, clock, timeoutMs: config.webhooks.timeoutMs }) };
}

export function webhookDispatcher(parts: WebhookParts, deps: WebhookDeps & { log: WorkerLog; nodeId: string }): WebhookDispatcher {
  const { config } = deps;
  return new WebhookDispatcher({
    store: deps.store,
    policy: parts.policy,
    box: parts.box,
    clock: deps.clock,
    owner: `${deps.nodeId}/webhooks`,
    intervalMs: config.webhooks.intervalMs,
    maxAttempts: config.webhooks.maxAttempts,
    backoff: { baseMs: config.webhooks.retryMs, maxMs: 3_600_000 },
    timeoutMs: config.webhooks.timeoutMs,
    concurrency: config.webhooks.concurrency,
    perEndpoint: config.webhooks.perEndpoint,
    log: deps.log,
  });
}

export { AddressPolicy, type Resolver } from './address-policy.js';
export { WebhookDispatcher } from './dispatcher.js';
export { WebhookEndpoints, endpointView } from './endpoints.js';
export { SecretBox, signedHeaders } from './signing.js';
