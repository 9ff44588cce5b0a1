/**
 * What every page knows about the request it answers: the reader's language and words, who is
 * signed in, the CSRF token its forms carry, and where it is (for the language switch to return).
 */
import type { Response } from 'express';
import type { Actor } from '../../kinds/types.js';
import { wordings, type Language, type Wording } from '../../i18n/index.js';
import { pageTexts, type PageText } from '../../i18n/pages/index.js';

export interface PageContext {
  language: Language;
  text: PageText;
  wording: Wording;
  /** Null on a public page read by someone not signed in. */
  actor: Actor | null;
  /**
   * The session's CSRF token, which every form that changes something carries. Made when a form
   * asks for it, so a visitor reading public pages leaves no session behind.
   */
  csrfToken: () => string;
  /** Path and query of this page, to come back to after a language switch or a sign-in. */
  here: string;
}

export function contextFor(language: Language, fields: Omit<PageContext, 'language' | 'text' | 'wording'>): PageContext {
  return { language, text: pageTexts[language], wording: wordings[language], ...fields };
}

/** A path on this site to go back to; anything else (another host, `//x`) is replaced by `/`. */
export function localPath(candidate: unknown): string {
  return typeof candidate === 'string' && /^\/(?![/\\])[^\s]*$/.test(candidate) ? candidate : '/';
}

/** The context the middleware of `webRouter` put on this response. */
export function context(response: Response): PageContext {
  return response.locals['page'] as PageContext;
}
