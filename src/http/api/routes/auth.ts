/**
 * `/auth`: sign-in for people by e-mail link, and the session cookie it gives, for the web pages.
 * The JSON API takes the cookie as well as a bearer key; a change made with the cookie needs the
 * session's CSRF token in `X-CSRF-Token` (`src/http/api/auth.ts`).
 */
import { principal, signInLinkRequest } from '../../../schemas/access.js';
import { noQuery, signInQuery } from '../../../schemas/queries.js';
import { redeemSignInToken, requestSignInLink } from '../../../access/sign-in.js';
import { AppError } from '../../../errors.js';
import { problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

const session = {
  type: 'object',
  properties: {
    principal,
    csrfToken: { type: 'string', description: 'Send it in "X-CSRF-Token" with every POST made with the session cookie.' },
    expiresAt: { type: 'string', format: 'date-time', description: 'When the session ends unless used again.' },
  },
  required: ['principal', 'csrfToken', 'expiresAt'],
} as const;

const NO_STORE = { 'Cache-Control': 'no-store' };

export const authRoutes: RouteSpec[] = [
  route<Record<string, never>, { email: string; next?: string }>({
    method: 'post',
    path: '/auth/sign-in-link',
    summary: 'Ask for a sign-in link by e-mail',
    tag: 'auth',
    access: 'public',
    credentialLimit: 'every',
    query: noQuery,
    body: { schema: signInLinkRequest, description: 'The answer is the same whether or not the address belongs to a principal.' },
    responses: {
      202: { description: 'If the address belongs to a principal that may sign in, a one-time link is on its way', schema: { type: 'object', properties: { detail: { type: 'string' } } } },
      ...problems([400, 413, 415, 429]),
    },
    handle({ body }, { store, credentials, clock, access, log }) {
      // Answered before the address is even looked up: known and unknown addresses take the same time.
      requestSignInLink({ store, credentials, clock, publicUrl: access.publicUrl, linkMinutes: access.signInLinkMinutes }, body.email, body.next, (error) =>
        log.error({ err: error }, 'sign-in link not sent'),
      );
      return {
        status: 202,
        body: { detail: `If this address belongs to an account, a sign-in link is on its way; it works once, for ${access.signInLinkMinutes} minutes.` },
      };
    },
  }),
  route<{ token: string; next?: string }>({
    method: 'get',
    path: '/auth/sign-in',
    summary: 'Sign in with the link from the e-mail',
    tag: 'auth',
    access: 'public',
    credentialLimit: 'failures',
    query: signInQuery,
    responses: {
      200: { description: 'Signed in: the session cookie (HttpOnly, SameSite=Lax, Secure over https) is set', schema: session },
      ...problems([400, 401, 429]),
    },
    async handle({ query, session: web }, { store, credentials, clock }) {
      const signedIn = await redeemSignInToken({ store, credentials, clock }, query.token);
      const info = await web.start(signedIn.id);
      return { status: 200, body: { principal: signedIn, csrfToken: info.csrfToken, expiresAt: info.expiresAt }, headers: NO_STORE };
    },
  }),
  route({
    method: 'get',
    path: '/auth/session',
    summary: 'Who is signed in with this cookie',
    tag: 'auth',
    access: 'public',
    credentialLimit: 'failures',
    query: noQuery,
    responses: { 200: { description: 'The session', schema: session }, ...problems([401, 429]) },
    async handle({ session: web }, { credentials }) {
      const info = web.current();
      if (!info) throw new AppError({ code: 'UNAUTHENTICATED', detail: 'Nobody is signed in with this browser: ask for a sign-in link.' });
      const signedIn = await credentials.enabledPrincipal(info.principalId);
      return { status: 200, body: { principal: signedIn, csrfToken: info.csrfToken, expiresAt: info.expiresAt }, headers: NO_STORE };
    },
  }),
  route({
    method: 'post',
    path: '/auth/sign-out',
    summary: 'Sign out',
    tag: 'auth',
    access: 'public',
    query: noQuery,
    responses: { 204: { description: 'The session is ended and its cookie cleared (also when there was none)' }, ...problems([400, 415]) },
    async handle({ session: web }) {
      await web.end();
      return { status: 204, headers: { 'Set-Cookie': 'mra.sid=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax' } };
    },
  }),
];
