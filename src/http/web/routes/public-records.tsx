/**
 * The permanent public pages: `/register/cabs/{cabId}/{importingEconomy}` (a CAB as one importing
 * economy recognises it), `/register/test-reports/{id}` (one listed report) and
 * `/register/certificates/{id}` (one certificate once in force). Under `/register`,
 * as both are entries of the public register; the ids never change, so the addresses can be cited.
 * A CAB never recognised there, a report the register does not list or a certificate never in force is NOT_FOUND, which the
 * error middleware shows as the 404 page.
 */
import type { ApiDeps } from '../../api/deps.js';
import { cabStanding, certificateRecord, testReportRecord } from '../../../public/records.js';
import type { PageSpec } from '../page-route.js';
import { CabStandingPage, CertificateRecordPage, TestReportRecordPage } from '../pages/public-records.js';

export function publicRecordPages(deps: ApiDeps): PageSpec[] {
  const { engine, store } = deps;
  const economiesByCode = async () => new Map((await store.listEconomies()).map((e) => [e.code, e]));

  return [
    {
      method: 'get',
      path: '/register/cabs/{cabId}/{importingEconomy}',
      access: 'public',
      limit: 'public',
      handle: async ({ page, params }) => {
        const standing = await cabStanding(engine, store, params['cabId']!, params['importingEconomy']!.toUpperCase());
        return { page: { title: standing.cab.name, body: <CabStandingPage context={page} standing={standing} economies={await economiesByCode()} /> } };
      },
    },
    {
      method: 'get',
      path: '/register/test-reports/{id}',
      access: 'public',
      limit: 'public',
      handle: async ({ page, params }) => {
        const report = await testReportRecord(engine, store, params['id']!, page.language);
        return { page: { title: report.reportNumber, body: <TestReportRecordPage context={page} report={report} economies={await economiesByCode()} /> } };
      },
    },
    {
      method: 'get',
      path: '/register/certificates/{id}',
      access: 'public',
      limit: 'public',
      handle: async ({ page, params }) => {
        const certificate = await certificateRecord(engine, store, params['id']!);
        return { page: { title: certificate.certificateNumber, body: <CertificateRecordPage context={page} certificate={certificate} economies={await economiesByCode()} /> } };
      },
    },
  ];
}
