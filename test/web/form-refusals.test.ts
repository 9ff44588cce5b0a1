/**
 * One error middleware shows a refused form again (`src/http/web/form-refusals.ts`); the routes only
 * await. Over real HTTP, in Vietnamese: each kind of form the engine or a service refuses comes back
 * with the reason beside the field it concerns and what was typed kept, with the refusal's status;
 * a conflict shows what changed; what a form cannot answer (no such record) is the 404 page.
 */
import { expect } from 'chai';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { refusalTexts } from '../../src/i18n/pages/refusals.js';
import type { Resource } from '../../src/engine/resource.js';
import { ApiWorld } from '../helpers/api.js';
import { PagePerson } from '../helpers/people.js';

const vi = pageTexts.vi;

/** The text of the field problem with id `error-{id}` on a page. */
function problemOf(html: string, id: string): string | null {
  return new RegExp(`id="error-${id}"[^>]*>([^<]+)<`).exec(html)?.[1] ?? null;
}

describe('web pages: a refused form is shown again by one error middleware', () => {
  let api: ApiWorld;
  let report: Resource;
  before(async () => {
    api = await ApiWorld.create();
    const { lab } = await api.world.recognizedLab();
    api.world.advanceDays(3);
    report = await api.world.submit(lab);
  });
  after(async () => {
    await api.close();
  });

  it('an event form: the missing reason beside its field, a stale version as a conflict, nothing written', async () => {
    const regulator = await PagePerson.signIn(api, 'demo-kr-regulator-key', 'vi');
    const path = `/records/test-reports/${report.id}`;
    const refused = await regulator.post(path, `${path}/events`, { type: 'REJECT', version: String(report.version), comment: 'Ghi chú giữ lại' });
    expect(refused.status).to.equal(400);
    const html = await refused.text();
    expect(problemOf(html, 'REJECT-reason')).to.equal(vi.fieldErrors['required']);
    expect(html).to.contain('Ghi chú giữ lại');
    const stale = await regulator.post(path, `${path}/events`, { type: 'ACCEPT', version: String(report.version - 1) });
    expect(stale.status).to.equal(409);
    expect(await stale.text()).to.contain('id="conflict"');
    expect((await api.world.engine.get('test-reports', report.id, { id: 'admin', role: 'admin' })).version).to.equal(report.version);
  });

  it('a create form: the problem beside its field and the typed values kept', async () => {
    const lab = await PagePerson.signIn(api, api.keyOf(`${report.data['cabId'] as string}-user`), 'vi');
    const refused = await lab.post('/records/test-reports/new', '/records/test-reports', { importingEconomy: 'KR', 'equipment.model': 'PN-GIU-LAI' });
    expect(refused.status).to.equal(400);
    const html = await refused.text();
    expect(problemOf(html, 'reportNumber')).to.equal(vi.fieldErrors['required']);
    expect(html).to.contain('value="PN-GIU-LAI"').and.to.contain(vi.errors['VALIDATION_FAILED']!);
  });

  it('a create form in Vietnamese: each problem worded in Vietnamese from its code, not read back from English', async () => {
    const lab = await PagePerson.signIn(api, api.keyOf(`${report.data['cabId'] as string}-user`), 'vi');
    const refused = await lab.post('/records/test-reports/new', '/records/test-reports', {
      reportNumber: '!! không hợp lệ',
      importingEconomy: 'KR',
      'equipment.model': 'x'.repeat(201),
      testedAt: 'ngày mai',
    });
    expect(refused.status).to.equal(400);
    const html = await refused.text();
    expect(problemOf(html, 'reportNumber')).to.equal(vi.fieldErrors.pattern);
    expect(problemOf(html, 'equipment.model')).to.equal(vi.fieldErrors.maxLength);
    expect(problemOf(html, 'testedAt')).to.equal(vi.fieldErrors.format);
    expect(problemOf(html, 'issuedAt')).to.equal(vi.fieldErrors.required);
    expect(html).to.not.contain('must ');
  });

  it('a Vietnamese page is wholly Vietnamese: a keyword the general words do not name, and a refusal page without a form, carry no English sentence', async () => {
    const regulator = await PagePerson.signIn(api, 'demo-kr-regulator-key', 'vi');
    const path = `/records/test-reports/${report.id}`;
    const choice = await regulator.post(path, `${path}/events`, { type: 'REQUEST_INFO', version: String(report.version), request: 'Đề nghị bổ sung', onNoAnswer: 'khac' });
    expect(choice.status).to.equal(400);
    const choiceHtml = await choice.text();
    expect(problemOf(choiceHtml, 'REQUEST_INFO-onNoAnswer')).to.equal(refusalTexts.vi.keywords['enum']);
    expect(choiceHtml).to.not.contain('must be one of');
    const unknownState = await regulator.get('/records/test-reports?state=khong-co');
    expect(unknownState.status).to.equal(400);
    const main = unknownState.text.slice(unknownState.text.indexOf('<main'));
    expect(/<h1>([^<]*)<\/h1>/.exec(main)?.[1]).to.equal(vi.errors['VALIDATION_FAILED']);
    expect(/<p>([^<]*)<\/p>/.exec(main)?.[1], 'the page\'s own words, not the engine\'s English sentence').to.equal(refusalTexts.vi.whatNow);
    expect(main).to.not.contain('unknown state');
  });

  it('the CAB form: a field problem, and a role that may not register one told so on the form', async () => {
    const authority = await PagePerson.signIn(api, 'demo-vn-designating-authority-key', 'vi');
    const missing = await authority.post('/directory/cabs/new', '/directory/cabs', { id: 'vn-lab-moi', type: 'lab', economy: 'VN' });
    expect(missing.status).to.equal(400);
    expect(problemOf(await missing.text(), 'name')).to.equal(vi.fieldErrors['required']);
    const regulator = await PagePerson.signIn(api, 'demo-kr-regulator-key', 'vi');
    const forbidden = await regulator.post('/directory/cabs/new', '/directory/cabs', { id: 'vn-lab-moi', name: 'Phòng thử nghiệm Mới', type: 'lab', economy: 'VN', email: 'lab@moi.vn.example', language: 'vi' });
    expect(forbidden.status).to.equal(403);
    const html = await forbidden.text();
    expect(html).to.contain('action="/directory/cabs"').and.to.contain(vi.errors['FORBIDDEN']!).and.to.contain('Phòng thử nghiệm Mới');
  });

  it('the people forms: a bad address, a bad expiry and a reason too long beside their fields, nobody disabled', async () => {
    const regulator = await PagePerson.signIn(api, 'demo-kr-regulator-key', 'vi');
    const person = await regulator.post('/people', '/people', { name: 'Kim', role: 'regulator', email: 'khong-phai-dia-chi', language: 'vi' });
    expect(person.status).to.equal(400);
    expect(problemOf(await person.text(), 'email')).to.equal(vi.fieldErrors.email);
    const key = await regulator.post('/people/kr-regulator', '/people/kr-regulator/keys', { name: 'Máy chủ', expiresAt: 'ngày mai' });
    expect(key.status).to.equal(400);
    expect(problemOf(await key.text(), 'key-expiresAt')).to.be.a('string');
    const added = await regulator.post('/people', '/people', { name: 'Lee Officer', role: 'regulator', email: 'lee@rra.kr.example', language: 'vi' });
    expect(added.status).to.equal(303);
    const lee = (await api.world.store.principalByEmail('lee@rra.kr.example'))!;
    const disable = await regulator.post(`/people/${lee.id}`, `/people/${lee.id}/disable`, { reason: 'x'.repeat(2001) });
    expect(disable.status).to.equal(400);
    expect(problemOf(await disable.text(), 'disable-reason')).to.equal(vi.fieldErrors['maxLength']);
    expect((await api.world.store.getPrincipal(lee.id))!.disabledAt).to.equal(undefined);
  });

  it('a form about a record that is not there answers the 404 page, not the form', async () => {
    const regulator = await PagePerson.signIn(api, 'demo-kr-regulator-key', 'vi');
    const path = `/records/test-reports/${report.id}`;
    const missing = await regulator.post(path, '/records/test-reports/khong-co/events', { type: 'ACCEPT', version: '1' });
    expect(missing.status).to.equal(404);
    expect(await missing.text()).to.contain(vi.notFound.title);
  });
});
