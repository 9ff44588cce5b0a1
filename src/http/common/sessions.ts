/**
 * The web session (express-session, cookie `mra.sid`) the pages start and the API takes beside
 * keys (`src/http/api/auth.ts`), kept in the store through the port's session store.
 */
import type { RequestHandler } from 'express';
import session from 'express-session';
import { PortSessionStore } from '../../access/session-store.js';
import type { ApiDeps } from '../api/deps.js';

const SESSION_COOKIE = /(?:^|;)\s*mra\.sid=/;

/**
 * Web sessions (express-session) kept in the store: the cookie is `HttpOnly`, `SameSite=Lax`,
 * `Secure` when the request came over https (`trust proxy` decides behind a proxy), and lasts
 * the session lifetime after the last request. Nothing is stored until someone signs in.
 */
function sessions(deps: ApiDeps): RequestHandler {
  return session({
    name: 'mra.sid',
    secret: deps.access.cookieSecret,
    store: new PortSessionStore({ store: deps.store, clock: deps.clock, lifetimeMs: deps.access.sessionLifetimeMs }),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: deps.access.sessionLifetimeMs },
  });
}

/**
 * Sessions only where one may be: a request without the session cookie has no session to load,
 * and only a page (sign-in among them) can start one, so an API call with a key, or a public
 * look-up, skips express-session.
 */
export function sessionsWhereNeeded(deps: ApiDeps, isPagePath: (path: string) => boolean): RequestHandler {
  const withSession = sessions(deps);
  return (request, response, next) => (SESSION_COOKIE.test(request.headers.cookie ?? '') || isPagePath(request.path) ? withSession(request, response, next) : next());
}
