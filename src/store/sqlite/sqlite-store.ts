/* eslint-disable @typescript-eslint/require-await -- better-sqlite3 is synchronous and the port is not: these methods answer settled promises on purpose. */
/**
 * The embedded store: one SQLite file through better-sqlite3, in WAL mode with
 * `synchronous=FULL` unless told otherwise, so a commit that returned survives a power cut.
 * better-sqlite3 is synchronous; the port is not, so every method answers a settled Promise.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { SqliteSynchronous } from '../../config.js';
import type { Kind, PrincipalRole } from '../../kinds/types.js';
import type {
  AccountMail,
  ApiKeyRecord,
  AuditEntry,
  CabRecord,
  Commit,
  CommitFaults,
  Deadline,
  DeadlineSource,
  EconomyRecord,
  FindQuery,
  HistoryEntry,
  InstanceRecord,
  Lease,
  MailAlreadySent,
  OutboxMessage,
  OutboxResult,
  OutboxStatus,
  Page,
  PrincipalRecord,
  QueueFigures,
  Recipient,
  RegulationRecord,
  SearchIndexEntry,
  SessionRecord,
  SignInTokenRecord,
  Store,
  StoreRows,
  StoreTable,
  WatchRecord,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpointRecord,
} from '../port.js';
import { AccessTables, AuditTable } from './access.js';
import { DirectoryTables } from './directory.js';
import { HookTables } from './hooks.js';
import { InstanceTables } from './instances.js';
import { QueueFigureQueries } from './queue-figures.js';
import { DeadlineTable, OutboxTable } from './queues.js';
import { migrateSchema } from './schema.js';
import { exportRows, importRows } from './transfer.js';
import { guardStore } from '../unavailable.js';
import { sqliteUnavailable } from './unavailable.js';


export interface SqliteStoreOptions {
  /** The database file; its folder is created if missing. */
  path: string;
  /** As the configuration gives it (`MRA_SQLITE_SYNCHRONOUS`); FULL unless told otherwise. */
  synchronous?: SqliteSynchronous;
  /** How long to wait for another process's write lock before failing. */
  busyTimeoutMs?: number;
  /** Fault injection for tests; never set in production. */
  faults?: CommitFaults;
}

/**
 * The store holds API key hashes and every party's address: a new file (and a new folder for it)
 * is readable by its owner only. SQLite gives its -wal and -shm files the database file's mode.
 * An existing file keeps the mode its operator gave it.
 */
function createOwnerOnly(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
}

/** Opens (creating if needed) a SQLite file with the store's own settings. Used by the bench too. */
export function openDatabase(path: string, synchronous: SqliteSynchronous = 'FULL', busyTimeoutMs = 5000): BetterSqlite3.Database {
  if (path !== ':memory:') createOwnerOnly(path);
  const db = new BetterSqlite3(path, { timeout: busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  return db;
}

export class SqliteStore implements Store {
  readonly name = 'sqlite';
  readonly path: string;
  readonly #db: BetterSqlite3.Database;
  readonly #instances: InstanceTables;
  readonly #outbox: OutboxTable;
  readonly #deadlines: DeadlineTable;
  readonly #directory: DirectoryTables;
  readonly #access: AccessTables;
  readonly #figures: QueueFigureQueries;
  readonly #hooks: HookTables;
  readonly #defaultMaxPages: number;

  constructor(options: SqliteStoreOptions) {
    this.path = options.path;
    this.#db = openDatabase(options.path, options.synchronous ?? 'FULL', options.busyTimeoutMs ?? 5000);
    migrateSchema(this.#db);
    this.#instances = new InstanceTables(this.#db, options.faults);
    this.#outbox = new OutboxTable(this.#db);
    this.#deadlines = new DeadlineTable(this.#db);
    this.#figures = new QueueFigureQueries(this.#db);
    this.#hooks = new HookTables(this.#db);
    const audit = new AuditTable(this.#db);
    this.#directory = new DirectoryTables(this.#db, audit);
    this.#access = new AccessTables(this.#db, audit);
    this.#defaultMaxPages = this.#db.pragma('max_page_count', { simple: true }) as number;
    // A full, read-only or failing disk answers STORE_UNAVAILABLE from every method (unavailable.ts).
    return guardStore(this, sqliteUnavailable);
  }

  /**
   * Caps the file at the pages it has now (`PRAGMA max_page_count`, on this connection only), or
   * lifts the cap: SQLite then refuses to grow the file with SQLITE_FULL, as on a full disk. How
   * the tests fill the disk for real; not part of the port.
   */
  simulateFullDisk(full: boolean): void {
    this.#db.pragma(`max_page_count = ${full ? 1 : this.#defaultMaxPages}`);
  }

  /**
   * `PRAGMA query_only` on this connection: SQLite refuses every write with SQLITE_READONLY, as on
   * a read-only mount (chmod does not stop root, which the tests may run as). Not part of the port.
   */
  simulateReadOnly(readOnly: boolean): void {
    this.#db.pragma(`query_only = ${readOnly ? 'ON' : 'OFF'}`);
  }

  commit(commit: Commit): Promise<void> {
    return this.#instances.commit(commit);
  }

  async commitMany(commits: readonly Commit[], options: { mailSent?: MailAlreadySent } = {}): Promise<void> {
    this.#instances.commitMany(commits, options.mailSent);
  }

  async load(kind: Kind, id: string): Promise<InstanceRecord | null> {
    return this.#instances.load(kind, id);
  }

  async find(kind: Kind, query: FindQuery): Promise<Page<InstanceRecord>> {
    return this.#instances.find(kind, query);
  }

  async history(kind: Kind, id: string, options: { afterSeq?: number; limit: number }): Promise<Page<HistoryEntry>> {
    return this.#instances.history(kind, id, options);
  }

  async reindex(kind: Kind, id: string, entry: SearchIndexEntry): Promise<boolean> {
    return this.#instances.reindex(kind, id, entry);
  }

  async searchIndexVersion(): Promise<string | null> {
    const value = this.#db.prepare(`SELECT value FROM store_settings WHERE name = 'searchIndexVersion'`).pluck().get() as string | undefined;
    return value ?? null;
  }

  async recordSearchIndexVersion(version: string): Promise<void> {
    this.#db.prepare(`INSERT INTO store_settings (name, value) VALUES ('searchIndexVersion', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`).run(version);
  }

  async pendingDeadlines(kind: Kind, id: string, source: DeadlineSource = 'state'): Promise<Deadline[]> {
    return this.#deadlines.pending(kind, id, source);
  }

  async claimDueDeadlines(lease: Lease): Promise<Deadline[]> {
    return this.#deadlines.claim(lease);
  }

  async claimDeadline(id: string, lease: Omit<Lease, 'limit'>): Promise<Deadline | null> {
    return this.#deadlines.claimOne(id, lease);
  }

  async completeDeadline(id: string, owner: string, at: string): Promise<boolean> {
    return this.#deadlines.complete(id, owner, at);
  }

  async releaseDeadline(id: string, owner: string, failure: { error: string; retryAt: string }): Promise<boolean> {
    return this.#deadlines.release(id, owner, failure);
  }

  async claimOutbox(lease: Lease): Promise<OutboxMessage[]> {
    return this.#outbox.claim(lease);
  }

  async markSent(id: string, owner: string, result: { at: string; response: string }): Promise<boolean> {
    return this.#outbox.markSent(id, owner, result);
  }

  async markFailed(id: string, owner: string, failure: { at: string; error: string; retryAt: string | null }): Promise<boolean> {
    return this.#outbox.markFailed(id, owner, failure);
  }

  async recordOutboxResults(owner: string, results: readonly OutboxResult[]): Promise<string[]> {
    return this.#outbox.record(owner, results);
  }

  async releaseOutboxLeases(owner: string): Promise<number> {
    return this.#outbox.releaseLeases(owner);
  }

  async releaseDeadlineLeases(owner: string): Promise<number> {
    return this.#deadlines.releaseLeases(owner);
  }

  async queueFigures(now: string): Promise<QueueFigures> {
    return this.#figures.figures(now);
  }

  async outboxCounts(): Promise<Record<OutboxStatus, number>> {
    return this.#outbox.counts();
  }

  async listOutbox(query: { status?: OutboxStatus; limit: number; cursor?: string | null }): Promise<Page<OutboxMessage>> {
    return this.#outbox.list(query);
  }

  async getOutboxMessage(id: string): Promise<OutboxMessage | null> {
    return this.#outbox.get(id);
  }

  async requeueOutbox(id: string, at: string): Promise<boolean> {
    return this.#outbox.requeue(id, at);
  }

  async isEmpty(): Promise<boolean> {
    return this.#directory.isEmpty();
  }

  async putEconomy(economy: EconomyRecord): Promise<void> {
    this.#directory.putEconomy(economy);
  }

  async listEconomies(): Promise<EconomyRecord[]> {
    return this.#directory.listEconomies();
  }

  async getEconomy(code: string): Promise<EconomyRecord | null> {
    return this.#directory.getEconomy(code);
  }

  async putRegulation(regulation: RegulationRecord): Promise<void> {
    this.#directory.putRegulation(regulation);
  }

  async getRegulations(ids: readonly string[]): Promise<RegulationRecord[]> {
    return this.#directory.getRegulations(ids);
  }

  async listRegulations(query: { economy?: string }): Promise<RegulationRecord[]> {
    return this.#directory.listRegulations(query);
  }

  async putCab(cab: CabRecord): Promise<void> {
    this.#directory.putCab(cab);
  }

  async getCab(id: string): Promise<CabRecord | null> {
    return this.#directory.getCab(id);
  }

  async listCabs(query: { economy?: string; limit: number; cursor?: string | null }): Promise<Page<CabRecord>> {
    return this.#directory.listCabs(query);
  }

  async putPrincipal(principal: PrincipalRecord, audit?: AuditEntry): Promise<void> {
    this.#directory.putPrincipal(principal, audit);
  }

  async getPrincipal(id: string): Promise<PrincipalRecord | null> {
    return this.#directory.getPrincipal(id);
  }

  async principalByEmail(email: string): Promise<PrincipalRecord | null> {
    return this.#directory.principalByEmail(email);
  }

  async findPrincipals(query: { role?: PrincipalRole; organisation?: string; economies?: readonly string[] }): Promise<PrincipalRecord[]> {
    return this.#directory.findPrincipals(query);
  }

  async listPrincipals(query: { organisation?: string; economy?: string; limit: number; cursor?: string | null }): Promise<Page<PrincipalRecord>> {
    return this.#directory.listPrincipals(query);
  }

  async putApiKey(key: ApiKeyRecord, audit?: AuditEntry): Promise<void> {
    this.#access.putApiKey(key, audit);
  }

  async getApiKey(id: string): Promise<ApiKeyRecord | null> {
    return this.#access.getApiKey(id);
  }

  async apiKeyByHash(hash: string): Promise<ApiKeyRecord | null> {
    return this.#access.apiKeyByHash(hash);
  }

  async listApiKeys(query: { principalId?: string; hashScheme?: ApiKeyRecord['hashScheme'] }): Promise<ApiKeyRecord[]> {
    return this.#access.listApiKeys(query);
  }

  async touchApiKey(id: string, at: string): Promise<void> {
    this.#access.touchApiKey(id, at);
  }

  async putSignInToken(token: SignInTokenRecord): Promise<void> {
    this.#access.putSignInToken(token);
  }

  async consumeSignInToken(hash: string, at: string): Promise<SignInTokenRecord | null> {
    return this.#access.consumeSignInToken(hash, at);
  }

  async getSession(id: string, at: string): Promise<SessionRecord | null> {
    return this.#access.getSession(id, at);
  }

  async putSession(session: SessionRecord): Promise<void> {
    this.#access.putSession(session);
  }

  async deleteSession(id: string): Promise<void> {
    this.#access.deleteSession(id);
  }

  async deleteSessionsOf(principalId: string): Promise<void> {
    this.#access.deleteSessionsOf(principalId);
  }

  async listAudit(query: { organisation?: string; limit: number; cursor?: string | null }): Promise<Page<AuditEntry>> {
    return this.#access.listAudit(query);
  }

  async queueAccountMail(message: { id: string; recipient: Recipient; mail: AccountMail }): Promise<void> {
    this.#access.queueAccountMail(message);
  }

  async putWatch(watch: WatchRecord): Promise<void> {
    this.#hooks.putWatch(watch);
  }

  async deleteWatch(id: string, principalId: string): Promise<boolean> {
    return this.#hooks.deleteWatch(id, principalId);
  }

  async listWatches(query: { principalId: string; limit: number; cursor?: string | null }): Promise<Page<WatchRecord>> {
    return this.#hooks.listWatches(query);
  }

  async watchesOn(keys: readonly string[]): Promise<WatchRecord[]> {
    return this.#hooks.watchesOn(keys);
  }

  async putWebhookEndpoint(endpoint: WebhookEndpointRecord): Promise<void> {
    this.#hooks.putEndpoint(endpoint);
  }

  async getWebhookEndpoint(id: string): Promise<WebhookEndpointRecord | null> {
    return this.#hooks.getEndpoint(id);
  }

  async listWebhookEndpoints(query: { organisation?: string; activeOnly?: boolean }): Promise<WebhookEndpointRecord[]> {
    return this.#hooks.listEndpoints(query);
  }

  async claimWebhookDeliveries(lease: Lease): Promise<WebhookDelivery[]> {
    return this.#hooks.claim(lease);
  }

  async markWebhookDelivered(id: string, owner: string, result: { at: string; status: number }): Promise<boolean> {
    return this.#hooks.markDelivered(id, owner, result);
  }

  async markWebhookFailed(id: string, owner: string, failure: { at: string; error: string; status: number | null; retryAt: string | null }): Promise<boolean> {
    return this.#hooks.markFailed(id, owner, failure);
  }

  async releaseWebhookLeases(owner: string): Promise<number> {
    return this.#hooks.releaseLeases(owner);
  }

  async listWebhookDeliveries(query: { endpointId: string; status?: WebhookDeliveryStatus; limit: number; cursor?: string | null }): Promise<Page<WebhookDelivery>> {
    return this.#hooks.listDeliveries(query);
  }

  async getWebhookDelivery(id: string): Promise<WebhookDelivery | null> {
    return this.#hooks.getDelivery(id);
  }

  async requeueWebhookDelivery(id: string, at: string): Promise<boolean> {
    return this.#hooks.requeue(id, at);
  }

  async nextSequence(name: string): Promise<number> {
    return this.#directory.nextSequence(name);
  }

  async exportRows<T extends StoreTable>(table: T, page: { limit: number; cursor?: string | null }): Promise<Page<StoreRows[T]>> {
    return exportRows(this.#db, table, page);
  }

  async importRows<T extends StoreTable>(table: T, rows: ReadonlyArray<StoreRows[T]>): Promise<void> {
    importRows(this.#db, table, rows);
  }

  async close(): Promise<void> {
    if (!this.#db.open) return;
    this.#instances.flush();
    this.#db.close();
  }
}
