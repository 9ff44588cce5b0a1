/**
 * The JSON twins of the permanent public pages (docs/api.md, "Public routes, no key"): a CAB's
 * standing in one importing economy, one listed test report and one certificate once in force,
 * each in full; no key, rate limited.
 */
import { langQuery, noQuery } from '../../../schemas/queries.js';
import { publicCabStanding, publicCertificateRecord, publicTestReportRecord } from '../../../schemas/public-records.js';
import { LANGUAGES, readerLanguage } from '../../../public/meanings.js';
import { cabStanding, certificateRecord, testReportRecord } from '../../../public/records.js';
import { problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

export const publicRecordRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/public/cabs/{cabId}/{importingEconomy}',
    summary: 'A CAB as one importing economy recognises it: status per regulation, suspensions, accreditation and history',
    tag: 'public',
    access: 'public',
    rateLimited: true,
    query: noQuery,
    responses: {
      200: { description: 'Each recognition ever in force, newest first (the page: /register/cabs/{cabId}/{importingEconomy})', schema: publicCabStanding },
      ...problems([404, 429]),
    },
    async handle({ params }, { engine, store }) {
      return { status: 200, body: await cabStanding(engine, store, params['cabId']!, params['importingEconomy']!.toUpperCase()) };
    },
  }),
  route<{ lang?: string }>({
    method: 'get',
    path: '/public/test-reports/{id}',
    summary: 'One listed test report in full: regulations, lab, dates, validity, documents’ fingerprints and status history',
    tag: 'public',
    access: 'public',
    rateLimited: true,
    query: langQuery,
    headers: [{ name: 'Accept-Language', description: 'en or vi: the language of the status’s meaning (or ?lang=)' }],
    responses: {
      200: { description: 'The report, as the public register lists it (the page: /register/test-reports/{id}); a report it does not list is not found', schema: publicTestReportRecord },
      ...problems([400, 404, 429]),
    },
    async handle({ params, query, language }, { engine, store }) {
      const chosen = readerLanguage(query.lang, language(LANGUAGES));
      return { status: 200, body: await testReportRecord(engine, store, params['id']!, chosen), headers: { 'Content-Language': chosen } };
    },
  }),
  route({
    method: 'get',
    path: '/public/certificates/{id}',
    summary: 'One certificate (Phase II) once in force, in full: body, equipment, regulations, validity, the reports it rests on and status history',
    tag: 'public',
    access: 'public',
    rateLimited: true,
    query: noQuery,
    responses: {
      200: { description: 'The certificate (the page: /register/certificates/{id}); one in its review window, refused or set aside is not found', schema: publicCertificateRecord },
      ...problems([404, 429]),
    },
    async handle({ params }, { engine, store }) {
      return { status: 200, body: await certificateRecord(engine, store, params['id']!) };
    },
  }),
];
