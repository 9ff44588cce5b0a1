/**
 * CSRF tokens of the synchroniser-token pattern (csrf-sync), one token per web session for the
 * API and the pages alike: a JSON client sends it back in `X-CSRF-Token` (`GET /auth/session`
 * gives it), a page's form in a hidden field. A cookie is sent by the browser whoever made the
 * page; the token only by a page of this service.
 */
import type { RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';

/** The API's reading of the token: the `X-CSRF-Token` header. */
export const csrf = csrfSync({ getTokenFromRequest: (request) => request.get('x-csrf-token') });

/** The hidden field every form that changes something carries. */
export const CSRF_FIELD = '_csrf';

/** The same token store as the API's (the session), read from the form instead of a header. */
export const pageCsrf = csrfSync({
  getTokenFromRequest: (request) => (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD] as string | undefined,
});

/**
 * A form that changes something must carry the session's token: the cookie is sent by the
 * browser whoever made the form, the token only by a page of this service. A refusal is
 * csrf-sync's `EBADCSRFTOKEN` error, which the error pages show as an expired form.
 */
export const checkCsrf: RequestHandler = (request, _response, next) => {
  if (request.method === 'GET' || request.method === 'HEAD' || pageCsrf.isRequestValid(request)) return next();
  next(pageCsrf.invalidCsrfTokenError);
};
