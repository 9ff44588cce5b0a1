/**
 * `npm run bench`: every figure of the service side by side in one run, as a table and as JSON.
 *
 *   1. disk     raw single-row SQLite commits/s with the store's settings: the yardstick;
 *   2. baseline the same Express + SQLite stack doing one minimal insert / one point read per
 *               request, over HTTP with the same load generator: what the platform can do;
 *   3. engine   transitions/s in-process with 1 and with N senders, as ratios to (1);
 *   4. http     the service with C clients: transitions, creations, the public look-up and the
 *               private read, each with p50/p95/p99 and as a ratio to the matching baseline;
 *   5. drain    the dispatcher's drain rate against an SMTP sink on loopback (a child process) and
 *               `.eml` files, a backlog per round;
 *   6. growth   (3), (4) at each store size, and the ratio of the largest to the smallest;
 *   7. size     bytes per report, the service's RSS and start-up time at each size.
 *
 * Rounds alternate the parts so all see the same machine weather; figures are medians over
 * rounds. Options (all optional): --parts disk,baseline,engine,http,drain --sizes 10000,1000000
 * --rounds 3 --seconds 3 --connections 32 --senders 16 --drain-reports 300 --json PATH;
 * --profile DIR adds a pass at the largest size that profiles each workload (bench/lib/profile.ts)
 * and prints where its CPU time went; --keep-store PATH keeps the filled store there.
 * A store of a given size is filled once through the engine (screening, history, deadlines).
 */
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import type { SqliteSynchronous as SynchronousMode } from '../src/config.js';
import { Figures, formatCount } from './lib/figures.js';
import { ACCEPT_EVERY, fillReports, openBenchStore, type Filled } from './lib/bench-store.js';
import { formatSummary, profileHere, summarise, type ProfileSummary } from './lib/profile.js';
import { median } from './lib/stats.js';
import type { LoadResult } from './load/spec.js';
import { rawCommitRate } from './parts/disk.js';
import { measureDrain } from './parts/drain.js';
import { prepareEngineLoad } from './parts/engine.js';
import { measureMongoEngine } from './parts/mongodb.js';
import { measureBaseline, measureService, type BaselineFigures, type HttpFigures } from './parts/http.js';

const PARTS = ['disk', 'baseline', 'engine', 'http', 'drain'] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    parts: { type: 'string', default: PARTS.join(',') },
    sizes: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    senders: { type: 'string', default: '16' },
    'drain-reports': { type: 'string', default: '300' },
    json: { type: 'string', default: join('bench', 'results', 'latest.json') },
    profile: { type: 'string' },
    'keep-store': { type: 'string' },
  },
});

function wholeNumber(name: string, text: string): number {
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a whole number of at least 1, not "${text}"`);
  return n;
}

const parts = new Set(values.parts.split(',').map((p) => p.trim()));
for (const part of parts) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--parts: unknown part "${part}"; the parts are ${PARTS.join(', ')}`);
const has = (part: Part): boolean => parts.has(part);
const sizes = values.sizes.split(',').map((s) => wholeNumber('sizes', s)).sort((a, b) => a - b);
const rounds = wholeNumber('rounds', values.rounds);
const seconds = Number(values.seconds);
if (!(seconds > 0)) throw new Error(`--seconds takes a positive number, not "${values.seconds}"`);
const connections = wholeNumber('connections', values.connections);
const senders = wholeNumber('senders', values.senders);
const drainReports = wholeNumber('drain-reports', values['drain-reports']);
const synchronous = (process.env['MRA_SQLITE_SYNCHRONOUS'] ?? 'FULL').toUpperCase() as SynchronousMode;
const settings = { parts: [...parts], sizes, rounds, seconds, connections, senders, drainReports, synchronous, cpus: (await import('node:os')).cpus().length };
const profileDir = values.profile;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const profiles: ProfileSummary[] = [];

const figures = new Figures();
const dir = mkdtempSync(join(tmpdir(), 'mra-bench-'));
const log = (text: string): void => void process.stderr.write(`${text}\n`);

function latencyMedian(results: LoadResult[]): { p50: number; p95: number; p99: number } {
  return { p50: median(results.map((r) => r.latency.p50)), p95: median(results.map((r) => r.latency.p95)), p99: median(results.map((r) => r.latency.p99)) };
}

/**
 * The store's bytes on disk: the file after its write-ahead log is folded in and truncated (the
 * log is scratch space that SQLite reuses, its size set by the last burst rather than the store).
 */
function fileBytes(path: string): number {
  const db = new BetterSqlite3(path);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  let total = 0;
  for (const suffix of ['', '-wal']) {
    try {
      total += statSync(path + suffix).size;
    } catch {
      // no WAL file yet
    }
  }
  return total;
}

/** Moves the store out of the bench's temporary folder (copied when that is another file system). */
function keep(path: string, to: string): void {
  try {
    renameSync(path, to);
  } catch {
    copyFileSync(path, to);
  }
}

/** Keeps a profile beside the summaries, for a closer look (Chrome DevTools or `--cpu-prof` readers). */
function keepProfile(name: string, profile: object): void {
  if (profileDir) writeFileSync(join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
}

try {
  log(`bench: ${JSON.stringify(settings)}`);
  const dbPath = join(dir, 'store.sqlite');
  const bench = await openBenchStore(dbPath, synchronous, new Date());
  const engineLoad = has('engine') ? await prepareEngineLoad(bench, senders * 8) : null;
  const raws: number[] = [];
  let filled: Filled = { ids: [], accepted: [] };
  let reports = 0;
  for (const size of sizes) {
    const started = performance.now();
    const more = await fillReports(bench, reports, size - reports, {
      mailSent: true,
      progress: (done) => log(`  filling to ${formatCount(size)}: ${reports + done} reports (${((performance.now() - started) / 1000).toFixed(0)} s)`),
    });
    reports = size;
    filled = { ids: [...more.ids, ...filled.ids].slice(0, 10_000), accepted: [...more.accepted, ...filled.accepted].slice(0, 10_000) };
    log(`store at ${formatCount(size)} reports after ${((performance.now() - started) / 1000).toFixed(1)} s of filling`);

    const one: number[] = [];
    const many: number[] = [];
    const http: HttpFigures[] = [];
    const base: BaselineFigures[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      if (has('disk')) raws.push(await rawCommitRate(dir, synchronous, seconds));
      if (engineLoad) {
        one.push(await engineLoad.run(seconds, 1));
        many.push(await engineLoad.run(seconds, senders));
      }
      if (has('baseline')) base.push(await measureBaseline({ dir, connections, seconds, synchronous }));
      if (has('http')) {
        http.push(await measureService({ dbPath, mailDir: join(dir, 'mail'), connections, seconds, reportIds: filled.ids, acceptedNumbers: filled.accepted, round, log }));
      }
      log(`  round ${round} at ${formatCount(size)} done`);
    }
    const raw = median(raws);
    if (has('disk') && size === sizes[0]) figures.add({ part: 'disk', name: 'raw commits', value: raw, unit: '/s' });
    if (engineLoad) {
      figures.add({ part: 'engine', name: 'transitions, 1 sender', value: median(one), unit: '/s', size, ...(has('disk') ? { ratio: { value: median(one) / raw, to: 'raw commits' } } : {}) });
      figures.add({ part: 'engine', name: `transitions, ${senders} senders`, value: median(many), unit: '/s', size, ...(has('disk') ? { ratio: { value: median(many) / raw, to: 'raw commits' } } : {}) });
    }
    const insert = base.length ? median(base.map((b) => b.insert.rate)) : Number.NaN;
    const pointRead = base.length ? median(base.map((b) => b.pointRead.rate)) : Number.NaN;
    if (base.length) {
      figures.add({ part: 'baseline', name: 'insert per request', value: insert, unit: 'req/s', size, latency: latencyMedian(base.map((b) => b.insert)) });
      figures.add({ part: 'baseline', name: 'point read per request', value: pointRead, unit: 'req/s', size, latency: latencyMedian(base.map((b) => b.pointRead)) });
    }
    if (http.length) {
      const row = (name: string, pick: (h: HttpFigures) => LoadResult, yardstick: number, to: string): void => {
        const value = median(http.map((h) => pick(h).rate));
        figures.add({ part: 'http', name, value, unit: 'req/s', size, latency: latencyMedian(http.map(pick)), ...(base.length ? { ratio: { value: value / yardstick, to } } : {}) });
      };
      row('transitions', (h) => h.transitions, insert, 'baseline insert');
      row('creations', (h) => h.creations, insert, 'baseline insert');
      row('public look-up', (h) => h.publicLookup, pointRead, 'baseline point read');
      row('register as of a date', (h) => h.registerAsOf, pointRead, 'baseline point read');
      row('private read', (h) => h.privateRead, pointRead, 'baseline point read');
      figures.add({ part: 'size', name: 'service RSS', value: median(http.map((h) => h.rssBytes)) / 1048576, unit: 'MB', size });
      figures.add({ part: 'size', name: 'start-up to listening', value: median(http.map((h) => h.startupMs)), unit: 'ms', size });
      figures.add({ part: 'size', name: 'start-up to first /health', value: median(http.map((h) => h.healthMs)), unit: 'ms', size });
    }
    figures.add({ part: 'size', name: 'bytes per report', value: fileBytes(dbPath) / size, unit: 'B', size });

    if (profileDir && size === sizes.at(-1)) {
      const at = `@${formatCount(size)}`;
      log(`profiling each workload at ${formatCount(size)} reports (a pass of its own; no figure above includes it)`);
      if (engineLoad) {
        for (const workers of [1, senders]) {
          const { profile } = await profileHere(() => engineLoad.run(seconds, workers));
          keepProfile(`engine-${workers}-senders-${size}`, profile);
          profiles.push(summarise(profile, `engine, ${workers} sender${workers === 1 ? '' : 's'} ${at}`));
        }
      }
      if (has('http')) {
        const service = await measureService({ dbPath, mailDir: join(dir, 'mail'), connections, seconds, reportIds: filled.ids, acceptedNumbers: filled.accepted, round: rounds + 1, profileDir: join(profileDir, `service-${size}`), sizeLabel: at, log });
        profiles.push(...(service.profiles ?? []));
      }
    }
  }
  await bench.store.close();
  if (values['keep-store']) {
    fileBytes(dbPath); // folds the write-ahead log in, so the one file is the whole store
    keep(dbPath, values['keep-store']);
    log(`the store of ${formatCount(reports)} reports is kept at ${values['keep-store']}`);
  }

  if (sizes.length > 1) {
    const [first, last] = [sizes[0]!, sizes.at(-1)!];
    for (const figure of [...figures.all]) {
      if (figure.size !== last || figure.part === 'size' && figure.name === 'bytes per report') continue;
      const small = figures.find(figure.part, figure.name, first);
      if (small) figures.add({ part: 'growth', name: `${figure.part} ${figure.name}`, value: figure.value / small.value, unit: `× (${formatCount(last)} / ${formatCount(first)})` });
    }
  }

  if (has('drain')) {
    log(`drain: ${drainReports} reports' e-mail through SMTP on loopback and .eml files`);
    const drains = [];
    for (let round = 1; round <= rounds; round += 1) drains.push(await measureDrain(dir, synchronous, drainReports));
    const smtp = median(drains.map((d) => d.smtp.rate));
    const eml = median(drains.map((d) => d.eml.rate));
    const transitions = drainReports + Math.ceil(drainReports / ACCEPT_EVERY);
    const perTransition = drains[0]!.smtp.fromReports / transitions;
    const peak = figures.find('engine', `transitions, ${senders} senders`, sizes[0]);
    const produced = peak ? peak.value * perTransition : Number.NaN;
    for (const [name, rate] of [['SMTP on loopback', smtp], ['.eml files', eml]] as const) {
      figures.add({ part: 'drain', name: `dispatcher, ${name}`, value: rate, unit: 'msg/s', ...(peak ? { ratio: { value: rate / produced, to: `mail the engine's peak produces (${produced.toFixed(0)}/s)` } } : {}) });
    }
    figures.add({ part: 'drain', name: 'e-mails per transition', value: perTransition, unit: '' });
    if (profileDir) {
      const { profile, result } = await profileHere(() => measureDrain(dir, synchronous, drainReports));
      keepProfile('drain', profile);
      profiles.push(summarise(profile, 'drain, SMTP on loopback', result.smtp.window), summarise(profile, 'drain, .eml files', result.eml.window));
    }
  }

  const mongodbUri = process.env['MONGODB_URI']?.trim();
  if (has('engine') && mongodbUri) {
    log('engine on MongoDB (MONGODB_URI): the same workload');
    const mongo = await measureMongoEngine(mongodbUri, { rounds, seconds, senders });
    for (const [name, values] of [['transitions, 1 sender', mongo.one], [`transitions, ${senders} senders`, mongo.many]] as const) {
      const sqlite = figures.find('engine', name, sizes[0]);
      figures.add({ part: 'mongodb', name: `engine ${name}`, value: median(values), unit: '/s', ...(sqlite ? { ratio: { value: median(values) / sqlite.value, to: 'the same on SQLite' } } : {}) });
    }
  } else if (has('engine')) {
    log('MongoDB: not measured: MONGODB_URI unset');
  }

  process.stdout.write(`\n${figures.table()}\n\n`);
  if (profiles.length) process.stdout.write(`Where the CPU time went (self time, from V8 CPU profiles):\n\n${profiles.map(formatSummary).join('\n\n')}\n\n`);
  figures.writeJson(values.json, { ...settings, profile: profileDir ?? null }, profiles.length ? { profiles } : {});
  process.stdout.write(`figures written to ${values.json}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
