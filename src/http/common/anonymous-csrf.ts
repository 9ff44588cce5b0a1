/**
 * CSRF tokens for the forms of someone not signed in (sign-in by key or by e-mail link), without a
 * session row: a page for an anonymous reader must store nothing, or anyone could fill the store
 * by asking for the sign-in page (issue: 2,000 requests, 2,000 rows).
 *
 * The scheme is a signed double submit: the browser gets a random nonce in a cookie of its own
 * (`mra.form`, HttpOnly, SameSite=Lax), and the form carries `expiry.HMAC(secret, nonce|expiry)`.
 * A forged form from another site cannot read the cookie nor compute the HMAC, and a token is
 * worth nothing with another browser's cookie or after it expires. Signed-in people keep the
 * synchroniser token of their session (`csrf.ts`): they have a session row anyway, and it dies
 * with it. Built on node:crypto rather than a package (csrf-csrf is not a dependency).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

const COOKIE = 'mra.form';
/** How long a form stays good to send; a page left open longer is answered as an expired form. */
const LIFETIME_MS = 2 * 3_600_000;
const NONCE = /^[A-Za-z0-9_-]{22}$/;
const TOKEN = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/;

/** The nonce given in this response, when the request came without one: two forms on one page share it. */
const given = new WeakMap<Request, string>();

function mac(secret: string, nonce: string, expiresAt: number): string {
  return createHmac('sha256', secret).update(`anonymous-form|${nonce}|${expiresAt}`).digest('base64url');
}

function cookieNonce(request: Request): string | null {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[COOKIE];
  return typeof value === 'string' && NONCE.test(value) ? value : null;
}

/** A token for a form on this page, setting the browser's nonce cookie if it has none yet. */
export function anonymousFormToken(request: Request, response: Response, secret: string, now: Date): string {
  let nonce = cookieNonce(request) ?? given.get(request) ?? null;
  if (nonce === null) {
    nonce = randomBytes(16).toString('base64url');
    given.set(request, nonce);
    response.cookie(COOKIE, nonce, { httpOnly: true, sameSite: 'lax', secure: request.secure, path: '/', maxAge: LIFETIME_MS });
  }
  const expiresAt = now.getTime() + LIFETIME_MS;
  return `${expiresAt}.${mac(secret, nonce, expiresAt)}`;
}

/** Whether `token` was made by this service for this browser's nonce, and has not expired at `now`. */
export function isAnonymousFormTokenValid(request: Request, token: unknown, secret: string, now: Date): boolean {
  const nonce = cookieNonce(request);
  const match = typeof token === 'string' ? TOKEN.exec(token) : null;
  if (nonce === null || match === null) return false;
  const expiresAt = Number(match[1]);
  if (expiresAt <= now.getTime()) return false;
  const expected = Buffer.from(mac(secret, nonce, expiresAt));
  const sent = Buffer.from(match[2]!);
  return expected.length === sent.length && timingSafeEqual(expected, sent);
}
