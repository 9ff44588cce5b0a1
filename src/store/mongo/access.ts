/** API keys, sign-in tokens, web sessions and the audit trail in MongoDB. */
import type { AccessStore, AccountMail, ApiKeyRecord, AuditEntry, Page, Recipient, SessionRecord, SignInTokenRecord } from '../port.js';
import { page } from './page.js';
import * as q from './queries.js';
import type { Runner } from './run.js';
import type { InTransaction } from './transaction.js';
import { COLLECTIONS, fromKeyed, toKeyed } from './shapes.js';

/**
 * A session or sign-in token with `expireAt`, its `expiresAt` as a date: the TTL indexes
 * (`sessions_expire`, `sign_in_tokens_expire`) remove it once it has expired, as SQLite's sweep does.
 */
export function expiring<D extends { _id: string }>(doc: D, expiresAt: string): D & { expireAt: Date } {
  return { ...doc, expireAt: new Date(expiresAt) };
}

/** The stored document as the port's record: without the date only the TTL index reads. */
function withoutExpireAt(doc: { _id: string } & Record<string, unknown>): { _id: string } & Record<string, unknown> {
  const { expireAt: _date, ...rest } = doc;
  return rest;
}

export class MongoAccess implements AccessStore {
  readonly #run: Runner;
  readonly #inTransaction: InTransaction;

  constructor(run: Runner, inTransaction: InTransaction) {
    this.#run = run;
    this.#inTransaction = inTransaction;
  }

  /** The key and its audit entry in one transaction, as the port promises: never one without the other. */
  async putApiKey(key: ApiKeyRecord, audit?: AuditEntry): Promise<void> {
    if (!audit) return this.#run.put(COLLECTIONS.apiKeys, toKeyed(key, 'id'));
    await this.#inTransaction(async (session) => {
      await this.#run.put(COLLECTIONS.apiKeys, toKeyed(key, 'id'), session);
      await this.#run.put(COLLECTIONS.audit, toKeyed(audit, 'id'), session);
    });
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
    await this.#run.put(COLLECTIONS.signInTokens, { ...expiring(toKeyed(token, 'hash'), token.expiresAt), usedAt: null });
  }

  async consumeSignInToken(hash: string, at: string): Promise<SignInTokenRecord | null> {
    const doc = await this.#run.update<{ _id: string; usedAt: string | null } & Record<string, unknown>>(q.useSignInToken(hash, at));
    if (doc === null) return null;
    const { usedAt: _used, ...token } = fromKeyed<'hash', SignInTokenRecord & { usedAt: string | null }>(withoutExpireAt(doc), 'hash');
    return token.expiresAt > at ? token : null;
  }

  async getSession(id: string, at: string): Promise<SessionRecord | null> {
    const doc = await this.#run.one<{ _id: string }>(q.liveSession(id, at));
    return doc === null ? null : fromKeyed<'id', SessionRecord>(withoutExpireAt(doc), 'id');
  }

  async putSession(session: SessionRecord): Promise<void> {
    await this.#run.put(COLLECTIONS.sessions, expiring(toKeyed(session, 'id'), session.expiresAt));
  }

  async deleteSession(id: string): Promise<void> {
    await this.#run.deleteMany(q.byId(COLLECTIONS.sessions, id));
  }

  async deleteSessionsOf(principalId: string): Promise<void> {
    await this.#run.deleteMany(q.sessionsOf(principalId));
  }

  /** What TTL indexes would also remove, within their minute: a sweep does not wait for them. */
  async deleteExpiredAccess(at: string): Promise<void> {
    await this.#run.deleteMany(q.expiredSessions(at));
    await this.#run.deleteMany(q.expiredSignInTokens(at));
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
}
