/**
 * Who is signed in. Until "People and keys" provides sessions for people, a person signs in with
 * their organisation's API key: it is checked exactly as a bearer key is (`authenticate`), and kept
 * in an `HttpOnly`, `SameSite=Lax` cookie that this browser sends back only to this service, for
 * eight hours. Signing out clears it. Nothing else is stored.
 */
import type { Request, Response } from 'express';
import type { Actor } from '../../machines/types.js';
import { authenticate } from '../api/auth.js';
import { isAppError } from '../errors.js';
import type { DirectoryStore } from '../store/port.js';

export const SESSION_COOKIE = 'mra_key';
const SESSION_MS = 8 * 3_600_000;

function keyOf(request: Request): string | null {
  const key: unknown = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof key === 'string' && key !== '' ? key : null;
}

/** The signed-in actor, or null when nobody is (or the key stopped working). */
export async function signedIn(request: Request, directory: DirectoryStore): Promise<Actor | null> {
  const key = keyOf(request);
  if (key === null) return null;
  try {
    return await authenticate(`Bearer ${key}`, directory);
  } catch (error) {
    if (isAppError(error, 'UNAUTHENTICATED')) return null;
    throw error;
  }
}

/** Checks the key and keeps it; null when it is not known. */
export async function signIn(response: Response, key: string, directory: DirectoryStore, secure: boolean): Promise<Actor | null> {
  let actor: Actor;
  try {
    actor = await authenticate(`Bearer ${key.trim()}`, directory);
  } catch (error) {
    if (isAppError(error, 'UNAUTHENTICATED')) return null;
    throw error;
  }
  response.cookie(SESSION_COOKIE, key.trim(), { httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_MS, path: '/' });
  return actor;
}

export function signOut(response: Response, secure: boolean): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/** An identifier of the session for CSRF tokens: they are bound to who is signed in. */
export function sessionIdentifier(request: Request): string {
  return keyOf(request) ?? 'anonymous';
}
