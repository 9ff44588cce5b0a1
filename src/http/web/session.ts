/**
 * Who is signed in on the pages: the same web session (express-session, `mra.sid`) the API takes,
 * started by the e-mail sign-in link of "People and keys" or by an API key typed into the sign-in
 * page. The session holds the principal's id only; every request checks the principal may still
 * act, so disabling it ends its sessions at once. Forms carry the session's CSRF token in a hidden
 * field (`src/http/common/csrf.ts`).
 */
import type { Request } from 'express';
import type { Actor } from '../../kinds/types.js';
import { redeemSignInToken } from '../../access/sign-in.js';
import type { ApiDeps } from '../api/deps.js';
import { isAppError } from '../../errors.js';
import { actorOf } from '../../principals.js';
import type { PrincipalRecord } from '../../store/port.js';

/** The signed-in actor, or null when nobody is (or the principal may no longer act). */
export async function signedIn(request: Request, deps: ApiDeps): Promise<Actor | null> {
  const principalId = request.session?.principalId;
  if (principalId === undefined) return null;
  try {
    return actorOf(await deps.credentials.enabledPrincipal(principalId));
  } catch (error) {
    if (isAppError(error, 'UNAUTHENTICATED')) return null;
    throw error;
  }
}

/** A fresh session (a new id, so a cookie planted before sign-in is worthless) for this principal. */
function startSession(request: Request, principal: PrincipalRecord): Promise<Actor> {
  return new Promise((resolve, reject) => {
    request.session.regenerate((error?: Error) => {
      if (error) return reject(error);
      request.session.principalId = principal.id;
      resolve(actorOf(principal));
    });
  });
}

/** Signs in with an API key; null when the key is not one that works. */
export async function signInWithKey(request: Request, key: string, deps: ApiDeps): Promise<Actor | null> {
  try {
    const { principal } = await deps.credentials.byApiKey(key.trim());
    return await startSession(request, principal);
  } catch (error) {
    if (isAppError(error, 'UNAUTHENTICATED')) return null;
    throw error;
  }
}

/** Signs in with the token of an e-mailed link (used up); null when it was used, expired or never sent. */
export async function signInWithToken(request: Request, token: string, deps: ApiDeps): Promise<Actor | null> {
  try {
    return await startSession(request, await redeemSignInToken(deps, token));
  } catch (error) {
    if (isAppError(error, 'UNAUTHENTICATED')) return null;
    throw error;
  }
}

/** Ends the session (its row in the store too). */
export function signOut(request: Request): Promise<void> {
  return new Promise((resolve, reject) => request.session.destroy((error?: Error) => (error ? reject(error) : resolve())));
}
