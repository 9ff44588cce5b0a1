/** `/public/statistics`: what happened under the arrangement in a period, per pair of economies; no key, rate limited. */
import { arrangementStatistics, statisticsPeriod } from '../../../public/statistics.js';
import { publicStatistics, publicStatisticsQuery } from '../../../schemas/statistics.js';
import { problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

export const publicStatisticsRoutes: RouteSpec[] = [
  route<{ from?: string; to?: string }>({
    method: 'get',
    path: '/public/statistics',
    summary: 'Statistics for the arrangement’s meetings: recognitions, test reports and processing times per pair of economies',
    tag: 'public',
    access: 'public',
    rateLimited: true,
    query: publicStatisticsQuery,
    responses: {
      200: {
        description:
          'Per exporting → importing economy, in the period (`from`, `to`, whole days in UTC; by default the last twelve months): the CABs recognised, suspended, withdrawn and refused, the test reports accepted and rejected with the rejections by reason code, and the median and 90th percentile of the days from submission to decision, with how many decisions came within the review period',
        schema: publicStatistics,
      },
      ...problems([400, 429]),
    },
    async handle({ query }, { engine, clock }) {
      const period = statisticsPeriod(query, clock.now());
      return { status: 200, body: await arrangementStatistics(engine, period) };
    },
  }),
];
