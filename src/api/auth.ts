/** Bearer API keys: the key is hashed and looked up; the principal it names is the actor. */
import type { Actor } from '../../machines/types.js';
import { AppError } from '../errors.js';
import { actorOf, hashApiKey } from '../principals.js';
import type { DirectoryStore } from '../store/port.js';

const BEARER = /^Bearer\s+([A-Za-z0-9_.~+/=-]{1,512})\s*$/i;

/**
 * The actor an `Authorization` header stands for.
 *
 * @throws AppError UNAUTHENTICATED when the header is missing, malformed or names no principal.
 */
export async function authenticate(authorization: string | undefined, directory: DirectoryStore): Promise<Actor> {
  const match = BEARER.exec(authorization ?? '');
  if (!match) {
    throw new AppError({ code: 'UNAUTHENTICATED', detail: 'Send your API key in the header "Authorization: Bearer <key>".' });
  }
  const principal = await directory.principalByKeyHash(hashApiKey(match[1]!));
  if (!principal) throw new AppError({ code: 'UNAUTHENTICATED', detail: 'This API key is not known.' });
  return actorOf(principal);
}
