/**
 * Cascades are events (docs/architecture.md): an ended recognition rejects its lab's pending
 * reports, a terminated agreement withdraws its recognitions, a lost accreditation lapses its
 * CAB's recognitions; each affected instance gets its own history entry with the system as actor
 * and the cause. A cascade cut short by a crash is finished later from its durable row.
 */
import { expect } from 'chai';
import type { HistoryEntry } from '../../src/store/port.js';
import { requireCommitFaults } from '../helpers/store-factory.js';
import { World, daysFrom } from '../helpers/world.js';

describe('cascades through the engine', () => {
  let world: World;
  beforeEach(async () => (world = await World.create()));
  afterEach(async () => world.close());

  async function lastEntry(kind: 'recognitions' | 'test-reports', id: string): Promise<HistoryEntry> {
    return (await world.engine.history(kind, id, world.as('admin'))).items.at(-1)!;
  }

  it("withdrawing a recognition rejects the lab's pending reports with LAB_RECOGNITION_ENDED, each with its own history entry", async () => {
    const { lab, recognition } = await world.recognizedLab();
    const other = await world.recognizedLab();
    world.advanceDays(10);
    const underReview = await world.submit(lab);
    const infoRequested = await world.submit(lab);
    await world.send('test-reports', infoRequested.id, { type: 'REQUEST_INFO', request: 'Ảnh chụp mẫu thử?' }, 'kr-regulator');
    const accepted = await world.submit(lab);
    await world.send('test-reports', accepted.id, { type: 'ACCEPT' }, 'kr-regulator');
    const otherLabsReport = await world.submit(other.lab);

    world.advanceDays(1);
    const withdrawn = await world.send('recognitions', recognition.id, { type: 'WITHDRAW', reason: 'Phòng thử nghiệm ngừng hoạt động.' }, 'vn-designating-authority');
    expect(withdrawn.state).to.equal('withdrawn');

    for (const report of [underReview, infoRequested]) {
      const now = await world.engine.get('test-reports', report.id, world.as('admin'));
      expect(now.state, report.id).to.equal('rejected');
      expect((now.data['reasons'] as Array<{ code: string }>).map((r) => r.code)).to.deep.equal(['LAB_RECOGNITION_ENDED']);
      const entry = await lastEntry('test-reports', report.id);
      expect(entry).to.include({ type: 'LAB_RECOGNITION_ENDED', to: 'rejected' });
      expect(entry.actor).to.include({ id: 'system', role: 'system' });
      expect(entry.cause).to.deep.include({ kind: 'recognitions', id: recognition.id, event: 'WITHDRAW', state: 'withdrawn', seq: withdrawn.version });
      expect(await world.mailOf('test-reports', report.id, now.version)).to.not.be.empty;
    }
    expect((await world.engine.get('test-reports', accepted.id, world.as('admin'))).state).to.equal('accepted');
    expect((await world.engine.get('test-reports', otherLabsReport.id, world.as('admin'))).state).to.equal('under_review');
    expect(await world.store.pendingDeadlines('recognitions', recognition.id, 'cascade')).to.deep.equal([]);
  });

  it('terminating an agreement withdraws its recognitions, and through them rejects their pending reports', async () => {
    const { lab, agreement, recognition } = await world.recognizedLab();
    const second = await world.addLab();
    await world.accreditation(second.cabId!);
    const pendingApplication = await world.recognition(agreement.id, second.cabId!, { recognize: false });
    world.advanceDays(3);
    const report = await world.submit(lab);

    const effectiveAt = daysFrom(world.clock.now().toISOString(), 1);
    const notice = await world.send('agreements', agreement.id, { type: 'GIVE_NOTICE', reason: 'Chấm dứt theo thư trao đổi.', effectiveAt }, 'vn-regulator');
    expect(notice.state).to.equal('terminating');
    world.clock.set(effectiveAt);
    expect(await world.fireDue()).to.include('agreements:NOTICE_EFFECTIVE');
    expect((await world.engine.get('agreements', agreement.id, world.as('admin'))).state).to.equal('terminated');

    for (const id of [recognition.id, pendingApplication.id]) {
      expect((await world.engine.get('recognitions', id, world.as('admin'))).state, id).to.equal('withdrawn');
      const entry = await lastEntry('recognitions', id);
      expect(entry).to.include({ type: 'AGREEMENT_TERMINATED', to: 'withdrawn' });
      expect(entry.cause).to.deep.include({ kind: 'agreements', id: agreement.id, event: 'NOTICE_EFFECTIVE' });
    }
    expect((await world.engine.get('test-reports', report.id, world.as('admin'))).state).to.equal('rejected');
    expect((await lastEntry('test-reports', report.id)).cause).to.deep.include({ kind: 'recognitions', id: recognition.id, event: 'AGREEMENT_TERMINATED' });
  });

  it("suspending an accreditation lapses the CAB's recognitions; reinstating it restores them", async () => {
    const { accreditation, recognition } = await world.recognizedLab();
    world.advanceDays(2);
    await world.send('accreditations', accreditation.id, { type: 'SUSPEND', reason: 'Đánh giá giám sát không đạt.' }, 'vn-accreditation-body');
    expect((await world.engine.get('recognitions', recognition.id, world.as('admin'))).state).to.equal('lapsed');
    expect(await lastEntry('recognitions', recognition.id)).to.deep.include({
      type: 'ACCREDITATION_LAPSED',
      payload: { accreditationId: accreditation.id, accreditationState: 'suspended' },
    });

    world.advanceDays(20);
    const checked = { checkedOn: world.clock.now().toISOString(), checkReference: 'VILAS 902/ĐG-TC-01' };
    await world.send('accreditations', accreditation.id, { type: 'REINSTATE', ...checked }, 'vn-accreditation-body');
    const restored = await world.engine.get('recognitions', recognition.id, world.as('admin'));
    expect(restored.state).to.equal('recognized');
    const periods = restored.data['inForce'] as Array<{ from: string; to?: string }>;
    expect(periods).to.have.length(2);
    expect(periods[0]!.to).to.equal(daysFrom(periods[0]!.from, 2));
  });

  it('an accreditation lapsing at its end (the EXPIRED deadline) lapses the recognitions and rejects pending reports', async () => {
    const { lab, accreditation, recognition } = await world.recognizedLab();
    world.advanceDays(3);
    const report = await world.submit(lab);
    const [expiry] = (await world.store.pendingDeadlines('accreditations', accreditation.id)).filter((d) => d.event === 'EXPIRED');
    world.clock.set(expiry!.dueAt);
    // The report's review reminder, the designation's surveillance, the on-site visit reminder and the renewal reminder are due by now too; all fire in due order.
    expect(await world.fireDue()).to.deep.equal([
      'test-reports:REVIEW_OVERDUE',
      'designations:SURVEILLANCE_DUE',
      'accreditations:ON_SITE_VISIT_DUE',
      'accreditations:RENEWAL_DUE',
      'accreditations:EXPIRED',
    ]);

    expect((await world.engine.get('accreditations', accreditation.id, world.as('admin'))).state).to.equal('lapsed');
    expect((await world.engine.get('recognitions', recognition.id, world.as('admin'))).state).to.equal('lapsed');
    expect((await world.engine.get('test-reports', report.id, world.as('admin'))).state).to.equal('rejected');
    const fired = (await world.engine.history('accreditations', accreditation.id, world.as('admin'))).items.at(-1)!;
    expect(fired).to.deep.include({ type: 'EXPIRED', from: 'renewal_due', to: 'lapsed' });
    expect(fired.cause).to.deep.include({ deadline: { id: (fired.cause!['deadline'] as { id: string }).id, event: 'EXPIRED', dueAt: expiry!.dueAt } });
  });
});

describe('a cascade cut short', () => {
  const failures: unknown[] = [];
  let crash = false;
  let world: World;
  before(async function () {
    requireCommitFaults(this);
    world = await World.create({
      faults: {
        beforeCommitEnds: (commit) => {
          if (crash && commit.kind === 'test-reports') throw new Error('simulated crash while cascading');
        },
      },
      reportError: (error) => failures.push(error),
    });
  });
  after(async () => world?.close());

  it('when the process fails half-way, the cascade stays due and a later run finishes it, each report rejected once', async () => {
    const { lab, recognition } = await world.recognizedLab();
    world.advanceDays(5);
    const reports = [await world.submit(lab), await world.submit(lab)];
    crash = true;
    const withdrawn = await world.send('recognitions', recognition.id, { type: 'WITHDRAW', reason: 'x' }, 'vn-designating-authority');
    crash = false;
    expect(withdrawn.state, 'the withdrawal itself is committed').to.equal('withdrawn');
    expect(failures).to.have.length(1);
    for (const report of reports) expect((await world.engine.get('test-reports', report.id, world.as('admin'))).state).to.equal('under_review');

    const [pending] = await world.store.pendingDeadlines('recognitions', recognition.id, 'cascade');
    expect(pending?.event).to.equal('recognition-ended');
    world.advanceDays(1);
    const due = await world.store.claimDueDeadlines({ owner: 'scheduler', now: world.clock.now().toISOString(), leaseMs: 60_000, limit: 10 });
    expect(due.map((d) => d.id)).to.deep.equal([pending!.id]);
    expect(await world.engine.fireTimer(due[0]!, 'scheduler')).to.equal('cascaded');

    for (const report of reports) {
      const history = (await world.engine.history('test-reports', report.id, world.as('admin'))).items;
      expect(history.map((h) => h.type)).to.deep.equal(['CREATE', 'LAB_RECOGNITION_ENDED']);
    }
    expect(await world.store.pendingDeadlines('recognitions', recognition.id, 'cascade')).to.deep.equal([]);
  });
});
