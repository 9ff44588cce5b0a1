/**
 * Who may create what, beyond the role (docs/domain.md, "Roles"; docs/api.md, "Who may read and do
 * what"), over real HTTP: a CAB's type decides whether it submits test reports or issues
 * certificates, a reference to a record the caller may not read answers exactly as an unknown one
 * and leaves none of that record's facts behind, and a principal asked for in another economy is
 * refused, not quietly made in the creator's own.
 */
import { expect } from 'chai';
import type { Actor } from '../../src/kinds/types.js';
import { ApiWorld } from '../helpers/api.js';
import { certificateBody, recognizedBody } from '../helpers/phase-two.js';

type Problem = { code?: string; status?: number; detail?: string; errors?: Array<{ pointer: string; message: string }>; reasons?: Array<{ code: string }> };

/** A problem with a given id spelled out as `<id>`, to compare the answers for two ids. */
function withoutId(problem: Problem, id: string): Problem {
  return JSON.parse(JSON.stringify({ ...problem, requestId: undefined }).replaceAll(id, '<id>')) as Problem;
}

describe('HTTP: what a CAB may create, and references read with the caller’s rights', () => {
  let api: ApiWorld;
  beforeEach(async () => (api = await ApiWorld.create()));
  afterEach(async () => api.close());

  it('a certification body may not submit a test report: 403 problem+json with NOT_A_TESTING_LAB, nothing written', async () => {
    const w = api.world;
    const before = await w.snapshot();
    const refused = await api.post<Problem>('/test-reports', w.reportBody(), 'cb-thang-long');
    expect(refused.status, refused.text).to.equal(403);
    expect(refused.headers.get('content-type')).to.contain('application/problem+json');
    expect(refused.body.code).to.equal('FORBIDDEN');
    expect(refused.body.reasons!.map((r) => r.code)).to.deep.equal(['NOT_A_TESTING_LAB']);
    expect(refused.body.detail).to.contain('only a testing laboratory submits test reports');
    expect(await w.snapshot()).to.deep.equal(before);
  });

  it('a testing laboratory may not issue a certificate: 403 problem+json with NOT_A_CERTIFICATION_BODY, nothing written', async () => {
    const w = api.world;
    const { lab } = await w.recognizedLab();
    const before = await w.snapshot();
    const refused = await api.post<Problem>('/certificates', certificateBody(w), lab.id);
    expect(refused.status, refused.text).to.equal(403);
    expect(refused.body.code).to.equal('FORBIDDEN');
    expect(refused.body.reasons!.map((r) => r.code)).to.deep.equal(['NOT_A_CERTIFICATION_BODY']);
    expect(refused.body.detail).to.contain('only a certification body issues equipment certificates');
    expect(await w.snapshot()).to.deep.equal(before);
  });

  describe('a certificate naming a test report its body may not read', () => {
    let body: Actor;
    let hidden: string;
    beforeEach(async () => {
      const w = api.world;
      ({ body } = await recognizedBody(w));
      const { lab } = await w.recognizedLab();
      hidden = (await w.submit(lab)).id;
      expect((await api.get(`/test-reports/${hidden}`, body.id)).status, 'the body may not read the report').to.equal(404);
    });

    for (const importingEconomy of ['KR', 'US']) {
      it(`for ${importingEconomy}: answers as for an unknown report (422, same code and sentence), nothing written`, async () => {
        const w = api.world;
        const regulations = importingEconomy === 'KR' ? ['KR:KN 301 489'] : ['US:47 CFR Part 15'];
        const before = await w.snapshot();
        const named = await api.post<Problem>('/certificates', certificateBody(w, { importingEconomy, regulations, testReports: [hidden] }), body.id);
        const unknown = await api.post<Problem>('/certificates', certificateBody(w, { importingEconomy, regulations, testReports: ['tr-no-such-report'] }), body.id);
        expect(unknown.status, unknown.text).to.equal(422);
        expect(named.status, named.text).to.equal(unknown.status);
        expect(withoutId(named.body, hidden)).to.deep.equal(withoutId(unknown.body, 'tr-no-such-report'));
        expect(await w.snapshot()).to.deep.equal(before);
      });
    }
  });

  it('a regulator asking for a principal of another economy is refused (403), and gets one of its own when it asks for that', async () => {
    const w = api.world;
    const officer = { name: 'Kim Officer', role: 'regulator', email: 'kim@rra.example', language: 'en' };
    const before = await w.snapshot();
    const refused = await api.post<Problem>('/principals', { ...officer, economy: 'KR' }, 'vn-regulator');
    expect(refused.status, refused.text).to.equal(403);
    expect(refused.body.code).to.equal('FORBIDDEN');
    expect(refused.body.detail).to.contain('KR');
    expect(await w.store.principalByEmail(officer.email)).to.equal(null);
    expect(await w.snapshot()).to.deep.equal(before);
    const created = await api.post<{ economy: string }>('/principals', { ...officer, economy: 'VN' }, 'vn-regulator');
    expect(created.status, created.text).to.equal(201);
    expect(created.body.economy).to.equal('VN');
  });

  it('a lab principal asked for in another economy than its CAB’s is refused (422), by its authority and by an admin alike', async () => {
    const w = api.world;
    const staff = { name: 'Nguyễn Văn An', role: 'lab', cabId: 'vn-lab-song-hong', economy: 'KR', email: 'an@songhong.example', language: 'vi' };
    for (const creator of ['vn-designating-authority', 'admin']) {
      const refused = await api.post<Problem>('/principals', staff, creator);
      expect(refused.status, `${creator}: ${refused.text}`).to.equal(422);
      expect(refused.body.errors!.map((e) => e.pointer)).to.deep.equal(['/economy']);
    }
    expect(await w.store.principalByEmail(staff.email)).to.equal(null);
  });
});
