/**
 * The certification application a test report supports (docs/domain.md, "Test report"), on the
 * pages: the lab fills it in on the submission form, and the report's page shows it, labelled in
 * the reader's language.
 */
import { expect } from 'chai';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { ApiWorld } from '../helpers/api.js';
import { PagePerson } from '../helpers/people.js';

describe('web pages: the certification application a test report supports', () => {
  let api: ApiWorld;
  before(async () => (api = await ApiWorld.create()));
  after(async () => api.close());

  it('47 CFR 2.948: the lab names the application on the form, and the report page shows it in Vietnamese and English', async () => {
    const { lab } = await api.world.recognizedLab();
    api.world.advanceDays(5);
    const person = await PagePerson.signIn(api, api.keyOf(lab.id), 'vi');
    const form = await person.get('/records/test-reports/new');
    expect(form.text).to.contain('name="certificationApplication.reference"').and.contain('name="certificationApplication.authority"');
    const report = api.world.reportBody();
    const sent = await person.post('/records/test-reports/new', '/records/test-reports', {
      reportNumber: 'SH-APP-0001',
      importingEconomy: 'KR',
      regulations: 'KR:KN 301 489',
      'equipment.manufacturer': 'Công ty Cổ phần Thiết bị Mạng Phương Nam',
      'equipment.model': 'PN-AX3000',
      'equipment.category': 'Wi-Fi router',
      testedAt: String(report['testedAt']).slice(0, 10),
      issuedAt: String(report['issuedAt']).slice(0, 10),
      'certificationApplication.reference': 'RRA-2026-0412',
      'certificationApplication.authority': 'National Radio Research Agency (RRA)',
    });
    expect(sent.status, await sent.text()).to.equal(303);
    const path = sent.headers.get('location')!;
    for (const language of ['vi', 'en'] as const) {
      const page = await (await PagePerson.signIn(api, api.keyOf(lab.id), language)).get(path);
      expect(page.status).to.equal(200);
      expect(page.text).to.contain(pageTexts[language].fields['certificationApplication']!.label);
      expect(page.text).to.contain(pageTexts[language].fields['certificationApplication.reference']!.label);
      expect(page.text).to.contain('RRA-2026-0412').and.contain('National Radio Research Agency (RRA)');
    }
  });
});
