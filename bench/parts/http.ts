/**
 * Parts 2 and 4: the service over HTTP with 32 clients (autocannon in a process of its own), and
 * the stack baseline it is measured against, side by side in one run.
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { LoadResult } from '../load/spec.js';
import { KR_REGULATOR_KEY, LAB_KEY, VN_REGULATOR_KEY, reportBody } from '../lib/bench-store.js';
import { load } from '../lib/load.js';
import { readMainProfile, summarise, windowOf, type ProfileSummary, type Window } from '../lib/profile.js';
import { startService, type BenchService } from '../lib/service.js';

export interface HttpFigures {
  transitions: LoadResult;
  creations: LoadResult;
  publicLookup: LoadResult;
  /** The register of an importing economy as of a date (`asOf`): states read from history. */
  registerAsOf: LoadResult;
  privateRead: LoadResult;
  startupMs: number;
  healthMs: number;
  rssBytes: number;
  /** With `profileDir`: where each workload's CPU time went. */
  profiles?: ProfileSummary[];
}

export interface BaselineFigures {
  insert: LoadResult;
  pointRead: LoadResult;
}

async function call(url: string, key: string, method: string, path: string, body?: unknown): Promise<{ id: string }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** Operational agreements made over HTTP, one per connection and some to spare. */
async function makeAgreements(url: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const scope = { VN: ['VN:QCVN 54:2020/BTTTT'], KR: ['KR:KN 32'] };
    const { id } = await call(url, VN_REGULATOR_KEY, 'POST', '/agreements', { title: `HTTP bench ${i}`, economies: ['VN', 'KR'], phase: 'I', scope });
    await call(url, VN_REGULATOR_KEY, 'POST', `/agreements/${id}/events`, { type: 'SIGN' });
    await call(url, KR_REGULATOR_KEY, 'POST', `/agreements/${id}/events`, { type: 'SIGN' });
    ids.push(id);
  }
  return ids;
}

/**
 * Waits until the service has sent every e-mail in its outbox (read from the store's own counts,
 * beside the running service). A workload then starts on a quiet service: the mail of the one
 * before would otherwise be sent during it and counted against it (profiles showed the look-up
 * sharing its CPU with nodemailer). The dispatcher's own pace is part 5's figure.
 */
async function outboxSent(dbPath: string, log: (text: string) => void): Promise<void> {
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    const pending = db.prepare<[], { n: number }>("SELECT n FROM outbox_counts WHERE status = 'pending'");
    const started = performance.now();
    for (let said = 0; ; ) {
      const left = pending.get()?.n ?? 0;
      if (left === 0) return;
      const waited = (performance.now() - started) / 1000;
      if (waited > 900) throw new Error(`the service's outbox still holds ${left} pending e-mails after 15 minutes`);
      if (waited >= said + 10) {
        said = Math.floor(waited);
        log(`    waiting for the service to send the last workload's e-mail: ${left} left`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    db.close();
  }
}

export async function measureService(options: {
  dbPath: string;
  mailDir: string;
  connections: number;
  seconds: number;
  reportIds: string[];
  acceptedNumbers: string[];
  round: number;
  /** Profile the service (node --cpu-prof, written here) and summarise each workload. */
  profileDir?: string;
  /** Named in the profiles' labels, e.g. `@1M`. */
  sizeLabel?: string;
  log?: (text: string) => void;
}): Promise<HttpFigures> {
  const { profileDir } = options;
  const service: BenchService = await startService(
    { MRA_DB_PATH: options.dbPath, MRA_MAIL_DIR: options.mailDir, MRA_PUBLIC_RATE_LIMIT: '1000000' },
    'src/main.ts',
    profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [],
  );
  const windows: Window[] = [];
  const timed = async (name: string, work: () => Promise<LoadResult>): Promise<LoadResult> => {
    await outboxSent(options.dbPath, options.log ?? (() => undefined));
    const { window, result } = await windowOf(`http ${name}${options.sizeLabel ? ` ${options.sizeLabel}` : ''}`, work);
    windows.push(window);
    return result;
  };
  let figures: HttpFigures;
  try {
    const { url } = service;
    const { connections, seconds } = options;
    const agreements = await makeAgreements(url, connections * 2);
    const transitions = await timed('transitions', () => load({ url, connections, seconds, scenario: 'transition', agreements, headers: { authorization: `Bearer ${VN_REGULATOR_KEY}` } }));
    const creations = await timed('creations', () => load({
      url,
      connections,
      seconds,
      scenario: 'create',
      path: '/test-reports',
      body: JSON.stringify(reportBody(0, new Date())),
      prefix: `HTTP-${options.round}`,
      headers: { authorization: `Bearer ${LAB_KEY}` },
    }));
    const publicLookup = await timed('public look-up', () => load({
      url,
      connections,
      seconds,
      scenario: 'get',
      paths: options.acceptedNumbers.map((n) => `/public/test-reports?economy=KR&reportNumber=${encodeURIComponent(n)}`),
    }));
    // Ten days back: the demo story's recognitions changed since (a contest, an application), so
    // their states are read from history, as a customs officer's question about a past day would.
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    const registerAsOf = await timed('register as of a date', () => load({
      url,
      connections,
      seconds,
      scenario: 'get',
      paths: [`/public/recognitions?importing=KR&asOf=${tenDaysAgo}`],
    }));
    const privateRead = await timed('private read', () => load({
      url,
      connections,
      seconds,
      scenario: 'get',
      paths: options.reportIds.map((id) => `/test-reports/${id}`),
      headers: { authorization: `Bearer ${KR_REGULATOR_KEY}` },
    }));
    figures = { transitions, creations, publicLookup, registerAsOf, privateRead, startupMs: service.startupMs, healthMs: service.healthMs, rssBytes: service.rss() };
  } finally {
    await service.stop();
  }
  if (profileDir) {
    const profile = readMainProfile(profileDir);
    if (!profile) throw new Error(`the service wrote no CPU profile to ${profileDir}`);
    figures.profiles = windows.map((window) => summarise(profile, window.label, window));
  }
  return figures;
}

export async function measureBaseline(options: { dir: string; connections: number; seconds: number; synchronous: string }): Promise<BaselineFigures> {
  const baseline = await startService(
    { BASELINE_DB: join(options.dir, `baseline-${process.hrtime.bigint()}.sqlite`), MRA_SQLITE_SYNCHRONOUS: options.synchronous },
    'bench/baseline-server.ts',
  );
  try {
    const { url } = baseline;
    const { connections, seconds } = options;
    const insert = await load({ url, connections, seconds, scenario: 'post', path: '/rows' });
    const paths = Array.from({ length: Math.max(1, Math.min(insert.ok, 1000)) }, (_, i) => `/rows/${i + 1}`);
    const pointRead = await load({ url, connections, seconds, scenario: 'get', paths });
    return { insert, pointRead };
  } finally {
    await baseline.stop();
  }
}
