/**
 * The permanent public pages (issue 28), over real HTTP: a CAB's page in an importing economy
 * shows a partial suspension (since when, by which side, for which regulation) in both languages
 * and as JSON; a look-up result links to its report's page, which lists regulations and
 * validity; look-up results put the accepted report before the rejected one; an answered request
 * for information is not shown as open; unknown ids and reports the register does not list (under
 * review) are not found, on the page and in JSON.
 */
import { expect } from 'chai';
import type { CabStanding, TestReportRecord } from '../../src/public/records.js';
import type { Actor } from '../../src/kinds/types.js';
import type { Resource } from '../../src/engine/resource.js';
import type { CertificateRecord } from '../../src/public/records.js';
import { ApiWorld } from '../helpers/api.js';
import { certificateBody, recognizedBody } from '../helpers/phase-two.js';

const HTML = { Accept: 'text/html' };

function csrfToken(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field in the page');
  return match[1]!;
}

function cookieOf(headers: Headers): string {
  return headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
}

/** The table row (`<tr>…</tr>`) of the page that holds `text`. */
function rowWith(html: string, text: string): string {
  const row = html.split('<tr>').find((r) => r.includes(text));
  if (row === undefined) throw new Error(`no row with ${text}`);
  return row.split('</tr>')[0]!;
}

describe('web pages: the permanent public pages of CABs and test reports', () => {
  let api: ApiWorld;
  let lab: Actor;
  let accepted: Resource;
  let rejected: Resource;
  let underReview: Resource;
  let answered: Resource;
  let suspendedAt: string;

  before(async () => {
    api = await ApiWorld.create();
    const { world } = api;
    ({ lab } = await world.recognizedLab());
    world.advanceDays(3);
    // The rejection is decided last, so that "newest first" alone would list it first.
    rejected = await world.submit(lab, { reportNumber: 'PRP-REJ-1', equipment: { manufacturer: 'Công ty Phương Nam', model: 'PRP-AX1', category: 'Wi-Fi router' } });
    accepted = await world.submit(lab, { reportNumber: 'PRP-ACC-1', regulations: ['KR:KN 301 489', 'KR:KN 32'], equipment: { manufacturer: 'Công ty Phương Nam', model: 'PRP-AX1', category: 'Wi-Fi router' } });
    underReview = await world.submit(lab, { reportNumber: 'PRP-REV-1', equipment: { manufacturer: 'Công ty Phương Nam', model: 'PRP-AX1', category: 'Wi-Fi router' } });
    answered = await world.submit(lab, { reportNumber: 'PRP-RFI-1' });
    await world.send('test-reports', accepted.id, { type: 'ACCEPT' }, 'kr-regulator');
    world.advanceDays(1);
    await world.send('test-reports', rejected.id, { type: 'REJECT', reason: 'Thiếu kết quả đo công suất phát.' }, 'kr-regulator');
    await world.send('test-reports', answered.id, { type: 'REQUEST_INFO', request: 'Gửi ảnh nhãn thiết bị.' }, 'kr-regulator');
    await world.send('test-reports', answered.id, { type: 'PROVIDE_INFO', response: 'Ảnh nhãn đã gửi.' }, `${lab.cabId!}-user`);
    world.advanceDays(1);
    const recognitions = await world.engine.list('recognitions', { where: { cabId: lab.cabId! }, limit: 5, cursor: null }, world.as('kr-regulator'));
    const suspended = await world.send('recognitions', recognitions.items[0]!.id, { type: 'SUSPEND', reason: 'KN 32 under investigation.', regulations: ['KR:KN 32'] }, 'kr-regulator');
    suspendedAt = suspended.updatedAt;
  });
  after(async () => api.close());

  it('the CAB’s page shows the partial suspension: since, by the importing regulator, for KR:KN 32 only, in both languages', async () => {
    const en = await api.get(`/register/cabs/${lab.cabId!}/KR`, undefined, { ...HTML, 'Accept-Language': 'en' });
    expect(en.status).to.equal(200);
    const kn32 = rowWith(en.text, '<td>KR:KN 32</td>');
    expect(kn32).to.contain('suspended').and.to.contain('The importing economy’s regulator (KR)').and.to.contain(`datetime="${suspendedAt}"`);
    expect(rowWith(en.text, '<td>KR:KN 301 489</td>')).to.contain('recognized').and.not.to.contain('suspended');
    // The history of the status says what was suspended, by whom.
    expect(rowWith(en.text, '<td>Suspended')).to.contain('The importing economy’s regulator').and.to.contain('KR:KN 32');
    expect(en.text).to.contain('Designation number').and.to.contain('Certificate number');

    const vi = await api.get(`/register/cabs/${lab.cabId!}/KR`, undefined, { ...HTML, 'Accept-Language': 'vi' });
    const kn32vi = rowWith(vi.text, '<td>KR:KN 32</td>');
    expect(kn32vi).to.contain('Cơ quan quản lý của nền kinh tế nhập khẩu (KR)').and.to.contain('bị tạm đình chỉ');
    expect(vi.text).to.contain('Số hiệu chỉ định').and.to.contain('Lịch sử tình trạng');
  });

  it('its JSON twin gives each regulation’s standing, every suspension and the history', async () => {
    const { status, body } = await api.get<CabStanding>(`/public/cabs/${lab.cabId!}/KR`);
    expect(status).to.equal(200);
    const [recognition] = body.recognitions;
    const kn32 = recognition!.regulations.find((r) => r.regulation === 'KR:KN 32')!;
    expect(kn32).to.include({ status: 'suspended', since: suspendedAt });
    expect(kn32.suspension).to.deep.include({ by: 'importing_regulator', economy: 'KR', regulations: ['KR:KN 32'] });
    expect(recognition!.regulations.find((r) => r.regulation === 'KR:KN 301 489')).to.include({ status: 'recognized' });
    expect(recognition!.history[0]).to.deep.include({ event: 'SUSPEND', by: 'importing_regulator', regulations: ['KR:KN 32'], at: suspendedAt });
    expect(recognition!.accreditation).to.include({ standard: 'ISO/IEC 17025' });
  });

  it('47 CFR 2.951(a)(2), (3): the CAB’s page and its JSON twin show its address and test sites from its designation at home, in both languages', async () => {
    const { body } = await api.get<CabStanding>(`/public/cabs/${lab.cabId!}/KR`);
    const particulars = body.recognitions[0]!.particulars!;
    expect(particulars.address).to.contain('Võ Văn Ngân');
    expect(particulars.testSites[0]).to.deep.include({ name: 'Phòng đo bức xạ' });
    const en = await api.get(`/register/cabs/${lab.cabId!}/KR`, undefined, { ...HTML, 'Accept-Language': 'en' });
    expect(en.text).to.contain('Address and test sites').and.to.contain('Phòng đo bức xạ').and.not.contain('not recorded in this register');
    const vi = await api.get(`/register/cabs/${lab.cabId!}/KR`, undefined, { ...HTML, 'Accept-Language': 'vi' });
    expect(vi.text).to.contain('Địa chỉ và địa điểm thử nghiệm');
  });

  it('a look-up lists the accepted report before the rejected one, each linking to its page, with regulations and the rejection’s reason', async () => {
    const page = await api.get('/lookup?economy=KR&q=PRP-AX1', undefined, { ...HTML, 'Accept-Language': 'en' });
    expect(page.status).to.equal(200);
    const acceptedAt = page.text.indexOf(`href="/register/test-reports/${accepted.id}"`);
    const rejectedAt = page.text.indexOf(`href="/register/test-reports/${rejected.id}"`);
    expect(acceptedAt).to.be.greaterThan(-1);
    expect(rejectedAt).to.be.greaterThan(acceptedAt);
    expect(rowWith(page.text, 'PRP-ACC-1')).to.contain('KR:KN 301 489, KR:KN 32');
    expect(rowWith(page.text, 'PRP-REJ-1')).to.contain('Thiếu kết quả đo công suất phát.');
    expect(page.text).not.to.contain('PRP-REV-1');
  });

  it('the report’s page lists its regulations, validity and history; its JSON twin the same', async () => {
    const { body } = await api.get<TestReportRecord>(`/public/test-reports/${accepted.id}`);
    expect(body).to.include({ id: accepted.id, reportNumber: 'PRP-ACC-1', state: 'accepted' });
    expect(body.regulations).to.deep.equal(['KR:KN 301 489', 'KR:KN 32']);
    expect(body.validUntil).to.be.a('string');
    expect(body.history.map((h) => h.status)).to.deep.equal(['accepted', 'submitted']);

    const page = await api.get(`/register/test-reports/${accepted.id}`, undefined, { ...HTML, 'Accept-Language': 'vi' });
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('Báo cáo thử nghiệm PRP-ACC-1').and.to.contain('KR:KN 301 489, KR:KN 32').and.to.contain(`datetime="${body.validUntil}"`);
    expect(page.text).to.contain(`href="/register/cabs/${lab.cabId!}/KR"`);
  });

  it('only a listed report has a page: one under review, an unknown report and a CAB never recognised there are not found, on the page and in JSON', async () => {
    expect((await api.get(`/register/test-reports/${accepted.id}`, undefined, HTML)).status).to.equal(200);
    expect((await api.get(`/public/test-reports/${accepted.id}`)).status).to.equal(200);
    for (const path of [`/register/test-reports/${underReview.id}`, '/register/test-reports/no-such-report', `/register/cabs/${lab.cabId!}/VN`, '/register/cabs/no-such-lab/KR']) {
      const page = await api.get(path, undefined, HTML);
      expect(page.status, path).to.equal(404);
      expect(page.text, path).not.to.contain('PRP-REV-1');
    }
    for (const path of [`/public/test-reports/${underReview.id}`, '/public/test-reports/no-such-report', `/public/cabs/${lab.cabId!}/VN`]) {
      const answer = await api.get(path);
      expect(answer.status, path).to.equal(404);
      expect(answer.headers.get('content-type'), path).to.contain('application/problem+json');
      expect(answer.text, path).not.to.contain('PRP-REV-1');
    }
  });

  it('an answered request for information is not shown as open on the record’s page', async () => {
    const form = await api.request('GET', '/sign-in', { headers: HTML });
    const body = new URLSearchParams({ _csrf: csrfToken(form.text), back: '/', key: api.keyOf('kr-regulator') });
    const signed = await fetch(`${api.server.url}/sign-in`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookieOf(form.headers), 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    expect(signed.status).to.equal(303);
    const page = await api.get(`/records/test-reports/${answered.id}`, undefined, { ...HTML, 'Accept-Language': 'en', Cookie: cookieOf(signed.headers) });
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('Requests for information').and.to.contain('Answered on');
    expect(page.text).not.to.contain('Open request for information');
  });

  it('then a whole suspension by the designating authority: every regulation suspended, KR:KN 32 still since the regulator’s partial one', async () => {
    const { world } = api;
    world.advanceDays(1);
    const recognitions = await world.engine.list('recognitions', { where: { cabId: lab.cabId! }, limit: 5, cursor: null }, world.as('kr-regulator'));
    const whole = await world.send('recognitions', recognitions.items[0]!.id, { type: 'SUSPEND', reason: 'Tạm đình chỉ chỉ định.' }, 'vn-designating-authority');
    const { body } = await api.get<CabStanding>(`/public/cabs/${lab.cabId!}/KR`);
    const [recognition] = body.recognitions;
    expect(recognition).to.include({ status: 'suspended', statusSince: whole.updatedAt });
    expect(recognition!.regulations.find((r) => r.regulation === 'KR:KN 32')).to.deep.include({ status: 'suspended', since: suspendedAt });
    const kn301 = recognition!.regulations.find((r) => r.regulation === 'KR:KN 301 489')!;
    expect(kn301).to.include({ status: 'suspended', since: whole.updatedAt });
    expect(kn301.suspension).to.include({ by: 'designating_authority', economy: 'VN' });
    const page = await api.get(`/register/cabs/${lab.cabId!}/KR`, undefined, { ...HTML, 'Accept-Language': 'en' });
    expect(rowWith(page.text, '<td>KR:KN 301 489</td>')).to.contain('The designating authority (VN)').and.to.contain(`datetime="${whole.updatedAt}"`);
    expect(rowWith(page.text, '<td>KR:KN 32</td>')).to.contain('The importing economy’s regulator (KR)');
  });

  // Last: it moves the clock a month on.
  it('a certificate has its page once in force (not in its review window), with its regulations, validity and body', async () => {
    const { world } = api;
    const { body } = await recognizedBody(world);
    const certificate = await world.engine.create('certificates', certificateBody(world, { certificateNumber: 'PRP-CERT-1' }), body);
    expect((await api.get(`/register/certificates/${certificate.id}`, undefined, HTML)).status).to.equal(404);
    expect((await api.get(`/public/certificates/${certificate.id}`)).status).to.equal(404);
    world.advanceDays(30);
    await world.fireDue();
    const json = await api.get<CertificateRecord>(`/public/certificates/${certificate.id}`);
    expect(json.status).to.equal(200);
    expect(json.body).to.include({ certificateNumber: 'PRP-CERT-1', state: 'in_force' });
    expect(json.body.history.map((h) => h.status)).to.deep.equal(['in_force', 'review_window']);
    const page = await api.get(`/register/certificates/${certificate.id}`, undefined, { ...HTML, 'Accept-Language': 'vi' });
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('Giấy chứng nhận PRP-CERT-1').and.to.contain(json.body.regulations.join(', ')).and.to.contain(`datetime="${json.body.validUntil}"`);
    expect(page.text).to.contain(`href="/register/cabs/${body.cabId!}/${json.body.importingEconomy}"`);
  });
});
