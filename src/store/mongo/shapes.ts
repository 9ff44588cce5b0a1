/**
 * The shape of every document the MongoDB store keeps, and the conversions to the port's plain
 * objects. Instants are ISO-8601 UTC strings, as in the port and in SQLite, so they compare in
 * time order as strings and a copy between adapters changes nothing.
 */
import type { Kind } from '../../kinds/types.js';
import type {
  CabRecord,
  EconomyRecord,
  HistoryEntry,
  InstanceRecord,
  OutboxMessage,
  PrincipalRecord,
  RegulationRecord,
  SearchFields,
  SearchText,
  StoredHistory,
  StoredOutboxMessage,
  Timer,
  TimerSource,
  TimerStatus,
} from '../port.js';

/** Collection names, one place. */
export const COLLECTIONS = {
  instances: 'instances',
  uniqueKeys: 'unique_keys',
  history: 'history',
  outbox: 'outbox',
  deadlines: 'deadlines',
  economies: 'economies',
  regulations: 'regulations',
  cabs: 'cabs',
  principals: 'principals',
  sequences: 'sequences',
  apiKeys: 'api_keys',
  signInTokens: 'sign_in_tokens',
  sessions: 'sessions',
  audit: 'audit',
  /** Settings of the store itself, by name: the search-index version it was last indexed by. */
  settings: 'settings',
  watches: 'watches',
  webhookEndpoints: 'webhook_endpoints',
  webhookDeliveries: 'webhook_deliveries',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/** The port's instance record, keyed `kind:id`, with what MongoDB's finds read. */
export interface InstanceDoc extends InstanceRecord {
  /** `kind:id`: one instance per id within a kind. */
  _id: string;
  /** The searchable fields as `field=value` strings, one per value, so `$all` finds every filter at once. */
  fieldKeys: string[];
  /** The free-text fields, folded, and under `*` all of them joined by line breaks (`textOf`). */
  text?: Record<string, string>;
  /** The distinct trigrams of each text field as `field:abc`, and of all as `*:abc` (`textGramsOf`): the index that selects candidates. */
  textGrams?: string[];
}

/** A unique key of an instance (a report number per lab, a designation number): the `_id` enforces it. */
export interface UniqueKeyDoc {
  /** `kind:key` */
  _id: string;
  kind: Kind;
  key: string;
  instanceId: string;
}

/** A history document: the stored history row (the transition record but for its e-mail), keyed `kind:id:seq`. */
export interface HistoryDoc extends StoredHistory {
  /** `kind:id:seq` */
  _id: string;
}

export interface Leased {
  leaseOwner: string | null;
  leaseUntil: string | null;
}

/**
 * One e-mail: the stored outbox message keyed by its id. Unlike SQLite, each message carries its
 * notification, so a claim reads one collection.
 */
export interface OutboxDoc extends Omit<StoredOutboxMessage, 'id'> {
  _id: string;
}

export interface DeadlineDoc extends Leased {
  _id: string;
  kind: Kind;
  instanceId: string;
  event: string;
  dueAt: string;
  source: TimerSource;
  payload?: Record<string, unknown>;
  status: TimerStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  completedAt: string | null;
}

export type EconomyDoc = Omit<EconomyRecord, 'code'> & { _id: string };
export type RegulationDoc = Omit<RegulationRecord, 'id'> & { _id: string };
export type CabDoc = Omit<CabRecord, 'id'> & { _id: string };
export type PrincipalDoc = Omit<PrincipalRecord, 'id'> & { _id: string };
export interface SequenceDoc {
  _id: string;
  value: number;
}

export const instanceKey = (kind: Kind, id: string): string => `${kind}:${id}`;
export const uniqueKeyId = (kind: Kind, key: string): string => `${kind}:${key}`;
export const historyKey = (kind: Kind, id: string, seq: number): string => `${kind}:${id}:${seq}`;

/** `{ economy: ['VN', 'KR'] }` -> `['economy=VN', 'economy=KR']` */
export function fieldKeysOf(fields: SearchFields): string[] {
  return [...new Set(Object.entries(fields).flatMap(([field, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${field}=${v}`)))];
}

/** The text field that holds all of an instance's text, as in SQLite. */
export const ALL_TEXT = '*';

/** The stored text: the fields, and all of them under `*`, joined by a line break, which no folded value contains, so no fragment spans two fields. */
export function textOf(text: SearchText): Record<string, string> {
  const values = Object.values(text);
  return values.length === 0 ? {} : { ...text, [ALL_TEXT]: values.join('\n') };
}

/** The distinct trigrams (of code points) of a folded text. */
export function trigramsOf(value: string): string[] {
  const chars = Array.from(value);
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i += 1) grams.add(chars.slice(i, i + 3).join(''));
  return [...grams];
}

/** `{ model: 'pn-ax' }` -> `['model:pn-', 'model:n-a', 'model:-ax', '*:pn-', …]`: each field's trigrams under its name, and every field's under `*`. */
export function textGramsOf(text: SearchText): string[] {
  const grams = new Set<string>();
  for (const [field, value] of Object.entries(text)) {
    for (const gram of trigramsOf(value)) {
      grams.add(`${field}:${gram}`);
      grams.add(`${ALL_TEXT}:${gram}`);
    }
  }
  return [...grams];
}

export function toInstance(doc: InstanceDoc): InstanceRecord {
  return {
    kind: doc.kind,
    id: doc.id,
    state: doc.state,
    context: doc.context,
    version: doc.version,
    machineVersion: doc.machineVersion,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toHistory(doc: HistoryDoc): HistoryEntry {
  return {
    seq: doc.seq,
    at: doc.at,
    type: doc.type,
    actor: doc.actor,
    from: doc.from,
    to: doc.to,
    payload: doc.payload,
    ...(doc.facts === undefined || doc.facts === null ? {} : { facts: doc.facts }),
    ...(doc.cause === undefined || doc.cause === null ? {} : { cause: doc.cause }),
  };
}

export function toMessage(doc: OutboxDoc): OutboxMessage {
  return {
    id: doc._id,
    recipient: doc.recipient,
    notification: doc.notification,
    ...(doc.account === undefined || doc.account === null ? {} : { account: doc.account }),
    status: doc.status,
    attempts: doc.attempts,
    nextAttemptAt: doc.nextAttemptAt,
    lastError: doc.lastError,
    sentAt: doc.sentAt,
    response: doc.response,
    createdAt: doc.createdAt,
  };
}

/** A document of the `deadlines` collection as the timer it holds (a state deadline or a cascade task). */
export function toTimer(doc: DeadlineDoc): Timer {
  return {
    id: doc._id,
    kind: doc.kind,
    instanceId: doc.instanceId,
    event: doc.event,
    dueAt: doc.dueAt,
    source: doc.source,
    ...(doc.payload === undefined || doc.payload === null ? {} : { payload: doc.payload }),
    status: doc.status,
    attempts: doc.attempts,
    lastError: doc.lastError,
    createdAt: doc.createdAt,
  };
}

/** `{ _id: 'VN', name }` -> `{ code: 'VN', name }`, and the like for every directory record. */
export function fromKeyed<K extends string, T>(doc: { _id: string } & Record<string, unknown>, key: K): T {
  const { _id, __v: _version, ...rest } = doc;
  return { [key]: _id, ...rest } as T;
}

export function toKeyed<T extends object>(record: T, key: keyof T & string): { _id: string } & Record<string, unknown> {
  const { [key]: id, ...rest } = record as Record<string, unknown>;
  return { _id: String(id), ...rest };
}

/** A webhook delivery: the port's row with its id as `_id`, and its lease. */
export interface WebhookDeliveryDoc {
  _id: string;
  endpointId: string;
  kind: Kind;
  instanceId: string;
  seq: number;
  type: string;
  body: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastError: string | null;
  lastStatus: number | null;
  deliveredAt: string | null;
  createdAt: string;
}
