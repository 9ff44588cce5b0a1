/**
 * An accreditation that runs out, fired by the scheduler, reaches everything that stood on it:
 * the CAB's recognitions lapse and their pending reports are rejected, every step through the
 * engine with its own history entry and e-mails. A fan-out cut short is finished by a later run.
 */
import { expect } from 'chai';
import type { Kind } from '../../src/kinds/types.js';
import type { Resource } from '../../src/engine/resource.js';
import { Scheduler } from '../../src/effects/deadlines/scheduler.js';
import type { HistoryEntry } from '../../src/store/port.js';
import { captureLog } from '../helpers/log-capture.js';
import { commitFaultsIfSupported, requireCommitFaults } from '../helpers/store-factory.js';
import { KR_SCOPE, VN_SCOPE, World, daysFrom } from '../helpers/world.js';

const US_SCOPE = ['US:47 CFR Part 15'];

/** A VN lab accredited until `validUntilDays` from now, recognised by Korea and by the United States. */
async function labRecognisedTwice(world: World, validUntilDays: number) {
  const now = world.clock.now().toISOString();
  const korea = await world.agreement();
  const unitedStates = await world.agreement({ economies: ['VN', 'US'], scope: { VN: VN_SCOPE, US: US_SCOPE } });
  const lab = await world.addLab();
  const accreditation = await world.accreditation(lab.cabId!, { scope: [...KR_SCOPE, ...US_SCOPE], validUntil: daysFrom(now, validUntilDays) });
  const byKorea = await world.recognition(korea.id, lab.cabId!);
  await world.designation(unitedStates.id, lab.cabId!, { importingEconomy: 'US', scope: US_SCOPE });
  const application = await world.engine.create(
    'recognitions',
    { agreementId: unitedStates.id, cabId: lab.cabId!, importingEconomy: 'US', scope: US_SCOPE },
    world.as('vn-designating-authority'),
  );
  const byUnitedStates = await world.send('recognitions', application.id, { type: 'RECOGNIZE' }, 'us-regulator');
  return { lab, accreditation, recognitions: [byKorea, byUnitedStates] };
}

async function latest(world: World, kind: Kind, id: string): Promise<{ resource: Resource; entry: HistoryEntry }> {
  const resource = await world.engine.get(kind, id, world.as('admin'));
  const entry = (await world.engine.history(kind, id, world.as('admin'))).items.at(-1)!;
  return { resource, entry };
}

describe('Scheduler: the accreditation lapse cascades', () => {
  let world: World;
  /** Failures of cascades the engine reports (instead of throwing them at the caller). */
  let failures: unknown[];
  /** While set, every commit to a test report fails: a process dying half-way through a fan-out. */
  let crashReports: boolean;
  beforeEach(async () => {
    failures = [];
    crashReports = false;
    world = await World.create({
      ...commitFaultsIfSupported({
        beforeCommitEnds: (commit) => {
          if (crashReports && commit.kind === 'test-reports') throw new Error('simulated crash while cascading');
        },
      }),
      reportError: (error) => failures.push(error),
    });
  });
  afterEach(async () => world.close());

  it("when the EXPIRED deadline fires, the CAB's recognitions become lapsed and its pending reports are rejected, all with history and e-mails", async () => {
    const scheduler = new Scheduler({ engine: world.engine, log: captureLog('warn').log, intervalMs: 1000 });
    const { lab, accreditation, recognitions } = await labRecognisedTwice(world, 200);
    const bystander = await world.recognizedLab();
    world.advanceDays(150);
    const underReview = await world.submit(lab);
    const infoRequested = await world.submit(lab);
    await world.send('test-reports', infoRequested.id, { type: 'REQUEST_INFO', request: 'Ảnh chụp bố trí thử nghiệm?' }, 'kr-regulator');
    const accepted = await world.submit(lab);
    await world.send('test-reports', accepted.id, { type: 'ACCEPT' }, 'kr-regulator');

    const expiry = (await world.store.pendingDeadlines('accreditations', accreditation.id)).find((d) => d.event === 'EXPIRED')!;
    world.clock.set(expiry.dueAt);
    const run = await scheduler.runOnce();
    // Fired: the renewal reminder, the first report's review reminder, the second report's reminder
    // to answer and its answer deadline (back under review), and the lapse. Skipped: the lapse as
    // `active` set it, claimed in the same batch but cancelled when the reminder moved on.
    expect(run).to.deep.equal({ fired: 5, cascaded: 0, skipped: 1, failed: 0 });

    const lapse = await latest(world, 'accreditations', accreditation.id);
    expect(lapse.resource.state).to.equal('lapsed');
    expect(lapse.entry).to.deep.include({ type: 'EXPIRED', from: 'renewal_due', to: 'lapsed', at: expiry.dueAt });
    expect((lapse.entry.cause!['deadline'] as { dueAt: string }).dueAt).to.equal(expiry.dueAt);

    for (const recognition of recognitions) {
      const { resource, entry } = await latest(world, 'recognitions', recognition.id);
      expect(resource.state, recognition.id).to.equal('lapsed');
      expect(entry).to.deep.include({
        type: 'ACCREDITATION_LAPSED',
        from: 'recognized',
        to: 'lapsed',
        actor: { id: 'system', role: 'system', name: 'MRA Engine' },
        payload: { accreditationId: accreditation.id, accreditationState: 'lapsed' },
      });
      expect(entry.cause).to.deep.include({ kind: 'accreditations', id: accreditation.id, event: 'EXPIRED', state: 'lapsed', cascade: 'accreditation-lost' });
      expect(await world.mailOf('recognitions', recognition.id, entry.seq)).to.not.deep.equal([]);
    }

    for (const report of [underReview, infoRequested]) {
      const { resource, entry } = await latest(world, 'test-reports', report.id);
      expect(resource.state, report.id).to.equal('rejected');
      expect((resource.data['reasons'] as Array<{ code: string }>).map((r) => r.code)).to.deep.equal(['LAB_RECOGNITION_ENDED']);
      expect(entry).to.deep.include({ type: 'LAB_RECOGNITION_ENDED', to: 'rejected' });
      expect(entry.actor).to.include({ id: 'system', role: 'system' });
      expect(entry.cause).to.deep.include({ kind: 'recognitions', id: recognitions[0]!.id, event: 'ACCREDITATION_LAPSED', state: 'lapsed' });
      expect(await world.mailOf('test-reports', report.id, entry.seq)).to.not.deep.equal([]);
    }
    expect((await latest(world, 'test-reports', accepted.id)).resource.state, 'an accepted report stays accepted').to.equal('accepted');
    expect((await latest(world, 'recognitions', bystander.recognition.id)).resource.state, "another CAB's recognition").to.equal('recognized');
    expect(await world.store.pendingDeadlines('accreditations', accreditation.id, 'cascade')).to.deep.equal([]);
    expect(failures).to.deep.equal([]);
  });

  it('when the fan-out to the reports is cut short, it is due again after its retry delay and the scheduler finishes it: each report rejected once', async function () {
    requireCommitFaults(this);
    const scheduler = new Scheduler({ engine: world.engine, log: captureLog('warn').log, intervalMs: 1000 });
    const { lab, accreditation } = await labRecognisedTwice(world, 200);
    world.advanceDays(195);
    const reports = [await world.submit(lab), await world.submit(lab)];
    const expiry = (await world.store.pendingDeadlines('accreditations', accreditation.id)).find((d) => d.event === 'EXPIRED')!;

    crashReports = true;
    world.clock.set(expiry.dueAt);
    expect((await scheduler.runOnce()).fired).to.equal(2);
    crashReports = false;
    expect(failures, 'the cascade to the reports failed and was reported').to.have.length(1);
    for (const report of reports) expect((await latest(world, 'test-reports', report.id)).resource.state).to.equal('under_review');

    expect((await scheduler.runOnce()).cascaded, 'not before its retry delay').to.equal(0);
    world.clock.advance(60_000);
    expect(await scheduler.runOnce()).to.deep.equal({ fired: 0, cascaded: 1, skipped: 0, failed: 0 });
    for (const report of reports) {
      const { items } = await world.engine.history('test-reports', report.id, world.as('admin'));
      expect(items.map((entry) => entry.type)).to.deep.equal(['CREATE', 'LAB_RECOGNITION_ENDED']);
    }
  });
  it('when the scheduler runs a cascade and it fails again, counts it as failed, not cascaded, and gives it back for a later retry', async function () {
    requireCommitFaults(this);
    const captured = captureLog('info');
    // The jitter at its top: the scheduler's retry waits the whole doubled delay (2 minutes).
    const scheduler = new Scheduler({ engine: world.engine, log: captured.log, intervalMs: 1000, random: () => 1 });
    const { lab, accreditation } = await labRecognisedTwice(world, 200);
    world.advanceDays(195);
    const report = await world.submit(lab);
    const expiry = (await world.store.pendingDeadlines('accreditations', accreditation.id)).find((d) => d.event === 'EXPIRED')!;
    crashReports = true;
    world.clock.set(expiry.dueAt);
    await scheduler.runOnce();
    const [cascade] = (await world.probe.deadlines()).filter((d) => d.source === 'cascade' && d.status === 'pending');
    expect(cascade, 'the cut-short cascade to the reports, waiting for its retry').to.include({ attempts: 1 });

    world.clock.advance(60_000);
    expect(await scheduler.runOnce(), 'the retry failed too').to.deep.equal({ fired: 0, cascaded: 0, skipped: 0, failed: 1 });
    expect(captured.withMessage('due deadlines fired').at(-1)).to.include({ cascaded: 0, failed: 1 });
    expect(captured.withMessage('deadline failed; it will be tried again')).to.have.length(1);
    const [after] = (await world.probe.deadlines()).filter((d) => d.id === cascade!.id);
    expect(after).to.include({ status: 'pending', attempts: 2 });
    expect((await latest(world, 'test-reports', report.id)).resource.state).to.equal('under_review');

    crashReports = false;
    world.clock.advance(60_000);
    expect((await scheduler.runOnce()).cascaded, 'not before its doubled retry delay').to.equal(0);
    world.clock.advance(60_000);
    expect(await scheduler.runOnce()).to.deep.equal({ fired: 0, cascaded: 1, skipped: 0, failed: 0 });
    expect((await latest(world, 'test-reports', report.id)).resource.state).to.equal('rejected');
  });
});
