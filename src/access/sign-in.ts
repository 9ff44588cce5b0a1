/**
 * Sign-in for people by e-mail link: a person gives an address; if a principal that may act has
 * it, a one-time token goes to that address through the outbox (logged and retried like every
 * e-mail), stored here only as its keyed hash. Opening the link takes the token (once, before it
 * expires) and names the principal to start a session for. No password is ever stored.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import type { AccessStore, DirectoryStore, PrincipalRecord } from '../store/port.js';
import type { Credentials } from './credentials.js';

export interface SignInOptions {
  store: DirectoryStore & AccessStore;
  credentials: Credentials;
  clock: Clock;
  /** Base of the link, e.g. https://mra.example.gov.vn */
  publicUrl: string;
  linkMinutes: number;
}

/**
 * Sends a sign-in link to the principal with this address, if there is one that may act; silent
 * otherwise. `next`, a path on this service, is carried in the link: the web page it opens signs
 * in and then goes there (the record a notification e-mail pointed to).
 */
export async function sendSignInLink(options: SignInOptions, email: string, next?: string): Promise<void> {
  const principal = await options.store.principalByEmail(email);
  if (!principal || principal.disabledAt !== undefined) return;
  const now = options.clock.now();
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + options.linkMinutes * 60_000).toISOString();
  await options.store.putSignInToken({ hash: options.credentials.hasher.hash(token), principalId: principal.id, createdAt: at, expiresAt });
  await options.store.queueAccountMail({
    id: newId(),
    recipient: { address: principal.email, name: principal.name, language: principal.language, party: 'account' },
    mail: { type: 'sign-in-link', principalId: principal.id, at, expiresAt, link: `${options.publicUrl}/auth/sign-in?token=${token}${next === undefined || next === '/' ? '' : `&next=${encodeURIComponent(next)}`}` },
  });
}

/**
 * Asks for a sign-in link the way a request for one must be answered: at once, and the same way
 * whether or not the address belongs to anyone. The look-up, the token and the e-mail are done
 * after the caller has answered (on the next turn of the event loop), so the time to the answer
 * cannot tell a known address from an unknown one (a known one costs a write and a queued
 * e-mail). A failure there is nobody's answer any more: it goes to `onFailure`, for the log.
 */
export function requestSignInLink(options: SignInOptions, email: string, next: string | undefined, onFailure: (error: unknown) => void): void {
  const work = new Promise<void>((resolve) => setImmediate(resolve)).then(() => sendSignInLink(options, email, next)).catch(onFailure);
  inFlight.add(work);
  void work.finally(() => inFlight.delete(work));
}

/** The links asked for and not yet queued. */
const inFlight = new Set<Promise<void>>();

/** Resolves once every sign-in link asked for so far is queued (or has failed): what a test waits for. */
export async function signInLinksSettled(): Promise<void> {
  await Promise.all([...inFlight]);
}

/**
 * The principal a sign-in token stands for; the token is used up.
 *
 * @throws AppError UNAUTHENTICATED when the token is unknown, used, expired, or its principal disabled.
 */
export async function redeemSignInToken(options: Omit<SignInOptions, 'publicUrl' | 'linkMinutes'>, token: string): Promise<PrincipalRecord> {
  const found = await options.store.consumeSignInToken(options.credentials.hasher.hash(token), options.clock.now().toISOString());
  if (!found) {
    throw new AppError({ code: 'UNAUTHENTICATED', detail: 'This sign-in link is not valid: it was used already, has expired, or was never sent. Ask for a new one.' });
  }
  return options.credentials.enabledPrincipal(found.principalId);
}
