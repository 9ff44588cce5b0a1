/**
 * The one leased-queue worker and its one retry policy, on a queue held in memory and a manual
 * clock (no sleeps): each outcome an attempt can give (done, retry, permanent, a throw) settles as
 * the policy says, a batch is recorded in one call, and the backoff stays within its bounds. The
 * three real queues (outbox, webhook deliveries, deadlines) are proven on SQLite by their own tests.
 */
import { expect } from 'chai';
import { ManualClock } from '../../src/clock.js';
import type { Lease } from '../../src/store/port.js';
import {
  LeasedQueueWorker,
  backoffDelay,
  retryAt,
  silentLog,
  type Failure,
  type LeasedQueue,
  type Outcome,
  type PassTally,
  type RetryPolicy,
  type Settled,
} from '../../src/queue/index.js';

const START = '2026-03-02T08:00:00.000Z';
const POLICY: RetryPolicy = { baseMs: 30_000, maxMs: 3_600_000, maxAttempts: 3 };

interface Item {
  id: string;
  attempts: number;
}

/** Items in memory, due at `dueAt` and held until `heldUntil`: a store's queue in a few lines. */
class MemoryQueue implements LeasedQueue<Item, string> {
  readonly rows = new Map<string, Item & { dueAt: number; heldUntil: number; status: 'pending' | 'done' | 'dead'; lastError: string | null }>();
  readonly writes: Array<readonly Settled<Item, string>[]> = [];
  /** Ids whose lease the next record finds lost. */
  lost = new Set<string>();
  claims = 0;

  constructor(
    private readonly clock: ManualClock,
    private readonly answer: (item: Item) => Promise<Outcome<string>>,
  ) {}

  add(...ids: string[]): void {
    for (const id of ids) this.rows.set(id, { id, attempts: 0, dueAt: this.clock.now().getTime(), heldUntil: 0, status: 'pending', lastError: null });
  }

  claim(lease: Lease): Promise<Item[]> {
    this.claims += 1;
    const now = Date.parse(lease.now);
    const due = [...this.rows.values()].filter((r) => r.status === 'pending' && r.dueAt <= now && r.heldUntil <= now).slice(0, lease.limit);
    for (const row of due) row.heldUntil = now + lease.leaseMs;
    return Promise.resolve(due.map(({ id, attempts }) => ({ id, attempts })));
  }

  forBatch(): Promise<(item: Item) => Promise<Outcome<string>>> {
    return Promise.resolve(this.answer);
  }

  record(_owner: string, settled: readonly Settled<Item, string>[]): Promise<string[]> {
    this.writes.push(settled);
    for (const one of settled) {
      if (this.lost.has(one.item.id)) continue;
      const row = this.rows.get(one.item.id)!;
      row.heldUntil = 0;
      if (one.kind === 'done') row.status = 'done';
      else {
        row.attempts = one.attempts;
        row.lastError = one.detail;
        if (one.kind === 'dead') row.status = 'dead';
        else row.dueAt = Date.parse(one.retryAt);
      }
    }
    return Promise.resolve([...this.lost].filter((id) => settled.some((s) => s.item.id === id)));
  }

  releaseLeases(): Promise<number> {
    let released = 0;
    for (const row of this.rows.values()) {
      if (row.status === 'pending' && row.heldUntil > this.clock.now().getTime()) {
        row.heldUntil = 0;
        released += 1;
      }
    }
    return Promise.resolve(released);
  }
}

interface Report {
  claimed: number;
  done: number;
  retried: number;
  dead: number;
  leaseLost: number;
}

const tally: PassTally<Item, string, Report> = {
  empty: () => ({ claimed: 0, done: 0, retried: 0, dead: 0, leaseLost: 0 }),
  claimed: (r, n) => void (r.claimed += n),
  add: (r, s, lost) => {
    if (lost) r.leaseLost += 1;
    else if (s.kind === 'done') r.done += 1;
    else if (s.kind === 'retry') r.retried += 1;
    else r.dead += 1;
  },
};

function workerOn(
  queue: MemoryQueue,
  clock: ManualClock,
  options: { batchSize?: number; drain?: 'while-full' | 'until-empty'; random?: () => number; attemptBudgetMs?: number; inFlight?: number } = {},
) {
  return new LeasedQueueWorker<Item, string, Report>({
    name: 'test-queue',
    queue,
    tally,
    thrown: (error): Failure => ({ code: 'THREW', detail: String(error), cause: error }),
    clock,
    owner: 'node-a/test',
    intervalMs: 60_000,
    leaseMs: 60_000,
    batchSize: options.batchSize ?? 10,
    drain: options.drain ?? 'while-full',
    policy: POLICY,
    random: options.random ?? (() => 1),
    ...(options.attemptBudgetMs === undefined ? {} : { attemptBudgetMs: options.attemptBudgetMs }),
    ...(options.inFlight === undefined ? {} : { inFlight: options.inFlight }),
    log: silentLog,
    failureMessage: 'test pass failed',
    releasedMessage: 'test leases given back',
  });
}

const greylisted: Outcome<string> = { kind: 'retry', code: 'SMTP_TRANSIENT', detail: '451 try later' };

describe('LeasedQueueWorker', () => {
  it('settles each outcome: done is recorded done, a retry is due again after the backoff, a permanent failure is dead at once, a throw is a retry', async () => {
    const clock = new ManualClock(START);
    const answers: Record<string, Outcome<string> | 'throw'> = {
      sent: { kind: 'done', result: '250 OK' },
      later: greylisted,
      refused: { kind: 'permanent', code: 'SMTP_PERMANENT', detail: '550 no such user' },
      broken: 'throw',
    };
    const queue = new MemoryQueue(clock, (item) => {
      const answer = answers[item.id]!;
      return answer === 'throw' ? Promise.reject(new Error('the directory could not be read')) : Promise.resolve(answer);
    });
    queue.add('sent', 'later', 'refused', 'broken');

    expect(await workerOn(queue, clock).runOnce()).to.deep.equal({ claimed: 4, done: 1, retried: 2, dead: 1, leaseLost: 0 });
    expect(queue.writes, 'the batch is recorded in one write').to.have.length(1);
    const byId = new Map(queue.writes[0]!.map((s) => [s.item.id, s]));
    expect(byId.get('sent')).to.deep.include({ kind: 'done', result: '250 OK', at: START });
    expect(byId.get('later')).to.deep.include({ kind: 'retry', code: 'SMTP_TRANSIENT', attempts: 1, retryAt: '2026-03-02T08:00:30.000Z' });
    expect(byId.get('refused')).to.deep.include({ kind: 'dead', because: 'permanent', code: 'SMTP_PERMANENT', attempts: 1 });
    expect(byId.get('broken')).to.deep.include({ kind: 'retry', code: 'THREW', detail: 'Error: the directory could not be read' });
  });

  it('gives an item up as dead on the policy\'s last attempt, and not before', async () => {
    const clock = new ManualClock(START);
    const queue = new MemoryQueue(clock, () => Promise.resolve(greylisted));
    queue.add('m1');
    const worker = workerOn(queue, clock);
    const passes: Report[] = [];
    for (let pass = 0; pass < POLICY.maxAttempts; pass += 1) {
      passes.push(await worker.runOnce());
      expect((await worker.runOnce()).claimed, 'not due again before its retry time').to.equal(0);
      clock.advance(POLICY.maxMs);
    }
    expect(passes.map((p) => [p.retried, p.dead])).to.deep.equal([[1, 0], [1, 0], [0, 1]]);
    expect(queue.writes.at(-1)![0]).to.deep.include({ kind: 'dead', because: 'attempts', attempts: 3 });
    expect(queue.rows.get('m1')).to.include({ status: 'dead', attempts: 3, lastError: '451 try later' });
  });

  it('counts an item whose lease was lost by the time it was recorded as lost, not as done', async () => {
    const clock = new ManualClock(START);
    const queue = new MemoryQueue(clock, () => Promise.resolve({ kind: 'done', result: 'ok' }));
    queue.add('a', 'b');
    queue.lost.add('b');
    expect(await workerOn(queue, clock).runOnce()).to.deep.include({ done: 1, leaseLost: 1 });
  });

  it('claims batch after batch: while they come back full, or (until-empty) until a claim comes back empty', async () => {
    const clock = new ManualClock(START);
    const queue = new MemoryQueue(clock, () => Promise.resolve({ kind: 'done', result: 'ok' }));
    queue.add('a', 'b', 'c', 'd', 'e');
    expect(await workerOn(queue, clock, { batchSize: 2 }).runOnce()).to.deep.include({ claimed: 5, done: 5 });
    expect(queue.claims, 'two full batches, then a short one ends the pass').to.equal(3);

    queue.claims = 0;
    queue.add('f', 'g', 'h');
    expect(await workerOn(queue, clock, { batchSize: 2, drain: 'until-empty' }).runOnce()).to.deep.include({ claimed: 3, done: 3 });
    expect(queue.claims, 'a full batch, a short one, then the empty claim that ends the pass').to.equal(3);
  });

  it('starts no attempt within the attempt budget of the lease\'s end: those items stay claimed, and stop() gives their leases back', async () => {
    const clock = new ManualClock(START);
    // Each attempt takes 20 s of the 60 s lease; with a 30 s budget none starts after 30 s.
    const queue = new MemoryQueue(clock, () => {
      clock.advance(20_000);
      return Promise.resolve({ kind: 'done', result: 'ok' });
    });
    queue.add('a', 'b', 'c', 'd');
    const worker = workerOn(queue, clock, { attemptBudgetMs: 30_000 });
    expect(await worker.runOnce()).to.deep.include({ claimed: 4, done: 2 });
    await worker.stop();
    expect([...queue.rows.values()].filter((r) => r.status === 'pending' && r.heldUntil === 0).map((r) => r.id)).to.deep.equal(['c', 'd']);
  });
});

describe('LeasedQueueWorker with attempts in flight (inFlight)', () => {
  /** Polls a condition the worker's own timers make true; never a fixed wait. */
  async function until(condition: () => boolean, what: string): Promise<void> {
    const end = Date.now() + 5_000;
    while (!condition()) {
      if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('starts each claimed item at once and records each as it ends: a slow one holds up no claim, no more than inFlight run at once, and an end fills its place at once', async () => {
    const clock = new ManualClock(START);
    const finish = new Map<string, () => void>();
    let running = 0;
    let most = 0;
    const queue = new MemoryQueue(clock, (item) => {
      running += 1;
      most = Math.max(most, running);
      return new Promise((resolve) => {
        finish.set(item.id, () => {
          running -= 1;
          resolve({ kind: 'done', result: item.id });
        });
      });
    });
    queue.add('slow', 'a', 'b');
    // The interval is a minute: only an attempt's end can make the next pass come sooner.
    const worker = workerOn(queue, clock, { inFlight: 2 });
    worker.start();
    await until(() => finish.has('slow') && finish.has('a'), 'two attempts run');
    expect(finish.has('b'), 'no room for a third').to.equal(false);
    finish.get('a')!();
    await until(() => finish.has('b'), 'the place a left is filled');
    expect(queue.rows.get('a')!.status, 'recorded as it ended, the slow one still running').to.equal('done');
    expect(queue.rows.get('slow')!.status).to.equal('pending');
    finish.get('b')!();
    await until(() => queue.rows.get('b')!.status === 'done', 'b recorded');
    const stopped = worker.stop();
    finish.get('slow')!();
    await stopped;
    expect(queue.rows.get('slow')!.status, 'stop() let the one in flight finish and be recorded').to.equal('done');
    expect(most).to.equal(2);
  });

  it('answers runOnce once the attempts it started are recorded', async () => {
    const clock = new ManualClock(START);
    const queue = new MemoryQueue(clock, (item) => Promise.resolve(item.id === 'b' ? greylisted : { kind: 'done', result: 'ok' }));
    queue.add('a', 'b', 'c');
    expect(await workerOn(queue, clock, { inFlight: 2 }).runOnce()).to.deep.include({ claimed: 2, done: 1, retried: 1 });
  });
});

describe('the retry policy', () => {
  const policy: RetryPolicy = { baseMs: 60_000, maxMs: 6 * 3_600_000, maxAttempts: 4 };

  it('waits between half and all of a delay that doubles with each failure', () => {
    const [low, middle, high] = [() => 0, () => 0.5, () => 1];
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, high))).to.deep.equal([60_000, 120_000, 240_000, 480_000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, low))).to.deep.equal([30_000, 60_000, 120_000, 240_000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, middle))).to.deep.equal([45_000, 90_000, 180_000, 360_000]);
    for (let n = 1; n <= 12; n += 1) {
      const delay = backoffDelay(n, policy, Math.random);
      expect(delay, `after ${n} failures`).to.be.within(backoffDelay(n, policy, low), backoffDelay(n, policy, high));
    }
  });

  it('never waits longer than its cap, however many failures', () => {
    expect(backoffDelay(10, policy, () => 1)).to.equal(6 * 3_600_000);
    expect(backoffDelay(10_000, policy, () => 1)).to.equal(6 * 3_600_000);
    expect(backoffDelay(10_000, policy, () => 0)).to.equal(3 * 3_600_000);
  });

  it('answers no retry time once the attempts reach the limit; with no limit, always one', () => {
    const now = new Date(START);
    expect(retryAt(3, now, policy, () => 1)).to.equal('2026-03-02T08:04:00.000Z');
    expect(retryAt(4, now, policy, () => 1)).to.equal(null);
    expect(retryAt(1_000, now, { ...policy, maxAttempts: Infinity }, () => 1)).to.equal('2026-03-02T14:00:00.000Z');
  });
});
