/**
 * Every route of the route table answers a well-formed request from someone entitled to make it
 * with success. The examples are keyed by route; a route without one fails the first test, so a
 * new route cannot go untested.
 */
import { expect } from 'chai';
import { allRoutes } from '../../src/http/api/app.js';
import { ApiWorld } from '../helpers/api.js';
import { certificateBody, recognizedBody } from '../helpers/phase-two.js';
import { multipart, pdfBytes } from '../helpers/documents.js';
import { KR_SCOPE, VN_SCOPE, daysFrom, testKeyHasher } from '../helpers/world.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { designationBody } from '../helpers/designations.js';

interface Example {
  as?: string;
  path: string;
  body?: unknown;
  /** Built afresh for each request: a form can be sent once. */
  form?: () => FormData;
  status: number;
}

describe('HTTP: every route, used as intended', () => {
  let api: ApiWorld;
  let examples: Record<string, Example>;
  let receiver: WebhookReceiver;

  before(async () => {
    receiver = await WebhookReceiver.start();
    api = await ApiWorld.create({ env: { MRA_WEBHOOK_ALLOW_LOOPBACK: 'true' } });
    const w = api.world;
    const { lab, agreement, accreditation, recognition } = await w.recognizedLab();
    w.advanceDays(3);
    const report = await w.submit(lab);
    const listed = await w.submit(lab);
    await w.send('test-reports', listed.id, { type: 'ACCEPT' }, 'kr-regulator');
    const pdf = pdfBytes('every route');
    const withFile = await w.engine.create('test-reports', w.reportBody(), lab, { documents: [{ bytes: pdf, name: 'report.pdf', role: 'report' }] });
    const sha256 = (withFile.data['documents'] as Array<{ sha256: string }>)[0]!.sha256;
    const now = w.clock.now().toISOString();
    const other = await w.addLab();
    // Designated at home (Circular 12/2016/TT-BTTTT) so that the recognition example may put it forward.
    await w.accreditation(other.cabId!);
    const designation = await w.designation(agreement.id, other.cabId!);
    const { body } = await recognizedBody(w);
    const certificate = await w.engine.create('certificates', certificateBody(w), body);
    const equivalence = await w.engine.create(
      'equivalences',
      { partnerEconomy: 'KR', requirement: { regulation: 'VN:QCVN 54:2020/BTTTT' }, counterpart: 'KR:KN 301 489' },
      w.as('vn-regulator'),
    );
    const token = 'a-sign-in-token-0123456789abcdef';
    await w.store.putSignInToken({ hash: testKeyHasher.hash(token), principalId: lab.id, createdAt: now, expiresAt: daysFrom(now, 1) });
    const watched = await w.store.listWatches({ principalId: 'importer-hanbit', limit: 1 });
    const hook = await api.webhooks().register(w.as('kr-regulator'), { url: receiver.url, kinds: ['test-reports'] });
    receiver.secrets.push(hook.secret);
    await w.store.putWatch({ id: 'watch-to-remove', principalId: 'importer-hanbit', key: 'agreements/none', target: { type: 'instance', kind: 'agreements', id: 'none' }, createdAt: now });
    expect(watched.items).to.deep.equal([]);
    examples = {
      'POST /agreements': { as: 'vn-regulator', path: '/agreements', body: { economies: ['VN', 'KR'], phase: 'II', scope: { VN: VN_SCOPE, KR: KR_SCOPE } }, status: 201 },
      'GET /agreements': { as: 'kr-regulator', path: '/agreements?state=operational', status: 200 },
      'GET /agreements/{id}': { as: 'kr-regulator', path: `/agreements/${agreement.id}`, status: 200 },
      'POST /agreements/{id}/events': { as: 'kr-regulator', path: `/agreements/${agreement.id}/events`, body: { type: 'AMEND_SCOPE', regulations: KR_SCOPE }, status: 200 },
      'GET /agreements/{id}/history': { as: 'kr-regulator', path: `/agreements/${agreement.id}/history`, status: 200 },
      'POST /accreditations': {
        as: 'vn-accreditation-body',
        path: '/accreditations',
        body: { cabId: other.cabId, standard: 'ISO/IEC 17025', certificateNumber: 'VILAS 4242', scope: KR_SCOPE, validFrom: now, validUntil: daysFrom(now, 365) },
        status: 201,
      },
      'GET /accreditations': { as: 'vn-designating-authority', path: `/accreditations?cabId=${lab.cabId}`, status: 200 },
      'GET /accreditations/{id}': { as: lab.id, path: `/accreditations/${accreditation.id}`, status: 200 },
      'POST /accreditations/{id}/events': { as: lab.id, path: `/accreditations/${accreditation.id}/events`, body: { type: 'RENEWAL_SUBMITTED' }, status: 200 },
      'GET /accreditations/{id}/history': { as: 'vn-accreditation-body', path: `/accreditations/${accreditation.id}/history`, status: 200 },
      'POST /designations': {
        as: lab.id,
        path: '/designations',
        body: designationBody({ agreementId: agreement.id, cabId: lab.cabId!, importingEconomy: 'KR', scope: KR_SCOPE, accreditationId: accreditation.id }, now),
        status: 201,
      },
      'GET /designations': { as: 'vn-designating-authority', path: `/designations?cabId=${other.cabId}&state=designated`, status: 200 },
      'GET /designations/{id}': { as: other.id, path: `/designations/${designation.id}`, status: 200 },
      'POST /designations/{id}/events': {
        as: 'vn-designating-authority',
        path: `/designations/${designation.id}/events`,
        body: { type: 'RECORD_SURVEILLANCE', surveyedAt: now, findings: 'Duy trì năng lực.' },
        status: 200,
      },
      'GET /designations/{id}/history': { as: 'vn-designating-authority', path: `/designations/${designation.id}/history`, status: 200 },
      // Puts forward the lab designated at home above, on the accreditation it stands on.
      'POST /recognitions': {
        as: 'vn-designating-authority',
        path: '/recognitions',
        body: { agreementId: agreement.id, cabId: other.cabId, importingEconomy: 'KR', scope: KR_SCOPE, designationId: designation.id },
        status: 201,
      },
      'GET /recognitions': { as: 'importer-hanbit', path: '/recognitions?importingEconomy=KR&state=recognized', status: 200 },
      'GET /recognitions/{id}': { as: 'importer-hanbit', path: `/recognitions/${recognition.id}`, status: 200 },
      'POST /recognitions/{id}/events': { as: 'vn-designating-authority', path: `/recognitions/${recognition.id}/events`, body: { type: 'RENEW' }, status: 200 },
      'GET /recognitions/{id}/history': { as: 'kr-regulator', path: `/recognitions/${recognition.id}/history`, status: 200 },
      'POST /test-reports': { as: lab.id, path: '/test-reports', body: w.reportBody(), status: 201 },
      'GET /test-reports': { as: 'kr-regulator', path: '/test-reports?state=under_review', status: 200 },
      'GET /test-reports/{id}': { as: 'importer-hanbit', path: `/test-reports/${report.id}`, status: 200 },
      'POST /test-reports/{id}/events': { as: 'kr-regulator', path: `/test-reports/${report.id}/events`, body: { type: 'REQUEST_INFO', request: 'Ảnh chụp mẫu thử?' }, status: 200 },
      'GET /test-reports/{id}/history': { as: lab.id, path: `/test-reports/${report.id}/history`, status: 200 },
      'POST /certificates': { as: body.id, path: '/certificates', body: certificateBody(w), status: 201 },
      'GET /certificates': { as: 'importer-hanbit', path: '/certificates?importingEconomy=KR&state=review_window', status: 200 },
      'GET /certificates/{id}': { as: 'importer-hanbit', path: `/certificates/${certificate.id}`, status: 200 },
      'POST /certificates/{id}/events': { as: 'kr-regulator', path: `/certificates/${certificate.id}/events`, body: { type: 'SET_ASIDE', reason: 'Thiếu kết quả đo công suất phát.' }, status: 200 },
      'GET /certificates/{id}/history': { as: body.id, path: `/certificates/${certificate.id}/history`, status: 200 },
      'POST /equivalences': { as: 'vn-regulator', path: '/equivalences', body: { partnerEconomy: 'KR', requirement: { regulation: 'VN:QCVN 65:2021/BTTTT' }, counterpart: 'KR:KN 32' }, status: 201 },
      'GET /equivalences': { as: 'importer-hanbit', path: '/equivalences?partnerEconomy=KR', status: 200 },
      'GET /equivalences/{id}': { as: 'importer-hanbit', path: `/equivalences/${equivalence.id}`, status: 200 },
      'POST /equivalences/{id}/events': { as: 'kr-regulator', path: `/equivalences/${equivalence.id}/events`, body: { type: 'ACCEPT' }, status: 200 },
      'GET /equivalences/{id}/history': { as: 'vn-regulator', path: `/equivalences/${equivalence.id}/history`, status: 200 },
      'GET /test-reports/{id}/documents/{sha256}': { as: 'kr-regulator', path: `/test-reports/${withFile.id}/documents/${sha256}`, status: 200 },
      'GET /public/test-reports/accepted.csv': { path: '/public/test-reports/accepted.csv?economy=KR', status: 200 },
      'GET /public/test-reports/accepted.xlsx': { path: '/public/test-reports/accepted.xlsx?economy=KR&lang=vi', status: 200 },
      'GET /public/documents/{sha256}': { path: `/public/documents/${sha256}?lang=vi`, status: 200 },
      'POST /public/documents/verify': { path: '/public/documents/verify', form: () => multipart(null, [{ part: 'file', name: 'r.pdf', bytes: pdf }]), status: 200 },
      'GET /economies': { as: 'importer-hanbit', path: '/economies', status: 200 },
      'GET /regulations': { as: 'importer-hanbit', path: '/regulations?economy=KR', status: 200 },
      'GET /cabs': { as: 'importer-hanbit', path: '/cabs?economy=VN', status: 200 },
      'GET /cabs/{id}': { as: 'importer-hanbit', path: '/cabs/vn-lab-sai-gon', status: 200 },
      'POST /cabs': { as: 'admin', path: '/cabs', body: { name: 'Cần Thơ Test Lab', economy: 'VN', type: 'lab', email: 'lab@cantho.vn.example', language: 'vi' }, status: 201 },
      'GET /public/test-reports': { path: '/public/test-reports?economy=KR&reportNumber=RF-1', status: 200 },
      'GET /public/coverage': { path: `/public/coverage?economy=KR&manufacturer=${encodeURIComponent('Phương Nam')}&model=PN-AX3000`, status: 200 },
      'GET /public/recognitions': { path: '/public/recognitions?importing=KR', status: 200 },
      // The lab's recognition is under renewal by now (examples run in order): its listing still holds.
      'GET /public/cabs/{cabId}/{importingEconomy}': { path: `/public/cabs/${lab.cabId}/KR`, status: 200 },
      'GET /public/test-reports/{id}': { path: `/public/test-reports/${listed.id}?lang=vi`, status: 200 },
      // Set aside in its review window by the example above: never in force, so not public (test/web/public-records.test.ts has one in force).
      'GET /public/certificates/{id}': { path: `/public/certificates/${certificate.id}`, status: 404 },
      'GET /public/statistics': { path: '/public/statistics?from=2026-01-01&to=2026-01-31', status: 200 },
      'GET /health': { path: '/health', status: 200 },
      'GET /health/live': { path: '/health/live', status: 200 },
      'GET /health/ready': { path: '/health/ready', status: 200 },
      'GET /machines': { path: '/machines', status: 200 },
      'GET /machines/{kind}': { path: '/machines/agreements', status: 200 },
      'GET /machines/{kind}/diagram': { path: '/machines/accreditations/diagram', status: 200 },
      'GET /openapi.json': { path: '/openapi.json', status: 200 },
      'GET /admin/outbox': { as: 'admin', path: '/admin/outbox?limit=10', status: 200 },
      // Every message here is pending, not dead: the route answers, and refuses the re-queue.
      'POST /admin/outbox/{id}/requeue': { as: 'admin', path: `/admin/outbox/${(await w.store.listOutbox({ limit: 1 })).items[0]!.id}/requeue`, status: 422 },
      'GET /principals': { as: 'vn-regulator', path: '/principals', status: 200 },
      'GET /principals/{id}': { as: 'vn-designating-authority', path: `/principals/${lab.id}`, status: 200 },
      'POST /principals': {
        as: 'vn-designating-authority',
        path: '/principals',
        body: { name: 'Trần Thị Bình', role: 'lab', cabId: other.cabId, email: 'binh@lab.vn.example', language: 'vi' },
        status: 201,
      },
      'POST /principals/{id}/disable': { as: 'admin', path: `/principals/${other.id}/disable`, body: { reason: 'Đã nghỉ việc' }, status: 200 },
      'GET /principals/{id}/keys': { as: lab.id, path: `/principals/${lab.id}/keys`, status: 200 },
      'POST /principals/{id}/keys': { as: lab.id, path: `/principals/${lab.id}/keys`, body: { name: 'LIMS uploader' }, status: 201 },
      'GET /audit': { as: 'admin', path: '/audit', status: 200 },
      'POST /auth/sign-in-link': { path: '/auth/sign-in-link', body: { email: 'lab@songhong.vn.example' }, status: 202 },
      'GET /auth/sign-in': { path: `/auth/sign-in?token=${token}`, status: 200 },
      // No cookie in this harness (test/api/sign-in.test.ts keeps one): nobody is signed in.
      'GET /auth/session': { path: '/auth/session', status: 401 },
      'POST /auth/sign-out': { path: '/auth/sign-out', status: 204 },
      'POST /watches': { as: 'importer-hanbit', path: '/watches', body: { target: { type: 'model', economy: 'KR', manufacturer: 'Công ty Phương Nam', model: 'PN-AX1800' } }, status: 201 },
      'GET /watches': { as: 'importer-hanbit', path: '/watches', status: 200 },
      'POST /watches/{id}/remove': { as: 'importer-hanbit', path: '/watches/watch-to-remove/remove', status: 204 },
      'POST /webhooks': { as: 'kr-regulator', path: '/webhooks', body: { url: receiver.url, kinds: ['recognitions'], economies: ['KR'] }, status: 201 },
      'GET /webhooks': { as: 'kr-regulator', path: '/webhooks', status: 200 },
      'GET /webhooks/{id}': { as: 'kr-regulator', path: `/webhooks/${hook.endpoint.id}`, status: 200 },
      'GET /webhooks/{id}/deliveries': { as: 'kr-regulator', path: `/webhooks/${hook.endpoint.id}/deliveries?status=pending`, status: 200 },
      // Nothing is dead here: the route answers, and refuses the re-queue.
      'POST /webhooks/{id}/deliveries/{deliveryId}/requeue': { as: 'kr-regulator', path: `/webhooks/${hook.endpoint.id}/deliveries/none/requeue`, status: 404 },
      'POST /webhooks/{id}/rotate-secret': { as: 'kr-regulator', path: `/webhooks/${hook.endpoint.id}/rotate-secret`, body: { overlapMinutes: 60 }, status: 200 },
      'POST /webhooks/{id}/disable': { as: 'kr-regulator', path: `/webhooks/${hook.endpoint.id}/disable`, status: 200 },
      // Last: it revokes the lab's key the examples above use.
      'POST /principals/{id}/keys/{keyId}/revoke': { as: 'admin', path: `/principals/${lab.id}/keys/${lab.cabId}-key/revoke`, status: 200 },
    };
  });
  after(async () => {
    await api.close();
    await receiver.close();
  });

  it('has an example for every route in the table', () => {
    const routes = allRoutes().map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(routes.filter((r) => !(r in examples))).to.deep.equal([]);
  });

  it('answers each example with success', async () => {
    for (const [name, example] of Object.entries(examples)) {
      const answer = await api.request(name.split(' ')[0]!, example.path, {
        ...(example.as ? { as: example.as } : {}),
        ...(example.body === undefined ? {} : { body: example.body }),
        ...(example.form ? { form: example.form() } : {}),
      });
      expect(answer.status, `${name}: ${answer.text.slice(0, 400)}`).to.equal(example.status);
    }
  });
});
