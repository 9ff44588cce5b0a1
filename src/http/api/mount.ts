/**
 * Registers route specs on an Express router. For every route, in this order: rate limit (public
 * routes; refused credentials per client address), authentication (401), the caller's role (403),
 * on a route that takes files only then its multipart body (`uploads.ts`: 503 when too many are
 * being read, 413 over the limits, files on disk), the content type (415), the query and the body against their schemas (400), the cursor
 * unsealed, then the handler; its answer, with its next cursor sealed, is written as JSON, CSV or
 * text. Nothing here catches: Express 5 hands every rejection to the one error mapper.
 */
import { Readable } from 'node:stream';
import type { Request, RequestHandler, Response, Router } from 'express';
import { AppError } from '../../errors.js';
import { authenticate } from './auth.js';
import { csrf } from '../common/csrf.js';
import type { ApiDeps } from './deps.js';
import type { CursorSeal } from './cursors.js';
import type { ApiResponse, RouteSpec, SessionControl, SessionInfo } from './route.js';

import type { Limiters } from '../common/limits.js';
import { expressPath } from '../common/paths.js';
import { isMultipart } from '../common/multipart.js';
import { refuseControlsInQuery } from '../common/query-text.js';
import { multipartBody, receivedUploads, uploadParser } from './uploads.js';
import type { Actor } from '../../kinds/types.js';

/**
 * Query strings are text, without controls (`src/http/common/query-text.ts`); `limit` is a number
 * once it looks like one, so its schema can say so.
 */
function queryOf(request: Request): Record<string, unknown> {
  const query = { ...(request.query as Record<string, unknown>) };
  refuseControlsInQuery(query);
  if (typeof query['limit'] === 'string' && /^\d{1,6}$/.test(query['limit'])) query['limit'] = Number(query['limit']);
  return query;
}

function hasBody(request: Request): boolean {
  return Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
}

/** A page's `nextCursor`, sealed for the route that answered (`cursors.ts` says why). */
function sealCursor(answer: ApiResponse, cursors: CursorSeal, scope: string): ApiResponse {
  const body = answer.body as { nextCursor?: unknown } | undefined;
  if (body === null || typeof body !== 'object' || typeof body.nextCursor !== 'string') return answer;
  return { ...answer, body: { ...body, nextCursor: cursors.seal(body.nextCursor, scope) } };
}

function write(response: Response, answer: ApiResponse): void {
  response.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
  if (answer.body === undefined) {
    response.end();
  } else if (answer.type === 'csv') {
    response.type('text/csv; charset=utf-8').send(answer.body);
  } else if (answer.type === 'text') {
    response.type('text/plain; charset=utf-8').send(answer.body);
  } else if (answer.type === 'binary') {
    response.type(answer.contentType ?? 'application/octet-stream').send(answer.body);
  } else if (answer.type === 'stream') {
    response.type('text/csv; charset=utf-8');
    Readable.from(answer.body as AsyncIterable<string>).pipe(response);
  } else {
    response.json(answer.body);
  }
}

function sessionInfo(request: Request, deps: ApiDeps): SessionInfo | null {
  const session = request.session as Request['session'] | undefined;
  if (session?.principalId === undefined) return null;
  // Sessions are rolling: each request moves the end a whole lifetime ahead, on the service clock.
  const expiresAt = new Date(deps.clock.now().getTime() + deps.access.sessionLifetimeMs).toISOString();
  return { principalId: session.principalId, csrfToken: csrf.generateToken(request), expiresAt };
}

function sessionControl(request: Request, deps: ApiDeps): SessionControl {
  return {
    start: (principalId) =>
      new Promise((resolve, reject) => {
        request.session.regenerate((error?: Error) => {
          if (error) return reject(error);
          request.session.principalId = principalId;
          resolve(sessionInfo(request, deps)!);
        });
      }),
    end: () =>
      new Promise((resolve, reject) => {
        const session = request.session as Request['session'] | undefined;
        if (!session) return resolve();
        session.destroy((error?: Error) => (error ? reject(error) : resolve()));
      }),
    current: () => sessionInfo(request, deps),
  };
}

/** Callers already authorised, by request: a route that takes files asks before its body is read. */
const authorised = new WeakMap<Request, Actor | null>();

/**
 * The caller (null on a public route), with a role the route admits.
 *
 * @throws AppError UNAUTHENTICATED (401) or FORBIDDEN (403), from headers and session alone.
 */
async function authorise(request: Request, response: Response, spec: RouteSpec, deps: ApiDeps): Promise<Actor | null> {
  if (authorised.has(request)) return authorised.get(request)!;
  const caller = spec.access === 'principal' ? await authenticate(request, deps) : null;
  const actor = caller?.actor ?? null;
  if (caller) response.locals['caller'] = { principal: caller.actor.id, ...(caller.keyPrefix === undefined ? {} : { key: caller.keyPrefix }) };
  if (actor && spec.roles && !spec.roles.includes(actor.role as never)) {
    throw new AppError({ code: 'FORBIDDEN', detail: `Only ${spec.roles.join(' or ')} principals may ${spec.summary.toLowerCase()}.` });
  }
  authorised.set(request, actor);
  return actor;
}

export function mount(router: Router, spec: RouteSpec, deps: ApiDeps, limiters: Limiters, cursors: CursorSeal): void {
  const scope = `${spec.method.toUpperCase()} ${spec.path}`;
  const handler: RequestHandler = async (request, response) => {
    const actor = await authorise(request, response, spec, deps);
    const multipart = spec.upload !== undefined && isMultipart(request);
    if (spec.method === 'post' && hasBody(request) && !multipart && !request.is(['application/json', 'application/*+json'])) {
      throw new AppError({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        detail: spec.upload
          ? 'Send the body as JSON ("Content-Type: application/json"), or with files as multipart/form-data.'
          : 'Send the body as JSON, with "Content-Type: application/json".',
      });
    }
    const query = deps.validator.validate<Record<string, unknown>>(spec.query.$id, queryOf(request), 'The query');
    if (typeof query['cursor'] === 'string') query['cursor'] = cursors.open(query['cursor'], scope);
    const rawBody: unknown = multipart ? multipartBody(request, spec.upload!) : (request.body ?? {});
    if (spec.method === 'post' && !spec.body && !isEmptyObject(rawBody)) {
      // A route that takes no body says so, rather than doing its work and ignoring what was sent.
      throw new AppError({ code: 'VALIDATION_FAILED', detail: `${scope} takes no body; send none, or {}.`, errors: [{ pointer: '', message: 'must be empty' }] });
    }
    const body =
      spec.body && spec.body.validatedBy !== 'engine' && '$id' in spec.body.schema
        ? deps.validator.validate((spec.body.schema).$id, rawBody, 'The body')
        : rawBody;
    const answer = await spec.handle(
      {
        actor,
        session: sessionControl(request, deps),
        params: request.params as Record<string, string>,
        query: query as never,
        body: body as never,
        header: (name) => request.get(name),
        language: (supported) => request.acceptsLanguages(...supported) || undefined,
        files: multipart ? receivedUploads(request, spec.upload!) : [],
      },
      deps,
    );
    write(response, sealCursor(answer, cursors, scope));
  };
  const beforeBody: RequestHandler = async (request, response, next) => {
    const actor = await authorise(request, response, spec, deps);
    if (actor && isMultipart(request) && spec.upload?.admits && !spec.upload.admits(actor)) {
      throw new AppError({ code: 'FORBIDDEN', detail: `A ${actor.role} may not send files to ${scope}.` });
    }
    next();
  };
  const credentialLimit = spec.credentialLimit ?? (spec.access === 'principal' ? 'failures' : undefined);
  const chain = [
    ...(spec.rateLimited ? [limiters.public] : []),
    ...(credentialLimit === 'failures' ? [limiters.credentialFailures] : credentialLimit === 'every' ? [limiters.everyCredentialRequest] : []),
    // A body with files is read only for a caller who may use the route at all: an anonymous or
    // forbidden request is answered from its headers, its body never read into memory or onto disk.
    ...(spec.upload ? [beforeBody, ...uploadParser(spec.upload, spec.access, deps)] : []),
    handler,
  ];
  router[spec.method](expressPath(spec.path), ...chain);
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}
