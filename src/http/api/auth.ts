/**
 * Who is calling, for every route that needs a principal: a bearer API key (machines, and every
 * JSON client), or the session cookie a person got by signing in (the web pages). A request that
 * changes something (POST) on the strength of a cookie must also carry the session's CSRF token in
 * `X-CSRF-Token`: a cookie is sent by the browser whoever made the page, a header is not.
 */
import type { Request } from 'express';
import type { Actor } from '../../kinds/types.js';
import { AppError } from '../../errors.js';
import { actorOf } from '../../principals.js';
import type { ApiDeps } from './deps.js';
import { csrf } from '../common/csrf.js';

const BEARER = /^Bearer\s+([A-Za-z0-9_.~+/=-]{1,512})\s*$/i;


export interface Caller {
  actor: Actor;
  /** The key's public prefix, for the log line; absent for a session. */
  keyPrefix?: string;
}

/**
 * The principal a request stands for.
 *
 * @throws AppError UNAUTHENTICATED with no credentials or refused ones; FORBIDDEN for a cookie-borne POST without its CSRF token.
 */
export async function authenticate(request: Request, deps: ApiDeps): Promise<Caller> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = BEARER.exec(authorization);
    if (!match) throw new AppError({ code: 'UNAUTHENTICATED', detail: 'Send your API key in the header "Authorization: Bearer <key>".' });
    const { principal, key } = await deps.credentials.byApiKey(match[1]!);
    return { actor: actorOf(principal), keyPrefix: key.prefix };
  }
  const principalId = request.session?.principalId;
  if (principalId === undefined) {
    throw new AppError({ code: 'UNAUTHENTICATED', detail: 'Send your API key in the header "Authorization: Bearer <key>", or sign in.' });
  }
  const principal = await deps.credentials.enabledPrincipal(principalId);
  if (request.method !== 'GET' && request.method !== 'HEAD' && !csrf.isRequestValid(request)) {
    throw new AppError({
      code: 'FORBIDDEN',
      detail: 'A change made with a sign-in cookie needs the session\'s CSRF token in the header "X-CSRF-Token" (GET /auth/session gives it).',
    });
  }
  return { actor: actorOf(principal) };
}
