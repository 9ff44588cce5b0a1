/**
 * The statistics page and its CSV over real HTTP, in both languages: a form for the period that
 * works without JavaScript, tables with their headers, a CSV with headers in words and dates as
 * dates, and a date that is not one refused on the page.
 */
import { expect } from 'chai';
import { statisticsTexts } from '../../src/i18n/pages/statistics.js';
import { ApiWorld } from '../helpers/api.js';

const HTML = { Accept: 'text/html' };

describe('web: the statistics page and its CSV', () => {
  let api: ApiWorld;
  const page = (path: string, language: 'en' | 'vi') => api.request('GET', path, { headers: { ...HTML, 'Accept-Language': language } });

  before(async () => {
    api = await ApiWorld.create();
    const { world } = api;
    const { lab } = await world.recognizedLab(); // 2026-01-05
    world.advanceDays(3);
    const [first, second] = [await world.submit(lab), await world.submit(lab)];
    world.advanceDays(2);
    await world.send('test-reports', first.id, { type: 'ACCEPT' }, 'kr-regulator');
    await world.send('test-reports', second.id, { type: 'REJECT', reason: 'Thiếu kết quả đo phát xạ giả.' }, 'kr-regulator');
  });
  after(async () => api.close());

  it('shows the period’s figures in Vietnamese, in tables with row and column headers', async () => {
    const answer = await page('/statistics?from=2026-01-01&to=2026-12-31', 'vi');
    expect(answer.status).to.equal(200);
    const vi = statisticsTexts.vi;
    expect(answer.text).to.contain(vi.title).and.to.contain('<form method="get" action="/statistics"');
    expect(answer.text).to.contain('name="from" type="date" value="2026-01-01"').and.to.contain('name="to" type="date" value="2026-12-31"');
    expect(answer.text).to.contain(`<caption>${vi.reportsCaption}</caption>`).and.to.contain(`<th scope="col">${vi.columns.accepted}</th>`);
    expect(answer.text).to.contain('<th scope="row">Việt Nam → Hàn Quốc</th><td class="number">1</td><td class="number">1</td>');
    expect(answer.text).to.contain('Bị cơ quan quản lý của nền kinh tế nhập khẩu từ chối').and.to.contain('27 ngày làm việc').and.to.contain('90 ngày');
    expect(answer.text).to.contain('href="/statistics.csv?from=2026-01-01&amp;to=2026-12-31"');
    expect(answer.text).to.contain(vi.period('01/01/2026', '31/12/2026'));
  });

  it('shows them in English, and the last twelve months when no date is given', async () => {
    const answer = await page('/statistics', 'en');
    expect(answer.status).to.equal(200);
    expect(answer.text).to.contain(statisticsTexts.en.title).and.to.contain('27 working days').and.to.contain('Rejected by the importing regulator');
    expect(answer.text).to.contain('value="2025-01-11"').and.to.contain('value="2026-01-10"');
  });

  it('refuses a date that is not one, or a period that ends before it starts, with the reason in the reader’s language', async () => {
    const bad = await page('/statistics?from=2026-02-30', 'vi');
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain(statisticsTexts.vi.badDate).and.to.contain('value="2026-02-30"');
    const reversed = await page('/statistics?from=2026-03-01&to=2026-02-01', 'en');
    expect(reversed.status).to.equal(400);
    expect(reversed.text).to.contain(statisticsTexts.en.badOrder);
    expect((await page('/statistics.csv?to=31/12/2026', 'en')).status).to.equal(400);
  });

  it('downloads a CSV with headers in the page’s language and dates as YYYY-MM-DD', async () => {
    const vi = await page('/statistics.csv?from=2026-01-01&to=2026-12-31', 'vi');
    expect(vi.status).to.equal(200);
    expect(vi.headers.get('content-type')).to.match(/^text\/csv/);
    const [header, line, end] = vi.text.split('\r\n');
    expect(header).to.match(/^\uFEFFTừ ngày,Đến ngày,Nền kinh tế xuất khẩu,Nền kinh tế nhập khẩu,Được thừa nhận hoặc thừa nhận lại,/);
    expect(line).to.match(/^2026-01-01,2026-12-31,Việt Nam,Hàn Quốc,1,0,0,0,1,1,Bị cơ quan quản lý của nền kinh tế nhập khẩu từ chối: 1,/);
    expect(line).to.contain(',27 ngày làm việc,');
    expect(end).to.equal('');
    const en = await page('/statistics.csv?from=2026-01-01&to=2026-12-31', 'en');
    expect(en.text.split('\r\n')[0]).to.match(/^\uFEFFFrom,To,Exporting economy,Importing economy,Recognised or renewed,Suspended,Withdrawn,/);
    expect(en.text).to.not.match(/\d{4}-\d{2}-\d{2}T/);
  });
});
