/**
 * The public coverage look-up over HTTP (port 0, real SQLite): an importer asks whether a model is
 * covered in an economy and sees the basis (a certificate in force, an accepted report, the
 * equivalence it counts through), or that nothing covers it; bad queries are 400s.
 */
import { expect } from 'chai';
import { ApiWorld } from '../helpers/api.js';
import { certificateBody, equivalenceInForce, recognizedBody } from '../helpers/phase-two.js';

interface Coverage {
  coveredBy: string | null;
  basis: Array<{ kind: string; number: string; equivalences: string[]; equivalentRegulations: string[] }>;
}

const query = (model: string) => `/public/coverage?economy=KR&manufacturer=${encodeURIComponent('Công ty Cổ phần Thiết bị Mạng Phương Nam')}&model=${model}`;

describe('GET /public/coverage', () => {
  let api: ApiWorld;
  before(async () => (api = await ApiWorld.create()));
  after(async () => api.close());

  it('says neither before anything is decided, then the accepted report with its equivalence, then the certificate in force', async () => {
    const w = api.world;
    expect((await api.get<Coverage>(query('PN-COVER'))).body).to.deep.include({ coveredBy: null, basis: [] });

    const { lab } = await w.recognizedLab();
    const equivalence = await equivalenceInForce(w, { requirement: { regulation: 'VN:QCVN 54:2020/BTTTT' }, counterpart: 'KR:KN 301 489' });
    w.advanceDays(3);
    const equipment = { manufacturer: 'Công ty Cổ phần Thiết bị Mạng Phương Nam', model: 'PN-COVER', category: 'Wi-Fi router' };
    const report = await w.submit(lab, { regulations: ['VN:QCVN 54:2020/BTTTT'], equipment });
    await w.send('test-reports', report.id, { type: 'ACCEPT' }, 'kr-regulator');
    const byReport = (await api.get<Coverage>(query('pn-cover'))).body;
    expect(byReport.coveredBy).to.equal('test-report');
    expect(byReport.basis).to.have.length(1);
    expect(byReport.basis[0]).to.deep.include({ kind: 'test-report', equivalences: [equivalence.id], equivalentRegulations: ['KR:KN 301 489'] });
    // Another model of the same maker is not covered: the model matches as a whole.
    expect((await api.get<Coverage>(query('PN-COVER-2'))).body.coveredBy).to.equal(null);

    const { body } = await recognizedBody(w);
    const certificate = await w.engine.create('certificates', certificateBody(w, { equipment, certificateNumber: 'TLC-COVER' }), body);
    // In the review window the certificate does not count yet.
    expect((await api.get<Coverage>(query('PN-COVER'))).body.coveredBy).to.equal('test-report');
    w.advanceDays(30);
    await w.fireDue();
    expect((await w.engine.get('certificates', certificate.id, w.as('admin'))).state).to.equal('in_force');
    const both = (await api.get<Coverage>(query('PN-COVER'))).body;
    expect(both.coveredBy).to.equal('certificate');
    expect(both.basis.map((b) => `${b.kind}:${b.number}`)).to.deep.equal(['certificate:TLC-COVER', `test-report:${String(report.data['reportNumber'])}`]);
  });

  it('finds the maker of an accepted report by a part of its name, without diacritics, in any case', async () => {
    const w = api.world;
    const { lab } = await w.recognizedLab();
    // Tested after the recognition took effect.
    w.advanceDays(3);
    const equipment = { manufacturer: 'Công ty Cổ phần Thiết bị Mạng Phương Nam', model: 'PN-PARTIAL', category: 'Wi-Fi router' };
    const report = await w.submit(lab, { equipment });
    await w.send('test-reports', report.id, { type: 'ACCEPT' }, 'kr-regulator');
    for (const manufacturer of ['phuong nam', 'PHUONG', 'Thiết bị mạng', 'thiet bi mang phuong nam']) {
      const { body } = await api.get<Coverage>(`/public/coverage?economy=KR&manufacturer=${encodeURIComponent(manufacturer)}&model=pn-partial`);
      expect(body.coveredBy, manufacturer).to.equal('test-report');
      expect(body.basis.map((b) => b.number)).to.deep.equal([report.data['reportNumber']]);
    }
    // A name it does not hold finds nothing.
    const other = await api.get<Coverage>(`/public/coverage?economy=KR&manufacturer=${encodeURIComponent('Đồng Nai')}&model=PN-PARTIAL`);
    expect(other.body.coveredBy).to.equal(null);
  });

  it('refuses a query without a model, or with a field it does not know, as 400', async () => {
    expect((await api.get(`/public/coverage?economy=KR&manufacturer=x`)).status).to.equal(400);
    expect((await api.get(`${query('PN-COVER')}&state=accepted`)).status).to.equal(400);
  });
});
