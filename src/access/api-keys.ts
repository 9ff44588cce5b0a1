/**
 * API keys for machines: minted by a principal for itself, shown once, stored as a keyed hash;
 * each has a name, a public prefix that tells it apart in lists and logs, an optional expiry, a
 * last-used time, and can be revoked.
 */
import { randomBytes } from 'node:crypto';
import type { Actor } from '../kinds/types.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import type { AccessStore, ApiKeyRecord, DirectoryStore, PrincipalRecord } from '../store/port.js';
import { auditEntry } from './audit.js';
import type { KeyHasher } from './key-hash.js';
import { requireManageable } from './principal-rules.js';

/** A key as its owner and managers see it: everything but the hash. */
export type ApiKeyView = Omit<ApiKeyRecord, 'hash' | 'hashScheme'>;

export function keyView(key: ApiKeyRecord): ApiKeyView {
  const { hash: _hash, hashScheme: _scheme, ...view } = key;
  return view;
}

/** `mra_` and 8 random characters: public, it names the key; the secret part follows it. */
function newKeyText(): { key: string; prefix: string } {
  const prefix = `mra_${randomBytes(6).toString('base64url')}`;
  return { key: `${prefix}.${randomBytes(32).toString('base64url')}`, prefix };
}

/**
 * Mints a key for the acting principal itself (a principal mints keys for its own machines only).
 *
 * @returns the key in clear, which is never shown again, and its record.
 */
export async function mintApiKey(
  deps: { store: AccessStore; hasher: KeyHasher; now: Date },
  owner: PrincipalRecord,
  actor: Actor,
  body: { name: string; expiresAt?: string },
): Promise<{ key: string; record: ApiKeyView }> {
  if (actor.id !== owner.id) {
    throw new AppError({ code: 'FORBIDDEN', detail: 'A principal mints API keys for its own machines only: sign in as that principal to mint one.' });
  }
  const at = deps.now.toISOString();
  if (body.expiresAt !== undefined && body.expiresAt <= at) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: 'expiresAt must be in the future.',
      errors: [{ pointer: '/expiresAt', message: `must be after ${at}` }],
    });
  }
  const { key, prefix } = newKeyText();
  const record: ApiKeyRecord = {
    id: newId(),
    principalId: owner.id,
    name: body.name,
    prefix,
    hash: deps.hasher.hash(key),
    hashScheme: 'hmac-sha256',
    createdAt: at,
    expiresAt: body.expiresAt ?? null,
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.store.putApiKey(record, auditEntry(actor, at, 'key.minted', owner, { keyId: record.id, details: { name: record.name, prefix } }));
  return { key, record: keyView(record) };
}

/** Revokes a key of `owner`: its owner, an admin or whoever manages the owner may. */
export async function revokeApiKey(deps: { store: AccessStore & DirectoryStore; now: Date }, owner: PrincipalRecord, keyId: string, actor: Actor): Promise<ApiKeyView> {
  if (actor.id !== owner.id) await requireManageable(deps.store, actor, owner, 'revoke the keys of');
  const key = await deps.store.getApiKey(keyId);
  if (!key || key.principalId !== owner.id) throw new AppError({ code: 'NOT_FOUND', detail: `Principal ${owner.id} has no API key "${keyId}".` });
  if (key.revokedAt !== null) {
    throw new AppError({ code: 'NOT_ELIGIBLE', detail: `API key ${key.prefix} was already revoked at ${key.revokedAt}.`, publicFields: { reasons: [{ code: 'ALREADY_REVOKED', detail: key.revokedAt }] } });
  }
  const at = deps.now.toISOString();
  const revoked: ApiKeyRecord = { ...key, revokedAt: at };
  await deps.store.putApiKey(revoked, auditEntry(actor, at, 'key.revoked', owner, { keyId: key.id, details: { name: key.name, prefix: key.prefix } }));
  return keyView(revoked);
}

/** Re-keys the bare SHA-256 digests an older release stored (run at start-up); answers how many. */
export async function upgradeLegacyKeyHashes(store: AccessStore, hasher: KeyHasher): Promise<number> {
  const legacy = await store.listApiKeys({ hashScheme: 'sha256' });
  for (const key of legacy) await store.putApiKey({ ...key, hash: hasher.rekey(key.hash), hashScheme: 'hmac-sha256' });
  return legacy.length;
}
