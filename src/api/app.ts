/**
 * The HTTP API (docs/api.md), made by a function that does not listen, so tests can run it on port 0.
 * Order: request id and log line, security headers, JSON body (100 kB and 32 levels deep at most),
 * the routes, 404, and the one error mapper.
 */
import { readFileSync } from 'node:fs';
import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { noQuery } from '../../schemas/queries.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import { CursorSeal } from './cursors.js';
import type { ApiDeps } from './deps.js';
import { refuseDeepJson } from './json-depth.js';
import { metricsHandler } from './metrics-route.js';
import { mount } from './mount.js';
import { openApiDocument } from './openapi.js';
import { errorHandler, notFound } from './problem.js';
import { route, type RouteSpec } from './route.js';
import { apiRoutes } from './routes/index.js';
import { webRouter } from '../web/index.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function openApiRoute(document: () => object): RouteSpec {
  return route({
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    tag: 'meta',
    access: 'public',
    query: noQuery,
    responses: { 200: { description: 'OpenAPI 3.1', schema: { type: 'object' } } },
    handle: () => ({ status: 200, body: document() }),
  });
}

/** Every route the app serves, the OpenAPI document's own included. */
export function allRoutes(): RouteSpec[] {
  const routes = apiRoutes();
  let document: object | undefined;
  const self = openApiRoute(() => (document ??= openApiDocument([...routes, self], version)));
  return [...routes, self];
}

export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
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
      // Only what is needed to follow a request; never the Authorization header.
      serializers: {
        req: (request: { id: unknown; method: string; url: string }) => ({ id: request.id, method: request.method, url: request.url }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
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
  const publicLimiter = rateLimit({
    windowMs: 60_000,
    limit: deps.publicRateLimit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_request, _response, next) =>
      next(new AppError({ code: 'RATE_LIMITED', detail: `At most ${deps.publicRateLimit} requests a minute to the public routes; try again shortly.` })),
  });
  // The pages first: they answer only their own paths and leave every API path to the routes.
  const web = webRouter({ ...deps, secureCookies: deps.publicUrl?.startsWith('https://') ?? false });
  app.use(web.pages);
  const router = express.Router();
  const cursors = deps.cursors ?? new CursorSeal();
  for (const spec of allRoutes()) mount(router, spec, deps, publicLimiter, cursors);
  if (deps.metrics && deps.metricsOnApi) router.get('/metrics', metricsHandler(deps.metrics, deps.store));
  app.use(router);
  app.use(web.notFound);
  app.use(notFound);
  app.use(errorHandler(deps.log));
  return app;
}
