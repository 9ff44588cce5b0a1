/**
 * Downloads people open: the accepted reports of an economy as CSV with headers in the reader's
 * words and days as `YYYY-MM-DD`, the same table as XLSX (opened here with exceljs, Vietnamese
 * kept, days as date cells), both linked from the look-up page; the start page leads to every
 * public answer.
 */
import ExcelJS from 'exceljs';
import { expect } from 'chai';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { ApiWorld } from '../helpers/api.js';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

describe('downloads people open: the accepted reports and the start page', () => {
  let api: ApiWorld;
  let acceptedAt = '';

  before(async () => {
    api = await ApiWorld.create();
    const w = api.world;
    const { lab } = await w.recognizedLab();
    w.advanceDays(5);
    const report = await w.submit(lab, { reportNumber: 'DL-0001', equipment: { manufacturer: 'Công ty Cổ phần Thiết bị Mạng Phương Nam', model: 'PN-AX1800', category: 'Bộ định tuyến Wi-Fi' } });
    const accepted = await w.send('test-reports', report.id, { type: 'ACCEPT' }, 'kr-regulator');
    acceptedAt = accepted.data['acceptedAt'] as string;
  });
  after(async () => api.close());

  it('accepted.csv: headers in the words of ?lang (or Accept-Language), days as YYYY-MM-DD', async () => {
    const vi = await api.get('/public/test-reports/accepted.csv?economy=KR&lang=vi');
    const [header, line] = vi.text.replace(/^\uFEFF/, '').split('\r\n');
    const c = pageTexts.vi.lookup.acceptedColumns;
    expect(header!.split(',')).to.deep.equal(Object.values(c));
    const cells = line!.split(',');
    expect(cells[0]).to.equal('DL-0001');
    expect(cells[header!.split(',').indexOf(c.acceptedAt)]).to.equal(acceptedAt.slice(0, 10));
    for (const column of [c.testedAt, c.issuedAt, c.acceptedAt, c.validUntil]) expect(cells[header!.split(',').indexOf(column)]).to.match(/^\d{4}-\d\d-\d\d$/);
    expect(vi.text).to.not.match(/\d{4}-\d\d-\d\dT\d\d:/);
    const en = await api.get('/public/test-reports/accepted.csv?economy=KR', undefined, { 'Accept-Language': 'en' });
    expect(en.text.replace(/^\uFEFF/, '').split('\r\n')[0]).to.match(/^Report number,Lab,/);
  });

  it('accepted.xlsx opens with exceljs: the report with its Vietnamese manufacturer, and its acceptance day as a date', async () => {
    const answer = await api.get('/public/test-reports/accepted.xlsx?economy=KR&lang=vi');
    expect(answer.status).to.equal(200);
    expect(answer.headers.get('content-type')).to.contain('spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const values = (sheet.getRow(2).values as unknown[]).slice(1);
    const c = pageTexts.vi.lookup.acceptedColumns;
    expect(values[headers.indexOf(c.manufacturer)]).to.equal('Công ty Cổ phần Thiết bị Mạng Phương Nam');
    const day = values[headers.indexOf(c.acceptedAt)];
    expect(day).to.be.instanceOf(Date);
    expect((day as Date).toISOString().slice(0, 10)).to.equal(acceptedAt.slice(0, 10));
  });

  it('the look-up page links both downloads in its language; the start page links the public answers', async () => {
    const lookup = await api.get('/lookup?economy=KR', undefined, { ...HTML, 'Accept-Language': 'vi' });
    expect(lookup.text).to.contain('href="/public/test-reports/accepted.csv?economy=KR&amp;lang=vi"');
    expect(lookup.text).to.contain('href="/public/test-reports/accepted.xlsx?economy=KR&amp;lang=vi"');
    const home = await api.get('/', undefined, HTML);
    for (const path of ['/lookup', '/verify', '/statuses', '/register', '/coverage', '/statistics']) expect(home.text).to.contain(`href="${path}"`);
  });
});
