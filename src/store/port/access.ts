/** Who may come in: API keys, sign-in tokens, web sessions, and the audit trail of principals and keys. */
import type { Page } from './page.js';
import type { AccountMail, Recipient } from './queues.js';

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
  /**
   * Deletes the sessions and sign-in tokens that have expired at `at` (used tokens included): no
   * read returns them any more, and without this they would be kept for ever. The access sweep
   * calls it every few minutes (`src/access/expiry-sweep.ts`).
   */
  deleteExpiredAccess(at: string): Promise<void>;
  /** Entries newest first, of one organisation or of all. */
  listAudit(query: { organisation?: string; limit: number; cursor?: string | null }): Promise<Page<AuditEntry>>;
  /** Queues an account e-mail (a sign-in link) in the outbox, sent and retried like any other. */
  queueAccountMail(message: { id: string; recipient: Recipient; mail: AccountMail }): Promise<void>;
}
