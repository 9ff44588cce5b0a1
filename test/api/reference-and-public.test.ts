/** Reference data, public look-ups, machines, the OpenAPI document and what every answer shares. */
import { expect } from 'chai';
import { wordings } from '../../src/i18n/index.js';
import type { Express } from 'express';
import { allRoutes, createApp } from '../../src/http/api/app.js';
import { expressPath } from '../../src/http/common/paths.js';
import { ApiWorld, apiDeps } from '../helpers/api.js';

type Page<T> = { items: T[]; nextCursor: string | null };
type Problem = { code: string; status: number; detail: string; requestId: string };

describe('HTTP: reference data', () => {
  let api: ApiWorld;
  before(async () => (api = await ApiWorld.create()));
  after(async () => api.close());

  it('GET /economies, /regulations?economy=VN and /cabs answer the seeded data, Vietnamese names intact', async () => {
    const economies = await api.get<Page<{ code: string; nameVi?: string }>>('/economies', 'importer-hanbit');
    expect(economies.body.items.find((e) => e.code === 'VN')?.nameVi).to.equal('Việt Nam');
    const regulations = await api.get<Page<{ id: string; economy: string }>>('/regulations?economy=VN', 'importer-hanbit');
    expect(regulations.body.items.length).to.be.greaterThan(5);
    expect(regulations.body.items.every((r) => r.economy === 'VN')).to.equal(true);
    // A replaced version says when, by which, and until when reports tested before then are taken.
    expect(regulations.body.items.find((r) => r.id === 'VN:QCVN 86:2019/BTTTT')).to.deep.include({
      retiredAt: '2026-01-01T00:00:00.000Z',
      supersededBy: 'VN:QCVN 86:2025/BKHCN',
      acceptedUntil: '2027-07-01T00:00:00.000Z',
    });
    const cabs = await api.get<Page<{ id: string; name: string }>>('/cabs?economy=VN&limit=1', 'kr-regulator');
    expect(cabs.body.items).to.have.length(1);
    expect(cabs.body.nextCursor).to.be.a('string');
    const one = await api.get<{ name: string }>('/cabs/vn-lab-song-hong', 'kr-regulator');
    expect(one.body.name).to.equal('Phòng thử nghiệm Viễn thông Sông Hồng');
    expect((await api.get('/cabs/nope', 'kr-regulator')).status).to.equal(404);
    expect((await api.get('/regulations?economy=vietnam', 'kr-regulator')).status).to.equal(400);
    expect((await api.get('/economies')).status).to.equal(401);
  });

  it('POST /cabs: the designating authority registers a CAB of its own economy; another economy’s, a lab, or a bad body is refused', async () => {
    const body = { name: 'Phòng thử nghiệm Đà Nẵng', economy: 'VN', type: 'lab', email: 'lab@danang.vn.example', language: 'vi' };
    const created = await api.post<{ id: string; name: string }>('/cabs', body, 'vn-designating-authority');
    expect(created.status).to.equal(201);
    expect(created.headers.get('location')).to.equal(`/cabs/${created.body.id}`);
    expect((await api.get<{ name: string }>(`/cabs/${created.body.id}`, 'admin')).body.name).to.equal('Phòng thử nghiệm Đà Nẵng');
    const before = await api.world.snapshot();
    expect((await api.post<Problem>('/cabs', { ...body, economy: 'KR' }, 'vn-designating-authority')).body.code).to.equal('FORBIDDEN');
    expect((await api.post<Problem>('/cabs', body, 'lab-song-hong')).status).to.equal(403);
    expect((await api.post<Problem>('/cabs', { ...body, economy: 'ZZ' }, 'admin')).body.code).to.equal('UNKNOWN_REFERENCE');
    expect((await api.post<Problem>('/cabs', { ...body, type: 'laboratory' }, 'admin')).status).to.equal(400);
    expect(await api.world.snapshot()).to.deep.equal(before);
  });
});

describe('HTTP: public look-ups', () => {
  let api: ApiWorld;
  let accepted: { reportNumber: string };
  before(async () => {
    api = await ApiWorld.create({ publicRateLimit: 1000 });
    const { lab } = await api.world.recognizedLab();
    api.world.advanceDays(5);
    const report = await api.world.submit(lab, { reportNumber: 'PUB-0001', equipment: { manufacturer: 'Công ty Điện tử Đồng Nai', model: 'DN-AX5', category: 'router' } });
    await api.world.send('test-reports', report.id, { type: 'ACCEPT' }, 'kr-regulator');
    await api.world.submit(lab, { reportNumber: 'PUB-0002' });
    accepted = { reportNumber: 'PUB-0001' };
  });
  after(async () => api.close());

  it('finds a decided report by number, with what an importer needs and no key', async () => {
    const answer = await api.get<Page<Record<string, unknown>>>(`/public/test-reports?economy=KR&reportNumber=${accepted.reportNumber}`);
    expect(answer.status).to.equal(200);
    expect(answer.body.items).to.have.length(1);
    expect(answer.body.items[0]).to.include({ reportNumber: 'PUB-0001', state: 'accepted', importingEconomy: 'KR' });
    expect(answer.body.items[0]).to.have.keys(
      'id', 'reportNumber', 'importingEconomy', 'lab', 'equipment', 'regulations', 'state', 'meaning', 'testedAt', 'issuedAt', 'acceptedAt', 'validUntil', 'decidedAt',
    );
  });

  it('47 CFR 2.948: an accepted report is evidence for conformity certification, not an import permit, on the look-up, the statuses page and in the e-mail, in both languages', async () => {
    const HTML = { Accept: 'text/html,application/xhtml+xml' };
    const meaning = async (lang: string) =>
      (await api.get<Page<{ meaning: string }>>(`/public/test-reports?economy=KR&reportNumber=${accepted.reportNumber}&lang=${lang}`)).body.items[0]!.meaning;
    expect(await meaning('en')).to.contain('as evidence for the conformity certification').and.contain('not by itself an authorisation to import');
    expect(await meaning('vi')).to.contain('Báo cáo được chấp nhận làm căn cứ trong hồ sơ chứng nhận hợp quy');
    const en = (await api.get('/statuses', undefined, { ...HTML, 'Accept-Language': 'en' })).text;
    expect(en).to.contain('as evidence for the conformity certification').and.not.contain('imported on');
    const vi = (await api.get('/statuses', undefined, { ...HTML, 'Accept-Language': 'vi' })).text;
    expect(vi).to.contain('Báo cáo được chấp nhận làm căn cứ trong hồ sơ chứng nhận hợp quy').and.not.contain('nhập khẩu trên cơ sở');
    expect(wordings.en.next['test-reports']['accepted']).to.contain('as evidence for the conformity certification');
    expect(wordings.vi.next['test-reports']['accepted']).to.contain('Báo cáo được chấp nhận làm căn cứ trong hồ sơ chứng nhận hợp quy');
  });

  it('finds it by manufacturer and model whatever their case, and never shows a report still under review', async () => {
    const byModel = await api.get<Page<{ reportNumber: string }>>(`/public/test-reports?economy=KR&manufacturer=${encodeURIComponent('CÔNG TY ĐIỆN TỬ ĐỒNG NAI')}&model=dn-ax5`);
    expect(byModel.body.items.map((r) => r.reportNumber)).to.deep.equal(['PUB-0001']);
    const underReview = await api.get<Page<unknown>>('/public/test-reports?economy=KR&reportNumber=PUB-0002');
    expect(underReview.body.items).to.deep.equal([]);
  });

  it('400 without an economy, or with text too short to look up, naming only that field', async () => {
    expect((await api.get('/public/test-reports?reportNumber=PUB-0001')).status).to.equal(400);
    const short = await api.get<Problem & { errors: Array<{ pointer: string }> }>('/public/test-reports?economy=KR&model=DN');
    expect(short.status).to.equal(400);
    expect(short.body.errors.map((e) => e.pointer)).to.deep.equal(['/model']);
  });

  it('lists the CABs Korea recognises from Viet Nam, as JSON or as CSV a spreadsheet opens with its diacritics', async () => {
    const json = await api.get<Page<{ designationNumber: string; cab: { name: string } }>>('/public/recognitions?importing=KR&exporting=VN');
    expect(json.body.items).to.have.length(1);
    expect(json.body.items[0]!.designationNumber).to.equal('VN0001');
    const csv = await api.get('/public/recognitions?importing=KR&exporting=VN', undefined, { Accept: 'text/csv' });
    expect(csv.headers.get('content-type')).to.equal('text/csv; charset=utf-8');
    const lines = csv.text.split('\r\n');
    expect(lines[0]!.charCodeAt(0)).to.equal(0xfeff);
    // Headers in words (English without Accept-Language), one line per regulation of the scope.
    expect(lines[0]!.slice(1)).to.equal(
      'Designation number,Body,Type,Economy,Arrangement,Accreditation body,Accreditation certificate,Accreditation valid until,Regulation,Status for this regulation,Suspended since,Suspended at (UTC),Suspended by,Recognised since,Listed until',
    );
    for (const [i, regulation] of ['KR:KN 301 489', 'KR:KN 32', 'KR:KN 35'].entries()) {
      expect(lines[i + 1]).to.match(new RegExp(`^VN0001,Phòng thử nghiệm [^,]+,Testing laboratory,VN,[^,]*,[^,]+,[^,]+,\\d{4}-\\d\\d-\\d\\d,${regulation},recognized,,,,\\d{4}-\\d\\d-\\d\\d,\\d{4}-\\d\\d-\\d\\d$`));
    }
    expect((await api.get('/public/recognitions?importing=KR&format=csv')).headers.get('content-type')).to.match(/^text\/csv/);
  });

  it('is rate limited per client address: 429 with a problem once the limit is passed', async () => {
    const limited = await ApiWorld.create({ publicRateLimit: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await limited.get('/public/recognitions?importing=KR')).status);
      expect(statuses).to.deep.equal([200, 200, 200, 429, 429]);
      const problem = await limited.get<Problem>('/public/recognitions?importing=KR');
      expect(problem.body.code).to.equal('RATE_LIMITED');
      expect((await limited.get('/recognitions', 'kr-regulator')).status, 'routes with a key are not limited').to.equal(200);
    } finally {
      await limited.close();
    }
  });

  it('GET /health says the service is up and which store it uses', async () => {
    expect((await api.get('/health')).body).to.deep.equal({ status: 'ok', store: 'sqlite' });
  });
});

describe('HTTP: machines', () => {
  let api: ApiWorld;
  before(async () => (api = await ApiWorld.create()));
  after(async () => api.close());

  it('GET /machines lists the seven machines with their states and events', async () => {
    const answer = await api.get<Page<{ kind: string; states: string[]; events: string[] }>>('/machines');
    expect(answer.body.items.map((m) => m.kind)).to.deep.equal(['agreements', 'accreditations', 'designations', 'recognitions', 'test-reports', 'certificates', 'equivalences']);
    expect(answer.body.items[3]!.states).to.include.members(['pending', 'recognized', 'lapsed', 'expired']);
  });

  it('GET /machines/{kind} says who may send each event and which deadlines each state sets', async () => {
    type Description = { events: Record<string, { sentBy: Array<{ role: string; economy?: string }> }>; states: Array<{ name: string; deadlines: Array<{ event: string; when: string }> }> };
    const answer = await api.get<Description>('/machines/test-reports');
    expect(answer.body.events['ACCEPT']!.sentBy).to.deep.equal([{ role: 'regulator', economy: 'importingEconomy' }]);
    expect(answer.body.states.find((s) => s.name === 'under_review')!.deadlines).to.deep.equal([{ event: 'REVIEW_OVERDUE', when: '27 working days after entering' }]);
    expect((await api.get('/machines/contracts')).status).to.equal(404);
  });

  it('GET /machines/{kind}/diagram draws every state and transition as a Mermaid stateDiagram-v2', async () => {
    const answer = await api.get('/machines/recognitions/diagram');
    expect(answer.headers.get('content-type')).to.equal('text/plain; charset=utf-8');
    expect(answer.text.split('\n')[0]).to.equal('stateDiagram-v2');
    expect(answer.text).to.contain('[*] --> pending');
    expect(answer.text).to.contain('pending --> recognized : RECOGNIZE');
    expect(answer.text).to.contain('lapsed --> recognized : ACCREDITATION_RESTORED [itsOwnAccreditation and listingValid]');
    expect(answer.text).to.contain('objected --> [*]');
  });
});

describe('HTTP: the OpenAPI document', () => {
  let api: ApiWorld;
  before(async () => (api = await ApiWorld.create()));
  after(async () => api.close());

  /** Every route Express actually serves, as `METHOD /path/:param`. */
  function servedRoutes(app: Express): string[] {
    type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
    const found: string[] = [];
    const walk = (stack: Layer[]) => {
      for (const layer of stack) {
        if (layer.route) for (const method of Object.keys(layer.route.methods)) found.push(`${method.toUpperCase()} ${layer.route.path}`);
        else if (layer.handle?.stack) walk(layer.handle.stack);
      }
    };
    walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
    return found.sort();
  }

  it('documents every route the app serves, and serves every route it documents', async () => {
    const document = (await api.get<{ paths: Record<string, Record<string, unknown>> }>('/openapi.json')).body;
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${expressPath(path)}`))
      .sort();
    const app = createApp(apiDeps(api.world, { publicRateLimit: 1 }));
    expect(documented).to.deep.equal(servedRoutes(app));
    expect(documented).to.have.length(allRoutes().length);
  });

  it('is OpenAPI 3.1 with every body and answer schema resolvable', async () => {
    const document = (await api.get<Record<string, unknown>>('/openapi.json')).body;
    expect(document['openapi']).to.equal('3.1.0');
    const text = JSON.stringify(document);
    const components = (document['components'] as { schemas: Record<string, unknown> }).schemas;
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) expect(components, name).to.have.property(name!);
    expect(components).to.have.property('test-reports.create');
    expect(components).to.have.property('recognitions.events.RECOGNIZE');
  });
});

describe('HTTP: every answer', () => {
  let api: ApiWorld;
  before(async () => (api = await ApiWorld.create()));
  after(async () => api.close());

  it('carries security headers and a request id (the caller’s own, if it sent a sane one)', async () => {
    const answer = await api.get('/health', undefined, { 'X-Request-Id': 'trace-42' });
    expect(answer.headers.get('x-request-id')).to.equal('trace-42');
    expect(answer.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(answer.headers.get('x-powered-by')).to.equal(null);
    const generated = await api.get('/health', undefined, { 'X-Request-Id': 'bad id with spaces' });
    expect(generated.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
  });

  it('404 as a problem for a route that does not exist', async () => {
    const answer = await api.get<Problem>('/contracts');
    expect(answer.status).to.equal(404);
    expect(answer.body.detail).to.contain('/openapi.json');
  });

  it('500 as a problem with the request id and no stack trace when the store fails underneath', async () => {
    const broken = await ApiWorld.create();
    await broken.world.store.close();
    try {
      const answer = await broken.get<Problem>('/agreements', 'vn-regulator');
      expect(answer.status).to.equal(500);
      expect(answer.body.code).to.equal('INTERNAL');
      expect(answer.body.detail).to.equal(`Something went wrong on our side; it is logged under request id ${answer.body.requestId}.`);
      expect(answer.text).not.to.match(/at .*\.ts:\d+/);
    } finally {
      await broken.server.close();
    }
  });
});
