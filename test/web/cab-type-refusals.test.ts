/**
 * A CAB of the wrong type refused on the pages (docs/domain.md, "Roles"): a certification body
 * sending the test-report form, and a testing laboratory the certificate form, see the form again
 * with the refusal and its reason worded in their language, and nothing is written.
 */
import { expect } from 'chai';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { wordings } from '../../src/i18n/index.js';
import { ApiWorld } from '../helpers/api.js';
import { PagePerson } from '../helpers/people.js';

/** Text as a page writes it: the apostrophe escaped. */
const inHtml = (text: string) => text.replaceAll("'", '&#x27;');

describe('web pages: a CAB refused for its type, in Vietnamese and English', () => {
  let api: ApiWorld;
  before(async () => (api = await ApiWorld.create()));
  after(async () => api.close());

  for (const language of ['vi', 'en'] as const) {
    it(`${language}: the certification body's test-report form comes back with NOT_A_TESTING_LAB worded`, async () => {
      const body = await PagePerson.signIn(api, 'demo-cb-thang-long-key', language);
      const report = api.world.reportBody();
      const before = await api.world.snapshot();
      const refused = await body.post('/records/test-reports/new', '/records/test-reports', {
        reportNumber: 'TL-RF-0001',
        importingEconomy: 'KR',
        regulations: 'KR:KN 301 489',
        'equipment.manufacturer': 'Công ty Cổ phần Thiết bị Mạng Phương Nam',
        'equipment.model': 'PN-AX3000',
        'equipment.category': 'Wi-Fi router',
        testedAt: String(report['testedAt']).slice(0, 10),
        issuedAt: String(report['issuedAt']).slice(0, 10),
      });
      const html = await refused.text();
      expect(refused.status, html).to.equal(403);
      expect(html).to.contain(inHtml(pageTexts[language].errors['FORBIDDEN']!));
      expect(html).to.contain(inHtml(wordings[language].reasons['NOT_A_TESTING_LAB']!));
      expect(html).to.contain('value="TL-RF-0001"');
      expect(await api.world.snapshot()).to.deep.equal(before);
    });
  }

  it('47 CFR 2.948 / ISO/IEC 17025: a certification body cannot submit a test report', async () => {
    // On the API: 403 with the reason's code and the sentence that says who submits reports.
    const before = await api.world.snapshot();
    const refused = await api.post<{ code: string; detail: string; reasons: Array<{ code: string }> }>('/test-reports', api.world.reportBody(), 'cb-thang-long');
    expect(refused.status, refused.text).to.equal(403);
    expect(refused.body.code).to.equal('FORBIDDEN');
    expect(refused.body.reasons.map((r) => r.code)).to.deep.equal(['NOT_A_TESTING_LAB']);
    expect(refused.body.detail.toLowerCase()).to.contain(wordings.en.reasons['NOT_A_TESTING_LAB']!.split(';')[0]!.toLowerCase());
    // On the page, in each language: the refusal and the reason in words.
    for (const language of ['vi', 'en'] as const) {
      const body = await PagePerson.signIn(api, 'demo-cb-thang-long-key', language);
      const page = await body.post('/records/test-reports/new', '/records/test-reports', {
        reportNumber: 'TL-RF-0002',
        importingEconomy: 'KR',
        regulations: 'KR:KN 301 489',
        'equipment.manufacturer': 'Công ty Cổ phần Thiết bị Mạng Phương Nam',
        'equipment.model': 'PN-AX3000',
        'equipment.category': 'Wi-Fi router',
        testedAt: String(api.world.reportBody()['testedAt']).slice(0, 10),
        issuedAt: String(api.world.reportBody()['issuedAt']).slice(0, 10),
      });
      const html = await page.text();
      expect(page.status, html).to.equal(403);
      expect(html).to.contain(inHtml(wordings[language].reasons['NOT_A_TESTING_LAB']!));
    }
    expect(await api.world.snapshot()).to.deep.equal(before);
  });

  it("vi: a testing laboratory's certificate form comes back with NOT_A_CERTIFICATION_BODY worded", async () => {
    const lab = await PagePerson.signIn(api, 'demo-lab-song-hong-key', 'vi');
    const before = await api.world.snapshot();
    const refused = await lab.post('/records/certificates/new', '/records/certificates', {
      certificateNumber: 'SH-C-0001',
      importingEconomy: 'KR',
      regulations: 'KR:KN 301 489',
      'equipment.manufacturer': 'Công ty Cổ phần Thiết bị Mạng Phương Nam',
      'equipment.model': 'PN-AX3000',
      'equipment.category': 'Wi-Fi router',
      'equipment.hardwareVersion': 'HW 1.2',
      'equipment.softwareVersion': 'FW 3.0.1',
      applicantId: 'importer-hanbit',
      issuedAt: api.world.clock.now().toISOString().slice(0, 10),
    });
    const html = await refused.text();
    expect(refused.status, html).to.equal(403);
    expect(html).to.contain(pageTexts.vi.errors['FORBIDDEN']!);
    expect(html).to.contain(wordings.vi.reasons['NOT_A_CERTIFICATION_BODY']!);
    expect(await api.world.snapshot()).to.deep.equal(before);
  });
});
