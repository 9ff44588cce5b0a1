/**
 * A route, described as data: its method and path, who may call it, the schemas of its query and
 * body, its answers, and a handler that gets validated plain data and returns what to answer.
 * The same table registers the Express routes (`mount.ts`) and builds the OpenAPI document
 * (`openapi.ts`), so the two cannot drift apart.
 */
import type { Actor, PrincipalRole } from '../../kinds/types.js';
import type { DocumentRole } from '../../documents/inspect.js';
import type { ReceivedUpload } from '../common/spooled-uploads.js';
import type { ApiDeps } from './deps.js';

export interface SchemaRef {
  $id: string;
}

export interface ResponseDoc {
  description: string;
  /** Schema of a JSON answer; a string names a content type with a free-form body. */
  schema?: object;
  contentType?: string;
  /** Other content types the same answer comes in (a CSV or an XLSX of a JSON list), by Accept or `?format=`. */
  alsoAs?: readonly string[];
}

/** The web session of the request (the cookie a person gets by signing in). */
export interface SessionControl {
  /** Starts a fresh session for the principal (a new id, so a planted cookie is worthless). */
  start(principalId: string): Promise<SessionInfo>;
  /** Ends the session, if there is one, and clears its cookie. */
  end(): Promise<void>;
  /** The session's principal, CSRF token and end; null without a signed-in session. */
  current(): SessionInfo | null;
}

export interface SessionInfo {
  principalId: string;
  /** Send it back in `X-CSRF-Token` with every change made with the cookie. */
  csrfToken: string;
  expiresAt: string;
}

export interface ApiRequest<Q = Record<string, unknown>, B = unknown> {
  /** The authenticated principal; null on public routes. */
  actor: Actor | null;
  session: SessionControl;
  params: Record<string, string>;
  query: Q;
  body: B;
  header: (name: string) => string | undefined;
  /** The first of `supported` the client's Accept-Language takes, if any. */
  language: (supported: readonly string[]) => string | undefined;
  /** Files of a multipart/form-data request, on disk until the answer is sent (`readUploads` reads them); empty otherwise. */
  files: ReceivedUpload[];
}

/**
 * A route that takes files: as `multipart/form-data`, with the JSON body in the part named `json`
 * (if any) and files in the named parts; a plain JSON body still works, without files.
 */
export interface UploadSpec {
  json?: string;
  files: ReadonlyArray<{ part: string; role: DocumentRole; maxCount: number; description: string }>;
  /** Whether the caller's role may send files here at all; others get 403 before the body is read. */
  admits?: (actor: Actor) => boolean;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * `json` (default), `csv` or `text`: the content type of `body`; `binary`: `body` is a Buffer
   * sent as `contentType`; `stream`: `body` is an async iterable of text chunks, sent as CSV.
   */
  type?: 'json' | 'csv' | 'text' | 'binary' | 'stream';
  contentType?: string;
}

export interface RouteSpec {
  method: 'get' | 'post';
  /** OpenAPI style: `/agreements/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** `public` routes need no key; `principal` routes need one. */
  access: 'public' | 'principal';
  /** Roles that may call it at all; the engine decides the rest. */
  roles?: readonly PrincipalRole[];
  /** Every query is validated; routes without parameters use the empty query schema. */
  query: SchemaRef;
  /**
   * The body: validated here against `schema`, unless `validatedBy` is `engine` (event bodies,
   * whose schema depends on their `type`: the engine validates them first thing).
   */
  body?: { schema: SchemaRef | object; validatedBy?: 'route' | 'engine'; description?: string };
  /** Files it takes, as multipart/form-data. */
  upload?: UploadSpec;
  /** Public routes are rate limited per client address. */
  rateLimited?: boolean;
  /**
   * Routes that take credentials count the refused ones (401) per client address and answer 429
   * past the limit; principal routes always do. `every` counts every request instead (asking for
   * a sign-in link, whose answer is always the same).
   */
  credentialLimit?: 'failures' | 'every';
  /** Extra request headers, for the documentation. */
  headers?: Array<{ name: string; description: string }>;
  /** `false` leaves the route out of the OpenAPI document (`/metrics`, for a scraper, not a client). */
  documented?: false;
  responses: Record<number, ResponseDoc>;
  handle(request: ApiRequest<never, never>, deps: ApiDeps): Promise<ApiResponse> | ApiResponse;
}

/** Lets a route declare the types its handler receives, checked against the rest of the spec. */
export function route<Q = Record<string, unknown>, B = unknown>(
  spec: Omit<RouteSpec, 'handle'> & { handle(request: ApiRequest<Q, B>, deps: ApiDeps): Promise<ApiResponse> | ApiResponse },
): RouteSpec {
  return spec;
}
