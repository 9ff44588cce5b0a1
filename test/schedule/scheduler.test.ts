/**
 * The scheduler as a worker: how it claims, orders, logs, retries, polls and stops. A fresh test
 * store, a real pino logger read back line by line, a manual clock, and the store's own fault
 * hook where a failure is needed.
 */
import { expect } from 'chai';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Resource } from '../../src/engine/resource.js';
import { Scheduler } from '../../src/effects/deadlines/scheduler.js';
import type { Commit } from '../../src/store/port.js';
import { deadlineRow } from '../helpers/deadline-cases.js';
import { commitFaultsIfSupported, requireCommitFaults } from '../helpers/store-factory.js';
import { captureLog, type CapturedLog } from '../helpers/log-capture.js';
import { BASE, KR_SCOPE, VN_SCOPE, World, daysFrom } from '../helpers/world.js';

const MINUTE = 60_000;

/** A signed VN-KR agreement in its confidence-building period, which ends `days` from now. */
async function confidenceBuilding(world: World, days: number): Promise<Resource> {
  const transitionEndsAt = daysFrom(world.clock.now().toISOString(), days);
  const body = { economies: ['VN', 'KR'], phase: 'I', scope: { VN: VN_SCOPE, KR: KR_SCOPE }, transitionEndsAt };
  const created = await world.engine.create('agreements', body, world.as('vn-regulator'));
  await world.send('agreements', created.id, { type: 'SIGN' }, 'vn-regulator');
  return world.send('agreements', created.id, { type: 'SIGN' }, 'kr-regulator');
}

/** A report submitted at `at` by a lab recognised ten days before. */
async function reportSubmittedAt(world: World, at: string): Promise<Resource> {
  world.clock.set(daysFrom(at, -10));
  const { lab } = await world.recognizedLab();
  world.clock.set(at);
  return world.submit(lab);
}

/** Asserts that a run a millisecond before `dueAt` fires nothing, and a run at `dueAt` fires one deadline. */
async function firesOneAt(world: World, scheduler: Scheduler, dueAt: string): Promise<void> {
  world.clock.set(new Date(Date.parse(dueAt) - 1));
  expect((await scheduler.runOnce()).fired, 'a millisecond before').to.equal(0);
  world.clock.set(dueAt);
  expect((await scheduler.runOnce()).fired, 'at its time').to.equal(1);
}

async function stateOf(world: World, id: string): Promise<string> {
  return (await world.engine.get('agreements', id, world.as('admin'))).state;
}

async function transitionEnds(world: World, id: string): Promise<number> {
  const { items } = await world.engine.history('agreements', id, world.as('admin'));
  return items.filter((entry) => entry.type === 'TRANSITION_ENDED').length;
}

describe('Scheduler', () => {
  let world: World;
  let captured: CapturedLog;
  let scheduler: Scheduler;
  /** Called inside every commit before it ends; throwing there fails the commit (nothing of it written). */
  let duringCommit: ((commit: Commit) => void) | null;

  beforeEach(async () => {
    duringCommit = null;
    world = await World.create(commitFaultsIfSupported({ beforeCommitEnds: (commit) => duringCommit?.(commit) }));
    captured = captureLog();
    // The jitter at its top: every retry waits the whole doubled delay, so retry times are exact.
    scheduler = new Scheduler({ engine: world.engine, log: captured.log, intervalMs: 20, batchSize: 3, random: () => 1 });
  });
  afterEach(async () => {
    await scheduler.stop();
    await world.close();
  });

  it('when deadlines are due, fires each once through the engine with the system as actor, and nothing that is not due yet', async () => {
    const soon = await confidenceBuilding(world, 30);
    const later = await confidenceBuilding(world, 31);
    world.clock.set(soon.deadlines[0]!.dueAt);

    expect(await scheduler.runOnce()).to.deep.equal({ fired: 1, cascaded: 0, skipped: 0, failed: 0 });
    expect(await stateOf(world, soon.id)).to.equal('operational');
    expect(await stateOf(world, later.id)).to.equal('confidence_building');
    const entry = (await world.engine.history('agreements', soon.id, world.as('admin'))).items.at(-1)!;
    expect(entry).to.deep.include({ type: 'TRANSITION_ENDED', from: 'confidence_building', to: 'operational', actor: { id: 'system', role: 'system', name: 'MRA Engine' } });
    expect(await scheduler.runOnce(), 'a second run finds nothing').to.deep.equal({ fired: 0, cascaded: 0, skipped: 0, failed: 0 });
  });

  it('drains a backlog larger than one batch in one run, oldest deadline first, and logs how many fired', async () => {
    // Created in the reverse of their due order, so neither creation nor id order can pass for due order.
    const agreements: Resource[] = [];
    for (let days = 38; days >= 31; days -= 1) agreements.push(await confidenceBuilding(world, days));
    world.clock.set(daysFrom(BASE, 400));

    const run = await scheduler.runOnce();
    expect(run).to.deep.equal({ fired: 8, cascaded: 0, skipped: 0, failed: 0 });
    const order = captured.withMessage('deadline handled').map((line) => (line['deadline'] as { dueAt: string }).dueAt);
    expect(order).to.have.length(8);
    expect(order).to.deep.equal([...order].sort());
    expect(captured.withMessage('due deadlines fired')).to.deep.equal([
      { level: 30, time: captured.withMessage('due deadlines fired')[0]!.time, fired: 8, cascaded: 0, skipped: 0, failed: 0, msg: 'due deadlines fired' },
    ]);
    for (const agreement of agreements) expect(await transitionEnds(world, agreement.id)).to.equal(1);
  });

  it('counts the test-report review in working days: submitted on Monday 5 January, reminded on Wednesday 11 February, not before', async () => {
    const report = await reportSubmittedAt(world, BASE);
    expect(report.deadlines).to.deep.equal([{ type: 'REVIEW_OVERDUE', dueAt: '2026-02-11T09:00:00.000Z' }]);
    await firesOneAt(world, scheduler, '2026-02-11T09:00:00.000Z');
    const entry = (await world.engine.history('test-reports', report.id, world.as('admin'))).items.at(-1)!;
    expect(entry).to.deep.include({ type: 'REVIEW_OVERDUE', from: 'under_review', to: 'under_review', at: '2026-02-11T09:00:00.000Z' });
  });

  it('when firing fails, logs the failure, hands the deadline back and retries it after a doubling delay until it fires, once', async function () {
    requireCommitFaults(this);
    const agreement = await confidenceBuilding(world, 30);
    const due = agreement.deadlines[0]!.dueAt;
    let failures = 2;
    duringCommit = (commit) => {
      if (commit.history.type === 'TRANSITION_ENDED' && failures > 0) {
        failures -= 1;
        throw new Error('disk I/O error (simulated)');
      }
    };
    world.clock.set(due);
    expect((await scheduler.runOnce()).failed).to.equal(1);
    const [first] = captured.withMessage('deadline failed; it will be tried again');
    expect(first).to.deep.include({ level: 50, attempts: 1, retryAt: daysFrom(due, MINUTE / 86_400_000) });
    expect(first!['deadline']).to.include({ kind: 'agreements', instanceId: agreement.id, event: 'TRANSITION_ENDED', dueAt: due });
    expect((first!['err'] as { message: string }).message).to.equal('disk I/O error (simulated)');
    expect(await stateOf(world, agreement.id), 'nothing of the failed commit written').to.equal('confidence_building');

    expect((await scheduler.runOnce()).failed, 'not retried before its time').to.equal(0);
    world.clock.advance(MINUTE);
    expect((await scheduler.runOnce()).failed).to.equal(1);
    expect(captured.withMessage('deadline failed; it will be tried again')[1]).to.deep.include({
      attempts: 2,
      retryAt: new Date(world.clock.now().getTime() + 2 * MINUTE).toISOString(),
    });

    world.clock.advance(2 * MINUTE - 1);
    expect(await scheduler.runOnce()).to.deep.equal({ fired: 0, cascaded: 0, skipped: 0, failed: 0 });
    world.clock.advance(1);
    expect((await scheduler.runOnce()).fired).to.equal(1);
    expect(await stateOf(world, agreement.id)).to.equal('operational');
    expect(await transitionEnds(world, agreement.id)).to.equal(1);
    expect(await deadlineRow(world, await firedDeadline(world, agreement.id))).to.deep.equal({
      status: 'done',
      attempts: 2,
      lastError: 'Error: disk I/O error (simulated)',
    });
  });

  it('once started, looks every interval with one timer and fires what has become due; after stop() it fires nothing', async () => {
    const first = await confidenceBuilding(world, 30);
    const second = await confidenceBuilding(world, 60);
    scheduler.start();
    await sleep(60);
    expect(await stateOf(world, first.id), 'not due yet').to.equal('confidence_building');

    world.clock.set(first.deadlines[0]!.dueAt);
    await until(async () => (await stateOf(world, first.id)) === 'operational');
    await scheduler.stop();
    world.clock.set(second.deadlines[0]!.dueAt);
    await sleep(100);
    expect(await stateOf(world, second.id)).to.equal('confidence_building');
  });

  it('stop() lets the deadline in hand finish and fires no more; it gives back the leases on the rest of its batch, so another node takes them at once', async function () {
    requireCommitFaults(this);
    const agreements = [await confidenceBuilding(world, 30), await confidenceBuilding(world, 31), await confidenceBuilding(world, 32)];
    const stopping: { done?: Promise<void> } = {};
    duringCommit = (commit) => {
      if (commit.history.type === 'TRANSITION_ENDED') stopping.done ??= scheduler.stop();
    };
    world.clock.set(daysFrom(BASE, 40));
    expect((await scheduler.runOnce()).fired).to.equal(1);
    expect(stopping.done, 'stop() was called while the first deadline was being committed').to.be.instanceOf(Promise);
    await stopping.done;
    expect(await Promise.all(agreements.map((a) => stateOf(world, a.id)))).to.deep.equal(['operational', 'confidence_building', 'confidence_building']);

    duringCommit = null;
    const other = new Scheduler({ engine: world.engine, owner: 'other-node', log: captured.log, intervalMs: 20 });
    expect((await other.runOnce()).fired, 'given back by the stopped node, without waiting out the lease').to.equal(2);
    for (const agreement of agreements) expect(await transitionEnds(world, agreement.id)).to.equal(1);
  });
});

/** The id of the deadline that ended the agreement's transition period. */
async function firedDeadline(world: World, agreementId: string): Promise<string> {
  const { items } = await world.engine.history('agreements', agreementId, world.as('admin'));
  const fired = items.find((entry) => entry.type === 'TRANSITION_ENDED')!;
  return (fired.cause!['deadline'] as { id: string }).id;
}

/** Waits, in short real sleeps, until `check` holds; fails after two seconds. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; waited < 2000; waited += 10) {
    if (await check()) return;
    await sleep(10);
  }
  throw new Error('condition not met within 2 s');
}

describe('Scheduler with durations from the configuration (MRA_DURATION_…)', () => {
  let world: World;
  before(async () => (world = await World.create({ durations: { 'test-reports.review': '3 working days', 'recognitions.review': '45 days' } })));
  after(async () => world.close());

  it('fires at the configured time instead of the default: a report submitted on a Friday is reminded on the Wednesday', async () => {
    const scheduler = new Scheduler({ engine: world.engine, log: captureLog('warn').log, intervalMs: 1000 });
    const report = await reportSubmittedAt(world, '2026-01-09T16:30:00.000Z');
    expect(report.deadlines).to.deep.equal([{ type: 'REVIEW_OVERDUE', dueAt: '2026-01-14T16:30:00.000Z' }]);
    await firesOneAt(world, scheduler, '2026-01-14T16:30:00.000Z');

    const applicant = await world.addLab();
    await world.accreditation(applicant.cabId!);
    const application = await world.recognition((await world.agreement()).id, applicant.cabId!, { recognize: false });
    expect(application.deadlines).to.deep.equal([{ type: 'REVIEW_OVERDUE', dueAt: daysFrom('2026-01-14T16:30:00.000Z', 45) }]);
  });
});
