/**
 * `GET /metrics` (Prometheus text format). On the API port it needs an admin's key; on a port of
 * its own (`MRA_METRICS_PORT`) it needs none, and the port is for the scraper's network alone.
 */
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../../errors.js';
import type { ServiceMetrics } from '../../metrics/service-metrics.js';
import type { Caller } from './auth.js';
import { errorHandler, notFound } from './problem.js';

/** The scrape handler; with `authenticate`, only an admin principal's key is let through. */
export function metricsHandler(metrics: ServiceMetrics, authenticate?: (request: express.Request) => Promise<Caller>): RequestHandler {
  return async (request, response) => {
    if (authenticate) {
      const { actor } = await authenticate(request);
      if (actor.role !== 'admin') throw new AppError({ code: 'FORBIDDEN', detail: 'Only admin principals may read the metrics.' });
    }
    const text = await metrics.text();
    response.status(200).type(metrics.contentType).send(text);
  };
}

/** The app of the separate metrics port: `/metrics` and nothing else. */
export function createMetricsApp(metrics: ServiceMetrics, log: Logger): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', metricsHandler(metrics));
  app.use(notFound);
  app.use(errorHandler(log));
  return app;
}
