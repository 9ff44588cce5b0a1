/** `/public/test-reports`: the status of decided test reports, for importers and anyone; no key, rate limited. */
import { publicTestReportsQuery } from '../../../schemas/queries.js';
import { publicTestReport } from '../../../schemas/responses.js';
import { findPublicTestReports, type ReportQuery } from '../../public/register.js';
import { page, problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

export const publicTestReportRoutes: RouteSpec[] = [
  route<ReportQuery>({
    method: 'get',
    path: '/public/test-reports',
    summary: 'Look up the status of decided test reports',
    tag: 'public',
    access: 'public',
    rateLimited: true,
    query: publicTestReportsQuery,
    responses: {
      200: { description: 'Accepted, rejected, revoked or expired reports matching the query', schema: page(publicTestReport) },
      ...problems([400, 429]),
    },
    async handle({ query }, { engine, store }) {
      return { status: 200, body: await findPublicTestReports(engine, store, query) };
    },
  }),
];
