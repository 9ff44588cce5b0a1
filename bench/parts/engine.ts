/**
 * Part 3: the engine in-process, every guarantee on (validation, authorisation, pure transition,
 * one commit of snapshot + history + e-mails + deadline changes): SUSPEND / RESUME events on
 * operational agreements, each sender on agreements of its own so no two race on one.
 */
import type { BenchStore } from '../lib/bench-store.js';
import { rate } from '../lib/stats.js';

export interface EngineLoad {
  /** Transitions per second with `workers` senders for `seconds`. */
  run(seconds: number, workers: number): Promise<number>;
}

export async function prepareEngineLoad(bench: BenchStore, agreements: number): Promise<EngineLoad> {
  const vn = bench.actors.get('vn-regulator')!;
  const kr = bench.actors.get('kr-regulator')!;
  const scope = { VN: ['VN:QCVN 54:2020/BTTTT'], KR: ['KR:KN 32'] };
  const ids: string[] = [];
  for (let i = 0; i < agreements; i += 1) {
    const { id } = await bench.engine.create('agreements', { title: `Bench agreement ${i}`, economies: ['VN', 'KR'], phase: 'I', scope }, vn);
    await bench.engine.send('agreements', id, { type: 'SIGN' }, vn);
    await bench.engine.send('agreements', id, { type: 'SIGN' }, kr);
    ids.push(id);
  }
  const suspended = new Set<string>();
  return {
    run: (seconds, workers) => {
      const mine = Math.max(1, Math.floor(ids.length / workers));
      return rate(
        seconds,
        async (worker, n) => {
          const id = ids[worker + workers * (n % mine)]!;
          const event = suspended.has(id) ? { type: 'RESUME' } : { type: 'SUSPEND', reason: 'Tạm ngừng để rà soát hồ sơ.' };
          await bench.engine.send('agreements', id, event, vn);
          if (suspended.has(id)) suspended.delete(id);
          else suspended.add(id);
        },
        workers,
      );
    },
  };
}
