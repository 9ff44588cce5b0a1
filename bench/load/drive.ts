/**
 * The load generator, run as a process of its own so that it does not share the service's CPU
 * time slice or event loop: `node --import tsx bench/load/drive.ts < spec.json` prints one JSON
 * result line. autocannon keeps `connections` requests in flight; each scenario builds every
 * request so that it is a legal, distinct operation (no 4xx noise in the figures).
 */
import { text } from 'node:stream/consumers';
import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './spec.js';

const spec = JSON.parse(await text(process.stdin)) as LoadSpec;
const latencies: number[] = [];
let counter = 0;
const refused: Record<string, number> = {};

function tally(status: number): void {
  if (status < 200 || status > 299) refused[status] = (refused[status] ?? 0) + 1;
}

interface Context {
  id?: string;
  started?: number;
}

/** Agreements waiting for their next event; none is used by two requests at once. */
const idle = [...(spec.agreements ?? [])];
const suspended = new Set<string>();

function request(): autocannon.Request {
  const base = { headers: { 'content-type': 'application/json', ...spec.headers } };
  switch (spec.scenario) {
    case 'transition':
      return {
        ...base,
        method: 'POST',
        setupRequest: (req, context: Context) => {
          const id = idle.shift();
          if (id === undefined) throw new Error('more connections than agreements');
          context.id = id;
          context.started = performance.now();
          const event = suspended.has(id) ? { type: 'RESUME' } : { type: 'SUSPEND', reason: 'Tạm ngừng để rà soát hồ sơ.' };
          return { ...req, path: `/agreements/${id}/events`, body: JSON.stringify(event) };
        },
        onResponse: (status, _body, context: Context) => {
          latencies.push(performance.now() - context.started!);
          tally(status);
          const id = context.id!;
          if (status === 200) {
            if (suspended.has(id)) suspended.delete(id);
            else suspended.add(id);
          }
          idle.push(id);
        },
      };
    case 'create':
      return timed('POST', spec.path, (req, n) => {
        const body = JSON.parse(spec.body ?? '{}') as Record<string, unknown>;
        body['reportNumber'] = `${spec.prefix ?? 'B'}-${process.pid}-${n}`;
        return { ...req, body: JSON.stringify(body) };
      });
    case 'get': {
      const paths = spec.paths ?? [];
      return timed('GET', undefined, (req, n) => ({ ...req, path: paths[n % paths.length] }));
    }
    case 'post':
      return timed('POST', spec.path, (req, n) => ({ ...req, body: JSON.stringify({ n, note: 'Thỏa thuận thừa nhận lẫn nhau' }) }));
  }
}

/** A request whose n-th instance `build` makes, timed from its setup to its whole answer. */
function timed(method: string, path: string | undefined, build: (req: autocannon.Request, n: number) => autocannon.Request): autocannon.Request {
  return {
    headers: { 'content-type': 'application/json', ...spec.headers },
    method: method as autocannon.Request['method'],
    ...(path === undefined ? {} : { path }),
    setupRequest: (req, context: Context) => {
      counter += 1;
      context.started = performance.now();
      return build(req, counter);
    },
    onResponse: (status, _body, context: Context) => {
      latencies.push(performance.now() - context.started!);
      tally(status);
    },
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  pipelining: 1,
  requests: [request()],
});
latencies.sort((a, b) => a - b);
const done = result.requests.total;
const output: LoadResult = {
  rate: done / (result.duration || spec.seconds),
  ok: result['2xx'],
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
  refused,
  latency: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
};
process.stdout.write(`${JSON.stringify(output)}\n`);
