/**
 * `/public/recognitions`: the CABs an importing economy recognises or recognised, with their
 * status, as JSON, or as CSV or XLSX (one line per regulation, headers in the reader's words, the
 * same table as the register page's downloads); `inForce=true` for those in force only; no key,
 * rate limited.
 */
import { publicRecognitionsQuery } from '../../../schemas/queries.js';
import { publicRecognition } from '../../../schemas/responses.js';
import { LANGUAGES, readerLanguage } from '../../../public/meanings.js';
import { findPublicRecognitions } from '../../../public/recognition-register.js';
import { registerColumns, registerLines } from '../../../public/register-table.js';
import { pageTexts } from '../../../i18n/pages/index.js';
import { csvColumns, toCsv } from '../csv.js';
import { toXlsx, XLSX_TYPE } from '../xlsx.js';
import { page, problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

export const publicRecognitionRoutes: RouteSpec[] = [
  route<{ importing: string; exporting?: string; inForce?: 'true' | 'false'; asOf?: string; format?: 'json' | 'csv' | 'xlsx'; lang?: string }>({
    method: 'get',
    path: '/public/recognitions',
    summary: 'List the CABs an importing economy recognises or recognised, with their status',
    tag: 'public',
    access: 'public',
    rateLimited: true,
    query: publicRecognitionsQuery,
    headers: [
      { name: 'Accept', description: `text/csv or ${XLSX_TYPE} for a spreadsheet (or ?format=csv, ?format=xlsx)` },
      { name: 'Accept-Language', description: 'en or vi: the language of a CSV or XLSX (or ?lang=)' },
    ],
    responses: {
      200: {
        description:
          'CABs with designation numbers, status (recognised, suspended by whom since when and for which regulations, lapsed, withdrawn, expired), each regulation’s own status, the accreditation, the arrangement and dates. ' +
          'As CSV (text/csv) or XLSX on request: one line per regulation, headers in words, days as YYYY-MM-DD (CSV) or date cells (XLSX)',
        schema: page(publicRecognition),
        alsoAs: ['text/csv', XLSX_TYPE],
      },
      ...problems([400, 429]),
    },
    async handle({ query, header, language }, { engine, store }) {
      const found = await findPublicRecognitions(engine, store, {
        importing: query.importing,
        ...(query.exporting === undefined ? {} : { exporting: query.exporting }),
        inForce: query.inForce === 'true',
        ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
      });
      const accept = header('Accept') ?? '';
      const format = query.format ?? (/\btext\/csv\b/.test(accept) ? 'csv' : accept.includes(XLSX_TYPE) ? 'xlsx' : 'json');
      if (format !== 'json') {
        const chosen = readerLanguage(query.lang, language(LANGUAGES));
        const columns = registerColumns(chosen);
        const name = `recognitions-${query.importing}${query.exporting ? `-${query.exporting}` : ''}.${format}`;
        const headers = { 'Content-Disposition': `attachment; filename="${name}"`, 'Content-Language': chosen };
        if (format === 'csv') return { status: 200, type: 'csv', body: toCsv(csvColumns(columns), registerLines(found)), headers };
        const xlsx = await toXlsx(pageTexts[chosen].register.title, columns, registerLines(found));
        return { status: 200, type: 'binary', contentType: XLSX_TYPE, body: xlsx, headers };
      }
      return { status: 200, body: { items: found, nextCursor: null } };
    },
  }),
];
