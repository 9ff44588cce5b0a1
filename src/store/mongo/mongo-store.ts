/**
 * The MongoDB store, through mongoose 9: the whole port, for deployments with several service
 * nodes on one replica set (or Atlas). What each method sends is built in `queries.ts`; commits
 * are transactions (`commit.ts`); outbox and deadline claims are leases (`claims.ts`).
 */
import type { Connection } from 'mongoose';
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
  QueueFigures,
  PrincipalRecord,
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
import { encodeCursor } from '../cursor.js';
import { claimUnderLease, type ClaimPlan } from './claims.js';
import { MongoCommitter } from './commit.js';
import { connectMongo, writeConcernOf, type MongoOptions } from './connect.js';
import {
  COLLECTIONS,
  fromKeyed,
  toDeadline,
  toHistory,
  toInstance,
  toKeyed,
  toMessage,
  type DeadlineDoc,
  type HistoryDoc,
  type InstanceDoc,
  type OutboxDoc,
  type SequenceDoc,
  type UniqueKeyDoc,
  type WebhookDeliveryDoc,
} from './shapes.js';
import { defineModels } from './models.js';
import * as q from './queries.js';
import { AppError } from '../../errors.js';
import { isDuplicateKey, Runner } from './run.js';
import * as transfer from './transfer.js';
import { guardStore } from '../unavailable.js';
import { mongoUnavailable } from './unavailable.js';

export interface MongoStoreOptions extends MongoOptions {
  /** Fault injection for tests; never set in production. */
  faults?: CommitFaults;
}

/** The setting that records which search definitions the store was indexed by. */
const SEARCH_INDEX_VERSION = 'searchIndexVersion';

const byDue = (key: 'nextAttemptAt' | 'dueAt') => (a: Record<string, unknown>, b: Record<string, unknown>) =>
  String(a[key]).localeCompare(String(b[key])) || String(a['_id']).localeCompare(String(b['_id']));

const OUTBOX_CLAIM: ClaimPlan = { candidates: q.claimableOutbox, take: q.claimOutboxMessage, order: byDue('nextAttemptAt') };
const DELIVERY_CLAIM: ClaimPlan = { candidates: q.claimableWebhookDeliveries, take: q.claimWebhookDelivery, order: byDue('nextAttemptAt') };
const DEADLINE_CLAIM: ClaimPlan = { candidates: q.claimableDeadlines, take: q.claimDueDeadline, order: byDue('dueAt') };

function page<D, T>(docs: D[], limit: number, convert: (doc: D) => T, cursorOf: (item: T) => string[]): Page<T> {
  const items = docs.slice(0, limit).map(convert);
  const last = items.at(-1);
  return { items, nextCursor: docs.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}

/** A delivery as the port gives it: without its lease. */
function toWebhookDelivery(doc: WebhookDeliveryDoc): WebhookDelivery {
  const { _id, leaseOwner: _owner, leaseUntil: _until, ...rest } = doc;
  return { id: _id, ...rest };
}

export class MongoStore implements Store {
  readonly name = 'mongodb';
  readonly connection: Connection;
  readonly #run: Runner;
  readonly #committer: MongoCommitter;

  private constructor(connection: Connection, options: MongoStoreOptions) {
    this.connection = connection;
    this.#run = new Runner(defineModels(connection));
    this.#committer = new MongoCommitter(connection, this.#run, writeConcernOf(options), options.faults);
    // An unreachable server, a full disk or no primary answers STORE_UNAVAILABLE from every method (unavailable.ts).
    return guardStore(this, mongoUnavailable);
  }

  /** Connects, refusing a standalone server. Indexes are checked by the caller (`findMissingIndexes`). */
  static async open(options: MongoStoreOptions): Promise<MongoStore> {
    return new MongoStore(await connectMongo(options), options);
  }

  commit(commit: Commit): Promise<void> {
    return this.#committer.commit(commit);
  }

  commitMany(commits: readonly Commit[], options: { mailSent?: MailAlreadySent } = {}): Promise<void> {
    return this.#committer.commitMany(commits, options.mailSent);
  }

  async load(kind: Kind, id: string): Promise<InstanceRecord | null> {
    const doc = await this.#run.one<InstanceDoc>(q.instanceById(kind, id));
    return doc === null ? null : toInstance(doc);
  }

  async find(kind: Kind, query: FindQuery): Promise<Page<InstanceRecord>> {
    const docs = await this.#run.all<InstanceDoc>(q.findInstances(kind, query));
    return page(docs, query.limit, toInstance, (i) => [i.createdAt, i.id]);
  }

  reindex(kind: Kind, id: string, entry: SearchIndexEntry): Promise<boolean> {
    return this.#committer.reindex(kind, id, entry);
  }

  async searchIndexVersion(): Promise<string | null> {
    return (await this.#run.one<{ value: string }>(q.byId(COLLECTIONS.settings, SEARCH_INDEX_VERSION)))?.value ?? null;
  }

  async recordSearchIndexVersion(version: string): Promise<void> {
    await this.#run.update(q.recordSetting(SEARCH_INDEX_VERSION, version), null, { upsert: true });
  }

  async history(kind: Kind, id: string, options: { afterSeq?: number; limit: number }): Promise<Page<HistoryEntry>> {
    const docs = await this.#run.all<HistoryDoc>(q.historyPage(kind, id, options));
    const items = docs.slice(0, options.limit).map(toHistory);
    const last = items.at(-1);
    return { items, nextCursor: docs.length > options.limit && last ? String(last.seq) : null };
  }

  async pendingDeadlines(kind: Kind, id: string, source: DeadlineSource = 'state'): Promise<Deadline[]> {
    return (await this.#run.all<DeadlineDoc>(q.pendingDeadlines(kind, id, source))).map(toDeadline);
  }

  async claimDueDeadlines(lease: Lease): Promise<Deadline[]> {
    return (await claimUnderLease<DeadlineDoc>(this.#run, DEADLINE_CLAIM, lease)).map(toDeadline);
  }

  async claimDeadline(id: string, lease: Omit<Lease, 'limit'>): Promise<Deadline | null> {
    const doc = await this.#run.update<DeadlineDoc>(q.claimDeadlineById(id, lease));
    return doc === null ? null : toDeadline(doc);
  }

  completeDeadline(id: string, owner: string, at: string): Promise<boolean> {
    return this.#run.updateOne(q.completeClaimedDeadline(id, owner, at));
  }

  releaseDeadline(id: string, owner: string, failure: { error: string; retryAt: string }): Promise<boolean> {
    return this.#run.updateOne(q.releaseDeadline(id, owner, failure));
  }

  releaseDeadlineLeases(owner: string): Promise<number> {
    return this.#run.updateMany(q.releaseDeadlineLeases(owner));
  }

  releaseOutboxLeases(owner: string): Promise<number> {
    return this.#run.updateMany(q.releaseOutboxLeases(owner));
  }

  /** Each figure one count (or one document) from an index; see `queries.ts`. */
  async queueFigures(now: string): Promise<QueueFigures> {
    const [pending, dead, oldest, due, failing, failingCascades] = await Promise.all([
      this.#run.count(q.outboxOfStatus('pending')),
      this.#run.count(q.outboxOfStatus('dead')),
      this.#run.all<OutboxDoc>(q.oldestPendingOutbox()),
      this.#run.count(q.dueDeadlines(now)),
      this.#run.count(q.failingDeadlines()),
      this.#run.count(q.failingDeadlines('cascade')),
    ]);
    return { outbox: { pending, dead, oldestPendingAt: oldest[0]?.createdAt ?? null }, deadlines: { due, failing, failingCascades } };
  }

  async claimOutbox(lease: Lease): Promise<OutboxMessage[]> {
    return (await claimUnderLease<OutboxDoc>(this.#run, OUTBOX_CLAIM, lease)).map(toMessage);
  }

  markSent(id: string, owner: string, result: { at: string; response: string }): Promise<boolean> {
    return this.#run.updateOne(q.markSent(id, owner, result));
  }

  markFailed(id: string, owner: string, failure: { at: string; error: string; retryAt: string | null }): Promise<boolean> {
    return this.#run.updateOne(q.markFailed(id, owner, failure));
  }

  /**
   * One read for the leases still held, one bulk write for their results. A lease lost between
   * the two is still safe (each update matches only a message its owner holds); it would be
   * counted as recorded.
   */
  async recordOutboxResults(owner: string, results: readonly OutboxResult[]): Promise<string[]> {
    if (results.length === 0) return [];
    const held = new Set((await this.#run.all<OutboxDoc>(q.outboxHeldBy(results.map((r) => r.id), owner))).map((doc) => doc._id));
    await this.#run.bulkUpdate(q.outboxResults(owner, results.filter((r) => held.has(r.id))));
    return results.filter((r) => !held.has(r.id)).map((r) => r.id);
  }

  /** Three index counts (`outbox_by_age` starts with the status), not a pass over the messages. */
  async outboxCounts(): Promise<Record<OutboxStatus, number>> {
    const [pending, sent, dead] = await Promise.all((['pending', 'sent', 'dead'] as const).map((status) => this.#run.count(q.outboxOfStatus(status))));
    return { pending: pending!, sent: sent!, dead: dead! };
  }

  async listOutbox(query: { status?: OutboxStatus; limit: number; cursor?: string | null }): Promise<Page<OutboxMessage>> {
    const docs = await this.#run.all<OutboxDoc>(q.listOutbox(query));
    return page(docs, query.limit, toMessage, (m) => [m.nextAttemptAt, m.id]);
  }

  async getOutboxMessage(id: string): Promise<OutboxMessage | null> {
    const doc = await this.#run.one<OutboxDoc>(q.outboxById(id));
    return doc === null ? null : toMessage(doc);
  }

  requeueOutbox(id: string, at: string): Promise<boolean> {
    return this.#run.updateOne(q.requeueOutbox(id, at));
  }

  async isEmpty(): Promise<boolean> {
    const [economy, principal] = await Promise.all([
      this.#run.one(q.anyOf(COLLECTIONS.economies)),
      this.#run.one(q.anyOf(COLLECTIONS.principals)),
    ]);
    return economy === null && principal === null;
  }

  putEconomy(economy: EconomyRecord): Promise<void> {
    return this.#run.put(COLLECTIONS.economies, toKeyed(economy, 'code'));
  }

  async listEconomies(): Promise<EconomyRecord[]> {
    return (await this.#run.all<{ _id: string }>(q.allEconomies())).map((d) => fromKeyed<'code', EconomyRecord>(d, 'code'));
  }

  async getEconomy(code: string): Promise<EconomyRecord | null> {
    const doc = await this.#run.one<{ _id: string }>(q.byId(COLLECTIONS.economies, code));
    return doc === null ? null : fromKeyed<'code', EconomyRecord>(doc, 'code');
  }

  putRegulation(regulation: RegulationRecord): Promise<void> {
    return this.#run.put(COLLECTIONS.regulations, toKeyed(regulation, 'id'));
  }

  async getRegulations(ids: readonly string[]): Promise<RegulationRecord[]> {
    if (ids.length === 0) return [];
    return (await this.#run.all<{ _id: string }>(q.regulationsByIds(ids))).map((d) => fromKeyed<'id', RegulationRecord>(d, 'id'));
  }

  async listRegulations(query: { economy?: string }): Promise<RegulationRecord[]> {
    return (await this.#run.all<{ _id: string }>(q.regulationsOf(query))).map((d) => fromKeyed<'id', RegulationRecord>(d, 'id'));
  }

  putCab(cab: CabRecord): Promise<void> {
    return this.#run.put(COLLECTIONS.cabs, toKeyed(cab, 'id'));
  }

  async getCab(id: string): Promise<CabRecord | null> {
    const doc = await this.#run.one<{ _id: string }>(q.byId(COLLECTIONS.cabs, id));
    return doc === null ? null : fromKeyed<'id', CabRecord>(doc, 'id');
  }

  async listCabs(query: { economy?: string; limit: number; cursor?: string | null }): Promise<Page<CabRecord>> {
    const docs = await this.#run.all<{ _id: string }>(q.cabsPage(query));
    return page(docs, query.limit, (d) => fromKeyed<'id', CabRecord>(d, 'id'), (c) => [c.id]);
  }

  /** The principal, then its audit entry: two writes (a principal without its entry is possible after a crash between them). */
  async putPrincipal(principal: PrincipalRecord, audit?: AuditEntry): Promise<void> {
    await this.#run.put(COLLECTIONS.principals, toKeyed(principal, 'id'));
    if (audit) await this.#run.put(COLLECTIONS.audit, toKeyed(audit, 'id'));
  }

  async getPrincipal(id: string): Promise<PrincipalRecord | null> {
    const doc = await this.#run.one<{ _id: string }>(q.byId(COLLECTIONS.principals, id));
    return doc === null ? null : fromKeyed<'id', PrincipalRecord>(doc, 'id');
  }

  async principalByEmail(email: string): Promise<PrincipalRecord | null> {
    const found = (await this.#run.all<{ _id: string }>(q.principalsByEmail(email))).map((d) => fromKeyed<'id', PrincipalRecord>(d, 'id'));
    return found.find((p) => p.disabledAt === undefined) ?? found[0] ?? null;
  }

  async findPrincipals(query: { role?: PrincipalRole; organisation?: string; economies?: readonly string[] }): Promise<PrincipalRecord[]> {
    const { role, organisation, economies } = query;
    const read = role !== undefined ? q.principalsOfRole(role) : organisation !== undefined ? q.principalsOf(organisation) : null;
    if (read === null) return [];
    const all = (await this.#run.all<{ _id: string }>(read)).map((d) => fromKeyed<'id', PrincipalRecord>(d, 'id'));
    return all.filter(
      (p) =>
        p.disabledAt === undefined &&
        (organisation === undefined || p.organisation === organisation) &&
        (economies === undefined || (p.economy !== undefined && economies.includes(p.economy))),
    );
  }

  async listPrincipals(query: { organisation?: string; economy?: string; limit: number; cursor?: string | null }): Promise<Page<PrincipalRecord>> {
    const docs = await this.#run.all<{ _id: string }>(q.principalsPage(query));
    return page(docs, query.limit, (d) => fromKeyed<'id', PrincipalRecord>(d, 'id'), (p) => [p.id]);
  }

  /** The key, then its audit entry (two writes, as for principals). */
  async putApiKey(key: ApiKeyRecord, audit?: AuditEntry): Promise<void> {
    await this.#run.put(COLLECTIONS.apiKeys, toKeyed(key, 'id'));
    if (audit) await this.#run.put(COLLECTIONS.audit, toKeyed(audit, 'id'));
  }

  async getApiKey(id: string): Promise<ApiKeyRecord | null> {
    const doc = await this.#run.one<{ _id: string }>(q.byId(COLLECTIONS.apiKeys, id));
    return doc === null ? null : fromKeyed<'id', ApiKeyRecord>(doc, 'id');
  }

  async apiKeyByHash(hash: string): Promise<ApiKeyRecord | null> {
    const doc = await this.#run.one<{ _id: string }>(q.apiKeyByHash(hash));
    return doc === null ? null : fromKeyed<'id', ApiKeyRecord>(doc, 'id');
  }

  async listApiKeys(query: { principalId?: string; hashScheme?: ApiKeyRecord['hashScheme'] }): Promise<ApiKeyRecord[]> {
    return (await this.#run.all<{ _id: string }>(q.apiKeysOf(query))).map((d) => fromKeyed<'id', ApiKeyRecord>(d, 'id'));
  }

  async touchApiKey(id: string, at: string): Promise<void> {
    await this.#run.updateOne(q.touchApiKey(id, at));
  }

  async putSignInToken(token: SignInTokenRecord): Promise<void> {
    await this.#run.put(COLLECTIONS.signInTokens, { ...toKeyed(token, 'hash'), usedAt: null });
  }

  async consumeSignInToken(hash: string, at: string): Promise<SignInTokenRecord | null> {
    const doc = await this.#run.update<{ _id: string; usedAt: string | null } & Record<string, unknown>>(q.useSignInToken(hash, at));
    if (doc === null) return null;
    const { usedAt: _used, ...token } = fromKeyed<'hash', SignInTokenRecord & { usedAt: string | null }>(doc, 'hash');
    return token.expiresAt > at ? token : null;
  }

  async getSession(id: string, at: string): Promise<SessionRecord | null> {
    const doc = await this.#run.one<{ _id: string }>(q.liveSession(id, at));
    return doc === null ? null : fromKeyed<'id', SessionRecord>(doc, 'id');
  }

  async putSession(session: SessionRecord): Promise<void> {
    await this.#run.put(COLLECTIONS.sessions, toKeyed(session, 'id'));
  }

  async deleteSession(id: string): Promise<void> {
    await this.#run.deleteMany(q.byId(COLLECTIONS.sessions, id));
  }

  async deleteSessionsOf(principalId: string): Promise<void> {
    await this.#run.deleteMany(q.sessionsOf(principalId));
  }

  async listAudit(query: { organisation?: string; limit: number; cursor?: string | null }): Promise<Page<AuditEntry>> {
    const docs = await this.#run.all<{ _id: string }>(q.auditPage(query));
    return page(docs, query.limit, (d) => fromKeyed<'id', AuditEntry>(d, 'id'), (e) => [e.id]);
  }

  async queueAccountMail(message: { id: string; recipient: Recipient; mail: AccountMail }): Promise<void> {
    const { id, recipient, mail } = message;
    await this.#run.insert(COLLECTIONS.outbox, [
      {
        _id: id, kind: 'account', instanceId: mail.principalId, seq: 0, recipient, notification: null, account: mail,
        status: 'pending', attempts: 0, nextAttemptAt: mail.at, leaseOwner: null, leaseUntil: null,
        lastError: null, sentAt: null, response: null, createdAt: mail.at,
      },
    ]);
  }

  async putWatch(watch: WatchRecord): Promise<void> {
    try {
      await this.#run.insert(COLLECTIONS.watches, [toKeyed(watch, 'id')]);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      throw new AppError({ code: 'DUPLICATE', detail: `You already watch this (${watch.key}).`, cause: error });
    }
  }

  async deleteWatch(id: string, principalId: string): Promise<boolean> {
    if ((await this.#run.one(q.watchOf(id, principalId))) === null) return false;
    await this.#run.deleteMany(q.watchOf(id, principalId));
    return true;
  }

  async listWatches(query: { principalId: string; limit: number; cursor?: string | null }): Promise<Page<WatchRecord>> {
    const docs = await this.#run.all<{ _id: string }>(q.watchesPage(query));
    return page(docs, query.limit, (d) => fromKeyed<'id', WatchRecord>(d, 'id'), (w) => [w.createdAt, w.id]);
  }

  async watchesOn(keys: readonly string[]): Promise<WatchRecord[]> {
    if (keys.length === 0) return [];
    return (await this.#run.all<{ _id: string }>(q.watchesOn(keys))).map((d) => fromKeyed<'id', WatchRecord>(d, 'id'));
  }

  putWebhookEndpoint(endpoint: WebhookEndpointRecord): Promise<void> {
    return this.#run.put(COLLECTIONS.webhookEndpoints, toKeyed(endpoint, 'id'));
  }

  async getWebhookEndpoint(id: string): Promise<WebhookEndpointRecord | null> {
    const doc = await this.#run.one<{ _id: string }>(q.byId(COLLECTIONS.webhookEndpoints, id));
    return doc === null ? null : fromKeyed<'id', WebhookEndpointRecord>(doc, 'id');
  }

  async listWebhookEndpoints(query: { organisation?: string; activeOnly?: boolean }): Promise<WebhookEndpointRecord[]> {
    return (await this.#run.all<{ _id: string }>(q.webhookEndpoints(query))).map((d) => fromKeyed<'id', WebhookEndpointRecord>(d, 'id'));
  }

  async claimWebhookDeliveries(lease: Lease): Promise<WebhookDelivery[]> {
    return (await claimUnderLease<WebhookDeliveryDoc>(this.#run, DELIVERY_CLAIM, lease)).map(toWebhookDelivery);
  }

  markWebhookDelivered(id: string, owner: string, result: { at: string; status: number }): Promise<boolean> {
    return this.#run.updateOne(q.markWebhookDelivered(id, owner, result));
  }

  markWebhookFailed(id: string, owner: string, failure: { at: string; error: string; status: number | null; retryAt: string | null }): Promise<boolean> {
    return this.#run.updateOne(q.markWebhookFailed(id, owner, failure));
  }

  releaseWebhookLeases(owner: string): Promise<number> {
    return this.#run.updateMany(q.releaseWebhookLeases(owner));
  }

  async listWebhookDeliveries(query: { endpointId: string; status?: WebhookDeliveryStatus; limit: number; cursor?: string | null }): Promise<Page<WebhookDelivery>> {
    const docs = await this.#run.all<WebhookDeliveryDoc>(q.webhookDeliveriesPage(query));
    return page(docs, query.limit, toWebhookDelivery, (d) => [d.id]);
  }

  async getWebhookDelivery(id: string): Promise<WebhookDelivery | null> {
    const doc = await this.#run.one<WebhookDeliveryDoc>(q.byId(COLLECTIONS.webhookDeliveries, id));
    return doc === null ? null : toWebhookDelivery(doc);
  }

  requeueWebhookDelivery(id: string, at: string): Promise<boolean> {
    return this.#run.updateOne(q.requeueWebhookDelivery(id, at));
  }

  async nextSequence(name: string): Promise<number> {
    // Two first upserts of one name can race; the loser's E11000 is retried once, as MongoDB advises.
    for (let attempt = 0; ; attempt += 1) {
      try {
        const doc = await this.#run.update<SequenceDoc>(q.nextSequence(name), null, { upsert: true });
        return doc!.value;
      } catch (error) {
        if (!isDuplicateKey(error) || attempt > 0) throw error;
      }
    }
  }

  async exportRows<T extends StoreTable>(table: T, request: { limit: number; cursor?: string | null }): Promise<Page<StoreRows[T]>> {
    const docs = await this.#run.all<{ _id: string } & Record<string, unknown>>(q.exportPage(table, request));
    const slice = docs.slice(0, request.limit);
    const nextCursor = docs.length > request.limit ? encodeCursor([slice.at(-1)!._id]) : null;
    return { items: (await this.#rowsOf(table, slice)) as Array<StoreRows[T]>, nextCursor };
  }

  async #rowsOf(table: StoreTable, docs: Array<{ _id: string } & Record<string, unknown>>): Promise<unknown[]> {
    if (transfer.isKeyedTable(table)) return docs.map((doc) => transfer.keyedRow(table, doc));
    if (table === 'history') return (docs as unknown as HistoryDoc[]).map(transfer.historyRow);
    if (table === 'outbox') return (docs as unknown as OutboxDoc[]).map(transfer.outboxRow);
    if (table === 'deadlines') return (docs as unknown as DeadlineDoc[]).map(transfer.deadlineRow);
    const instances = docs as unknown as InstanceDoc[];
    const rows = [];
    for (const instance of instances) {
      const keys = await this.#run.all<UniqueKeyDoc>(q.uniqueKeysOf(instance.kind, instance.id));
      rows.push(transfer.instanceRow(instance, keys));
    }
    return rows;
  }

  async importRows<T extends StoreTable>(table: T, rows: ReadonlyArray<StoreRows[T]>): Promise<void> {
    if (transfer.isKeyedTable(table)) {
      await this.#run.insert(table, rows.map((row) => transfer.keyedDoc(table, row as StoreRows[typeof table])));
    } else if (table === 'history') {
      await this.#run.insert(table, (rows as ReadonlyArray<StoreRows['history']>).map(transfer.historyDocOf));
    } else if (table === 'outbox') {
      await this.#run.insert(table, (rows as ReadonlyArray<StoreRows['outbox']>).map(transfer.outboxDocOf));
    } else if (table === 'deadlines') {
      await this.#run.insert(table, (rows as ReadonlyArray<StoreRows['deadlines']>).map(transfer.deadlineDocOf));
    } else {
      const docs = (rows as ReadonlyArray<StoreRows['instances']>).map(transfer.instanceDocs);
      await this.#run.insert(COLLECTIONS.instances, docs.map((d) => d.instance));
      await this.#run.insert(COLLECTIONS.uniqueKeys, docs.flatMap((d) => d.keys));
    }
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
