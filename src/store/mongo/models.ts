/**
 * The mongoose schemas of the store's collections. They validate every document written
 * (required fields, enumerations) and cast filters; they do not version documents (`versionKey`
 * off: the instance's own `version` is the compare-and-swap, done by `findOneAndUpdate`), build
 * no index (`autoIndex` off: see `indexes.ts`) and keep empty objects (`minimize` off: an empty
 * payload is still a payload).
 *
 * Every free-form (Mixed) value is stored as its JSON form (`storedJson`), so MongoDB keeps
 * exactly what the SQLite store keeps as JSON text: a key whose value is `undefined` is left out
 * (the driver would write it as `null` inside an update's `$set`), a `Date` becomes its ISO text
 * and a non-finite number `null`. The setter runs wherever mongoose casts a write (a new document,
 * `insertMany`, the `$set` of an update, a replacement), so no write of the adapter escapes it.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { KINDS, PRINCIPAL_ROLES } from '../../kinds/types.js';
import { COLLECTIONS, type CollectionName } from './shapes.js';

const { Mixed } = Schema.Types;

/** A free-form value as JSON keeps it, the form the SQLite store reads back (see above). */
export function storedJson(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** A free-form value, stored as its JSON form. */
const json = { type: Mixed, set: storedJson } as const;
const text = { type: String, required: true } as const;
const optionalText = { type: String } as const;
const nullableText = { type: String, default: null } as const;
const count = { type: Number, required: true, min: 0 } as const;
const kind = { type: String, required: true, enum: KINDS } as const;
const language = { type: String, required: true, enum: ['en', 'vi'] } as const;
const object = { ...json, required: true } as const;

function schema(collection: CollectionName, paths: Record<string, unknown>): Schema {
  return new Schema(
    { _id: text, ...paths },
    { collection, versionKey: false, autoIndex: false, autoCreate: false, minimize: false, strict: 'throw', timestamps: false },
  );
}

const leased = { leaseOwner: nullableText, leaseUntil: nullableText };

/** Every collection's schema, by collection name. */
export const SCHEMAS: Readonly<Record<CollectionName, Schema>> = {
  instances: schema(COLLECTIONS.instances, {
    kind,
    id: text,
    state: text,
    context: object,
    version: { type: Number, required: true, min: 1 },
    machineVersion: { type: Number, required: true, min: 1 },
    createdAt: text,
    updatedAt: text,
    fieldKeys: { type: [String], default: [] },
    text: json,
    textGrams: { type: [String], default: undefined },
  }),
  unique_keys: schema(COLLECTIONS.uniqueKeys, { kind, key: text, instanceId: text }),
  history: schema(COLLECTIONS.history, {
    kind,
    instanceId: text,
    seq: { type: Number, required: true, min: 1 },
    at: text,
    type: text,
    actor: object,
    from: nullableText,
    to: text,
    payload: object,
    facts: json,
    cause: json,
  }),
  outbox: schema(COLLECTIONS.outbox, {
    // A workflow kind, or `account` for an account e-mail (a sign-in link), whose seq is 0.
    kind: { type: String, required: true, enum: [...KINDS, 'account'] },
    instanceId: text,
    seq: { type: Number, required: true, min: 0 },
    recipient: {
      type: new Schema({ address: text, name: text, language, party: text }, { _id: false, strict: 'throw' }),
      required: true,
    },
    notification: { ...json, default: null },
    account: json,
    status: { type: String, required: true, enum: ['pending', 'sent', 'dead'] },
    attempts: count,
    nextAttemptAt: text,
    ...leased,
    lastError: nullableText,
    sentAt: nullableText,
    response: nullableText,
    createdAt: text,
  }),
  deadlines: schema(COLLECTIONS.deadlines, {
    kind,
    instanceId: text,
    event: text,
    dueAt: text,
    source: { type: String, required: true, enum: ['state', 'cascade'] },
    payload: json,
    status: { type: String, required: true, enum: ['pending', 'done', 'cancelled'] },
    attempts: count,
    ...leased,
    lastError: nullableText,
    createdAt: text,
    completedAt: nullableText,
  }),
  economies: schema(COLLECTIONS.economies, { name: text, nameVi: optionalText }),
  regulations: schema(COLLECTIONS.regulations, {
    economy: text,
    title: optionalText,
    titleVi: optionalText,
    retiredAt: optionalText,
    supersededBy: optionalText,
    acceptedUntil: optionalText,
  }),
  cabs: schema(COLLECTIONS.cabs, {
    name: text,
    economy: text,
    type: { type: String, required: true, enum: ['lab', 'certification_body'] },
    email: text,
    language,
  }),
  principals: schema(COLLECTIONS.principals, {
    name: text,
    role: { type: String, required: true, enum: PRINCIPAL_ROLES },
    economy: optionalText,
    cabId: optionalText,
    email: text,
    // The address folded as SQLite folds it, for the look-up by address (principals.ts).
    emailKey: text,
    language,
    organisation: text,
    serves: { type: [String], default: undefined },
    createdAt: optionalText,
    disabledAt: optionalText,
  }),
  sequences: schema(COLLECTIONS.sequences, { value: { type: Number, required: true, min: 1 } }),
  api_keys: schema(COLLECTIONS.apiKeys, {
    principalId: text,
    name: text,
    prefix: text,
    hash: text,
    hashScheme: { type: String, required: true, enum: ['hmac-sha256', 'sha256'] },
    createdAt: text,
    expiresAt: nullableText,
    lastUsedAt: nullableText,
    revokedAt: nullableText,
  }),
  // `expireAt` is `expiresAt` as a date, which MongoDB's TTL index needs to remove the expired ones (access.ts).
  sign_in_tokens: schema(COLLECTIONS.signInTokens, { principalId: text, createdAt: text, expiresAt: text, expireAt: { type: Date, required: true }, usedAt: nullableText }),
  sessions: schema(COLLECTIONS.sessions, { principalId: nullableText, data: object, expiresAt: text, expireAt: { type: Date, required: true } }),
  audit: schema(COLLECTIONS.audit, {
    at: text,
    actor: object,
    action: text,
    organisation: text,
    principalId: text,
    keyId: optionalText,
    details: json,
  }),
  settings: schema(COLLECTIONS.settings, { value: text }),
  watches: schema(COLLECTIONS.watches, { principalId: text, target: object, key: text, createdAt: text }),
  webhook_endpoints: schema(COLLECTIONS.webhookEndpoints, {
    organisation: text,
    principalId: text,
    url: text,
    kinds: { type: [String], default: [] },
    economies: { type: [String], default: [] },
    events: { type: [String], default: [] },
    secrets: { type: [Mixed], set: storedJson, default: [] },
    createdAt: text,
    disabledAt: nullableText,
  }),
  webhook_deliveries: schema(COLLECTIONS.webhookDeliveries, {
    endpointId: text,
    kind,
    instanceId: text,
    seq: { type: Number, required: true, min: 1 },
    type: text,
    body: text,
    status: { type: String, required: true, enum: ['pending', 'delivered', 'dead'] },
    attempts: count,
    nextAttemptAt: text,
    ...leased,
    lastError: nullableText,
    lastStatus: { type: Number, default: null },
    deliveredAt: nullableText,
    createdAt: text,
  }),
};

export type Models = Readonly<Record<CollectionName, Model<Record<string, unknown>>>>;

/** The store's models on one connection (models are per connection, so two stores never share one). */
export function defineModels(connection: Connection): Models {
  return Object.fromEntries(
    Object.entries(SCHEMAS).map(([name, s]) => [name, connection.model<Record<string, unknown>>(name, s, name)]),
  ) as unknown as Models;
}
