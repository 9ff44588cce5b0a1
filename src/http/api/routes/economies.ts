/** `/economies`: the economies (ISO 3166-1 alpha-2), readable by every principal. */
import { noQuery } from '../../../schemas/queries.js';
import { economy } from '../../../schemas/reference.js';
import { page, problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

export const economyRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/economies',
    summary: 'List the economies',
    tag: 'reference',
    access: 'principal',
    query: noQuery,
    responses: { 200: { description: 'Every economy (one page)', schema: page(economy) }, ...problems([400, 401]) },
    async handle(_request, { store }) {
      return { status: 200, body: { items: await store.listEconomies(), nextCursor: null } };
    },
  }),
];
