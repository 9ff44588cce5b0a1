/** `/health`: whether the service is up, and on which store; no key. */
import { noQuery } from '../../../schemas/queries.js';
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
];
