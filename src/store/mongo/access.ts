/** API keys, sign-in tokens, web sessions and the audit trail in MongoDB. */
import type { AccessStore, AccountMail, ApiKeyRecord, AuditEntry, Page, Recipient, SessionRecord, SignInTokenRecord } from '../port.js';
import { page } from './page.js';
import * as q from './queries.js';
import type { Runner } from './run.js';
import { COLLECTIONS, fromKeyed, toKeyed } from './shapes.js';

export class MongoAccess implements AccessStore {
  readonly #run: Runner;

  constructor(run: Runner) {
    this.#run = run;
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
