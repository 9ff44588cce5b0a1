/** `/public/coverage`: whether an equipment model is covered in an economy, and on what basis; no key, rate limited. */
import { publicCoverageQuery } from '../../../schemas/queries.js';
import { publicCoverage } from '../../../schemas/responses.js';
import { findCoverage, type CoverageQuery } from '../../../public/coverage.js';
import { problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

export const publicCoverageRoutes: RouteSpec[] = [
  route<CoverageQuery>({
    method: 'get',
    path: '/public/coverage',
    summary: 'Whether an equipment model is covered by an accepted test report or a certificate in force',
    tag: 'public',
    access: 'public',
    rateLimited: true,
    query: publicCoverageQuery,
    responses: {
      200: { description: 'The coverage of the model in the economy, with its basis', schema: publicCoverage },
      ...problems([400, 429]),
    },
    async handle({ query }, { engine, store }) {
      return { status: 200, body: await findCoverage(engine, store, query) };
    },
  }),
];
