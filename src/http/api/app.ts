/**
 * The HTTP API (docs/api.md), made by a function that does not listen, so tests can run it on port 0.
 * Order: request id and log line, security headers, JSON body (100 kB and 32 levels deep at most),
 * the session cookie (`src/http/common/sessions.ts`), the web pages (`src/http/web/`), the API
 * routes (`/metrics` among them when it has no port of its own), 404 (an HTML page for a browser),
 * and the one error mapper. The limiters (`src/http/common/limits.ts`) are made once for both.
 */
import { readFileSync } from 'node:fs';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { noQuery } from '../../schemas/queries.js';
import { newId } from '../../ids.js';
import { CursorSeal } from './cursors.js';
import { problems } from './route-docs.js';
import type { ApiDeps } from './deps.js';
import { refuseDeepJson } from './json-depth.js';
import { metricsRoute } from './metrics-route.js';
import { mount } from './mount.js';
import { openApiDocument } from './openapi.js';
import { limitersFor } from '../common/limits.js';
import { sessionsWhereNeeded } from '../common/sessions.js';
import { redactedUrl } from '../common/log-url.js';
import { errorHandler, notFound } from './problem.js';
import { route, type RouteSpec } from './route.js';
import { apiRoutes } from './routes/index.js';
import { isPagePath, webRouter } from '../web/index.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;
const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string; license: string };

function openApiRoute(document: () => object): RouteSpec {
  return route({
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    tag: 'meta',
    access: 'public',
    query: noQuery,
    responses: { 200: { description: 'OpenAPI 3.1', schema: { type: 'object' } }, ...problems([400]) },
    handle: () => ({ status: 200, body: document() }),
  });
}

/** Every route the app serves, the OpenAPI document's own included. */
export function allRoutes(): RouteSpec[] {
  const routes = apiRoutes();
  let document: object | undefined;
  const self = openApiRoute(() => (document ??= openApiDocument([...routes, self], pkg)));
  return [...routes, self];
}

export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // No hash of every body: a workflow resource carries its version as its ETag (etag.ts), set by its route.
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: (request, response) => {
        const given = request.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : newId();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      // Only what is needed to follow a request; never the Authorization header, nor a secret in
      // the query (a sign-in link's token): `src/http/common/log-url.ts`.
      serializers: {
        req: (request: { id: unknown; method: string; url: string }) => ({ id: request.id, method: request.method, url: redactedUrl(request.url) }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      // Who called, by principal and key prefix (never the key), once authentication has said.
      customProps: (_request, response) => (response.locals['caller'] as object | undefined) ?? {},
      // A line for every answer is thousands a second under load: answers that went well are logged
      // at debug (LOG_LEVEL=debug shows them), refusals at warn and failures at error.
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'debug'),
    }),
  );
  if (deps.metrics) app.use(deps.metrics.httpMiddleware());
  // One strict policy for the API and the pages alike: scripts and styles only from this service's
  // own files (no inline script or style anywhere), forms only to itself, never framed.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  app.use(express.json({ limit: '100kb', type: ['application/json', 'application/*+json'], verify: refuseDeepJson }));
  // A request without the session cookie has no session to load, and only a page (sign-in among
  // them) can start one: an API call with a key, or a public look-up, skips express-session.
  app.use(sessionsWhereNeeded(deps, isPagePath));
  const limiters = limitersFor(deps);
  // The pages first: they answer only their own paths and leave every API path to the routes.
  const web = webRouter(deps, limiters);
  app.use(web.pages);
  const router = express.Router();
  const cursors = deps.cursors ?? new CursorSeal();
  const metrics = deps.metrics && deps.metricsOnApi ? [metricsRoute(deps.metrics)] : [];
  for (const spec of [...allRoutes(), ...metrics]) mount(router, spec, deps, limiters, cursors);
  app.use(router);
  app.use(web.notFound);
  app.use(notFound);
  app.use(errorHandler(deps.log, deps.uploadMaxBytes));
  return app;
}
