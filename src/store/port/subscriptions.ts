/**
 * Subscriptions to transitions (docs/watches-and-webhooks.md): a principal's watches (e-mailed)
 * and an organisation's webhook endpoints (posted to). Their deliveries are a queue (`queues.ts`).
 */
import type { Kind } from '../../kinds/types.js';
import type { Page } from './page.js';

/** What a watch is on: one instance, an equipment model in an importing economy, or a CAB's recognition by an economy. */
export type WatchTarget =
  | { type: 'instance'; kind: Kind; id: string }
  | { type: 'model'; economy: string; manufacturer: string; model: string }
  | { type: 'recognition'; cabId: string; economy: string };

/** A principal's watch: it is e-mailed, in its language, when what it watches changes. */
export interface WatchRecord {
  id: string;
  principalId: string;
  target: WatchTarget;
  /** The target as one string, the same for two equal targets: what transitions are matched by. */
  key: string;
  createdAt: string;
}

/** One signing secret of an endpoint, sealed (encrypted) at rest; `expiresAt` set on the old one during a rotation's overlap. */
export interface WebhookSecret {
  sealed: string;
  createdAt: string;
  expiresAt: string | null;
}

/** An organisation's HTTPS endpoint and the transitions it wants. */
export interface WebhookEndpointRecord {
  id: string;
  /** The organisation it delivers for: every principal of it may manage it. */
  organisation: string;
  /** Who registered it: deliveries carry only what this principal may read. */
  principalId: string;
  url: string;
  kinds: Kind[];
  /** Empty: every economy. */
  economies: string[];
  /** Event types (`ACCEPT`, `CREATE`, …); empty: every event. */
  events: string[];
  secrets: WebhookSecret[];
  createdAt: string;
  disabledAt: string | null;
}

export interface WatchStore {
  /** Adds a watch; DUPLICATE when the principal already watches the same target (same key). */
  putWatch(watch: WatchRecord): Promise<void>;
  /** Removes a watch of `principalId`; false when it has none by that id. */
  deleteWatch(id: string, principalId: string): Promise<boolean>;
  /** A principal's watches, oldest first. */
  listWatches(query: { principalId: string; limit: number; cursor?: string | null }): Promise<Page<WatchRecord>>;
  /** Every watch on any of these keys (a transition's targets). */
  watchesOn(keys: readonly string[]): Promise<WatchRecord[]>;
}

/** An organisation's webhook endpoints; what is delivered to them is the `WebhookDeliveryQueue`. */
export interface WebhookEndpointStore {
  /** Creates or replaces an endpoint (a rotation, a disabling). */
  putWebhookEndpoint(endpoint: WebhookEndpointRecord): Promise<void>;
  getWebhookEndpoint(id: string): Promise<WebhookEndpointRecord | null>;
  /** Endpoints of one organisation (or of all), oldest first; `activeOnly` leaves out disabled ones. */
  listWebhookEndpoints(query: { organisation?: string; activeOnly?: boolean }): Promise<WebhookEndpointRecord[]>;
}
