/**
 * The persistence port: what the engine, the dispatcher and the scheduler need from storage,
 * named for their needs. Everything is asynchronous and plain data (JSON-serialisable objects,
 * ISO-8601 UTC strings for instants), so an embedded SQLite adapter and a MongoDB adapter can
 * both implement it and pass one contract suite (`test/contract/`).
 *
 * Failures a caller can act on are `AppError`s: `VERSION_CONFLICT` when a commit's expected
 * version is stale, `DUPLICATE` when an id or a unique key is taken, `DEADLINE_HANDLED` when the
 * deadline a commit completes was completed already (another node fired it first).
 */
import type { Actor, Kind, PrincipalRole } from '../kinds/types.js';

/** A workflow instance as stored: its machine state, its data and its version. */
export interface InstanceRecord {
  kind: Kind;
  id: string;
  state: string;
  /** The machine's context: the instance's data. */
  context: Record<string, unknown>;
  /** Starts at 1 on creation; each commit adds one. */
  version: number;
  /** The version of the machine that wrote this record. */
  machineVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** One transition, as history shows it. `seq` equals the instance version it produced. */
export interface HistoryEntry {
  seq: number;
  at: string;
  /** The event; `CREATE` for the creation. */
  type: string;
  actor: Actor;
  from: string | null;
  to: string;
  payload: Record<string, unknown>;
  /** What the engine found out before deciding (e.g. a lab's recognition on a test date). */
  facts?: Record<string, unknown>;
  /** Why the system acted: the deadline that fired or the transition that cascaded. */
  cause?: Record<string, unknown>;
}

/** Where an e-mail goes. */
export interface Recipient {
  address: string;
  name: string;
  language: 'en' | 'vi';
  /** Why this recipient hears of it, e.g. `regulator:KR`, `cab`, `importer`. */
  party: string;
}

/**
 * Everything needed to write the e-mail about one transition, frozen at commit time. Its event,
 * states, instant, actor, payload and cause are the transition's history entry's (an adapter may
 * keep them once, there); `data` and `deadlines` are the instance's after the transition.
 */
export interface Notification {
  kind: Kind;
  instanceId: string;
  seq: number;
  event: string;
  from: string | null;
  to: string;
  at: string;
  actor: Actor;
  payload: Record<string, unknown>;
  data: Record<string, unknown>;
  /** The deadlines pending after the transition. */
  deadlines: Array<{ type: string; dueAt: string }>;
  cause?: Record<string, unknown>;
}

export type OutboxStatus = 'pending' | 'sent' | 'dead';

export interface OutboxMessage {
  /** Minted at commit and never changed, so a message re-sent after a crash is recognisable by it. */
  id: string;
  recipient: Recipient;
  /** What happened to a workflow instance; null for an account e-mail. */
  notification: Notification | null;
  /** An e-mail about the recipient's account, when `notification` is null. */
  account?: AccountMail;
  status: OutboxStatus;
  attempts: number;
  /** When it may next be tried, while pending. */
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  /** What the mail server answered when it took the message. */
  response: string | null;
  createdAt: string;
}

/** `state` deadlines are set and cleared by the states; `cascade` ones carry a fan-out to run. */
export type DeadlineSource = 'state' | 'cascade';

export interface DeadlineDraft {
  id: string;
  /** The event to send to the instance when due (for a cascade: the cascade's name). */
  event: string;
  dueAt: string;
  source: DeadlineSource;
  payload?: Record<string, unknown>;
}

export type DeadlineStatus = 'pending' | 'done' | 'cancelled';

export interface Deadline extends DeadlineDraft {
  kind: Kind;
  instanceId: string;
  status: DeadlineStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

/** Values of an instance's searchable fields; a list matches any of its items. */
export type SearchFields = Record<string, string | string[]>;

/**
 * Free-text fields of an instance, name -> text, already folded (`src/search/fold.ts`: no case,
 * no accents, đ as d). An adapter indexes them for substring look-ups (SQLite: FTS5 trigrams).
 */
export type SearchText = Record<string, string>;

/**
 * A free-text condition: `fragment` (folded, at least 3 characters) occurs somewhere in the
 * named text field, or in any of the instance's text fields when `field` is absent.
 */
export interface TextCondition {
  field?: string;
  fragment: string;
}

/**
 * One transition's whole effect, written atomically: all of it or none of it.
 * `expectedVersion` 0 creates the instance; otherwise the instance must be at that version.
 */
export interface Commit {
  kind: Kind;
  id: string;
  expectedVersion: number;
  state: string;
  context: Record<string, unknown>;
  machineVersion: number;
  at: string;
  /** Replaces the searchable fields; omitted when they did not change. */
  fields?: SearchFields;
  /** Keys that must be unique within the kind; replaces the previous set. Omitted when unchanged. */
  uniqueKeys?: string[];
  /** Replaces the free-text fields; omitted when they did not change. */
  text?: SearchText;
  history: Omit<HistoryEntry, 'seq'>;
  /** The transition's e-mail: one notification, one outbox message per recipient. */
  outbox: { notification: Notification; messages: Array<{ id: string; recipient: Recipient }> };
  deadlines: {
    /** Cancel the instance's pending `state` deadlines (the state was left). */
    cancelStateDeadlines: boolean;
    add: DeadlineDraft[];
    /** The deadline whose firing this commit is: completed here; the commit fails with `DEADLINE_HANDLED` if it already was. */
    complete?: string;
  };
  /** One delivery per webhook endpoint that wants this transition (none when omitted). */
  webhooks?: WebhookDeliveryDraft[];
}

/**
 * Fault injection an adapter may accept for tests (never set in production): the same hook in
 * every adapter, so a test of "a crash mid-commit leaves nothing behind" reads the same for each.
 */
export interface CommitFaults {
  /** Called inside the transaction after every write, before it ends: throwing aborts the commit. */
  beforeCommitEnds?: (commit: Commit) => void;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * What to find. Every condition must hold, and an adapter answers from an index, never by reading
 * every instance of the kind: the longest `text` fragment (else the first `where` field, else the
 * kind and states) selects the candidates, the others filter them; so a caller names its most
 * selective field first (a report number before an economy).
 */
export interface FindQuery {
  states?: readonly string[];
  /** Field -> value; all must match. */
  where?: Readonly<Record<string, string>>;
  /** Free-text conditions; all must match. */
  text?: readonly TextCondition[];
  /**
   * `oldest` (the default) first, or `newest` first: by creation time and id, or with `text` in
   * the index order, the other way round; a page's cursor goes on in the same direction.
   */
  order?: FindOrder;
  limit: number;
  cursor?: string | null;
}

export type FindOrder = 'oldest' | 'newest';

export interface Lease {
  /** Who holds the lease: one node or worker. */
  owner: string;
  now: string;
  /** How long the claim holds before someone else may take the work. */
  leaseMs: number;
  limit: number;
}

/** How a bulk load records its e-mails: as sent at `at`, with `response` in place of a server's answer. */
export interface MailAlreadySent {
  at: string;
  response: string;
}

export interface InstanceStore {
  /** Writes a creation or a transition with everything it implies, atomically. */
  commit(commit: Commit): Promise<void>;
  /**
   * Writes many commits in one transaction, all or none: the first refusal (a duplicate, a
   * version conflict) is thrown and nothing of the batch is written. For a bulk load
   * (`npm run load`); with `mailSent`, the commits' outbox messages are written already sent,
   * never to be claimed by a dispatcher.
   *
   * @example await store.commitMany(plans.map((p) => p.commit), { mailSent: { at, response: 'not sent: loaded in bulk' } })
   */
  commitMany(commits: readonly Commit[], options?: { mailSent?: MailAlreadySent }): Promise<void>;
  load(kind: Kind, id: string): Promise<InstanceRecord | null>;
  /**
   * Instances of a kind, filtered by state, searchable fields and free text: oldest first (or
   * newest first, `order`), or with `text`, in the adapter's index order (SQLite: the order their
   * text was indexed, which is creation order unless the text changed; MongoDB: creation order).
   * The cursor is the adapter's own.
   */
  find(kind: Kind, query: FindQuery): Promise<Page<InstanceRecord>>;
  /** History entries, oldest first, after `afterSeq`. */
  history(kind: Kind, id: string, options: { afterSeq?: number; limit: number }): Promise<Page<HistoryEntry>>;
}

/** An instance's search index entries, as the current code computes them from its data. */
export interface SearchIndexEntry {
  /** The version the entries were computed from: the instance must still be at it. */
  version: number;
  fields: SearchFields;
  uniqueKeys: string[];
  text: SearchText;
}

/**
 * Re-indexing without a transition (`src/engine/reindex.ts`): when the code's search or text
 * definitions change, every stored instance's index entries are rewritten at start-up, and the
 * store records which definitions it was indexed by.
 */
export interface SearchIndexStore {
  /**
   * Replaces the instance's searchable fields, unique keys and free text with `entry`, in one
   * write, without history, e-mail or a new version: only while the instance is still at
   * `entry.version`. Fails with `DUPLICATE` (nothing changed) when another instance holds one of
   * the keys.
   *
   * @returns false when the instance is gone or has moved on (its transition indexed it anew).
   */
  reindex(kind: Kind, id: string, entry: SearchIndexEntry): Promise<boolean>;
  /** The search-index version the store was last indexed by; null when it never was (an older release's store, a copy). */
  searchIndexVersion(): Promise<string | null>;
  recordSearchIndexVersion(version: string): Promise<void>;
}

export interface DeadlineStore {
  /** The instance's pending deadlines of `source` (default `state`), soonest first. */
  pendingDeadlines(kind: Kind, id: string, source?: DeadlineSource): Promise<Deadline[]>;
  /** Takes up to `limit` due deadlines nobody holds, for `leaseMs`. */
  claimDueDeadlines(lease: Lease): Promise<Deadline[]>;
  /** Takes one pending deadline by id if nobody holds it, due or not (a cascade run right after its commit). */
  claimDeadline(id: string, lease: Omit<Lease, 'limit'>): Promise<Deadline | null>;
  /** Marks a claimed deadline done without a transition (its event no longer applied). */
  completeDeadline(id: string, owner: string, at: string): Promise<boolean>;
  /** Gives a claimed deadline back, to be tried again from `retryAt`. */
  releaseDeadline(id: string, owner: string, failure: { error: string; retryAt: string }): Promise<boolean>;
  /**
   * Gives back every lease `owner` holds on pending deadlines, attempts unchanged, so another node
   * may claim them at once (a node that stops gracefully). A deadline waiting out a failure's
   * backoff is not held by anyone and keeps its wait.
   *
   * @returns how many leases were given back.
   */
  releaseDeadlineLeases(owner: string): Promise<number>;
}

/** What became of one claimed message: handed to the mail server, or a failed attempt. */
export type OutboxResult =
  | { id: string; sent: { at: string; response: string } }
  | { id: string; failed: { at: string; error: string; retryAt: string | null } };

export interface OutboxStore {
  /** Takes up to `limit` pending messages that are due and not held by anyone. */
  claimOutbox(lease: Lease): Promise<OutboxMessage[]>;
  /**
   * Gives back every lease `owner` holds on pending messages, attempts unchanged, so another node
   * may send them at once (a dispatcher that stops gracefully).
   *
   * @returns how many leases were given back.
   */
  releaseOutboxLeases(owner: string): Promise<number>;
  /** Records delivery; false if the lease was lost meanwhile. */
  markSent(id: string, owner: string, result: { at: string; response: string }): Promise<boolean>;
  /** Records a failed attempt: try again at `retryAt`, or give up (`dead`) when it is null. */
  markFailed(id: string, owner: string, failure: { at: string; error: string; retryAt: string | null }): Promise<boolean>;
  /**
   * Records what became of several claimed messages in one write (one transaction, one flush),
   * each as `markSent` or `markFailed` would. A message whose lease `owner` lost meanwhile is left
   * as it is.
   *
   * @returns the ids of the messages whose lease was lost (nothing recorded for them).
   */
  recordOutboxResults(owner: string, results: readonly OutboxResult[]): Promise<string[]>;
  /** How many messages are in each status: from counters kept with every write, or an index count; never by reading the messages. */
  outboxCounts(): Promise<Record<OutboxStatus, number>>;
  listOutbox(query: { status?: OutboxStatus; limit: number; cursor?: string | null }): Promise<Page<OutboxMessage>>;
  /** One message by id, whatever its status; null if there is none. */
  getOutboxMessage(id: string): Promise<OutboxMessage | null>;
  /** Puts a dead message back in the queue, due at `at`. */
  requeueOutbox(id: string, at: string): Promise<boolean>;
}

export interface EconomyRecord {
  code: string;
  name: string;
  nameVi?: string;
}

export interface RegulationRecord {
  id: string;
  economy: string;
  title?: string;
  titleVi?: string;
  retiredAt?: string;
  supersededBy?: string;
}

export interface CabRecord {
  id: string;
  name: string;
  economy: string;
  type: 'lab' | 'certification_body';
  email: string;
  language: 'en' | 'vi';
}

export interface PrincipalRecord {
  id: string;
  name: string;
  role: PrincipalRole;
  economy?: string;
  cabId?: string;
  /**
   * Whom the principal acts for: the regulator, authority, body or importer (an id shared by its
   * officers), or the CAB (its id). Two officers of one body are two principals of one organisation.
   */
  organisation: string;
  /** Economies besides its own whose CABs an accreditation body may accredit. */
  serves?: string[];
  email: string;
  language: 'en' | 'vi';
  createdAt?: string;
  /** Set when disabled: the principal's keys and sessions stop working; history keeps its name. */
  disabledAt?: string;
}

/** An API key: minted by a principal for its own machines; the key itself is never stored. */
export interface ApiKeyRecord {
  id: string;
  principalId: string;
  /** What the owner calls it, e.g. "LIMS uploader". */
  name: string;
  /** Public start of the key, shown in lists and logs to tell keys apart. */
  prefix: string;
  /** Keyed hash of the key, hex (`src/auth/key-hash.ts`). */
  hash: string;
  /** `sha256` for a digest written by an older release, re-keyed at start-up; otherwise `hmac-sha256`. */
  hashScheme: 'hmac-sha256' | 'sha256';
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A one-time sign-in link's token, stored as its hash until used or expired. */
export interface SignInTokenRecord {
  hash: string;
  principalId: string;
  createdAt: string;
  expiresAt: string;
}

/** A web session: express-session's data for one cookie, until `expiresAt`. */
export interface SessionRecord {
  id: string;
  principalId: string | null;
  data: Record<string, unknown>;
  expiresAt: string;
}

/** One change to principals or keys: who did what to whom, and when. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; name?: string; organisation?: string };
  /** e.g. `principal.created`, `principal.disabled`, `key.minted`, `key.revoked`. */
  action: string;
  /** The organisation whose principal or key changed: it may read the entry. */
  organisation: string;
  principalId: string;
  keyId?: string;
  details?: Record<string, unknown>;
}

/** An e-mail about the recipient's own account (not about a workflow instance). */
export interface AccountMail {
  type: 'sign-in-link';
  principalId: string;
  at: string;
  link: string;
  expiresAt: string;
}

/** Reference data: economies, technical regulations, CABs and the principals who act. */
export interface DirectoryStore {
  /** True when nothing has been loaded yet (start-up seeds only an empty store). */
  isEmpty(): Promise<boolean>;
  putEconomy(economy: EconomyRecord): Promise<void>;
  listEconomies(): Promise<EconomyRecord[]>;
  getEconomy(code: string): Promise<EconomyRecord | null>;
  putRegulation(regulation: RegulationRecord): Promise<void>;
  getRegulations(ids: readonly string[]): Promise<RegulationRecord[]>;
  listRegulations(query: { economy?: string }): Promise<RegulationRecord[]>;
  /** Creates or replaces a CAB. */
  putCab(cab: CabRecord): Promise<void>;
  getCab(id: string): Promise<CabRecord | null>;
  listCabs(query: { economy?: string; limit: number; cursor?: string | null }): Promise<Page<CabRecord>>;
  /** Creates or replaces a principal, and appends `audit` in the same write when given. */
  putPrincipal(principal: PrincipalRecord, audit?: AuditEntry): Promise<void>;
  getPrincipal(id: string): Promise<PrincipalRecord | null>;
  /** The principal with this e-mail address (case-insensitive), enabled ones first; null if none. */
  principalByEmail(email: string): Promise<PrincipalRecord | null>;
  /**
   * Enabled principals (disabled ones hear of nothing), of a role and/or of an organisation, in
   * any of the economies if given.
   */
  findPrincipals(query: { role?: PrincipalRole; organisation?: string; economies?: readonly string[] }): Promise<PrincipalRecord[]>;
  /** Principals, disabled ones included, by id; filtered by organisation and/or economy. */
  listPrincipals(query: { organisation?: string; economy?: string; limit: number; cursor?: string | null }): Promise<Page<PrincipalRecord>>;
  /** The next number of a named sequence (designation numbers), from 1; gaps are possible. */
  nextSequence(name: string): Promise<number>;
}

/** API keys, sign-in tokens, web sessions and the audit trail of principals and keys. */
export interface AccessStore {
  /** Creates or replaces a key, and appends `audit` in the same write when given. */
  putApiKey(key: ApiKeyRecord, audit?: AuditEntry): Promise<void>;
  getApiKey(id: string): Promise<ApiKeyRecord | null>;
  apiKeyByHash(hash: string): Promise<ApiKeyRecord | null>;
  /** A principal's keys (or, with `hashScheme`, every key stored with that scheme), oldest first. */
  listApiKeys(query: { principalId?: string; hashScheme?: ApiKeyRecord['hashScheme'] }): Promise<ApiKeyRecord[]>;
  /** Records a use of the key; callers throttle it (it is not a write per request). */
  touchApiKey(id: string, at: string): Promise<void>;
  putSignInToken(token: SignInTokenRecord): Promise<void>;
  /** Takes a token once: answers it and deletes it if it exists and has not expired at `at`. */
  consumeSignInToken(hash: string, at: string): Promise<SignInTokenRecord | null>;
  /** A session unless it has expired at `at`. */
  getSession(id: string, at: string): Promise<SessionRecord | null>;
  putSession(session: SessionRecord): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Ends every session of a principal (it was disabled). */
  deleteSessionsOf(principalId: string): Promise<void>;
  /** Entries newest first, of one organisation or of all. */
  listAudit(query: { organisation?: string; limit: number; cursor?: string | null }): Promise<Page<AuditEntry>>;
  /** Queues an account e-mail (a sign-in link) in the outbox, sent and retried like any other. */
  queueAccountMail(message: { id: string; recipient: Recipient; mail: AccountMail }): Promise<void>;
}

/** An instance with what only the store sees: its searchable fields (each as a list) and unique keys. */
export interface StoredInstance extends InstanceRecord {
  fields: Record<string, string[]>;
  uniqueKeys: string[];
}

export interface StoredHistory extends HistoryEntry {
  kind: Kind;
  instanceId: string;
}

/** An outbox message with its place in history and its lease. */
export interface StoredOutboxMessage extends OutboxMessage {
  /** A workflow kind, or `account` for an account e-mail (its instanceId is the principal, seq 0). */
  kind: Kind | 'account';
  instanceId: string;
  seq: number;
  leaseOwner: string | null;
  leaseUntil: string | null;
}

export interface StoredDeadline extends Deadline {
  leaseOwner: string | null;
  leaseUntil: string | null;
  completedAt: string | null;
}

/** Every table of a store, by the name `exportRows` and `importRows` use, with its row. */
export interface StoreRows {
  instances: StoredInstance;
  history: StoredHistory;
  outbox: StoredOutboxMessage;
  deadlines: StoredDeadline;
  economies: EconomyRecord;
  regulations: RegulationRecord;
  cabs: CabRecord;
  principals: PrincipalRecord;
  sequences: { name: string; value: number };
  /** Web sessions and sign-in tokens are not copied: they are short-lived, people sign in again. */
  api_keys: ApiKeyRecord;
  audit: AuditEntry;
  watches: WatchRecord;
  webhook_endpoints: WebhookEndpointRecord;
  webhook_deliveries: StoredWebhookDelivery;
}

export type StoreTable = keyof StoreRows;

/** In the order a copy writes them: history before the outbox that refers to it. */
export const STORE_TABLES: readonly StoreTable[] = [
  'economies',
  'regulations',
  'cabs',
  'principals',
  'api_keys',
  'audit',
  'sequences',
  'instances',
  'history',
  'outbox',
  'deadlines',
  'watches',
  'webhook_endpoints',
  'webhook_deliveries',
];

/** Everything a store holds, read and written a page at a time, to move a store from one adapter to another. */
export interface TransferStore {
  /** A page of a table's rows in the adapter's own stable order; every row exactly once across the pages. */
  exportRows<T extends StoreTable>(table: T, page: { limit: number; cursor?: string | null }): Promise<Page<StoreRows[T]>>;
  /** Writes rows exported from another store, as they are (statuses, leases, attempts kept). Into an empty store only. */
  importRows<T extends StoreTable>(table: T, rows: ReadonlyArray<StoreRows[T]>): Promise<void>;
}

/** What monitoring watches of the queues, as of `now` (GET /metrics). */
export interface QueueFigures {
  outbox: {
    pending: number;
    dead: number;
    /** When the oldest message still pending was written; null when none is. */
    oldestPendingAt: string | null;
  };
  deadlines: {
    /** Pending and due by `now`: the scheduler should be firing them. */
    due: number;
    /** Pending after at least one failed attempt (waiting to be tried again). */
    failing: number;
    /** Of those, cascades (fan-outs to other instances). */
    failingCascades: number;
  };
}

/** The whole port, as one adapter provides it. */
export interface Store extends InstanceStore, SearchIndexStore, DeadlineStore, OutboxStore, DirectoryStore, AccessStore, WatchStore, WebhookStore, TransferStore {
  /** `sqlite` or `mongodb`, for `/health` and the start-up log. */
  readonly name: string;
  /**
   * The queue figures monitoring scrapes, often (every 15 s or so): each must be answered from an
   * index, never by reading every message or deadline.
   */
  queueFigures(now: string): Promise<QueueFigures>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------- watches and webhooks (docs/watches-and-webhooks.md)

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

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'dead';

/** One transition for one endpoint, written in the transition's commit: its id is the `webhook-id`. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  kind: Kind;
  instanceId: string;
  seq: number;
  /** `test-reports.accepted`: the kind and the state entered (or the event, when the state stayed). */
  type: string;
  /** The exact JSON text that is signed and sent, frozen at commit. */
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  /** The HTTP status of the last answer, if there was one. */
  lastStatus: number | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** A delivery as a commit writes it. */
export type WebhookDeliveryDraft = Pick<WebhookDelivery, 'id' | 'endpointId' | 'type' | 'body'>;

/** A delivery with its lease, as a store copy moves it. */
export interface StoredWebhookDelivery extends WebhookDelivery {
  leaseOwner: string | null;
  leaseUntil: string | null;
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

export interface WebhookStore {
  /** Creates or replaces an endpoint (a rotation, a disabling). */
  putWebhookEndpoint(endpoint: WebhookEndpointRecord): Promise<void>;
  getWebhookEndpoint(id: string): Promise<WebhookEndpointRecord | null>;
  /** Endpoints of one organisation (or of all), oldest first; `activeOnly` leaves out disabled ones. */
  listWebhookEndpoints(query: { organisation?: string; activeOnly?: boolean }): Promise<WebhookEndpointRecord[]>;
  /** Takes up to `limit` pending deliveries that are due and not held by anyone. */
  claimWebhookDeliveries(lease: Lease): Promise<WebhookDelivery[]>;
  /** Records a 2xx answer; false if the lease was lost meanwhile. */
  markWebhookDelivered(id: string, owner: string, result: { at: string; status: number }): Promise<boolean>;
  /** Records a failed attempt: due again at `retryAt`, or `dead` when it is null. */
  markWebhookFailed(id: string, owner: string, failure: { at: string; error: string; status: number | null; retryAt: string | null }): Promise<boolean>;
  /**
   * Gives back every lease `owner` holds on pending deliveries, attempts unchanged (a worker that
   * stops gracefully), so another node may deliver them at once.
   *
   * @returns how many leases were given back.
   */
  releaseWebhookLeases(owner: string): Promise<number>;
  /** An endpoint's deliveries by status, newest first. */
  listWebhookDeliveries(query: { endpointId: string; status?: WebhookDeliveryStatus; limit: number; cursor?: string | null }): Promise<Page<WebhookDelivery>>;
  getWebhookDelivery(id: string): Promise<WebhookDelivery | null>;
  /** Puts a dead delivery back in the queue, due at `at`, attempts from zero; false if it is not dead. */
  requeueWebhookDelivery(id: string, at: string): Promise<boolean>;
}
