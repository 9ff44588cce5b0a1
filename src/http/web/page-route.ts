/**
 * A page route, described as data beside the API's `RouteSpec` (`src/http/api/route.ts`): its
 * method and path, who may open it, the rate limit it sits behind, whether its form must carry the
 * CSRF token, and a handler that gets the request as plain data and returns what to answer (a page
 * to render, a redirect, a download). What the engine refuses is shown on the form again by
 * `refused`. One mounter (`mount-page.ts`) does authentication, CSRF, the limits and the refusals
 * the same way for every page; pages stay out of the OpenAPI document.
 */
import type { ComponentChildren } from 'preact';
import type { DocumentUpload } from '../../documents/inspect.js';
import type { AppError } from '../../errors.js';
import type { Language } from '../../i18n/index.js';
import type { Actor, Role } from '../../kinds/types.js';
import type { Limiters } from '../common/limits.js';
import type { PageContext } from './context.js';
import type { PageFiles } from './uploads.js';

/** The signed-in session of the pages, for the routes that start or end it. */
export interface PageSession {
  /** Signs in with an API key; null when the key is not one that works. */
  signInWithKey(key: string): Promise<Actor | null>;
  /** Signs in with an e-mailed link's token (used up); null when it does not work. */
  signInWithToken(token: string): Promise<Actor | null>;
  /** Ends the session and clears its cookie. */
  signOut(): Promise<void>;
}

export interface PageRequest {
  /** The reader: language, words, who is signed in, the CSRF token of the forms. */
  page: PageContext;
  actor: Actor | null;
  /** The path alone (no query), for links to the next page of a list. */
  path: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** The form's fields, urlencoded or multipart. */
  form: Record<string, unknown>;
  /** With the spec's `form`: the fields read as the body its schema describes, and validated. */
  body: unknown;
  /** The report and annexes a multipart form sent (on a page with `files: 'documents'`). */
  documents: DocumentUpload[];
  /** Where the one file of the verification form is on disk (until the answer is sent), if one was chosen. */
  fileToVerify: string | null;
  /** Whether the client asked for HTML (a browser) rather than JSON. */
  wantsHtml: boolean;
  session: PageSession;
}

/** A request to a page that needs someone signed in: the mounter has checked there is. */
export interface SignedInRequest extends PageRequest {
  actor: Actor;
}

export interface ShownPage {
  title: string;
  status?: number;
  body: ComponentChildren;
}

export type PageAnswer =
  /** A page in the layout, as HTML. */
  | { page: ShownPage }
  /** 303 to `redirect`; `language` is remembered in its cookie first. */
  | { redirect: string; language?: Language }
  /** A CSV or XLSX file to save. */
  | { download: { filename: string; csv: string } | { filename: string; xlsx: Buffer } }
  /** Not a request for a page (a JSON client): the API answers it. */
  | { toApi: true };

type Answer = PageAnswer | Promise<PageAnswer>;

interface PageBase {
  method: 'get' | 'post';
  /** As the API writes paths: `/records/{kind}/{id}`. */
  path: string;
  /** The limiter it sits behind, if any. */
  limit?: keyof Limiters;
  /** A POST carries the session's CSRF token unless `false` (a form that changes nothing, for anyone). */
  csrf?: false;
  /**
   * The form's schema: its fields are read from the form as the body the schema describes and
   * validated before the handler runs (a refusal is shown on the form). `fields` are the paths
   * the page shows, when it shows only some.
   */
  form?: { schema: { $id: string }; fields?: readonly string[] };
  /**
   * The files its form sends, if any: only such a page reads a multipart body, and only once the
   * reader is signed in with a role it admits (a public page reads it for anyone, under the limits).
   */
  files?: PageFiles;
  /** With `files`: whether the reader may send files here at all (from the path); else 403 before the body is read. */
  admitsFiles?: (actor: Actor, params: Record<string, string>) => boolean;
}

export interface PublicPageSpec extends PageBase {
  access: 'public';
  handle: (request: PageRequest) => Answer;
  /** The page that shows the refused form again, with `refused` on it. */
  refused?: (request: PageRequest, refused: AppError) => Answer;
}

export interface SignedInPageSpec extends PageBase {
  /** Someone must be signed in (else the sign-in page, and back); `roles` narrows who. */
  access: 'signed-in';
  roles?: readonly Role[];
  handle: (request: SignedInRequest) => Answer;
  refused?: (request: SignedInRequest, refused: AppError) => Answer;
}

export type PageSpec = PublicPageSpec | SignedInPageSpec;
