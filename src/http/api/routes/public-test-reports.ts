/** `/public/test-reports`: the public register of test reports, for importers and anyone; no key, rate limited. */
import { acceptedReportsCsvQuery, publicTestReportsQuery } from '../../../schemas/queries.js';
import { publicTestReport } from '../../../schemas/responses.js';
import { LANGUAGES, readerLanguage } from '../../../public/meanings.js';
import { acceptedTestReports, findPublicTestReports, type ReportQuery } from '../../../public/register.js';
import { acceptedColumns } from '../../../public/accepted-table.js';
import { pageTexts } from '../../../i18n/pages/index.js';
import { csvColumns, csvStream } from '../csv.js';
import { toXlsx, XLSX_TYPE } from '../xlsx.js';
import { page, problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

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
  route<{ economy: string; lang?: string }>({
    method: 'get',
    path: '/public/test-reports/accepted.csv',
    summary: 'Download the accepted test reports of an importing economy as CSV',
    tag: 'public',
    access: 'public',
    rateLimited: true,
    query: acceptedReportsCsvQuery,
    headers: [{ name: 'Accept-Language', description: 'en or vi: the language of the headers (or ?lang=)' }],
    responses: {
      200: { description: 'One accepted report a line, with its lab and designation number (UTF-8 with BOM); headers in words, days as YYYY-MM-DD', contentType: 'text/csv' },
      ...problems([400, 429]),
    },
    handle({ query, language }, { engine, store }) {
      const chosen = readerLanguage(query.lang, language(LANGUAGES));
      return {
        status: 200,
        type: 'stream',
        body: csvStream(csvColumns(acceptedColumns(chosen)), acceptedTestReports(engine, store, query.economy, chosen)),
        headers: { 'Content-Disposition': `attachment; filename="accepted-test-reports-${query.economy}.csv"`, 'Content-Language': chosen },
      };
    },
  }),
  route<{ economy: string; lang?: string }>({
    method: 'get',
    path: '/public/test-reports/accepted.xlsx',
    summary: 'Download the accepted test reports of an importing economy as XLSX',
    tag: 'public',
    access: 'public',
    rateLimited: true,
    query: acceptedReportsCsvQuery,
    headers: [{ name: 'Accept-Language', description: 'en or vi: the language of the headers (or ?lang=)' }],
    responses: {
      200: { description: 'The same table as accepted.csv in one sheet: headers in words, days as date cells, text as Unicode', contentType: XLSX_TYPE },
      ...problems([400, 429]),
    },
    async handle({ query, language }, { engine, store }) {
      const chosen = readerLanguage(query.lang, language(LANGUAGES));
      const xlsx = await toXlsx(pageTexts[chosen].lookup.acceptedSheet, acceptedColumns(chosen), acceptedTestReports(engine, store, query.economy, chosen));
      return {
        status: 200,
        type: 'binary',
        contentType: XLSX_TYPE,
        body: xlsx,
        headers: { 'Content-Disposition': `attachment; filename="accepted-test-reports-${query.economy}.xlsx"`, 'Content-Language': chosen },
      };
    },
  }),
];
