/**
 * The reader's language: the one they chose (a cookie, set by the switch in every page's header),
 * else the first of Vietnamese and English their browser's `Accept-Language` prefers, else English.
 */
import type { Request, Response } from 'express';
import type { Language } from '../../i18n/index.js';

export const LANGUAGE_COOKIE = 'mra_lang';
const LANGUAGES: readonly Language[] = ['en', 'vi'];
const ONE_YEAR_MS = 365 * 24 * 3_600_000;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function languageOf(request: Request): Language {
  const chosen: unknown = (request.cookies as Record<string, unknown> | undefined)?.[LANGUAGE_COOKIE];
  if (isLanguage(chosen)) return chosen;
  // English first: a tie (`*`, no header) goes to English; a browser that prefers vi gets vi.
  const preferred = request.acceptsLanguages('en', 'vi');
  return isLanguage(preferred) ? preferred : 'en';
}

/** Remembers the choice for a year; it is a preference, not a secret, so scripts may read it too. */
export function rememberLanguage(response: Response, language: Language, secure: boolean): void {
  response.cookie(LANGUAGE_COOKIE, language, { maxAge: ONE_YEAR_MS, sameSite: 'lax', secure, path: '/' });
}
