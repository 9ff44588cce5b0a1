/** `/public/recognitions`: the CABs an importing economy recognises, as JSON or CSV; no key, rate limited. */
import { publicRecognitionsQuery } from '../../../schemas/queries.js';
import { publicRecognition } from '../../../schemas/responses.js';
import { findPublicRecognitions, type PublicRecognition } from '../../public/register.js';
import { toCsv } from '../csv.js';
import { page, problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

const RECOGNITION_COLUMNS = [
  ['designationNumber', (r: PublicRecognition) => r.designationNumber],
  ['cabName', (r: PublicRecognition) => r.cab.name],
  ['cabId', (r: PublicRecognition) => r.cab.id],
  ['cabType', (r: PublicRecognition) => r.cab.type],
  ['exportingEconomy', (r: PublicRecognition) => r.exportingEconomy],
  ['importingEconomy', (r: PublicRecognition) => r.importingEconomy],
  ['scope', (r: PublicRecognition) => r.scope],
  ['recognizedSince', (r: PublicRecognition) => r.recognizedSince],
  ['validUntil', (r: PublicRecognition) => r.validUntil],
  ['agreementId', (r: PublicRecognition) => r.agreementId],
] as const;

export const publicRecognitionRoutes: RouteSpec[] = [
  route<{ importing: string; exporting?: string; format?: 'json' | 'csv' }>({
    method: 'get',
    path: '/public/recognitions',
    summary: 'List the CABs an importing economy recognises',
    tag: 'public',
    access: 'public',
    rateLimited: true,
    query: publicRecognitionsQuery,
    headers: [{ name: 'Accept', description: 'text/csv for a spreadsheet (or ?format=csv)' }],
    responses: {
      200: { description: 'Recognised CABs with designation numbers, scope and validity; CSV on request', schema: page(publicRecognition) },
      ...problems([400, 429]),
    },
    async handle({ query, header }, { engine, store }) {
      const found = await findPublicRecognitions(engine, store, query);
      const csv = query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/.test(header('Accept') ?? ''));
      if (csv) {
        const name = `recognitions-${query.importing}${query.exporting ? `-${query.exporting}` : ''}.csv`;
        return { status: 200, type: 'csv', body: toCsv(RECOGNITION_COLUMNS, found), headers: { 'Content-Disposition': `attachment; filename="${name}"` } };
      }
      return { status: 200, body: { items: found, nextCursor: null } };
    },
  }),
];
