/** `/public/test-reports`: the public register of test reports, for importers and anyone; no key, rate limited. */
import { acceptedReportsCsvQuery, publicTestReportsQuery } from '../../../schemas/queries.js';
import { publicTestReport } from '../../../schemas/responses.js';
import { LANGUAGES, readerLanguage } from '../../../public/meanings.js';
import { acceptedTestReports, findPublicTestReports, type PublicTestReport, type ReportQuery } from '../../../public/register.js';
import { csvStream } from '../csv.js';
import { page, problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

/** The columns a customs system imports: one accepted report a line. */
const ACCEPTED_COLUMNS = [
  ['reportNumber', (r: PublicTestReport) => r.reportNumber],
  ['labName', (r: PublicTestReport) => r.lab.name],
  ['labId', (r: PublicTestReport) => r.lab.id],
  ['labEconomy', (r: PublicTestReport) => r.lab.economy],
  ['designationNumber', (r: PublicTestReport) => r.lab.designationNumber],
  ['manufacturer', (r: PublicTestReport) => r.equipment.manufacturer],
  ['model', (r: PublicTestReport) => r.equipment.model],
  ['category', (r: PublicTestReport) => r.equipment.category],
  ['hardwareVersion', (r: PublicTestReport) => r.equipment.hardwareVersion],
  ['softwareVersion', (r: PublicTestReport) => r.equipment.softwareVersion],
  ['regulations', (r: PublicTestReport) => r.regulations],
  ['testedAt', (r: PublicTestReport) => r.testedAt],
  ['issuedAt', (r: PublicTestReport) => r.issuedAt],
  ['acceptedAt', (r: PublicTestReport) => r.acceptedAt],
  ['validUntil', (r: PublicTestReport) => r.validUntil],
] as const;

export const publicTestReportRoutes: RouteSpec[] = [
  route<ReportQuery & { lang?: string }>({
    method: 'get',
    path: '/public/test-reports',
    summary: 'Look up test reports in the public register',
    tag: 'public',
    access: 'public',
    rateLimited: true,
    query: publicTestReportsQuery,
    headers: [{ name: 'Accept-Language', description: 'en or vi: the language of each status’s meaning (or ?lang=)' }],
    responses: {
      200: {
        description: 'Accepted, expired and revoked reports, and those the regulator rejected, matching the query; each with what its status means',
        schema: page(publicTestReport),
      },
      ...problems([400, 429]),
    },
    async handle({ query, language }, { engine, store }) {
      const { lang, ...search } = query;
      const chosen = readerLanguage(lang, language(LANGUAGES));
      return { status: 200, body: await findPublicTestReports(engine, store, search, chosen), headers: { 'Content-Language': chosen } };
    },
  }),
  route<{ economy: string }>({
    method: 'get',
    path: '/public/test-reports/accepted.csv',
    summary: 'Download the accepted test reports of an importing economy as CSV',
    tag: 'public',
    access: 'public',
    rateLimited: true,
    query: acceptedReportsCsvQuery,
    responses: {
      200: { description: 'One accepted report a line, with its lab and designation number (UTF-8 with BOM)', contentType: 'text/csv' },
      ...problems([400, 429]),
    },
    handle({ query }, { engine, store }) {
      return {
        status: 200,
        type: 'stream',
        body: csvStream(ACCEPTED_COLUMNS, acceptedTestReports(engine, store, query.economy, 'en')),
        headers: { 'Content-Disposition': `attachment; filename="accepted-test-reports-${query.economy}.csv"` },
      };
    },
  }),
];
