/**
 * The loop the outbox dispatcher and the scheduler run on: passes never overlap, stop() waits for
 * the pass in hand (which sees `stopping` and ends after its item), and a failing pass is logged
 * without stopping the loop. Real timers with short intervals.
 */
import { expect } from 'chai';
import { setTimeout as sleep } from 'node:timers/promises';
import { PollingLoop } from '../../src/queue/index.js';
import type { WorkerLog } from '../../src/queue/index.js';

class Lines implements WorkerLog {
  readonly errors: string[] = [];
  debug(): void {}
  info(): void {}
  warn(): void {}
  error(_fields: object, message: string): void {
    this.errors.push(message);
  }
}

/** Resolves when `check` holds; fails after two seconds. */
async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; waited < 2000; waited += 5) {
    if (check()) return;
    await sleep(5);
  }
  throw new Error('condition not met within 2 s');
}

describe('PollingLoop', () => {
  it('runs a pass at once and then again after each ends; runOnce() calls made together run one after the other', async () => {
    let running = 0;
    let overlapped = false;
    let passes = 0;
    const loop = new PollingLoop({
      pass: async () => {
        running += 1;
        overlapped ||= running > 1;
        await sleep(5);
        running -= 1;
        return (passes += 1);
      },
      intervalMs: 10,
      log: new Lines(),
      failureMessage: 'pass failed',
    });
    expect(await Promise.all([loop.runOnce(), loop.runOnce(), loop.runOnce()])).to.deep.equal([1, 2, 3]);
    loop.start();
    await until(() => passes >= 6);
    await loop.stop();
    expect(overlapped, 'two passes at once').to.equal(false);
  });

  it('stop() resolves only once the pass in hand has finished its item, and no pass starts after it', async () => {
    const items: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let passes = 0;
    const loop = new PollingLoop({
      pass: async () => {
        passes += 1;
        for (const item of ['a', 'b', 'c']) {
          if (loop.stopping) break;
          if (item === 'a') await held;
          items.push(item);
        }
        return items.length;
      },
      intervalMs: 5,
      log: new Lines(),
      failureMessage: 'pass failed',
    });
    loop.start();
    await until(() => passes === 1);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await sleep(20);
    expect(stopped, 'stop() waits for the item in hand').to.equal(false);
    release();
    await stopping;
    expect(items, 'the item in hand finished, the rest of the batch was left').to.deep.equal(['a']);
    await sleep(30);
    expect(passes, 'no pass after stop()').to.equal(1);
  });

  it('logs a pass that throws and carries on at the next interval', async () => {
    const log = new Lines();
    let passes = 0;
    const loop = new PollingLoop({
      pass: () => {
        passes += 1;
        return passes === 1 ? Promise.reject(new Error('store unavailable')) : Promise.resolve(passes);
      },
      intervalMs: 5,
      log,
      failureMessage: 'pass failed; trying again at the next interval',
    });
    loop.start();
    await until(() => passes >= 3);
    await loop.stop();
    expect(log.errors).to.deep.equal(['pass failed; trying again at the next interval']);
  });
});
