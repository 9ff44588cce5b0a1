/**
 * The indexes of the MongoDB store: one list, created by `npm run db:indexes` and checked at
 * start-up, never left to mongoose's `autoIndex` (building an index on a live collection is an
 * operator's decision, and the application should not take it on every start). Each serves the
 * queries of `queries.ts` by the Equality, Sort, Range rule; a test checks every query against
 * this list. `_id` is indexed by MongoDB itself.
 */
import { BLOB_COLLECTIONS, type BlobCollectionName } from './blob-queries.js';
import { COLLECTIONS, type CollectionName } from './shapes.js';

export interface IndexSpec {
  collection: CollectionName | BlobCollectionName;
  name: string;
  key: Record<string, 1 | -1>;
  unique?: boolean;
  /** A TTL index: MongoDB removes a document this long after the date the key holds. */
  expireAfterSeconds?: number;
}

export const INDEXES: readonly IndexSpec[] = [
  { collection: COLLECTIONS.instances, name: 'instances_by_kind', key: { kind: 1, createdAt: 1, id: 1 } },
  { collection: COLLECTIONS.instances, name: 'instances_by_state', key: { kind: 1, state: 1, createdAt: 1, id: 1 } },
  { collection: COLLECTIONS.instances, name: 'instances_by_field', key: { kind: 1, fieldKeys: 1, createdAt: 1, id: 1 } },
  { collection: COLLECTIONS.instances, name: 'instances_by_field_and_state', key: { kind: 1, fieldKeys: 1, state: 1, createdAt: 1, id: 1 } },
  // Free text: one trigram of the longest fragment bounds the scan; the others, the fields and the
  // fragments themselves filter what it fetches (queries.ts, `findInstances`).
  { collection: COLLECTIONS.instances, name: 'instances_by_text', key: { kind: 1, textGrams: 1, createdAt: 1, id: 1 } },
  { collection: COLLECTIONS.uniqueKeys, name: 'unique_keys_by_instance', key: { kind: 1, instanceId: 1 } },
  { collection: COLLECTIONS.history, name: 'history_by_instance', key: { kind: 1, instanceId: 1, seq: 1 }, unique: true },
  { collection: COLLECTIONS.outbox, name: 'outbox_due', key: { status: 1, nextAttemptAt: 1, _id: 1, leaseUntil: 1 } },
  { collection: COLLECTIONS.outbox, name: 'outbox_by_due_time', key: { nextAttemptAt: 1, _id: 1 } },
  { collection: COLLECTIONS.outbox, name: 'outbox_by_lease', key: { status: 1, leaseOwner: 1 } },
  { collection: COLLECTIONS.outbox, name: 'outbox_by_age', key: { status: 1, createdAt: 1 } },
  { collection: COLLECTIONS.deadlines, name: 'deadlines_due', key: { status: 1, dueAt: 1, _id: 1, leaseUntil: 1 } },
  { collection: COLLECTIONS.deadlines, name: 'deadlines_by_lease', key: { status: 1, leaseOwner: 1 } },
  { collection: COLLECTIONS.deadlines, name: 'deadlines_failing', key: { status: 1, source: 1, attempts: 1 } },
  { collection: COLLECTIONS.deadlines, name: 'deadlines_by_instance', key: { kind: 1, instanceId: 1, status: 1, source: 1, dueAt: 1, _id: 1 } },
  { collection: COLLECTIONS.regulations, name: 'regulations_by_economy', key: { economy: 1, _id: 1 } },
  { collection: COLLECTIONS.cabs, name: 'cabs_by_economy', key: { economy: 1, _id: 1 } },
  { collection: COLLECTIONS.principals, name: 'principals_by_role', key: { role: 1, _id: 1 } },
  { collection: COLLECTIONS.principals, name: 'principals_by_organisation', key: { organisation: 1, _id: 1 } },
  { collection: COLLECTIONS.principals, name: 'principals_by_economy', key: { economy: 1, _id: 1 } },
  { collection: COLLECTIONS.principals, name: 'principals_by_organisation_economy', key: { organisation: 1, economy: 1, _id: 1 } },
  { collection: COLLECTIONS.apiKeys, name: 'api_keys_by_hash', key: { hash: 1 }, unique: true },
  { collection: COLLECTIONS.apiKeys, name: 'api_keys_by_principal', key: { principalId: 1, createdAt: 1, _id: 1 } },
  { collection: COLLECTIONS.apiKeys, name: 'api_keys_by_scheme', key: { hashScheme: 1, createdAt: 1, _id: 1 } },
  { collection: COLLECTIONS.sessions, name: 'sessions_by_principal', key: { principalId: 1 } },
  // As SQLite: the look-up by address on the address folded as NOCASE folds it (principals.ts), and
  // expired sessions and sign-in tokens removed, here by MongoDB itself at their `expireAt` (access.ts).
  { collection: COLLECTIONS.principals, name: 'principals_by_email_key', key: { emailKey: 1, _id: 1 } },
  { collection: COLLECTIONS.sessions, name: 'sessions_expire', key: { expireAt: 1 }, expireAfterSeconds: 0 },
  { collection: COLLECTIONS.signInTokens, name: 'sign_in_tokens_expire', key: { expireAt: 1 }, expireAfterSeconds: 0 },
  { collection: COLLECTIONS.audit, name: 'audit_by_organisation', key: { organisation: 1, _id: -1 } },
  // A principal watches one target once.
  { collection: COLLECTIONS.watches, name: 'watches_by_principal_key', key: { principalId: 1, key: 1 }, unique: true },
  { collection: COLLECTIONS.watches, name: 'watches_by_principal', key: { principalId: 1, createdAt: 1, _id: 1 } },
  { collection: COLLECTIONS.watches, name: 'watches_by_key', key: { key: 1, createdAt: 1 } },
  { collection: COLLECTIONS.webhookEndpoints, name: 'webhook_endpoints_by_organisation', key: { organisation: 1, createdAt: 1, _id: 1 } },
  { collection: COLLECTIONS.webhookEndpoints, name: 'webhook_endpoints_by_status', key: { disabledAt: 1, createdAt: 1, _id: 1 } },
  { collection: COLLECTIONS.webhookEndpoints, name: 'webhook_endpoints_by_age', key: { createdAt: 1, _id: 1 } },
  // endpointId last: a claim within each endpoint's share reads past the endpoints that hold theirs on the index alone.
  { collection: COLLECTIONS.webhookDeliveries, name: 'webhook_deliveries_due', key: { status: 1, nextAttemptAt: 1, _id: 1, leaseUntil: 1, endpointId: 1 } },
  { collection: COLLECTIONS.webhookDeliveries, name: 'webhook_deliveries_by_lease', key: { status: 1, leaseOwner: 1 } },
  { collection: COLLECTIONS.webhookDeliveries, name: 'webhook_deliveries_by_endpoint', key: { endpointId: 1, _id: -1 } },
  { collection: COLLECTIONS.webhookDeliveries, name: 'webhook_deliveries_by_endpoint_status', key: { endpointId: 1, status: 1, _id: -1 } },
];

/**
 * The file bucket's (`gridfs-blobs.ts`, bucket `documents`). The first two are the ones GridFS
 * needs, under the names the driver gives them when it creates them on a first upload into an
 * empty bucket: listed here so the start-up check sees them missing on a database restored or
 * copied without them. The others serve the sweep (`blob-queries.ts`).
 */
export const BLOB_INDEXES: readonly IndexSpec[] = [
  { collection: BLOB_COLLECTIONS.files, name: 'filename_1_uploadDate_1', key: { filename: 1, uploadDate: 1 } },
  { collection: BLOB_COLLECTIONS.chunks, name: 'files_id_1_n_1', key: { files_id: 1, n: 1 }, unique: true },
  { collection: BLOB_COLLECTIONS.files, name: 'documents_files_by_kept_at', key: { 'metadata.keptAt': 1, uploadDate: 1 } },
  { collection: BLOB_COLLECTIONS.uploads, name: 'documents_uploads_by_start', key: { startedAt: 1 } },
];

/** The indexes a collection should have that `present` (names from `listIndexes`) lacks. */
export function missingIndexes(collection: IndexSpec['collection'], present: readonly string[]): IndexSpec[] {
  return [...INDEXES, ...BLOB_INDEXES].filter((index) => index.collection === collection && !present.includes(index.name));
}
