/**
 * Where a figure's CPU time goes (`npm run bench -- --profile DIR`): V8 CPU profiles taken in a
 * pass of their own after the measured rounds, so the profiler's cost is in no figure. The
 * service is profiled with `node --cpu-prof` (the profile is written when it exits) and each
 * workload is cut out of it by the moments it started and ended; the bench's own process (the
 * engine, the dispatcher) through the inspector. A summary adds up self time into a few places
 * a reader can act on (SQLite, zlib, Express, Node's HTTP, the engine, garbage collection...)
 * and names the heaviest functions. Both processes read the same monotonic clock as V8's
 * profiler timestamps (microseconds), so a window taken here cuts the child's profile.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Profiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

export interface Share {
  name: string;
  /** Fraction of the window's sampled time. */
  share: number;
}

export interface ProfileSummary {
  /** What was profiled, e.g. `http public look-up @1M`. */
  label: string;
  /** Sampled milliseconds in the window. */
  sampledMs: number;
  /** Self time by place, largest first. */
  places: Share[];
  /** The heaviest functions by self time, with their file and line. */
  functions: Share[];
}

/** Microseconds on the monotonic clock V8's profiler stamps its samples with. */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export interface Window {
  label: string;
  from: number;
  to: number;
}

/** Runs `work` and answers the window it ran in. */
export async function windowOf<T>(label: string, work: () => Promise<T>): Promise<{ window: Window; result: T }> {
  const from = monotonicMicros();
  const result = await work();
  return { window: { label, from, to: monotonicMicros() }, result };
}

const EXPRESS_PACKAGES =
  /\/node_modules\/(express|router|body-parser|raw-body|finalhandler|send|serve-static|path-to-regexp|qs|type-is|content-type|on-finished|cookie|cookie-parser|cookie-signature|helmet|express-rate-limit|express-session|accepts|negotiator|mime-types|etag|fresh|depd|parseurl|proxy-addr|vary|encodeurl|escape-html|statuses|http-errors|media-typer|iconv-lite|forwarded|ipaddr\.js|csrf-sync|content-disposition|multer)\//;

/** The place a function with a source location belongs to. */
function placeOfUrl(url: string): string {
  if (/\/node_modules\/better-sqlite3\/|\/src\/store\/sqlite\//.test(url)) return 'SQLite store';
  if (/zlib/.test(url)) return 'zlib';
  if (EXPRESS_PACKAGES.test(url)) return 'Express and its middleware';
  if (/\/node_modules\/(pino|pino-http|pino-std-serializers|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|on-exit-leak-free)\//.test(url)) return 'logging (pino)';
  if (/\/node_modules\/xstate\//.test(url)) return 'xstate';
  if (/\/node_modules\/(ajv|ajv-formats|fast-uri|fast-deep-equal)\//.test(url)) return 'ajv';
  if (/\/node_modules\/(preact|preact-render-to-string)\//.test(url)) return 'pages (preact)';
  if (/\/node_modules\/(nodemailer|smtp-server)\//.test(url)) return 'nodemailer';
  if (/\/node_modules\/(prom-client|tdigest|bintrees)\//.test(url)) return 'metrics (prom-client)';
  if (/\/node_modules\/(tsx|esbuild|get-tsconfig)\//.test(url)) return 'tsx (the TypeScript loader)';
  if (/^node:(_http|http|net|stream|internal\/(http|streams|stream_base|net|dns|url|tls))|^node:internal\/(js_stream_socket|timers)/.test(url)) return "Node's HTTP, streams and sockets";
  if (/\/src\/engine\//.test(url)) return 'engine';
  if (/\/machines\//.test(url)) return 'machines (guards, actions)';
  if (/\/src\/(api|access)\//.test(url)) return 'API routes and access';
  if (/\/src\/(public|search)\//.test(url)) return 'public register and search';
  if (/\/src\/(notify|watches|webhooks)\//.test(url)) return 'e-mail, watches and webhooks';
  if (/\/src\/web\//.test(url)) return 'pages';
  if (/\/src\//.test(url)) return 'other service code';
  if (/\/bench\//.test(url)) return 'the bench itself';
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return `node_modules/${pkg[1]}`;
  return 'Node core (other)';
}

const SPECIAL: Record<string, string> = {
  '(garbage collector)': 'garbage collection',
  '(idle)': 'idle (waiting for I/O or work)',
  '(program)': 'V8 itself (compiling, native frames)',
  '(root)': 'V8 itself (compiling, native frames)',
};

/**
 * The place of each node. A native function (no source location: a better-sqlite3 statement,
 * zlib, a socket write) takes the place of the JavaScript that called it, named as native where
 * that matters: SQLite's own work, with its fsync, shows as such.
 */
function placesOf(profile: Profiler.Profile): Map<number, string> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const places = new Map<number, string>();
  const placeOf = (id: number): string => {
    const known = places.get(id);
    if (known) return known;
    const { functionName, url } = byId.get(id)!.callFrame;
    let place: string;
    if (SPECIAL[functionName]) place = SPECIAL[functionName];
    else if (url) place = placeOfUrl(url);
    else {
      const up = parent.get(id);
      const caller = up === undefined ? 'Node core (other)' : placeOf(up);
      place = caller === 'SQLite store' || caller === 'SQLite itself (native: statements, commit, fsync)' ? 'SQLite itself (native: statements, commit, fsync)' : caller;
    }
    places.set(id, place);
    return place;
  };
  for (const node of profile.nodes) placeOf(node.id);
  return places;
}

function shortUrl(url: string): string {
  const i = url.lastIndexOf('/node_modules/');
  if (i >= 0) return url.slice(i + '/node_modules/'.length);
  const src = /\/((?:src|machines|bench)\/.*)$/.exec(url);
  return src ? src[1]! : url.replace(/^file:\/\//, '');
}

function top(totals: Map<string, number>, all: number, count: number): Share[] {
  return [...totals.entries()]
    .map(([name, time]) => ({ name, share: all > 0 ? time / all : 0 }))
    .sort((a, b) => b.share - a.share)
    .slice(0, count);
}

/** Self time in `window` (all of the profile without one), by place and by function. */
export function summarise(profile: Profiler.Profile, label: string, window?: Window): ProfileSummary {
  const places = placesOf(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let all = 0;
  let at = profile.startTime;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const delta = deltas[i] ?? 0;
    at += delta;
    if (window && (at < window.from || at > window.to)) continue;
    // A sample stands for the time until the next one.
    const time = deltas[i + 1] ?? delta;
    const id = samples[i]!;
    const place = places.get(id)!;
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const name = SPECIAL[functionName] ? functionName : `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : `(native, in ${place})`}`;
    byPlace.set(place, (byPlace.get(place) ?? 0) + time);
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
    all += time;
  }
  return { label, sampledMs: all / 1000, places: top(byPlace, all, 8), functions: top(byFunction, all, 6) };
}

/**
 * The main thread's profile that `node --cpu-prof --cpu-prof-dir dir` wrote as the process exited
 * (CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile; worker threads, such as a log transport's,
 * write their own, with a thread id other than 0).
 */
export function readMainProfile(dir: string): Profiler.Profile | null {
  const main = readdirSync(dir).find((name) => /\.\d+\.0\.\d+\.cpuprofile$/.test(name));
  return main ? (JSON.parse(readFileSync(join(dir, main), 'utf8')) as Profiler.Profile) : null;
}

/** Profiles this process while `work` runs. */
export async function profileHere<T>(work: () => Promise<T>): Promise<{ profile: Profiler.Profile; result: T }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = await session.post('Profiler.stop');
    return { profile, result };
  } finally {
    // Disconnecting also stops a profile that `work` left running by throwing.
    session.disconnect();
  }
}

/** A summary as a few lines of text for the bench's output. */
export function formatSummary(summary: ProfileSummary): string {
  const percent = (s: Share): string => `${(s.share * 100).toFixed(1).padStart(5)}%  ${s.name}`;
  return [
    `${summary.label} (${Math.round(summary.sampledMs).toLocaleString('en-US')} ms sampled)`,
    ...summary.places.filter((s) => s.share >= 0.02).map((s) => `  ${percent(s)}`),
    '  heaviest functions:',
    ...summary.functions.map((s) => `    ${percent(s)}`),
  ].join('\n');
}
