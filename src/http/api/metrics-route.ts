/**
 * `GET /metrics` (Prometheus text format). On the API port it is a route of the table like any
 * other (`metricsRoute`, admins only, left out of the OpenAPI document); on a port of its own
 * (`MRA_METRICS_PORT`) it needs no key, and the port is for the scraper's network alone.
 */
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { ServiceMetrics } from '../../metrics/service-metrics.js';
import { noQuery } from '../../schemas/queries.js';
import { errorHandler, notFound } from './problem.js';
import { route, type ApiResponse, type RouteSpec } from './route.js';

/** One scrape: the metrics as text, with the exposition format's content type. */
async function scrape(metrics: ServiceMetrics): Promise<ApiResponse> {
  return { status: 200, type: 'binary', contentType: metrics.contentType, body: await metrics.text() };
}

/** `GET /metrics` on the API port: an admin principal's key, refused credentials counted as on every principal route. */
export function metricsRoute(metrics: ServiceMetrics): RouteSpec {
  return route({
    method: 'get',
    path: '/metrics',
    summary: 'Read the metrics',
    tag: 'meta',
    access: 'principal',
    roles: ['admin'],
    query: noQuery,
    documented: false,
    responses: { 200: { description: 'Prometheus text format', contentType: metrics.contentType } },
    handle: () => scrape(metrics),
  });
}

/** The app of the separate metrics port: `/metrics` and nothing else. */
export function createMetricsApp(metrics: ServiceMetrics, log: Logger): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', async (_request, response) => {
    const answer = await scrape(metrics);
    response.status(answer.status).type(answer.contentType!).send(answer.body);
  });
  app.use(notFound);
  app.use(errorHandler(log));
  return app;
}
