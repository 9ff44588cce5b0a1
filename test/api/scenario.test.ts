/**
 * The whole story through HTTP only, as the demo principals would tell it: an agreement, an
 * accreditation, a designation, a recognition, a report accepted and found by an importer, a
 * suspension, a report refused because of it; then each resource's history, with its actors.
 * Only the clock is moved by hand, as the days between the steps.
 */
import { expect } from 'chai';
import { ApiWorld } from '../helpers/api.js';
import { DAY, KR_SCOPE, VN_SCOPE, daysFrom } from '../helpers/world.js';
import { designationBody } from '../helpers/designations.js';

type Resource = { id: string; state: string; version: number; data: Record<string, unknown>; nextEvents: string[] };
type Entry = { seq: number; type: string; actor: { id: string; role: string }; from: string | null; to: string; facts?: Record<string, unknown> };
type Page<T> = { items: T[]; nextCursor: string | null };

describe('HTTP scenario: from an agreement to a refused report, told by the demo principals', () => {
  let api: ApiWorld;
  before(async () => (api = await ApiWorld.create({ start: '2026-01-05T09:00:00.000Z' })));
  after(async () => api.close());

  async function ok<T = Resource>(answer: Promise<{ status: number; body: T; text: string }>, status = 200): Promise<T> {
    const { status: got, body, text } = await answer;
    expect(got, text).to.equal(status);
    return body;
  }

  const story: Record<string, string> = {};

  it('tells the story', async () => {
    // The two regulators conclude a Phase I agreement.
    const agreement = await ok(api.post<Resource>('/agreements', { economies: ['VN', 'KR'], phase: 'I', scope: { VN: VN_SCOPE, KR: KR_SCOPE } }, 'vn-regulator'), 201);
    await ok(api.post(`/agreements/${agreement.id}/events`, { type: 'SIGN', comment: 'Ký thay mặt Việt Nam.' }, 'vn-regulator'));
    const signed = await ok(api.post<Resource>(`/agreements/${agreement.id}/events`, { type: 'SIGN' }, 'kr-regulator'));
    expect(signed.state).to.equal('operational');

    // BoA accredits the Sài Gòn lab; the VN designating authority designates it to Korea.
    const accreditation = await ok(
      api.post<Resource>(
        '/accreditations',
        { cabId: 'vn-lab-sai-gon', standard: 'ISO/IEC 17025', certificateNumber: 'VILAS 902', scope: [...KR_SCOPE, ...VN_SCOPE], validFrom: '2025-06-01', validUntil: '2028-06-01' },
        'vn-accreditation-body',
      ),
      201,
    );
    // At home first (Circular 12/2016/TT-BTTTT): the lab files, the designating authority reviews,
    // assesses on site and designates; the Korean regulator does not see this procedure.
    const filed = await ok(
      api.post<Resource>('/designations', designationBody({ agreementId: agreement.id, cabId: 'vn-lab-sai-gon', importingEconomy: 'KR', scope: KR_SCOPE, accreditationId: accreditation.id }, api.world.clock.now().toISOString()), 'lab-sai-gon'),
      201,
    );
    expect((await api.get(`/designations/${filed.id}`, 'kr-regulator')).status).to.equal(404);
    await ok(api.post(`/designations/${filed.id}/events`, { type: 'ACCEPT_FILE', council: ['Trần Văn Minh'] }, 'vn-designating-authority'));
    await ok(api.post(`/designations/${filed.id}/events`, { type: 'RECORD_ASSESSMENT', assessedAt: api.world.clock.now().toISOString(), assessors: ['Trần Văn Minh'], findings: 'Đạt.' }, 'vn-designating-authority'));
    const home = await ok(api.post<Resource>(`/designations/${filed.id}/events`, { type: 'DESIGNATE', decision: 'Quyết định số 245/QĐ-BKHCN' }, 'vn-designating-authority'));
    expect(home.state).to.equal('designated');
    const designation = await ok(
      api.post<Resource>('/recognitions', { agreementId: agreement.id, cabId: 'vn-lab-sai-gon', importingEconomy: 'KR', scope: KR_SCOPE }, 'vn-designating-authority'),
      201,
    );
    expect(designation.data['designationId']).to.equal(home.id);
    expect(designation.state).to.equal('pending');
    expect((await ok(api.get<Resource>(`/recognitions/${designation.id}`, 'kr-regulator'))).nextEvents).to.include('RECOGNIZE');

    // Korea's regulator recognises it.
    api.world.clock.advance(20 * DAY);
    const recognized = await ok(api.post<Resource>(`/recognitions/${designation.id}/events`, { type: 'RECOGNIZE', comment: 'Listed.' }, 'kr-regulator'));
    expect(recognized.state).to.equal('recognized');
    expect(recognized.data['designationNumber']).to.equal('VN0001');

    // The lab tests a router and submits its report; Korea accepts it, If-Match and all.
    api.world.clock.advance(10 * DAY);
    const now = () => api.world.clock.now().toISOString();
    const report = await ok(
      api.post<Resource>(
        '/test-reports',
        {
          reportNumber: 'SGT-2026-001',
          importingEconomy: 'KR',
          regulations: ['KR:KN 301 489', 'KR:KN 32'],
          equipment: { manufacturer: 'Công ty TNHH Điện tử Đồng Nai', model: 'DN-AX3000', category: 'Wi-Fi router' },
          testedAt: daysFrom(now(), -4),
          issuedAt: daysFrom(now(), -2),
          importerId: 'importer-hanbit',
        },
        'lab-sai-gon',
      ),
      201,
    );
    expect(report.state).to.equal('under_review');
    const reading = await api.get<Resource>(`/test-reports/${report.id}`, 'kr-regulator');
    const accepted = await ok(api.post<Resource>(`/test-reports/${report.id}/events`, { type: 'ACCEPT' }, 'kr-regulator', { 'If-Match': reading.headers.get('etag')! }));
    expect(accepted.state).to.equal('accepted');

    // The importer, with no key at all, finds the report accepted.
    const lookup = await ok(api.get<Page<{ state: string; lab: { name: string } }>>('/public/test-reports?economy=KR&reportNumber=SGT-2026-001'));
    expect(lookup.items.map((r) => [r.state, r.lab.name])).to.deep.equal([['accepted', 'Phòng thử nghiệm Điện tử Sài Gòn']]);

    // Korea suspends the lab; a report it tests afterwards is refused, with the reason.
    api.world.clock.advance(5 * DAY);
    await ok(api.post(`/recognitions/${designation.id}/events`, { type: 'SUSPEND', reason: 'Complaint about KN 32 measurements under investigation.' }, 'kr-regulator'));
    api.world.clock.advance(3 * DAY);
    const refused = await ok(
      api.post<Resource>(
        '/test-reports',
        {
          reportNumber: 'SGT-2026-002',
          importingEconomy: 'KR',
          regulations: ['KR:KN 32'],
          equipment: { manufacturer: 'Công ty TNHH Điện tử Đồng Nai', model: 'DN-AX5400', category: 'Wi-Fi router' },
          testedAt: daysFrom(now(), -1),
          issuedAt: now(),
          importerId: 'importer-hanbit',
        },
        'lab-sai-gon',
      ),
      201,
    );
    expect(refused.state).to.equal('rejected');
    expect(refused.data['reasons']).to.deep.equal([
      { code: 'LAB_NOT_RECOGNIZED', detail: `Lab vn-lab-sai-gon was not recognised on the test date ${daysFrom(now(), -1)}.` },
    ]);
    Object.assign(story, { agreement: agreement.id, accreditation: accreditation.id, recognition: designation.id, accepted: report.id, refused: refused.id });
  });

  it('and each resource’s history tells its part of it, with the actors', async () => {
    const told = async (path: string, as: string) =>
      (await ok(api.get<Page<Entry>>(`${path}/history`, as))).items.map((h) => `${h.type} by ${h.actor.id}: ${h.from ?? '∅'} → ${h.to}`);
    expect(await told(`/agreements/${story['agreement']}`, 'jp-regulator')).to.deep.equal([
      'CREATE by vn-regulator: ∅ → negotiating',
      'SIGN by vn-regulator: negotiating → negotiating',
      'SIGN by kr-regulator: negotiating → operational',
    ]);
    expect(await told(`/recognitions/${story['recognition']}`, 'importer-hanbit')).to.deep.equal([
      'CREATE by vn-designating-authority: ∅ → pending',
      'RECOGNIZE by kr-regulator: pending → recognized',
      'SUSPEND by kr-regulator: recognized → suspended',
    ]);
    expect(await told(`/test-reports/${story['accepted']}`, 'importer-hanbit')).to.deep.equal([
      'CREATE by lab-sai-gon: ∅ → under_review',
      'ACCEPT by kr-regulator: under_review → accepted',
    ]);
    const refused = (await ok(api.get<Page<Entry>>(`/test-reports/${story['refused']}/history`, 'lab-sai-gon'))).items;
    expect(refused.map((h) => `${h.type} by ${h.actor.id}: ${h.to}`)).to.deep.equal(['CREATE by lab-sai-gon: rejected']);
    const facts = refused[0]!.facts as { recognitions: Array<{ id: string; state: string; inForceOnTestDate: boolean }> };
    expect(facts.recognitions).to.deep.equal([{ id: story['recognition'], state: 'suspended', designationNumber: 'VN0001', inForceOnTestDate: false, scope: KR_SCOPE }]);
  });

  it('and every party was e-mailed at every step', async () => {
    const mailed = (await api.world.mailOf('recognitions', story['recognition']!)).map((m) => `${m.event}→${m.address}`);
    for (const event of ['CREATE', 'RECOGNIZE', 'SUSPEND']) {
      expect(mailed).to.include.members([`${event}→lab@saigon.vn.example`, `${event}→mra@rra.kr.example`, `${event}→mra@most.vn.example`]);
    }
  });
});
