/**
 * The pages of issue 13's search and documents, over real HTTP (port 0) without a browser: a lab
 * submits a report with its PDF through the submit form (multipart, with the session's CSRF
 * token), the record page lists the document and its download works, the look-up finds the
 * accepted report typed without diacritics, and the verification page checks a file and a hash.
 */
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { ApiWorld } from '../helpers/api.js';
import { pdfBytes } from '../helpers/documents.js';

const HTML = { Accept: 'text/html' };

function csrfToken(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field in the page');
  return match[1]!;
}

function cookieOf(headers: Headers): string {
  return headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
}

describe('web pages: documents, look-up and verification', () => {
  let api: ApiWorld;
  let session: string;
  let recordPath: string;
  const pdf = pdfBytes('Báo cáo thử nghiệm SHT-WEB-1');
  const sha256 = createHash('sha256').update(pdf).digest('hex');

  before(async () => {
    api = await ApiWorld.create();
    const { lab } = await api.world.recognizedLab();
    // The report is tested two days before it is submitted: after the recognition began.
    api.world.advanceDays(3);
    const form = await api.request('GET', '/sign-in', { headers: HTML });
    const body = new URLSearchParams({ _csrf: csrfToken(form.text), back: '/records/test-reports/new', key: api.keyOf(`${lab.cabId!}-user`) });
    const signed = await fetch(`${api.server.url}/sign-in`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookieOf(form.headers), 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    expect(signed.status).to.equal(303);
    session = cookieOf(signed.headers);
  });
  after(async () => {
    await api.close();
  });

  it('the submit form takes the report as a PDF; the record page lists it and its download is the file', async () => {
    const page = await api.request('GET', '/records/test-reports/new', { headers: { ...HTML, Cookie: session } });
    expect(page.text).to.contain('enctype="multipart/form-data"').and.to.contain('name="report"').and.to.contain('type="file"');
    const report = api.world.reportBody({ reportNumber: 'SHT-WEB-1' });
    const equipment = report['equipment'] as Record<string, string>;
    const form = new FormData();
    form.append('_csrf', csrfToken(page.text));
    form.append('reportNumber', 'SHT-WEB-1');
    form.append('importingEconomy', 'KR');
    form.append('regulations', 'KR:KN 301 489');
    for (const [name, value] of Object.entries(equipment)) form.append(`equipment.${name}`, value);
    form.append('testedAt', String(report['testedAt']).slice(0, 10));
    form.append('issuedAt', String(report['issuedAt']).slice(0, 10));
    form.append('importerId', 'importer-hanbit');
    form.append('report', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'báo cáo SHT-WEB-1.pdf');
    const created = await fetch(`${api.server.url}/records/test-reports`, { method: 'POST', redirect: 'manual', headers: { Cookie: session }, body: form });
    expect(created.status, await created.clone().text()).to.equal(303);
    recordPath = created.headers.get('location')!.split('?')[0]!;

    const record = await api.request('GET', recordPath, { headers: { ...HTML, Cookie: session } });
    expect(record.text).to.contain('báo cáo SHT-WEB-1.pdf').and.to.contain(sha256);
    const href = /href="(\/test-reports\/[^"]+\/documents\/[0-9a-f]{64})"/.exec(record.text)![1]!;
    const download = await fetch(`${api.server.url}${href}`, { headers: { Cookie: session } });
    expect(download.status).to.equal(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).to.equal(true);
  });

  it('a form without its CSRF token sends no file anywhere', async () => {
    const form = new FormData();
    form.append('reportNumber', 'SHT-WEB-2');
    form.append('report', new Blob([new Uint8Array(pdfBytes('other'))], { type: 'application/pdf' }), 'x.pdf');
    const refused = await api.request('POST', '/records/test-reports', { headers: { ...HTML, Cookie: session }, form });
    expect(refused.status).to.equal(403);
    expect(refused.text).to.contain(pageTexts.en.errors['CSRF']);
  });

  it('the look-up finds the accepted report by its manufacturer typed without diacritics, and asks for three letters', async () => {
    const id = decodeURIComponent(recordPath.split('/').at(-1)!);
    await api.world.send('test-reports', id, { type: 'ACCEPT' }, 'kr-regulator');
    const found = await api.request('GET', '/lookup?economy=KR&q=cong+ty+co+phan+thiet+bi+mang+phuong+nam', { headers: { ...HTML, 'Accept-Language': 'vi' } });
    expect(found.text).to.contain('SHT-WEB-1').and.to.contain('Công ty Cổ phần Thiết bị Mạng Phương Nam');
    expect(found.text).to.contain('Đã được chấp nhận: cơ quan quản lý');
    const none = await api.request('GET', '/lookup?economy=VN&q=phuong+nam', { headers: HTML });
    expect(none.text).to.not.contain('SHT-WEB-1');
    expect(none.text).to.contain(pageTexts.en.lookup.none);
    const short = await api.request('GET', '/lookup?economy=KR&q=pn', { headers: HTML });
    expect(short.status).to.equal(200);
    expect(short.text).to.contain(pageTexts.en.lookup.tooShort);
  });

  it('the verification page checks an uploaded file, with no sign-in and no session, and a typed hash', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'given.pdf');
    const good = await api.request('POST', '/verify', { headers: HTML, form });
    expect(good.status).to.equal(200);
    expect(good.text).to.contain(pageTexts.en.verify.verified).and.to.contain('SHT-WEB-1').and.to.contain(sha256);
    expect(good.headers.getSetCookie()).to.deep.equal([]);

    const other = new FormData();
    other.append('file', new Blob([new Uint8Array(pdfBytes('forged'))], { type: 'application/pdf' }), 'forged.pdf');
    const forged = await api.request('POST', '/verify', { headers: { ...HTML, 'Accept-Language': 'vi' }, form: other });
    expect(forged.text).to.contain(pageTexts.vi.verify.notVerified);
    expect(forged.text).to.not.contain('SHT-WEB-1');

    const byHash = await api.request('GET', `/verify?sha256=${sha256.toUpperCase()}`, { headers: HTML });
    expect(byHash.text).to.contain(pageTexts.en.verify.verified);
    const bad = await api.request('GET', '/verify?sha256=%3Cscript%3E', { headers: HTML });
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain(pageTexts.en.verify.badHash);
    // What was typed stays in its box as text: inside a quoted attribute, never an element.
    expect(bad.text).to.match(/value="(&lt;|<)script(&gt;|>)"/);
    expect(bad.text).to.not.match(/<script>/);
    const empty = await api.request('POST', '/verify', { headers: HTML, form: new FormData() });
    expect(empty.status).to.equal(400);
    expect(empty.text).to.contain(pageTexts.en.verify.noFile);
  });
});
