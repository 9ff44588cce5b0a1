/**
 * `/public/recognitions`: the CABs an importing economy recognises or recognised, with their
 * status, as JSON or CSV; `inForce=true` for those in force only; no key, rate limited.
 */
import { publicRecognitionsQuery } from '../../../schemas/queries.js';
import { publicRecognition } from '../../../schemas/responses.js';
import { findPublicRecognitions, type PublicRecognition, type PublicSuspension } from '../../../public/recognition-register.js';
import { toCsv } from '../csv.js';
import { page, problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

/** One suspension in a cell: "importing_regulator KR since 2026-01-05T09:00:00.000Z (KR:KN 32)". */
function suspensionText(s: PublicSuspension): string {
  const who = s.economy === null ? s.by : `${s.by} ${s.economy}`;
  return `${who} since ${s.since}${s.regulations ? ` (${s.regulations.join(', ')})` : ''}`;
}

const RECOGNITION_COLUMNS = [
  ['designationNumber', (r: PublicRecognition) => r.designationNumber],
  ['status', (r: PublicRecognition) => r.status],
  ['inForce', (r: PublicRecognition) => r.inForce],
  ['statusSince', (r: PublicRecognition) => r.statusSince],
  ['suspensions', (r: PublicRecognition) => r.suspensions.map(suspensionText)],
  ['cabName', (r: PublicRecognition) => r.cab.name],
  ['cabId', (r: PublicRecognition) => r.cab.id],
  ['cabType', (r: PublicRecognition) => r.cab.type],
  ['exportingEconomy', (r: PublicRecognition) => r.exportingEconomy],
  ['importingEconomy', (r: PublicRecognition) => r.importingEconomy],
  ['scope', (r: PublicRecognition) => r.scope],
  ['recognizedSince', (r: PublicRecognition) => r.recognizedSince],
  ['validUntil', (r: PublicRecognition) => r.validUntil],
  ['endedAt', (r: PublicRecognition) => r.endedAt],
  ['agreementId', (r: PublicRecognition) => r.agreementId],
] as const;

export const publicRecognitionRoutes: RouteSpec[] = [
  route<{ importing: string; exporting?: string; inForce?: 'true' | 'false'; asOf?: string; format?: 'json' | 'csv' }>({
    method: 'get',
    path: '/public/recognitions',
    summary: 'List the CABs an importing economy recognises or recognised, with their status',
    tag: 'public',
    access: 'public',
    rateLimited: true,
    query: publicRecognitionsQuery,
    headers: [{ name: 'Accept', description: 'text/csv for a spreadsheet (or ?format=csv)' }],
    responses: {
      200: {
        description: 'CABs with designation numbers, status (recognised, suspended by whom since when and for which regulations, lapsed, withdrawn, expired), scope and dates; CSV on request',
        schema: page(publicRecognition),
      },
      ...problems([400, 429]),
    },
    async handle({ query, header }, { engine, store }) {
      const found = await findPublicRecognitions(engine, store, {
        importing: query.importing,
        ...(query.exporting === undefined ? {} : { exporting: query.exporting }),
        inForce: query.inForce === 'true',
        ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
      });
      const csv = query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/.test(header('Accept') ?? ''));
      if (csv) {
        const name = `recognitions-${query.importing}${query.exporting ? `-${query.exporting}` : ''}.csv`;
        return { status: 200, type: 'csv', body: toCsv(RECOGNITION_COLUMNS, found), headers: { 'Content-Disposition': `attachment; filename="${name}"` } };
      }
      return { status: 200, body: { items: found, nextCursor: null } };
    },
  }),
];
