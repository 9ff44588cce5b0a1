/**
 * The register shows what is true: a recognition suspended for one regulation by the importing
 * regulator, then as a whole by the designating authority, shows so on the register page (in both
 * languages), in its CSV and XLSX (headers in words, days as days, one line per regulation) and in
 * the JSON, with since when, by which side of which economy and for which regulations; a
 * recognition suspended for one regulation only shows as partly suspended. The record page of the
 * recognition lists its suspensions too.
 */
import ExcelJS from 'exceljs';
import { expect } from 'chai';
import { wordings } from '../../src/i18n/index.js';
import { formatDay } from '../../src/i18n/format.js';
import { pageTexts } from '../../src/i18n/pages/index.js';
import type { PublicRecognition } from '../../src/public/recognition-register.js';
import type { Page } from '../../src/store/port.js';
import { ApiWorld } from '../helpers/api.js';
import { PagePerson } from '../helpers/people.js';

const HTML = { Accept: 'text/html,application/xhtml+xml' };
const SCOPE = ['KR:KN 301 489', 'KR:KN 32'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The cells of a CSV line (no quoted commas in what these tests read). */
function cells(line: string): string[] {
  return line.split(',').map((c) => c.replace(/^"|"$/g, ''));
}

describe('the public register shows partial and whole suspensions', () => {
  let api: ApiWorld;
  let both: PublicRecognition;
  let partly: PublicRecognition;
  let recognitionId = '';
  let labName = '';

  before(async () => {
    api = await ApiWorld.create();
    const { world } = api;
    const agreement = await world.agreement();
    const ids: string[] = [];
    for (const whole of [true, false]) {
      const lab = await world.addLab();
      await world.accreditation(lab.cabId!);
      const recognition = await world.recognition(agreement.id, lab.cabId!, { scope: SCOPE });
      ids.push(recognition.id);
      world.advanceDays(1);
      await world.send('recognitions', recognition.id, { type: 'SUSPEND', reason: 'KN 32 under investigation.', regulations: ['KR:KN 32'] }, 'kr-regulator');
      if (whole) {
        world.advanceDays(1);
        await world.send('recognitions', recognition.id, { type: 'SUSPEND', reason: 'Tạm đình chỉ chỉ định.' }, 'vn-designating-authority');
      }
    }
    recognitionId = ids[0]!;
    const { body } = await api.get<Page<PublicRecognition>>('/public/recognitions?importing=KR&exporting=VN');
    both = body.items.find((r) => r.suspensions.length === 2)!;
    partly = body.items.find((r) => r.suspensions.length === 1)!;
    labName = both.cab.name;
  });
  after(async () => api.close());

  it('JSON: each regulation with its status, and the suspensions covering it (since, side, economy)', () => {
    const [kn301, kn32] = both.regulations;
    expect(kn301).to.include({ regulation: 'KR:KN 301 489', status: 'suspended' });
    expect(kn301!.suspensions).to.deep.equal([{ by: 'designating_authority', economy: 'VN', since: both.statusSince }]);
    expect(kn32).to.include({ regulation: 'KR:KN 32', status: 'suspended' });
    expect(kn32!.suspensions.map((s) => s.by)).to.deep.equal(['importing_regulator', 'designating_authority']);
    expect(kn32!.suspensions[0]).to.deep.include({ economy: 'KR', regulations: ['KR:KN 32'] });
    expect(partly.status).to.equal('recognized');
    expect(partly.regulations.map((r) => r.status)).to.deep.equal(['recognized', 'suspended']);
    // The columns a published CAB list carries, from the records the service keeps.
    expect(both.accreditation).to.include({ body: 'Văn phòng Công nhận Chất lượng (BoA)' });
    expect(both.accreditation!.certificateNumber).to.be.a('string').and.not.equal('');
    expect(both.agreement.id).to.be.a('string');
  });

  for (const language of ['en', 'vi'] as const) {
    it(`the register page (${language}) says which regulation is suspended, since when and by whom, and links its CSV and XLSX`, async () => {
      const text = pageTexts[language].register;
      const page = await api.get(`/register?importing=KR&exporting=VN`, undefined, { ...HTML, 'Accept-Language': language });
      expect(page.status).to.equal(200);
      const row = (designation: string) => page.text.split('<tr>').find((r) => r.includes(`<td>${designation}</td>`))!;
      const suspendedWord = wordings[language].states.recognitions['suspended']!;
      const bothRow = row(both.designationNumber);
      expect(bothRow).to.contain(`KR:KN 32: <span class="tag tag-warn">${suspendedWord}</span>`);
      expect(bothRow).to.contain(`KR:KN 301 489: <span class="tag tag-warn">${suspendedWord}</span>`);
      expect(bothRow).to.contain(text.sides.importing_regulator).and.to.contain(text.sides.designating_authority);
      const kr = both.regulations[1]!.suspensions[0]!;
      expect(bothRow).to.contain(text.sinceDay(formatDay(kr.since, language)));
      expect(bothRow).to.contain('Văn phòng Công nhận Chất lượng (BoA)');
      const partlyRow = row(partly.designationNumber);
      expect(partlyRow).to.contain(text.partlySuspended);
      expect(partlyRow).to.contain(`KR:KN 301 489: <span class="tag tag-good">${wordings[language].states.recognitions['recognized']}</span>`);
      expect(page.text).to.contain(`href="/register.csv?importing=KR&amp;exporting=VN&amp;lang=${language}"`);
      expect(page.text).to.contain(`href="/register.xlsx?importing=KR&amp;exporting=VN&amp;lang=${language}"`);
    });
  }

  it('register.csv: headers in the reader’s words, a line per regulation, days as YYYY-MM-DD with the side that suspended', async () => {
    const csv = await api.get('/register.csv?importing=KR&exporting=VN&lang=vi');
    expect(csv.headers.get('content-type')).to.contain('text/csv');
    const [header, ...lines] = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    const c = pageTexts.vi.register.columns;
    const headers = cells(header!);
    expect(headers).to.include.members([c.designationNumber, c.cab, c.regulation, c.regulationState, c.suspendedSince, c.suspendedBy, c.accreditationBody, c.certificateNumber, c.arrangement]);
    expect(csv.text).to.not.match(/\d{4}-\d\d-\d\dT\d\d/);
    const line = (regulation: string) => {
      const found = lines.map(cells).find((l) => l[0] === both.designationNumber && l[headers.indexOf(c.regulation)] === regulation)!;
      return (column: string) => found[headers.indexOf(column)];
    };
    const kn32 = line('KR:KN 32');
    const since = both.regulations[1]!.suspensions[0]!.since;
    expect(kn32(c.regulationState)).to.equal(wordings.vi.states.recognitions['suspended']);
    expect(kn32(c.suspendedSince)).to.equal(since.slice(0, 10)).and.to.match(/^\d{4}-\d\d-\d\d$/);
    expect(kn32(c.suspendedAt)).to.equal(`${since.slice(0, 10)} ${since.slice(11, 16)}`);
    expect(kn32(c.suspendedBy)).to.equal('Cơ quan quản lý của nền kinh tế nhập khẩu (KR); Cơ quan chỉ định (VN)');
    expect(kn32(c.cab)).to.equal(labName);
    const kn301 = line('KR:KN 301 489');
    expect(kn301(c.suspendedBy)).to.equal('Cơ quan chỉ định (VN)');
    expect(kn301(c.since)).to.match(/^\d{4}-\d\d-\d\d$/);
  });

  it('register.xlsx opens with exceljs: Vietnamese text kept, the suspension there with its day as a date cell', async () => {
    const answer = await api.get('/register.xlsx?importing=KR&exporting=VN&lang=vi');
    expect(answer.headers.get('content-type')).to.contain(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const c = pageTexts.vi.register.columns;
    expect(headers).to.include(c.suspendedSince).and.to.include(c.cab);
    const rows = sheet.getRows(2, sheet.rowCount - 1)!.map((r) => (r.values as unknown[]).slice(1));
    const at = (column: string) => headers.indexOf(column);
    const kn32 = rows.find((r) => r[at(c.designationNumber)] === both.designationNumber && r[at(c.regulation)] === 'KR:KN 32')!;
    expect(kn32[at(c.cab)]).to.equal(labName);
    expect(kn32[at(c.regulationState)]).to.equal('bị tạm đình chỉ');
    expect(kn32[at(c.suspendedBy)]).to.equal('Cơ quan quản lý của nền kinh tế nhập khẩu (KR); Cơ quan chỉ định (VN)');
    const since = kn32[at(c.suspendedSince)];
    expect(since).to.be.instanceOf(Date);
    expect((since as Date).toISOString().slice(0, 10)).to.equal(both.regulations[1]!.suspensions[0]!.since.slice(0, 10));
    expect(rows.find((r) => r[at(c.designationNumber)] === partly.designationNumber && r[at(c.regulation)] === 'KR:KN 301 489')![at(c.regulationState)]).to.equal(
      wordings.vi.states.recognitions['recognized'],
    );
  });

  it('the JSON API gives the same table as CSV (words in ?lang) and XLSX on request, and keeps its field names in JSON', async () => {
    const csv = await api.get('/public/recognitions?importing=KR&format=csv&lang=en');
    expect(csv.text.replace(/^\uFEFF/, '').split('\r\n')[0]).to.contain(pageTexts.en.register.columns.suspendedSince);
    expect(csv.headers.get('content-language')).to.equal('en');
    const xlsx = await api.get('/public/recognitions?importing=KR', undefined, { Accept: XLSX, 'Accept-Language': 'vi' });
    expect(xlsx.headers.get('content-type')).to.contain(XLSX);
    const json = await api.get<Page<PublicRecognition>>('/public/recognitions?importing=KR&lang=vi');
    expect(Object.keys(json.body.items[0]!)).to.include('designationNumber');
  });

  it('the OpenAPI document gives the register’s JSON twin with its CSV and XLSX, and the accepted reports’ XLSX, by content type', async () => {
    type Doc = { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }> } }> };
    const { body } = await api.get<Doc>('/openapi.json');
    const register = body.paths['/public/recognitions']!.get.responses['200']!.content;
    expect(Object.keys(register)).to.have.members(['application/json', 'text/csv', XLSX]);
    expect(register[XLSX]!.schema).to.deep.equal({ type: 'string', format: 'binary' });
    expect(Object.keys(body.paths['/public/test-reports/accepted.xlsx']!.get.responses['200']!.content)).to.deep.equal([XLSX]);
  });

  it('the recognition’s record page lists its suspensions: the whole one and the one for KR:KN 32', async () => {
    const regulator = await PagePerson.signIn(api, 'demo-kr-regulator-key', 'vi');
    const page = await regulator.get(`/records/recognitions/${recognitionId}`);
    expect(page.status).to.equal(200);
    const words = pageTexts.vi.register;
    const section = page.text.slice(page.text.indexOf('id="suspensions"'));
    expect(section).to.contain(words.suspensionsHeading).and.to.contain(words.whole).and.to.contain(words.only('KR:KN 32'));
    expect(section).to.contain(words.sides.designating_authority).and.to.contain(words.sides.importing_regulator);
  });
});
