/**
 * Equipment certificates through the engine, on a real store: the facts gathered on the issue
 * date and kept in history, refusals with reason codes, the review window, the certificate number
 * unique per body, and what a body's recognition ending does to its certificates.
 */
import { expect } from 'chai';
import type { HistoryEntry } from '../../src/store/port.js';
import { failure } from '../helpers/failure.js';
import { bodyAccreditation, addBody, certificateBody, phaseTwoAgreement, recognizedBody } from '../helpers/phase-two.js';
import { World, daysFrom } from '../helpers/world.js';

const codes = (data: Record<string, unknown>) => (data['reasons'] as Array<{ code: string }>).map((r) => r.code);

describe('certificates through the engine', () => {
  let world: World;
  beforeEach(async () => (world = await World.create()));
  afterEach(async () => world.close());

  async function creation(id: string): Promise<HistoryEntry> {
    return (await world.engine.history('certificates', id, world.as('admin'))).items[0]!;
  }

  it('a certificate issued the day after its body was recognised enters the review window, with the facts in its history', async () => {
    const { body, recognition } = await recognizedBody(world);
    world.advanceDays(1);
    const certificate = await world.engine.create('certificates', certificateBody(world), body);
    expect(certificate.state).to.equal('review_window');
    expect(codes(certificate.data)).to.deep.equal([]);
    const facts = (await creation(certificate.id)).facts!;
    expect(facts['recognitions']).to.deep.equal([
      { id: recognition.id, state: 'recognized', designationNumber: recognition.data['designationNumber'], inForceOnIssueDate: true, scope: recognition.data['scope'] },
    ]);
    expect(facts).to.deep.include({ accreditationActive: true, uncoveredRegulations: [] });
    expect((facts['agreement'] as { phase: string }).phase).to.equal('II');
    // The review window runs 30 days from the issue date.
    expect(certificate.deadlines.map((d) => [d.type, d.dueAt])).to.deep.include(['REVIEW_WINDOW_ENDED', daysFrom(certificate.data['issuedAt'] as string, 30)]);
  });

  it('a certificate issued while the body’s recognition was suspended is refused with BODY_NOT_RECOGNIZED', async () => {
    const { body, recognition } = await recognizedBody(world);
    world.advanceDays(5);
    await world.send('recognitions', recognition.id, { type: 'SUSPEND', reason: 'Khiếu nại đang được xem xét.' }, 'kr-regulator');
    world.advanceDays(1);
    const certificate = await world.engine.create('certificates', certificateBody(world), body);
    expect(certificate.state).to.equal('refused');
    expect(codes(certificate.data)).to.deep.equal(['BODY_NOT_RECOGNIZED']);
    const facts = (await creation(certificate.id)).facts!;
    expect((facts['recognitions'] as Array<{ inForceOnIssueDate: boolean; state: string }>)[0]).to.include({ state: 'suspended', inForceOnIssueDate: false });
    // A refused certificate is e-mailed to the body with the reason.
    expect((await world.mailOf('certificates', certificate.id, 1)).map((m) => m.to)).to.include('refused');
  });

  it('a certificate dated before the recognition, or by a body without an ISO/IEC 17065 accreditation, is refused with its reasons', async () => {
    const { body } = await recognizedBody(world);
    const early = await world.engine.create('certificates', certificateBody(world, { issuedAt: daysFrom(world.clock.now().toISOString(), -1) }), body);
    expect(codes(early.data)).to.deep.equal(['BODY_NOT_RECOGNIZED']);
    const stranger = await addBody(world);
    const unaccredited = await world.engine.create('certificates', certificateBody(world), stranger);
    expect(codes(unaccredited.data)).to.have.members(['BODY_NOT_RECOGNIZED', 'ACCREDITATION_NOT_ACTIVE', 'AGREEMENT_NOT_OPERATIONAL']);
  });

  it('47 CFR 2.962: a certificate by a body that held no ISO/IEC 17065 accreditation on the issue date is refused with ACCREDITATION_STANDARD_MISSING', async () => {
    // A testing laboratory, accredited to ISO/IEC 17025 and recognised under Phase II, later
    // registered as a certification body: its accreditation is a testing one, not a certification one.
    const agreement = await phaseTwoAgreement(world);
    const cab = await world.addLab();
    await world.accreditation(cab.cabId!);
    await world.recognition(agreement.id, cab.cabId!);
    await world.store.putCab({ ...(await world.store.getCab(cab.cabId!))!, type: 'certification_body' });
    world.advanceDays(1);
    const certificate = await world.engine.create('certificates', certificateBody(world), cab);
    expect(certificate.state).to.equal('refused');
    expect(codes(certificate.data)).to.deep.equal(['ACCREDITATION_STANDARD_MISSING']);
    expect((certificate.data['reasons'] as Array<{ detail: string }>)[0]!.detail).to.contain('ISO/IEC 17065');
  });

  it("47 CFR 2.962: a certificate to a regulation outside the body's ISO/IEC 17065 scope on the issue date is refused with ACCREDITATION_SCOPE_NOT_COVERED", async () => {
    const { body } = await recognizedBody(world);
    const [accreditation] = (await world.engine.list('accreditations', { where: { cabId: body.cabId! } }, world.as('admin'))).items;
    await world.send('accreditations', accreditation!.id, { type: 'RENEWAL_SUBMITTED' }, body.id);
    await world.send('accreditations', accreditation!.id, { type: 'RENEW', validUntil: daysFrom(world.clock.now().toISOString(), 1000), scope: ['KR:KN 32'] }, 'vn-accreditation-body');
    world.advanceDays(1);
    const outside = await world.engine.create('certificates', certificateBody(world, { regulations: ['KR:KN 301 489'] }), body);
    // The reduction reached the recognition too (ISO/IEC 17011 scope change, cascade): both say so.
    expect(codes(outside.data)).to.include('ACCREDITATION_SCOPE_NOT_COVERED');
    const inside = await world.engine.create('certificates', certificateBody(world, { regulations: ['KR:KN 32'] }), body);
    expect(inside.state).to.equal('review_window');
  });

  it('a report it rests on by a lab not recognised on its test date is named in the reasons', async () => {
    // The lab names the body as receiving the certification application, so the body may read the report.
    const { body } = await recognizedBody(world);
    const lab = await world.addLab();
    await world.accreditation(lab.cabId!);
    const report = await world.submit(lab, { certificationApplication: { reference: 'TLC-APP-2026-018', certificationBodyId: body.cabId } });
    world.advanceDays(1);
    const certificate = await world.engine.create('certificates', certificateBody(world, { testReports: [report.id] }), body);
    expect(codes(certificate.data)).to.deep.equal(['REPORT_LAB_NOT_RECOGNIZED']);
  });

  it('47 CFR 2.948: a report names the certification application it supports; the certification body it names may read it and rest a certificate on it by id', async () => {
    const { body } = await recognizedBody(world);
    const other = await addBody(world);
    const { lab } = await world.recognizedLab();
    world.advanceDays(5);
    const application = { reference: 'TLC-APP-2026-017', certificationBodyId: body.cabId };
    const report = await world.submit(lab, { certificationApplication: application });
    expect(report.state, JSON.stringify(report.data['reasons'])).to.equal('under_review');
    expect(report.data['certificationApplication']).to.deep.equal(application);
    expect((await world.engine.get('test-reports', report.id, body)).id).to.equal(report.id);
    expect((await failure(() => world.engine.get('test-reports', report.id, other))).code).to.equal('NOT_FOUND');
    const certificate = await world.engine.create('certificates', certificateBody(world, { testReports: [report.id], externalReports: undefined }), body);
    expect(certificate.state, JSON.stringify(certificate.data['reasons'])).to.equal('review_window');
    expect(((await creation(certificate.id)).facts!['reports'] as Array<{ id: string }>).map((r) => r.id)).to.deep.equal([report.id]);
    // Another body may not rest a certificate on it: to that body the report does not exist.
    await bodyAccreditation(world, other.cabId!);
    expect((await failure(() => world.engine.create('certificates', certificateBody(world, { testReports: [report.id] }), other))).code).to.equal('UNKNOWN_REFERENCE');
  });

  it('47 CFR 2.948: a certification application received by a testing laboratory, or by an unknown CAB, is refused with nothing written', async () => {
    const { lab } = await world.recognizedLab();
    const before = await world.snapshot();
    const toLab = await failure(() => world.submit(lab, { certificationApplication: { reference: 'APP-1', certificationBodyId: lab.cabId } }));
    expect([toLab.code, toLab.errors?.[0]?.pointer]).to.deep.equal(['VALIDATION_FAILED', '/certificationApplication/certificationBodyId']);
    const unknown = await failure(() => world.submit(lab, { certificationApplication: { reference: 'APP-1', certificationBodyId: 'no-such-body' } }));
    expect(unknown.code).to.equal('UNKNOWN_REFERENCE');
    expect(await world.snapshot()).to.deep.equal(before);
    const toAuthority = await world.submit(lab, { certificationApplication: { reference: 'RRA-2026-0412', authority: 'Radio Research Agency' } });
    expect(toAuthority.data['certificationApplication']).to.deep.equal({ reference: 'RRA-2026-0412', authority: 'Radio Research Agency' });
  });

  it('a report the body may not read is refused as an unknown one, and nothing of it is written', async () => {
    const { body } = await recognizedBody(world);
    const lab = await world.addLab();
    await world.accreditation(lab.cabId!);
    const report = await world.submit(lab);
    const before = await world.snapshot();
    const hidden = await failure(() => world.engine.create('certificates', certificateBody(world, { testReports: [report.id] }), body));
    const unknown = await failure(() => world.engine.create('certificates', certificateBody(world, { testReports: ['tr-none'] }), body));
    expect([hidden.code, hidden.detail.replace(report.id, '?')]).to.deep.equal([unknown.code, unknown.detail.replace('tr-none', '?')]);
    expect(hidden.code).to.equal('UNKNOWN_REFERENCE');
    expect(await world.snapshot()).to.deep.equal(before);
  });

  it('a lab may not issue certificates, and a number is unique per body; nothing is written by either', async () => {
    const { body } = await recognizedBody(world);
    const { lab } = await world.recognizedLab();
    const first = await world.engine.create('certificates', certificateBody(world, { certificateNumber: 'TLC-2026-0001' }), body);
    const before = await world.snapshot();
    expect((await failure(() => world.engine.create('certificates', certificateBody(world), lab))).code).to.equal('FORBIDDEN');
    expect((await failure(() => world.engine.create('certificates', certificateBody(world, { certificateNumber: 'TLC-2026-0001' }), body))).code).to.equal('DUPLICATE');
    expect(await world.snapshot()).to.deep.equal(before);
    // Another body may use the same number.
    const other = await addBody(world);
    await bodyAccreditation(world, other.cabId!);
    const second = await world.engine.create('certificates', certificateBody(world, { certificateNumber: 'TLC-2026-0001' }), other);
    expect(second.id).to.not.equal(first.id);
  });

  it('after the review window the certificate is in force; the regulator may no longer set it aside', async () => {
    const { body } = await recognizedBody(world);
    const certificate = await world.engine.create('certificates', certificateBody(world), body);
    world.advanceDays(30);
    expect(await world.fireDue()).to.include('certificates:REVIEW_WINDOW_ENDED');
    expect((await world.engine.get('certificates', certificate.id, world.as('admin'))).state).to.equal('in_force');
    const refused = await failure(() => world.send('certificates', certificate.id, { type: 'SET_ASIDE', reason: 'Quá hạn.' }, 'kr-regulator'));
    expect(refused.code).to.equal('EVENT_NOT_ACCEPTED');
  });

  it('when the body’s recognition is withdrawn, certificates in the review window are set aside, those in force stay, with the cause recorded', async () => {
    const { body, recognition } = await recognizedBody(world);
    const inForce = await world.engine.create('certificates', certificateBody(world), body);
    world.advanceDays(31);
    await world.fireDue();
    const pending = await world.engine.create('certificates', certificateBody(world), body);
    await world.send('recognitions', recognition.id, { type: 'WITHDRAW', reason: 'Tổ chức chứng nhận đề nghị hủy chỉ định.' }, 'vn-designating-authority');
    const setAside = await world.engine.get('certificates', pending.id, world.as('admin'));
    expect(setAside.state).to.equal('set_aside');
    expect(codes(setAside.data)).to.deep.equal(['BODY_RECOGNITION_ENDED']);
    const last = (await world.engine.history('certificates', pending.id, world.as('admin'))).items.at(-1)!;
    expect(last.cause).to.deep.include({ kind: 'recognitions', id: recognition.id, state: 'withdrawn' });
    expect((await world.engine.get('certificates', inForce.id, world.as('admin'))).state).to.equal('in_force');
  });
});

describe('certificates: a replaced regulation version and its transition period', () => {
  let world: World;
  const old = 'VN:QCVN 86:2019/BTTTT';
  beforeEach(async () => {
    world = await World.create({ start: '2025-06-02T09:00:00.000Z' });
    const [regulation] = await world.store.getRegulations([old]);
    await world.store.putRegulation({ ...regulation!, retiredAt: '2026-01-01', acceptedUntil: '2026-07-01' });
  });
  afterEach(async () => world.close());

  it('Regulation versions: a certificate issued against a replaced version before it was replaced is taken until the transition period ends', async () => {
    // A Korean certification body, accredited to ISO/IEC 17065 and recognised by Viet Nam for the old version under Phase II.
    const agreement = await world.engine.create('agreements', { economies: ['KR', 'VN'], phase: 'II', scope: { KR: ['KR:KN 32'], VN: [old] } }, world.as('kr-regulator'));
    await world.send('agreements', agreement.id, { type: 'SIGN' }, 'kr-regulator');
    await world.send('agreements', agreement.id, { type: 'SIGN' }, 'vn-regulator');
    const body = await world.addLab('KR');
    await world.store.putCab({ ...(await world.store.getCab(body.cabId!))!, type: 'certification_body' });
    await world.store.putPrincipal({ ...(await world.store.getPrincipal('vn-accreditation-body'))!, serves: ['KR'] });
    const now = world.clock.now().toISOString();
    await world.engine.create(
      'accreditations',
      { cabId: body.cabId, standard: 'ISO/IEC 17065', certificateNumber: world.next('KAB'), scope: [old], validFrom: daysFrom(now, -100), validUntil: daysFrom(now, 900) },
      world.as('vn-accreditation-body'),
    );
    await world.designation(agreement.id, body.cabId!, { importingEconomy: 'VN', scope: [old] });
    const application = await world.engine.create(
      'recognitions',
      { agreementId: agreement.id, cabId: body.cabId, importingEconomy: 'VN', scope: [old] },
      world.as('kr-designating-authority'),
    );
    await world.send('recognitions', application.id, { type: 'RECOGNIZE' }, 'vn-regulator');
    world.clock.set('2026-02-02T09:00:00.000Z');
    const issued = (issuedAt: string) => certificateBody(world, { importingEconomy: 'VN', regulations: [old], issuedAt });
    const before = await world.engine.create('certificates', issued('2025-12-20T09:00:00.000Z'), body);
    expect(before.state, JSON.stringify(before.data['reasons'])).to.equal('review_window');
    const after = await world.engine.create('certificates', issued('2026-01-20T09:00:00.000Z'), body);
    expect(codes(after.data)).to.deep.equal(['REGULATION_RETIRED']);
    world.clock.set('2026-07-02T09:00:00.000Z');
    const late = await world.engine.create('certificates', issued('2025-12-21T09:00:00.000Z'), body);
    expect(codes(late.data)).to.deep.equal(['REGULATION_RETIRED']);
  });
});
