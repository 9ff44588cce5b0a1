/**
 * Several nodes run the scheduler on one store (docs/architecture.md, "Scale"). Here: two engines with their
 * own node ids, each on its own connection to the same store, with their schedulers running
 * at the same time. No deadline fires twice, whether the leases keep them apart or not.
 */
import { expect } from 'chai';
import { ManualClock, type Clock } from '../../src/clock.js';
import { Engine } from '../../src/engine/engine.js';
import { commitContributors } from '../../src/effects/contributors.js';
import type { Resource } from '../../src/engine/resource.js';
import { Scheduler, type SchedulerRun } from '../../src/effects/deadlines/scheduler.js';
import type { Store } from '../../src/store/port.js';
import { captureLog } from '../helpers/log-capture.js';
import { BASE, KR_SCOPE, VN_SCOPE, World, daysFrom } from '../helpers/world.js';

const AGREEMENTS = 40;

describe('Two schedulers on one store', () => {
  let world: World;
  let second: Store;
  let agreements: Resource[];

  beforeEach(async () => {
    world = await World.create();
    second = await world.connect();
    agreements = [];
    for (let i = 0; i < AGREEMENTS; i += 1) {
      const body = { economies: ['VN', 'KR'], phase: 'I', scope: { VN: VN_SCOPE, KR: KR_SCOPE }, transitionEndsAt: daysFrom(BASE, 30 + (i % 7)) };
      const created = await world.engine.create('agreements', body, world.as('vn-regulator'));
      await world.send('agreements', created.id, { type: 'SIGN' }, 'vn-regulator');
      agreements.push(await world.send('agreements', created.id, { type: 'SIGN' }, 'kr-regulator'));
    }
    world.clock.set(daysFrom(BASE, 60));
  });
  afterEach(async () => {
    await world.close();
  });

  /** A scheduler of a second node: its own engine and connection, on `clock`. */
  function secondNode(clock: Clock, leaseMs?: number): Scheduler {
    const engine = new Engine({ contributors: commitContributors(), store: second, clock, durations: world.engine.durations, nodeId: 'node-b' });
    return new Scheduler({ engine, log: captureLog('warn').log, intervalMs: 1000, batchSize: 5, ...(leaseMs ? { leaseMs } : {}) });
  }

  async function transitionEndsPerAgreement(): Promise<number[]> {
    return Promise.all(
      agreements.map(async (a) => {
        const { items } = await world.engine.history('agreements', a.id, world.as('admin'));
        return items.filter((entry) => entry.type === 'TRANSITION_ENDED').length;
      }),
    );
  }

  const total = (runs: SchedulerRun[], key: keyof SchedulerRun) => runs.reduce((sum, run) => sum + run[key], 0);

  it('running together, they share the due deadlines and fire each exactly once', async () => {
    const a = new Scheduler({ engine: world.engine, log: captureLog('warn').log, intervalMs: 1000, batchSize: 5 });
    const b = secondNode(world.clock);
    const runs = await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);

    expect(await transitionEndsPerAgreement()).to.deep.equal(agreements.map(() => 1));
    expect(total(runs, 'fired')).to.equal(AGREEMENTS);
    expect(runs[0].fired, 'node A fired some').to.be.greaterThan(0);
    expect(runs[1].fired, 'node B fired some').to.be.greaterThan(0);
    expect(total(runs, 'failed')).to.equal(0);
  });

  it('with clocks further apart than the lease, both claim the same deadlines, and the commit still lets each fire once', async () => {
    const a = new Scheduler({ engine: world.engine, log: captureLog('warn').log, intervalMs: 1000, batchSize: 5, leaseMs: 1 });
    const ahead = new ManualClock(new Date(world.clock.now().getTime() + 5));
    const b = secondNode(ahead, 1);
    const runs = await Promise.all([a.runOnce(), b.runOnce()]);

    expect(await transitionEndsPerAgreement()).to.deep.equal(agreements.map(() => 1));
    expect(total(runs, 'fired')).to.equal(AGREEMENTS);
    expect(total(runs, 'skipped'), 'the losing node found each already fired').to.be.greaterThan(0);
    expect(total(runs, 'failed')).to.equal(0);
  });
});
