/**
 * Who is calling: a bearer API key or a web session resolved to its principal, refused (401)
 * when unknown, revoked, expired, or when the principal is disabled. A key's last use is written
 * at most once a minute per key and process, so authentication is not a write per request.
 */
import type { Clock } from '../clock.js';
import { AppError, isAppError } from '../errors.js';
import type { AccessStore, ApiKeyRecord, DirectoryStore, PrincipalRecord } from '../store/port.js';
import type { KeyHasher } from './key-hash.js';

const TOUCH_EVERY_MS = 60_000;

function refused(detail: string): AppError {
  return new AppError({ code: 'UNAUTHENTICATED', detail });
}

export class Credentials {
  readonly #store: AccessStore & DirectoryStore;
  readonly #hasher: KeyHasher;
  readonly #clock: Clock;
  /** Key id -> when this process last wrote its lastUsedAt. */
  readonly #touched = new Map<string, number>();

  constructor(options: { store: AccessStore & DirectoryStore; hasher: KeyHasher; clock: Clock }) {
    this.#store = options.store;
    this.#hasher = options.hasher;
    this.#clock = options.clock;
  }

  get hasher(): KeyHasher {
    return this.#hasher;
  }

  /** The principal and key a bearer key stands for. */
  async byApiKey(text: string): Promise<{ principal: PrincipalRecord; key: ApiKeyRecord }> {
    const key = await this.#store.apiKeyByHash(this.#hasher.hash(text));
    if (!key) throw refused('This API key is not known.');
    const now = this.#clock.now();
    const at = now.toISOString();
    if (key.revokedAt !== null) throw refused(`This API key (${key.prefix}) was revoked at ${key.revokedAt}.`);
    if (key.expiresAt !== null && key.expiresAt <= at) throw refused(`This API key (${key.prefix}) expired at ${key.expiresAt}.`);
    const principal = await this.enabledPrincipal(key.principalId);
    await this.#touch(key, now.getTime(), at);
    return { principal, key };
  }

  /** The principal a session names, if it still may act. */
  async enabledPrincipal(id: string): Promise<PrincipalRecord> {
    const principal = await this.#store.getPrincipal(id);
    if (!principal) throw refused('The principal of these credentials no longer exists.');
    if (principal.disabledAt !== undefined) throw refused(`Principal ${principal.id} was disabled at ${principal.disabledAt}; its keys and sessions no longer work.`);
    return principal;
  }

  async #touch(key: ApiKeyRecord, nowMs: number, at: string): Promise<void> {
    const last = this.#touched.get(key.id) ?? (key.lastUsedAt === null ? -Infinity : Date.parse(key.lastUsedAt));
    if (nowMs - last < TOUCH_EVERY_MS) return;
    this.#touched.set(key.id, nowMs);
    // "Last used" is a convenience: a store that cannot write now (full or read-only disk) must
    // not turn every read into a 503. The next request after the room is back records it.
    await this.#store.touchApiKey(key.id, at).catch((error: unknown) => {
      if (!isAppError(error, 'STORE_UNAVAILABLE')) throw error;
      this.#touched.delete(key.id);
    });
  }
}
