/**
 * Search that finds what a person types (issue: an importer look-up people can use): Vietnamese
 * names with and without diacritics, in NFD, upper case and in part, on the public register and
 * on the private list; a model alone; a category; a report number two labs share; what the
 * public register shows and what it keeps private; the customs CSV.
 */
import { expect } from 'chai';
import type { Resource } from '../../src/engine/resource.js';
import { ApiWorld } from '../helpers/api.js';

interface PublicItem {
  reportNumber: string;
  state: string;
  meaning: string;
  lab: { id: string; name: string; designationNumber?: string };
  equipment: { manufacturer: string; model: string };
}
type Page<T> = { items: T[]; nextCursor: string | null };

const PHUONG_NAM = 'Công ty Cổ phần Thiết bị Mạng Phương Nam';
const DONG_NAI = 'Công ty TNHH Điện tử Đồng Nai';

describe('Search: what a person types finds the report', function () {
  this.timeout(60_000);
  let api: ApiWorld;
  let labA: string;
  let labB: string;
  let refusedLab: string;
  let phuongNam: Resource;
  let refused: Resource;

  const publicNumbers = async (query: string, headers?: Record<string, string>): Promise<string[]> => {
    const answer = await api.get<Page<PublicItem>>(`/public/test-reports?economy=KR&${query}`, undefined, headers);
    expect(answer.status, answer.text).to.equal(200);
    return answer.body.items.map((r) => r.reportNumber).sort();
  };
  const privateNumbers = async (as: string, query: string): Promise<string[]> => {
    const answer = await api.get<Page<Resource>>(`/test-reports?${query}`, as);
    expect(answer.status, answer.text).to.equal(200);
    return answer.body.items.map((r) => r.data['reportNumber'] as string).sort();
  };

  before(async () => {
    api = await ApiWorld.create();
    const w = api.world;
    const a = await w.recognizedLab();
    const b = await w.addLab();
    await w.accreditation(b.cabId!);
    await w.recognition(a.agreement.id, b.cabId!);
    const unrecognised = await w.addLab();
    labA = a.lab.id;
    labB = b.id;
    refusedLab = unrecognised.id;
    w.advanceDays(5);
    const equipment = (manufacturer: string, model: string, category: string) => ({ equipment: { manufacturer, model, category } });
    phuongNam = await w.submit(a.lab, { reportNumber: 'PN-0001', ...equipment(PHUONG_NAM, 'PN-AX1800', 'Bộ định tuyến Wi-Fi') });
    await w.send('test-reports', phuongNam.id, { type: 'ACCEPT' }, 'kr-regulator');
    const dongNai = await w.submit(a.lab, { reportNumber: 'DN-0001', ...equipment(DONG_NAI, 'DN-5G', 'router') });
    await w.send('test-reports', dongNai.id, { type: 'REJECT', reason: 'Thiếu kết quả đo SAR.' }, 'kr-regulator');
    await w.submit(a.lab, { reportNumber: 'DN-0002', ...equipment(DONG_NAI, 'DN-6G', 'router') });
    refused = await w.submit(unrecognised, { reportNumber: 'PN-9999', ...equipment(PHUONG_NAM, 'PN-AX1800', 'Bộ định tuyến Wi-Fi') });
    for (const [lab, model] of [[a.lab, 'SH-1'], [b, 'B-1']] as const) {
      const shared = await w.submit(lab, { reportNumber: 'SHARED-001', ...equipment('Hanbit Networks', model, 'switch') });
      await w.send('test-reports', shared.id, { type: 'ACCEPT' }, 'kr-regulator');
    }
  });
  after(async () => api.close());

  it('the screening refused one report and kept the others for review, as the story needs', () => {
    expect(refused.state).to.equal('rejected');
    expect(phuongNam.state).to.equal('under_review');
  });

  it('public: the manufacturer as written, without diacritics, in NFD, in upper case and in part', async () => {
    for (const typed of [
      PHUONG_NAM,
      'Cong ty Co phan Thiet bi Mang Phuong Nam',
      PHUONG_NAM.normalize('NFD'),
      PHUONG_NAM.toUpperCase(),
      'CONG TY CO PHAN THIET BI MANG PHUONG NAM',
      'Phương Nam',
      'phuong nam',
      'Mạng Phương',
      'thiet bi mang',
    ]) {
      expect(await publicNumbers(`manufacturer=${encodeURIComponent(typed)}`), typed).to.deep.equal(['PN-0001']);
      expect(await publicNumbers(`q=${encodeURIComponent(typed)}`), `q=${typed}`).to.deep.equal(['PN-0001']);
    }
  });

  it('public: đ and Đ are found by d, and a regulator’s rejection is listed with what it means', async () => {
    for (const typed of ['Đồng Nai', 'dong nai', 'DONG NAI', 'điện tử', 'Dien Tu Dong', DONG_NAI.normalize('NFD')]) {
      expect(await publicNumbers(`q=${encodeURIComponent(typed)}`), typed).to.deep.equal(['DN-0001']);
    }
    const [item] = (await api.get<Page<PublicItem>>('/public/test-reports?economy=KR&reportNumber=DN-0001')).body.items;
    expect(item).to.include({ state: 'rejected' });
    expect(item!.meaning).to.match(/^Rejected by the regulator/);
  });

  it('public: a model alone, in part and in any case; a category; manufacturer and model together in one box', async () => {
    expect(await publicNumbers('model=PN-AX1800')).to.deep.equal(['PN-0001']);
    expect(await publicNumbers('model=ax18')).to.deep.equal(['PN-0001']);
    expect(await publicNumbers('q=PN-AX')).to.deep.equal(['PN-0001']);
    expect(await publicNumbers(`category=${encodeURIComponent('định tuyến')}`)).to.deep.equal(['PN-0001']);
    expect(await publicNumbers(`q=${encodeURIComponent('Phuong Nam PN-AX1800')}`)).to.deep.equal(['PN-0001']);
    expect(await publicNumbers(`manufacturer=${encodeURIComponent('phuong nam')}&model=DN-5G`)).to.deep.equal([]);
  });

  it('public: a report number two labs share lists both, each with its lab and designation number', async () => {
    const answer = await api.get<Page<PublicItem>>('/public/test-reports?economy=KR&reportNumber=SHARED-001');
    const labs = answer.body.items.map((r) => r.lab);
    expect(labs.map((l) => l.id).sort()).to.deep.equal([api.world.as(labA).cabId, api.world.as(labB).cabId].sort());
    const numbers = labs.map((l) => l.designationNumber);
    expect(numbers.every((n) => typeof n === 'string' && /^VN\d{4}$/.test(n))).to.equal(true);
    expect(new Set(numbers).size).to.equal(2);
  });

  it('public: reports under review, and those refused at screening, are not in the register', async () => {
    expect(await publicNumbers('reportNumber=DN-0002')).to.deep.equal([]);
    expect(await publicNumbers('reportNumber=PN-9999')).to.deep.equal([]);
    expect(await publicNumbers('q=DN-6G')).to.deep.equal([]);
  });

  it('public: pages through what matches with the cursor it gives', async () => {
    const first = await api.get<Page<PublicItem>>('/public/test-reports?economy=KR&q=hanbit&limit=1');
    expect(first.body.items).to.have.length(1);
    const second = await api.get<Page<PublicItem>>(`/public/test-reports?economy=KR&q=hanbit&limit=1&cursor=${first.body.nextCursor!}`);
    expect(second.body.items).to.have.length(1);
    expect(second.body.items[0]!.lab.id).not.to.equal(first.body.items[0]!.lab.id);
    expect(second.body.nextCursor).to.equal(null);
  });

  it('private: the same typing on GET /test-reports, each principal seeing only what it may read', async () => {
    for (const typed of ['Cong ty Co phan Thiet bi Mang Phuong Nam', PHUONG_NAM.normalize('NFD'), 'PHƯƠNG NAM', 'phuong']) {
      const q = encodeURIComponent(typed);
      expect(await privateNumbers('kr-regulator', `q=${q}`), typed).to.deep.equal(['PN-0001', 'PN-9999']);
      expect(await privateNumbers(labA, `manufacturer=${q}`), typed).to.deep.equal(['PN-0001']);
      expect(await privateNumbers(refusedLab, `q=${q}`), typed).to.deep.equal(['PN-9999']);
      expect(await privateNumbers(labB, `q=${q}`), typed).to.deep.equal([]);
    }
    expect(await privateNumbers('kr-regulator', 'model=dn-6')).to.deep.equal(['DN-0002']);
    expect(await privateNumbers('kr-regulator', `manufacturer=${encodeURIComponent('dong nai')}&state=under_review`)).to.deep.equal(['DN-0002']);
    expect(await privateNumbers('kr-regulator', 'reportNumber=SHARED-001')).to.have.length(2);
  });

  it('says what each status means in the reader’s language: Accept-Language, overridden by ?lang=', async () => {
    const vi = await api.get<Page<PublicItem>>('/public/test-reports?economy=KR&reportNumber=PN-0001', undefined, { 'Accept-Language': 'vi-VN,vi;q=0.9,en;q=0.5' });
    expect(vi.headers.get('content-language')).to.equal('vi');
    expect(vi.body.items[0]!.meaning).to.match(/^Đã được chấp nhận: cơ quan quản lý/);
    const en = await api.get<Page<PublicItem>>('/public/test-reports?economy=KR&reportNumber=PN-0001&lang=en', undefined, { 'Accept-Language': 'vi' });
    expect(en.body.items[0]!.meaning).to.match(/^Accepted: the regulator of the importing economy/);
    const fallback = await api.get<Page<PublicItem>>('/public/test-reports?economy=KR&reportNumber=PN-0001', undefined, { 'Accept-Language': 'ko' });
    expect(fallback.headers.get('content-language')).to.equal('en');
  });

  it('refuses text too short to look up with a 400 that names the field', async () => {
    const answer = await api.get<{ code: string; errors: Array<{ pointer: string }> }>('/public/test-reports?economy=KR&q=PN');
    expect(answer.status).to.equal(400);
    expect(answer.body.errors.map((e) => e.pointer)).to.deep.equal(['/q']);
  });
});

describe('Search: the customs CSV of an economy’s accepted reports', function () {
  this.timeout(60_000);
  let api: ApiWorld;
  before(async () => {
    api = await ApiWorld.create();
    const w = api.world;
    const { lab } = await w.recognizedLab();
    w.advanceDays(5);
    // (A tab or a carriage return never gets this far: names are one line of text.)
    const names = ['=HYPERLINK("http://evil.example","x")', '+1+2', '-3', '@SUM(A1)', 'Công ty Đồng Tâm'];
    for (const [i, manufacturer] of names.entries()) {
      const report = await w.submit(lab, { reportNumber: `CSV-${i}`, equipment: { manufacturer, model: `M-${i}`, category: 'router' } });
      await w.send('test-reports', report.id, { type: 'ACCEPT' }, 'kr-regulator');
    }
    await w.submit(lab, { reportNumber: 'CSV-PENDING' });
  });
  after(async () => api.close());

  it('lists accepted reports only, with a BOM, and no cell a spreadsheet would run as a formula', async () => {
    const answer = await api.get('/public/test-reports/accepted.csv?economy=KR');
    expect(answer.status).to.equal(200);
    expect(answer.headers.get('content-type')).to.equal('text/csv; charset=utf-8');
    expect(answer.text.charCodeAt(0)).to.equal(0xfeff);
    const lines = answer.text.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).to.match(/^Report number,Lab,Lab identifier,Lab economy,Designation number,Manufacturer,Model,Category,/);
    expect(lines).to.have.length(6);
    expect(answer.text).not.to.contain('CSV-PENDING');
    const manufacturers = lines.slice(1).map((line) => line.split(',VN0')[1]!.split(',').slice(1).join(','));
    expect(manufacturers[0]).to.match(/^"'=HYPERLINK\(""http:\/\/evil\.example"",""x""\)"/);
    expect(manufacturers.slice(1, 4).map((m) => m.split(',')[0])).to.deep.equal(["'+1+2", "'-3", "'@SUM(A1)"]);
    expect(manufacturers[4]).to.match(/^Công ty Đồng Tâm,/);
  });

  it('refuses a query without an economy (400)', async () => {
    expect((await api.get('/public/test-reports/accepted.csv')).status).to.equal(400);
  });
});
