/**
 * `/health`: whether the service is up, and on which store; `/health/live` and `/health/ready`
 * for an orchestrator: the process answers, and the store answers with start-up done. No key.
 */
import { noQuery } from '../../../schemas/queries.js';
import { AppError } from '../../../errors.js';
import { problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

export const healthRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/health',
    summary: 'Check the service is up',
    tag: 'public',
    access: 'public',
    query: noQuery,
    responses: {
      200: {
        description: 'Up, with the store in use',
        schema: { type: 'object', properties: { status: { const: 'ok' }, store: { enum: ['sqlite', 'mongodb'] } } },
      },
      ...problems([400]),
    },
    handle(_request, { store }) {
      return { status: 200, body: { status: 'ok', store: store.name } };
    },
  }),
  route({
    method: 'get',
    path: '/health/live',
    summary: 'Check the process answers',
    tag: 'public',
    access: 'public',
    query: noQuery,
    responses: { 200: { description: 'The process answers', schema: { type: 'object', properties: { status: { const: 'live' } } } }, ...problems([400]) },
    handle() {
      return { status: 200, body: { status: 'live' } };
    },
  }),
  route({
    method: 'get',
    path: '/health/ready',
    summary: 'Check the service can take requests',
    tag: 'public',
    access: 'public',
    query: noQuery,
    responses: {
      200: { description: 'Start-up is done and the store answers', schema: { type: 'object', properties: { status: { const: 'ready' }, store: { enum: ['sqlite', 'mongodb'] } } } },
      ...problems([400, 503]),
    },
    async handle(_request, { store, clock, ready }) {
      if (ready && !ready()) throw new AppError({ code: 'UNAVAILABLE', detail: 'The service is still starting (or stopping); try again shortly.' });
      try {
        await store.queueFigures(clock.now().toISOString());
      } catch (error) {
        throw new AppError({ code: 'UNAVAILABLE', detail: 'The store does not answer.', cause: error });
      }
      return { status: 200, body: { status: 'ready', store: store.name } };
    },
  }),
];
