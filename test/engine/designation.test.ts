/**
 * Designation at home before recognition (docs/domain.md, "Designation"): Viet Nam's Circular
 * 12/2016/TT-BTTTT procedure, the application's contents of 47 CFR 2.951, only a designated CAB
 * put forward, and who assigns the designation number under an agreement.
 */
import { expect } from 'chai';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '../../src/clock.js';
import { commitContributors } from '../../src/effects/contributors.js';
import { Engine } from '../../src/engine/engine.js';
import { actorOf } from '../../src/principals.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { agreementWorkflow } from '../../src/kinds/agreement/machine.js';
import { designationBody } from '../helpers/designations.js';
import { failure } from '../helpers/failure.js';
import { KR_SCOPE, World, daysFrom, tempDir } from '../helpers/world.js';
import type { Actor } from '../../src/kinds/types.js';

describe('designation at home', () => {
  let world: World;
  beforeEach(async () => (world = await World.create()));
  afterEach(async () => world.close());

  async function accreditedLab(): Promise<{ lab: Actor; agreementId: string; accreditationId: string }> {
    const agreement = await world.agreement();
    const lab = await world.addLab();
    const accreditation = await world.accreditation(lab.cabId!);
    return { lab, agreementId: agreement.id, accreditationId: accreditation.id };
  }

  const application = (lab: Actor, agreementId: string, accreditationId: string, overrides: Record<string, unknown> = {}) => ({
    ...designationBody({ agreementId, cabId: lab.cabId!, importingEconomy: 'KR', scope: KR_SCOPE, accreditationId }, daysFrom(world.clock.now().toISOString(), -1)),
    ...overrides,
  });

  it('Circular 12/2016/TT-BTTTT: a CAB not designated at home cannot be put forward for recognition', async () => {
    const { lab, agreementId } = await accreditedLab();
    const before = await world.snapshot();
    const refused = await failure(() =>
      world.engine.create('recognitions', { agreementId, cabId: lab.cabId, importingEconomy: 'KR', scope: KR_SCOPE }, world.as('vn-designating-authority')),
    );
    expect(refused.code).to.equal('NOT_ELIGIBLE');
    expect((refused.publicFields['reasons'] as Array<{ code: string }>).map((r) => r.code)).to.deep.equal(['NOT_DESIGNATED']);
    expect(await world.snapshot()).to.deep.equal(before);
  });

  it('Circular 12/2016/TT-BTTTT: a designation not yet decided, or suspended, does not let the CAB be put forward; one in force does', async () => {
    const { lab, agreementId, accreditationId } = await accreditedLab();
    const da = world.as('vn-designating-authority');
    const filed = await world.engine.create('designations', application(lab, agreementId, accreditationId), lab);
    const body = { agreementId, cabId: lab.cabId, importingEconomy: 'KR', scope: KR_SCOPE, designationId: filed.id };
    const pending = await failure(() => world.engine.create('recognitions', body, da));
    expect((pending.publicFields['reasons'] as Array<{ code: string }>).map((r) => r.code)).to.deep.equal(['NOT_DESIGNATED']);

    const designated = await world.designation(agreementId, lab.cabId!);
    await world.send('designations', designated.id, { type: 'SUSPEND', reason: 'Tạm đình chỉ trong thời gian khắc phục.' }, 'vn-designating-authority');
    const suspended = await failure(() => world.engine.create('recognitions', { ...body, designationId: designated.id }, da));
    expect(suspended.code).to.equal('NOT_ELIGIBLE');
    await world.send('designations', designated.id, { type: 'REINSTATE' }, 'vn-designating-authority');

    const recognition = await world.engine.create('recognitions', { ...body, designationId: undefined }, da);
    expect(recognition.data['designationId'], 'found by the engine').to.equal(designated.id);
  });

  it('47 CFR 2.951(a): the recognition carries the application particulars of its designation (test sites, address, contact, accreditation)', async () => {
    const { lab, agreementId, accreditationId } = await accreditedLab();
    const designation = await world.designation(agreementId, lab.cabId!);
    const recognition = await world.engine.create(
      'recognitions',
      { agreementId, cabId: lab.cabId, importingEconomy: 'KR', scope: KR_SCOPE, designationId: designation.id },
      world.as('vn-designating-authority'),
    );
    const particulars = recognition.data['application'] as Record<string, unknown>;
    expect(particulars['testSites']).to.deep.equal(designation.data['testSites']);
    expect(particulars['cabAddress']).to.equal(designation.data['cabAddress']);
    expect(particulars['contact']).to.deep.include({ name: 'Nguyễn Văn An' });
    expect(particulars['accreditation']).to.include({ id: accreditationId, standard: 'ISO/IEC 17025' });
  });

  it('Circular 12/2016/TT-BTTTT: review within 7 working days, a correction, the council and the on-site assessment, then a decision with a validity', async () => {
    const { lab, agreementId, accreditationId } = await accreditedLab();
    const filed = await world.engine.create('designations', application(lab, agreementId, accreditationId), lab);
    expect(filed.state).to.equal('submitted');
    // Filed on a Monday: 7 working days later is the Wednesday of the next week.
    expect(filed.deadlines.map((d) => [d.type, d.dueAt])).to.deep.equal([['REVIEW_OVERDUE', daysFrom(world.clock.now().toISOString(), 9)]]);
    await world.send('designations', filed.id, { type: 'REQUEST_CORRECTION', request: 'Bổ sung phạm vi công nhận.' }, 'vn-designating-authority');
    await world.send('designations', filed.id, { type: 'RESUBMIT', response: 'Đã bổ sung.' }, lab.id);
    await world.send('designations', filed.id, { type: 'ACCEPT_FILE', council: ['Trần Thị Bình'] }, 'vn-designating-authority');
    const early = await failure(() => world.send('designations', filed.id, { type: 'DESIGNATE', decision: 'QĐ 1' }, 'vn-designating-authority'));
    expect(early.code, 'no decision before the on-site assessment').to.equal('EVENT_NOT_ACCEPTED');
    const now = world.clock.now().toISOString();
    await world.send('designations', filed.id, { type: 'RECORD_ASSESSMENT', assessedAt: now, assessors: ['Trần Thị Bình'], findings: 'Đạt.' }, 'vn-designating-authority');
    const designated = await world.send('designations', filed.id, { type: 'DESIGNATE', decision: 'QĐ 1' }, 'vn-designating-authority');
    expect(designated.state).to.equal('designated');
    expect(designated.data['validUntil'], 'the default validity, 3 years').to.equal('2029-01-05T09:00:00.000Z');
    expect(designated.deadlines.map((d) => d.type)).to.have.members(['SURVEILLANCE_DUE', 'EXPIRED']);
    expect(designated.data['corrections']).to.have.length(1);
  });

  it('the importing regulator does not read the home procedure; the designating authority of another economy may not decide it', async () => {
    const { lab, agreementId } = await accreditedLab();
    const designation = await world.designation(agreementId, lab.cabId!);
    expect((await failure(() => world.engine.get('designations', designation.id, world.as('kr-regulator')))).code).to.equal('NOT_FOUND');
    const refused = await failure(() => world.send('designations', designation.id, { type: 'WITHDRAW', reason: 'x' }, 'kr-designating-authority'));
    expect(refused.code).to.be.oneOf(['FORBIDDEN', 'NOT_FOUND']);
  });

  it('47 CFR 2.951(b), (d): holders of 5 % or more are listed when the CAB says there are some; a CAB applies on its own accreditation only', async () => {
    const { lab, agreementId, accreditationId } = await accreditedLab();
    const other = await world.addLab();
    const foreign = await world.accreditation(other.cabId!);
    const narrowAccreditation = await world.accreditation(lab.cabId!, { scope: ['KR:KN 301 489'] });
    const before = await world.snapshot();
    const unlisted = await failure(() => world.engine.create('designations', application(lab, agreementId, accreditationId, { ownership: { fivePercentOrMore: true } }), lab));
    expect(unlisted.code).to.equal('VALIDATION_FAILED');
    expect(unlisted.errors?.[0]?.pointer).to.equal('/ownership/holders');
    const borrowed = await failure(() => world.engine.create('designations', application(lab, agreementId, foreign.id), lab));
    expect(borrowed.errors?.[0]?.pointer).to.equal('/accreditationId');
    const narrow = await failure(() => world.engine.create('designations', application(lab, agreementId, accreditationId, { scope: ['KR:KN 301 489', 'KR:KN 35'], accreditationId: narrowAccreditation.id }), lab));
    expect((narrow.publicFields['reasons'] as Array<{ code: string }>).map((r) => r.code), 'NIST Phase I: the scope sought is within the accreditation').to.deep.equal(['SCOPE_NOT_COVERED']);
    const forOther = await failure(() => world.engine.create('designations', application(other, agreementId, foreign.id), lab));
    expect(forOther.code, 'a CAB applies for itself').to.equal('FORBIDDEN');
    expect(await world.snapshot()).to.deep.equal(before);
    const listed = await world.engine.create(
      'designations',
      application(lab, agreementId, accreditationId, { ownership: { fivePercentOrMore: true, holders: [{ name: 'Tập đoàn Phương Nam', economy: 'VN', share: 51 }] } }),
      lab,
    );
    expect(listed.data['accreditation']).to.include({ id: accreditationId, standard: 'ISO/IEC 17025' });
  });

  it('47 CFR 2.951(a)(5): where the designating authority assigns the number, the recognition takes it and the regulator may not change it', async () => {
    const { lab, agreementId } = await accreditedLab();
    const designation = await world.designation(agreementId, lab.cabId!, { designationNumber: 'VN7777' });
    expect(designation.data['designationNumber']).to.equal('VN7777');
    const recognition = await world.engine.create(
      'recognitions',
      { agreementId, cabId: lab.cabId, importingEconomy: 'KR', scope: KR_SCOPE, designationId: designation.id },
      world.as('vn-designating-authority'),
    );
    const changed = await failure(() => world.send('recognitions', recognition.id, { type: 'RECOGNIZE', designationNumber: 'VN0042' }, 'kr-regulator'));
    expect(changed.errors?.[0]?.pointer).to.equal('/designationNumber');
    const recognized = await world.send('recognitions', recognition.id, { type: 'RECOGNIZE' }, 'kr-regulator');
    expect(recognized.data['designationNumber']).to.equal('VN7777');
  });

  it('where the agreement has the importing regulator assign the number, the designation carries none and the regulator gives it on recognition', async () => {
    const agreement = await world.engine.create(
      'agreements',
      { economies: ['VN', 'KR'], phase: 'I', scope: { VN: ['VN:QCVN 54:2020/BTTTT'], KR: KR_SCOPE }, designationNumbers: 'importing_regulator' },
      world.as('vn-regulator'),
    );
    await world.send('agreements', agreement.id, { type: 'SIGN' }, 'vn-regulator');
    await world.send('agreements', agreement.id, { type: 'SIGN' }, 'kr-regulator');
    const lab = await world.addLab();
    await world.accreditation(lab.cabId!);
    const refused = await failure(() => world.designation(agreement.id, lab.cabId!, { designationNumber: 'VN7777' }));
    expect(refused.errors?.[0]?.pointer).to.equal('/designationNumber');
    const recognition = await world.recognition(agreement.id, lab.cabId!, { recognize: false });
    const recognized = await world.send('recognitions', recognition.id, { type: 'RECOGNIZE', designationNumber: 'VN0042' }, 'kr-regulator');
    expect(recognized.data['designationNumber']).to.equal('VN0042');
  });

  it('Circular 12/2016/TT-BTTTT: withdrawing the designation decision at home withdraws the recognitions resting on it, and rejects their pending reports; a recognition on another designation stays', async () => {
    const { lab, agreementId } = await accreditedLab();
    const recognition = await world.recognition(agreementId, lab.cabId!, { scope: ['KR:KN 301 489', 'KR:KN 32'] });
    const kn35 = await world.recognition(agreementId, lab.cabId!, { scope: ['KR:KN 35'] });
    world.advanceDays(3);
    const report = await world.submit(lab);
    const designationId = recognition.data['designationId'] as string;
    await world.send('designations', designationId, { type: 'WITHDRAW', reason: 'Hủy bỏ quyết định chỉ định theo đề nghị của tổ chức.' }, 'vn-designating-authority');
    await world.fireDue();
    const ended = await world.engine.get('recognitions', recognition.id, world.as('admin'));
    expect(ended.state).to.equal('withdrawn');
    const last = (await world.engine.history('recognitions', recognition.id, world.as('admin'))).items.at(-1)!;
    expect(last).to.deep.include({ type: 'DESIGNATION_ENDED' });
    expect(last.payload).to.deep.include({ designationId, designationState: 'withdrawn' });
    expect((await world.engine.get('test-reports', report.id, world.as('admin'))).state).to.equal('rejected');
    expect((await world.engine.get('recognitions', kn35.id, world.as('admin'))).state).to.equal('recognized');
  });

  it('Circular 12/2016/TT-BTTTT: a designation that expires at the end of its validity ends the recognition resting on it', async () => {
    const { lab, agreementId } = await accreditedLab();
    const designation = await world.designation(agreementId, lab.cabId!);
    const recognition = await world.engine.create(
      'recognitions',
      { agreementId, cabId: lab.cabId, importingEconomy: 'KR', scope: KR_SCOPE, designationId: designation.id },
      world.as('vn-designating-authority'),
    );
    await world.send('recognitions', recognition.id, { type: 'RECOGNIZE', validUntil: daysFrom(world.clock.now().toISOString(), 5 * 365) }, 'kr-regulator');
    world.clock.set(designation.data['validUntil'] as string);
    await world.fireDue();
    expect((await world.engine.get('designations', designation.id, world.as('admin'))).state).to.equal('expired');
    expect((await world.engine.get('recognitions', recognition.id, world.as('admin'))).state).to.equal('withdrawn');
  });

  it('agreements stored before version 4 keep the importing regulator assigning designation numbers; new ones have the designating authority assign them', async () => {
    const migrated = agreementWorkflow.migrations[3]!({ state: 'operational', context: { economies: ['VN', 'KR'] }, updatedAt: '2026-01-01T00:00:00.000Z' });
    expect(migrated.context['designationNumbers']).to.equal('importing_regulator');
    expect((await world.agreement()).data['designationNumbers']).to.equal('designating_authority');
  });
});

describe('designation at home: a store of release 0.2.0', () => {
  it('its agreements keep the importing regulator assigning numbers, and a recognition pending from before designations were recorded is still decided', async () => {
    const { dir, remove } = tempDir('mra-desig-upgrade-');
    const path = join(dir, 'mra.sqlite');
    copyFileSync(join(import.meta.dirname, '..', 'fixtures', 'release-0.2.0-demo.sqlite'), path);
    const store = new SqliteStore({ path });
    try {
      const engine = new Engine({ contributors: commitContributors(), store, clock: new ManualClock(new Date('2026-12-08T09:00:00.000Z')), nodeId: 'desig-upgrade' });
      const as = async (id: string) => actorOf((await store.getPrincipal(id))!);
      const agreement = await engine.get('agreements', 'agr-vn-kr', await as('kr-regulator'));
      expect(agreement.data['designationNumbers']).to.equal('importing_regulator');
      const pending = (await store.find('recognitions', { states: ['pending'], limit: 10 })).items.find((r) => r.context['designationId'] === undefined)!;
      const recognized = await engine.send('recognitions', pending.id, { type: 'RECOGNIZE', designationNumber: 'VN0420' }, await as('kr-regulator'));
      expect(recognized).to.deep.include({ state: 'recognized' });
      expect(recognized.data['designationNumber']).to.equal('VN0420');
    } finally {
      await store.close();
      remove();
    }
  });
});
