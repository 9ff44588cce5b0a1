/* eslint-disable @typescript-eslint/require-await -- better-sqlite3 is synchronous and the port is not: these methods answer settled promises on purpose. */
/**
 * Access in SQLite: API keys, one-time sign-in tokens, web sessions, the audit trail of
 * principals and keys, and account e-mails in the outbox. None of it is cached: a revoked key or
 * an ended session is refused by every process at once.
 */
import type { Database } from 'better-sqlite3';
import type { AccessStore, AccountMail, ApiKeyRecord, AuditEntry, Page, Recipient, SessionRecord, SignInTokenRecord } from '../port.js';
import { decodeCursor, encodeCursor, parseJson } from './rows.js';

/** The kind under which account e-mails sit in the outbox (workflow kinds never take it). */
export const ACCOUNT_MAIL_KIND = 'account';

export class AuditTable {
  readonly #sql;

  constructor(db: Database) {
    this.#sql = {
      append: db.prepare(`INSERT INTO audit (id, organisation, data) VALUES (?, ?, ?)`),
      // One statement per shape, so each has its own plan: one organisation's entries through
      // audit_by_organisation; all of them along the key, newest first, stopping at the limit.
      listOf: db.prepare(
        `SELECT seq, data FROM audit WHERE organisation = @organisation AND (@before IS NULL OR seq < @before)
         ORDER BY seq DESC LIMIT @limit`,
      ),
      listAll: db.prepare(`SELECT seq, data FROM audit WHERE seq < coalesce(@before, 9223372036854775807) ORDER BY seq DESC LIMIT @limit`),
    };
  }

  append(entry: AuditEntry): void {
    this.#sql.append.run(entry.id, entry.organisation, JSON.stringify(entry));
  }

  list(query: { organisation?: string; limit: number; cursor?: string | null }): Page<AuditEntry> {
    const before = query.cursor ? Number(decodeCursor(query.cursor)[0]) : null;
    const rows = (
      query.organisation === undefined
        ? this.#sql.listAll.all({ before, limit: query.limit + 1 })
        : this.#sql.listOf.all({ organisation: query.organisation, before, limit: query.limit + 1 })
    ) as Array<{ seq: number; data: string }>;
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: page.map((r) => parseJson<AuditEntry>(r.data)), nextCursor: rows.length > query.limit && last ? encodeCursor([String(last.seq)]) : null };
  }
}

export class AccessTables implements AccessStore {
  readonly #db: Database;
  readonly #audit: AuditTable;
  readonly #sql;

  constructor(db: Database, audit: AuditTable) {
    this.#db = db;
    this.#audit = audit;
    this.#sql = {
      putKey: db.prepare(
        `INSERT INTO api_keys (id, principal_id, hash, hash_scheme, data) VALUES (@id, @principalId, @hash, @hashScheme, @data)
         ON CONFLICT (id) DO UPDATE SET principal_id = excluded.principal_id, hash = excluded.hash,
           hash_scheme = excluded.hash_scheme, data = excluded.data`,
      ),
      key: db.prepare(`SELECT data FROM api_keys WHERE id = ?`).pluck(),
      keyByHash: db.prepare(`SELECT data FROM api_keys WHERE hash = ?`).pluck(),
      // A principal's keys through api_keys_by_principal, or a scheme's through api_keys_by_scheme.
      keysOf: db
        .prepare(`SELECT data FROM api_keys WHERE principal_id = @principalId AND (@scheme IS NULL OR hash_scheme = @scheme) ORDER BY json_extract(data, '$.createdAt'), id`)
        .pluck(),
      keysByScheme: db.prepare(`SELECT data FROM api_keys WHERE hash_scheme = @scheme ORDER BY json_extract(data, '$.createdAt'), id`).pluck(),
      touchKey: db.prepare(`UPDATE api_keys SET data = json_set(data, '$.lastUsedAt', ?) WHERE id = ?`),
      putToken: db.prepare(`INSERT INTO sign_in_tokens (hash, principal_id, expires_at, data) VALUES (?, ?, ?, ?)`),
      takeToken: db.prepare(`DELETE FROM sign_in_tokens WHERE hash = ? RETURNING expires_at, data`),
      dropExpiredTokens: db.prepare(`DELETE FROM sign_in_tokens WHERE expires_at <= ?`),
      session: db.prepare(`SELECT data, principal_id, expires_at FROM sessions WHERE id = ? AND expires_at > ?`),
      putSession: db.prepare(
        `INSERT INTO sessions (id, principal_id, expires_at, data) VALUES (@id, @principalId, @expiresAt, @data)
         ON CONFLICT (id) DO UPDATE SET principal_id = excluded.principal_id, expires_at = excluded.expires_at, data = excluded.data`,
      ),
      deleteSession: db.prepare(`DELETE FROM sessions WHERE id = ?`),
      deleteSessionsOf: db.prepare(`DELETE FROM sessions WHERE principal_id = ?`),
      dropExpiredSessions: db.prepare(`DELETE FROM sessions WHERE expires_at <= ?`),
      queueMail: db.prepare(
        `INSERT INTO outbox (id, kind, instance_id, seq, recipient, status, next_attempt_at, created_at, body)
         VALUES (?, '${ACCOUNT_MAIL_KIND}', ?, 0, ?, 'pending', ?, ?, ?)`,
      ),
    };
  }

  async putApiKey(key: ApiKeyRecord, audit?: AuditEntry): Promise<void> {
    this.#db.transaction(() => {
      this.#sql.putKey.run({ id: key.id, principalId: key.principalId, hash: key.hash, hashScheme: key.hashScheme, data: JSON.stringify(key) });
      if (audit) this.#audit.append(audit);
    })();
  }

  async getApiKey(id: string): Promise<ApiKeyRecord | null> {
    const data = this.#sql.key.get(id) as string | undefined;
    return data === undefined ? null : parseJson(data);
  }

  async apiKeyByHash(hash: string): Promise<ApiKeyRecord | null> {
    const data = this.#sql.keyByHash.get(hash) as string | undefined;
    return data === undefined ? null : parseJson(data);
  }

  async listApiKeys(query: { principalId?: string; hashScheme?: ApiKeyRecord['hashScheme'] }): Promise<ApiKeyRecord[]> {
    const rows = (
      query.principalId !== undefined
        ? this.#sql.keysOf.all({ principalId: query.principalId, scheme: query.hashScheme ?? null })
        : query.hashScheme !== undefined
          ? this.#sql.keysByScheme.all({ scheme: query.hashScheme })
          : []
    ) as string[];
    return rows.map((d) => parseJson<ApiKeyRecord>(d));
  }

  async touchApiKey(id: string, at: string): Promise<void> {
    this.#sql.touchKey.run(at, id);
  }

  async putSignInToken(token: SignInTokenRecord): Promise<void> {
    this.#db.transaction(() => {
      // Expired tokens are useless; writing a new one is a good moment to forget them.
      this.#sql.dropExpiredTokens.run(token.createdAt);
      this.#sql.putToken.run(token.hash, token.principalId, token.expiresAt, JSON.stringify(token));
    })();
  }

  async consumeSignInToken(hash: string, at: string): Promise<SignInTokenRecord | null> {
    const row = this.#sql.takeToken.get(hash) as { expires_at: string; data: string } | undefined;
    return row && row.expires_at > at ? parseJson<SignInTokenRecord>(row.data) : null;
  }

  async getSession(id: string, at: string): Promise<SessionRecord | null> {
    const row = this.#sql.session.get(id, at) as { data: string; principal_id: string | null; expires_at: string } | undefined;
    return row ? { id, principalId: row.principal_id, data: parseJson(row.data), expiresAt: row.expires_at } : null;
  }

  async putSession(session: SessionRecord): Promise<void> {
    this.#sql.putSession.run({ id: session.id, principalId: session.principalId, expiresAt: session.expiresAt, data: JSON.stringify(session.data) });
  }

  async deleteSession(id: string): Promise<void> {
    this.#sql.deleteSession.run(id);
  }

  async deleteSessionsOf(principalId: string): Promise<void> {
    this.#sql.deleteSessionsOf.run(principalId);
  }

  async deleteExpiredAccess(at: string): Promise<void> {
    this.#db.transaction(() => {
      this.#sql.dropExpiredSessions.run(at);
      this.#sql.dropExpiredTokens.run(at);
    })();
  }

  async listAudit(query: { organisation?: string; limit: number; cursor?: string | null }): Promise<Page<AuditEntry>> {
    return this.#audit.list(query);
  }

  async queueAccountMail(message: { id: string; recipient: Recipient; mail: AccountMail }): Promise<void> {
    const { id, recipient, mail } = message;
    this.#sql.queueMail.run(id, mail.principalId, JSON.stringify(recipient), mail.at, mail.at, JSON.stringify(mail));
  }
}
