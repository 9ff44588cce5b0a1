/**
 * `npm run bench`: how close the engine's transitions come to the disk's own limit.
 *
 * - raw: single-row INSERTs, one transaction each, into a SQLite file opened with the store's own
 *   settings (WAL, synchronous=FULL unless MRA_SQLITE_SYNCHRONOUS says otherwise);
 * - engine: `send()` with every guarantee on (validation, authorisation, pure transition, one
 *   commit of snapshot + history + one e-mail per party + deadline changes), over many
 *   agreements, each event a real state change (SUSPEND / RESUME). It runs with BENCH_CONCURRENCY
 *   sends in flight (as the service has, one per request), each sender on its own agreements,
 *   and also one at a time, to show what group commit adds.
 *
 * Rounds alternate raw and engine so all see the same machine weather; the figures reported are
 * medians over rounds, and `ratio` is engine (concurrent) / raw.
 * Options: BENCH_ROUNDS, BENCH_SECONDS, BENCH_INSTANCES, BENCH_CONCURRENCY.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../src/clock.js';
import { Engine } from '../src/engine/engine.js';
import { loadReferenceData } from '../src/seed/apply-seed.js';
import { readSeed } from '../src/seed/read-seed.js';
import { SqliteStore, openDatabase, type SynchronousMode } from '../src/store/sqlite/sqlite-store.js';
import { Validator } from '../src/validation.js';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const INSTANCES = Number(process.env['BENCH_INSTANCES'] ?? 200);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const SYNCHRONOUS = (process.env['MRA_SQLITE_SYNCHRONOUS'] ?? 'FULL').toUpperCase() as SynchronousMode;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs `step` for `seconds` with `workers` loops in flight, answering operations per second.
 * Worker w calls step(w, n) with its own counter n.
 */
async function rate(seconds: number, step: (worker: number, n: number) => unknown, workers = 1): Promise<number> {
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  let total = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let n = 0; performance.now() < end; n += 1) {
        await step(worker, n);
        total += 1;
      }
    }),
  );
  return total / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mra-bench-'));
  try {
    const raw = openDatabase(join(dir, 'raw.sqlite'), SYNCHRONOUS);
    raw.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = raw.prepare('INSERT INTO rows (body) VALUES (?)');
    const body = JSON.stringify({ note: 'Thỏa thuận thừa nhận lẫn nhau', n: 0 });

    const store = new SqliteStore({ path: join(dir, 'engine.sqlite'), synchronous: SYNCHRONOUS });
    const validator = new Validator();
    const actors = await loadReferenceData(store, await readSeed(join(import.meta.dirname, '..', 'seed'), validator));
    const engine = new Engine({ store, clock: new ManualClock('2026-01-05T09:00:00Z'), validator, nodeId: 'bench' });
    const vn = actors.get('vn-regulator')!;
    const kr = actors.get('kr-regulator')!;
    const scope = { VN: ['VN:QCVN 54:2020/BTTTT'], KR: ['KR:KN 32'] };
    const ids: string[] = [];
    for (let i = 0; i < INSTANCES; i += 1) {
      const { id } = await engine.create('agreements', { economies: ['VN', 'KR'], phase: 'I', scope }, vn);
      await engine.send('agreements', id, { type: 'SIGN' }, vn);
      await engine.send('agreements', id, { type: 'SIGN' }, kr);
      ids.push(id);
    }
    const suspended = new Set<string>();
    /** Worker w sends to agreements w, w + W, w + 2W, ... so no two senders race on one. */
    const transition = (workers: number) => async (worker: number, n: number) => {
      const mine = Math.floor(ids.length / workers);
      const id = ids[worker + workers * (n % mine)]!;
      const event = suspended.has(id) ? { type: 'RESUME' } : { type: 'SUSPEND', reason: 'Tạm ngừng để rà soát.' };
      await engine.send('agreements', id, event, n % 2 === 0 ? vn : kr);
      if (suspended.has(id)) suspended.delete(id);
      else suspended.add(id);
    };

    await rate(0.5, () => insert.run(body));
    await rate(0.5, transition(CONCURRENCY), CONCURRENCY);
    const raws: number[] = [];
    const sequential: number[] = [];
    const concurrent: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      raws.push(await rate(SECONDS, () => insert.run(body)));
      sequential.push(await rate(SECONDS, transition(1)));
      concurrent.push(await rate(SECONDS, transition(CONCURRENCY), CONCURRENCY));
      console.log(
        `round ${round}: raw ${raws.at(-1)!.toFixed(0)}/s, engine one at a time ${sequential.at(-1)!.toFixed(0)}/s, ` +
          `engine ${CONCURRENCY} in flight ${concurrent.at(-1)!.toFixed(0)}/s`,
      );
    }
    const rawMedian = median(raws);
    const sequentialMedian = median(sequential);
    const engineMedian = median(concurrent);
    console.log('');
    console.log(`settings          WAL, synchronous=${SYNCHRONOUS}; ${INSTANCES} agreements; ${ROUNDS} rounds of ${SECONDS}s each (medians below)`);
    console.log(`raw commits       ${rawMedian.toFixed(0)}/s  single-row INSERT, one transaction and one fsync each`);
    console.log(`engine, 1 sender  ${sequentialMedian.toFixed(0)}/s  send() transitions one at a time (ratio ${(sequentialMedian / rawMedian).toFixed(2)})`);
    console.log(`engine, ${String(CONCURRENCY).padEnd(2)} senders ${engineMedian.toFixed(0)}/s  send() transitions, group-committed`);
    console.log(`ratio             ${(engineMedian / rawMedian).toFixed(2)}  engine (${CONCURRENCY} senders) / raw; target >= 0.50`);
    raw.close();
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
