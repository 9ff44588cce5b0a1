/** `/regulations`: technical regulations, each id naming its version; readable by every principal. */
import { regulationsQuery } from '../../../schemas/queries.js';
import { regulation } from '../../../schemas/reference.js';
import { page, problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

export const regulationRoutes: RouteSpec[] = [
  route<{ economy?: string }>({
    method: 'get',
    path: '/regulations',
    summary: 'List technical regulations',
    tag: 'reference',
    access: 'principal',
    query: regulationsQuery,
    responses: { 200: { description: 'Technical regulations, each id naming its version (one page)', schema: page(regulation) }, ...problems([400, 401]) },
    async handle({ query }, { store }) {
      return { status: 200, body: { items: await store.listRegulations(query), nextCursor: null } };
    },
  }),
];
