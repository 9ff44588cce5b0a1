/**
 * CSRF tokens of the synchroniser-token pattern (csrf-sync), one token per signed-in web session
 * for the API and the pages alike: a JSON client sends it back in `X-CSRF-Token` (`GET
 * /auth/session` gives it), a page's form in a hidden field. A cookie is sent by the browser
 * whoever made the page; the token only by a page of this service. The forms of someone not
 * signed in carry a token that needs no session (`anonymous-csrf.ts`).
 */
import type { Request, RequestHandler, Response } from 'express';
import { csrfSync } from 'csrf-sync';
import type { Clock } from '../../clock.js';
import { anonymousFormToken, isAnonymousFormTokenValid } from './anonymous-csrf.js';

/** The API's reading of the token: the `X-CSRF-Token` header. */
export const csrf = csrfSync({ getTokenFromRequest: (request) => request.get('x-csrf-token') });

/** The hidden field every form that changes something carries. */
export const CSRF_FIELD = '_csrf';

/** The same token store as the API's (the session), read from the form instead of a header. */
export const pageCsrf = csrfSync({
  getTokenFromRequest: (request) => (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD] as string | undefined,
});

/** Whether this request has a signed-in session, whose row holds its CSRF token. */
function hasSignedInSession(request: Request): boolean {
  return request.session?.principalId !== undefined;
}

/**
 * The token of a form on this page: the session's when someone is signed in, otherwise one bound
 * to a cookie nonce that needs no stored row (`anonymous-csrf.ts`), so a page for an anonymous
 * reader writes nothing to the store.
 */
export function formToken(request: Request, response: Response, secret: string, now: Date): string {
  return hasSignedInSession(request) ? pageCsrf.generateToken(request) : anonymousFormToken(request, response, secret, now);
}

/**
 * A form that changes something must carry the token of its page: the cookie is sent by the
 * browser whoever made the form, the token only by a page of this service. A refusal is
 * csrf-sync's `EBADCSRFTOKEN` error, which the error pages show as an expired form.
 */
export function checkCsrf(secret: string, clock: Clock): RequestHandler {
  return (request, _response, next) => {
    if (request.method === 'GET' || request.method === 'HEAD') return next();
    const valid = hasSignedInSession(request)
      ? pageCsrf.isRequestValid(request)
      : isAnonymousFormTokenValid(request, (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD], secret, clock.now());
    next(valid ? undefined : pageCsrf.invalidCsrfTokenError);
  };
}
