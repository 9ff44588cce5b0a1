/**
 * Registers route specs on an Express router. For every route, in this order: rate limit (public
 * routes), authentication (401), the caller's role (403), the content type (415), the query and
 * the body against their schemas (400), the cursor unsealed, then the handler; its answer, with its
 * next cursor sealed, is written as JSON, CSV or text. Nothing here catches: Express 5 hands every
 * rejection to the one error mapper.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import { AppError } from '../errors.js';
import { authenticate } from './auth.js';
import type { ApiDeps } from './deps.js';
import type { CursorSeal } from './cursors.js';
import type { ApiResponse, RouteSpec } from './route.js';

/** `/agreements/{id}` -> `/agreements/:id` */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** Query strings are text; `limit` is a number once it looks like one, so its schema can say so. */
function queryOf(request: Request): Record<string, unknown> {
  const query = { ...(request.query as Record<string, unknown>) };
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
  } else {
    response.json(answer.body);
  }
}

export function mount(router: Router, spec: RouteSpec, deps: ApiDeps, publicLimiter: RequestHandler, cursors: CursorSeal): void {
  const scope = `${spec.method.toUpperCase()} ${spec.path}`;
  const handler: RequestHandler = async (request, response) => {
    const actor = spec.access === 'principal' ? await authenticate(request.headers.authorization, deps.store) : null;
    if (actor && spec.roles && !spec.roles.includes(actor.role as never)) {
      throw new AppError({ code: 'FORBIDDEN', detail: `Only ${spec.roles.join(' or ')} principals may ${spec.summary.toLowerCase()}.` });
    }
    if (spec.method === 'post' && hasBody(request) && !request.is(['application/json', 'application/*+json'])) {
      throw new AppError({ code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Send the body as JSON, with "Content-Type: application/json".' });
    }
    const query = deps.validator.validate<Record<string, unknown>>(spec.query.$id, queryOf(request), 'The query');
    if (typeof query['cursor'] === 'string') query['cursor'] = cursors.open(query['cursor'], scope);
    const rawBody: unknown = request.body ?? {};
    const body =
      spec.body && spec.body.validatedBy !== 'engine' && '$id' in spec.body.schema
        ? deps.validator.validate((spec.body.schema).$id, rawBody, 'The body')
        : rawBody;
    const answer = await spec.handle(
      { actor, params: request.params as Record<string, string>, query: query as never, body: body as never, header: (name) => request.get(name) },
      deps,
    );
    write(response, sealCursor(answer, cursors, scope));
  };
  const chain = spec.rateLimited ? [publicLimiter, handler] : [handler];
  router[spec.method](expressPath(spec.path), ...chain);
}
