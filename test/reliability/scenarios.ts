/**
 * The reliability scenarios, each a function of its size, so the full suite
 * (`npm run test:reliability`) and its slice in `npm test` run the same code.
 */
import { request as httpRequest } from 'node:http';
import { expect } from 'chai';
import fc from 'fast-check';
import type { Answer, ApiWorld } from '../helpers/api.js';
import { PagePerson } from '../helpers/people.js';

/** `writers` concurrent events on one instance, all with the same If-Match: one wins, the rest get 409. */
export async function conflictingWriters(api: ApiWorld, writers: number): Promise<{ won: number; conflicts: number; other: number; ms: number }> {
  const { lab } = await api.world.recognizedLab();
  api.world.advanceDays(3);
  const report = await api.world.submit(lab);
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: writers }, (_, i) =>
      api.post(`/test-reports/${report.id}/events`, { type: 'REQUEST_INFO', request: `Câu hỏi số ${i}` }, 'kr-regulator', { 'If-Match': `"${report.version}"` }),
    ),
  );
  const ms = performance.now() - started;
  const won = answers.filter((a) => a.status === 200).length;
  const conflicts = answers.filter((a) => a.status === 409 && a.body['code'] === 'VERSION_CONFLICT').length;
  const history = await api.get<{ items: Array<{ seq: number }> }>(`/test-reports/${report.id}/history`, 'kr-regulator');
  expect(history.body.items.map((e) => e.seq)).to.deep.equal([1, 2]);
  return { won, conflicts, other: writers - won - conflicts, ms };
}

/**
 * `writers` concurrent events without If-Match on one recognition, alternating SUSPEND and
 * LIFT_SUSPENSION: each applied one was legal in the state it met, and the history's seq runs
 * 1, 2, 3, … without a gap or a repeat.
 */
export async function unconditionedWriters(api: ApiWorld, writers: number): Promise<{ applied: number; refused: number; illegal: number; contiguous: boolean }> {
  const { recognition } = await api.world.recognizedLab();
  const earlier = (await api.get<{ items: unknown[] }>(`/recognitions/${recognition.id}/history`, 'kr-regulator')).body.items.length;
  const answers = await Promise.all(
    Array.from({ length: writers }, (_, i) =>
      api.post(`/recognitions/${recognition.id}/events`, i % 2 === 0 ? { type: 'SUSPEND', reason: `Đình chỉ ${i}` } : { type: 'LIFT_SUSPENSION' }, 'kr-regulator'),
    ),
  );
  const applied = answers.filter((a) => a.status === 200).length;
  // Refused: a lost race (409), a state that no longer takes it (422), a rule that depends on the state (403).
  const refused = answers.filter((a) => [403, 409, 422].includes(a.status)).length;
  const history = await api.get<{ items: Array<{ seq: number; type: string; from: string | null; to: string }> }>(`/recognitions/${recognition.id}/history?limit=200`, 'kr-regulator');
  const items = history.body.items;
  const contiguous = items.every((e, i) => e.seq === i + 1);
  // Legal: SUSPEND only from recognized to suspended, LIFT_SUSPENSION only back; each entry starts where the last ended.
  let illegal = 0;
  for (let i = 1; i < items.length; i += 1) {
    const entry = items[i]!;
    if (entry.from !== items[i - 1]!.to) illegal += 1;
    if (entry.type === 'SUSPEND' && !(entry.from === 'recognized' && entry.to === 'suspended')) illegal += 1;
    if (entry.type === 'LIFT_SUSPENSION' && !(entry.from === 'suspended' && entry.to === 'recognized')) illegal += 1;
  }
  const statuses = answers.map((a) => `${a.status} ${JSON.stringify(a.body['code'] ?? '')}`);
  expect(applied + refused, `every answer an applied event, a conflict or a refusal: ${[...new Set(statuses)].join(', ')}`).to.equal(writers);
  expect(items.length - earlier, 'one history entry per applied event').to.equal(applied);
  return { applied, refused, illegal, contiguous };
}

interface Operation {
  method: 'get' | 'post';
  path: string;
  query: string[];
}

/** Every operation of the OpenAPI document, with the query parameters it declares. */
export async function operationsOf(api: ApiWorld): Promise<Operation[]> {
  const document = (await api.get<{ paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>> }>('/openapi.json')).body;
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => method === 'get' || method === 'post')
      .map(([method, op]) => ({ method: method as 'get' | 'post', path, query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name) })),
  );
}

const PRINCIPALS = ['kr-regulator', 'vn-regulator', 'vn-designating-authority', 'importer-hanbit', 'admin', undefined];
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', '%ff', '%', '..', '../..', '2027-12-31T23:59:60Z', '\u202e', 'a\r\nb', '💥', 'null', '-1', '1e309', ''),
);

/**
 * Random requests to every operation: path parameters, query values, headers and bodies drawn by
 * fast-check, from principals and from nobody. No answer is a 5xx; a refused request changes nothing.
 */
export async function fuzzEveryOperation(api: ApiWorld, seed: number, runs: number): Promise<{ cases: number; fiveHundreds: number; changedByRefusal: number; refused: number }> {
  const operations = await operationsOf(api);
  const ids = (await api.world.recognizedLab()).recognition.id;
  let cases = 0;
  let fiveHundreds = 0;
  let changedByRefusal = 0;
  let refused = 0;
  const requestArbitrary = fc.record({
    operation: fc.constantFrom(...operations),
    pathValue: fc.oneof(nasty, fc.constant(ids), fc.constantFrom('agr-vn-kr', 'vn-lab-song-hong')),
    query: fc.dictionary(fc.oneof(fc.constantFrom('state', 'limit', 'cursor', 'economy', 'reportNumber', 'manufacturer', 'model', 'importing'), fc.string({ maxLength: 10 })), nasty, { maxKeys: 4 }),
    body: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ type: nasty }), fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }))),
    as: fc.constantFrom(...PRINCIPALS),
    header: fc.constantFrom<Record<string, string>>({}, { 'If-Match': '"1"' }, { 'If-Match': 'garbage' }, { 'Content-Type': 'text/plain' }, { 'Content-Encoding': 'gzip' }, { Accept: 'text/csv' }),
  });
  await fc.assert(
    fc.asyncProperty(requestArbitrary, async ({ operation, pathValue, query, body, as, header }) => {
      cases += 1;
      const path = operation.path.replace(/\{\w+\}/g, () => encodeURIComponent(pathValue));
      const search = new URLSearchParams(Object.entries(query).filter(([k]) => k !== '')).toString();
      const before = operation.method === 'post' ? await api.world.snapshot() : null;
      const headers: Record<string, string> = { ...header };
      let answer: Answer;
      try {
        answer = await api.request(operation.method.toUpperCase(), `${path}${search ? `?${search}` : ''}`, {
          ...(as ? { as } : {}),
          ...(operation.method === 'post' ? { raw: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } } : { headers }),
        });
      } catch (error) {
        throw new Error(`${operation.method} ${path}?${search}: ${String(error)}`, { cause: error });
      }
      if (answer.status >= 500) fiveHundreds += 1;
      expect(answer.status, `${operation.method} ${path}?${search} as ${as}: ${answer.text.slice(0, 300)}`).to.be.below(500);
      if (before && answer.status >= 400) {
        refused += 1;
        const after = await api.world.snapshot();
        if (JSON.stringify(after) !== JSON.stringify(before)) changedByRefusal += 1;
        expect(after, `${operation.method} ${path} refused with ${answer.status} but wrote`).to.deep.equal(before);
      }
    }),
    { seed, numRuns: runs, endOnFailure: true },
  );
  return { cases, fiveHundreds, changedByRefusal, refused };
}

/** Bodies built to exhaust a parser: each must be refused (4xx) within `withinMs`. */
export async function jsonBombs(api: ApiWorld): Promise<Array<{ bomb: string; status: number; ms: number }>> {
  const bombs: Record<string, string> = {
    'nested 100,000 deep': `{"type":"SIGN","comment":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    'array of 1,000,000 zeros': `{"type":"SIGN","comment":[${'0,'.repeat(999_999)}0]}`,
    'string of 5 MB': `{"type":"SIGN","comment":"${'x'.repeat(5_000_000)}"}`,
    'object of 20,000 keys': `{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":0`).join(',')}}`,
  };
  const results: Array<{ bomb: string; status: number; ms: number }> = [];
  for (const [bomb, raw] of Object.entries(bombs)) {
    const started = performance.now();
    const answer = await api.request('POST', '/agreements/agr-x/events', { as: 'vn-regulator', raw, headers: { 'Content-Type': 'application/json' } });
    results.push({ bomb, status: answer.status, ms: performance.now() - started });
  }
  return results;
}

/**
 * The NUL family, as sent on the wire (percent-encoded bytes, never re-encoded): NUL alone and
 * inside text, the overlong encodings of NUL and of `.`, every other C0 control, DEL, C1 controls,
 * lone surrogates encoded as UTF-8, bytes that are not UTF-8 at all, and bidirectional controls.
 */
export const NUL_FAMILY: readonly string[] = [
  '%00',
  '%00%00%00',
  'abc%00def',
  '%C0%80',
  '%E0%80%80',
  '%C0%AE%C0%AE',
  ...Array.from({ length: 31 }, (_, i) => `ab%${(i + 1).toString(16).toUpperCase().padStart(2, '0')}cd`),
  'abc%7F',
  'abc%C2%80',
  'abc%C2%85',
  'abc%C2%9F',
  '%ED%A0%80',
  'abc%ED%BF%BFdef',
  '%FF%FE%FD',
  'abc%C3',
  '%80abc',
  '%F8%88%80%80%80',
  'abc%E2%80%AE',
  'abc%E2%80%8F',
];

/** A value that is valid for each query field a request is likely to need, so the one under test reaches the handler. */
const VALID_QUERY: Record<string, string> = {
  economy: 'KR',
  importing: 'KR',
  exporting: 'VN',
  manufacturer: 'Phuong Nam',
  model: 'PN-AX3000',
  q: 'phuong nam',
  token: 'not-a-token-0123456789',
  lang: 'vi',
};

/** The query fields each page reads, for the pages that read any (`src/http/web/routes/`). */
export const PAGE_QUERY_FIELDS: Record<string, string[]> = {
  '/sign-in': ['back'],
  '/auth/sign-in': ['token', 'next'],
  '/language/vi': ['back'],
  '/lookup': ['economy', 'q'],
  '/register': ['importing', 'exporting'],
  '/register.csv': ['importing', 'exporting'],
  '/work': ['kind', 'from'],
  '/records/test-reports': ['state', 'economy', 'q', 'cursor', 'done'],
  '/records/test-reports/new': ['done'],
  '/people': ['created', 'done'],
  '/directory/cabs/new': ['created'],
  '/verify': ['sha256'],
  '/outbox': ['requeued'],
};

function rawRequest(url: string, method: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/`, { method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(method === 'POST' ? '{}' : undefined);
  });
}

/**
 * Every payload of `payloads` in every query field of every operation of the OpenAPI document (as
 * a principal that may call it, and with the other fields it needs set to good values), and in
 * every query field of the pages (signed in as an admin, whose pages are the most): no 5xx.
 */
export async function nulFamilyInQueries(
  api: ApiWorld,
  payloads: readonly string[] = NUL_FAMILY,
): Promise<{ cases: number; fiveHundreds: number; refused: number; failures: string[] }> {
  type Parameter = { name: string; in: string; required?: boolean };
  const document = (await api.get<{ paths: Record<string, Record<string, { parameters?: Parameter[] }>> }>('/openapi.json')).body;
  const pageCookie = (await PagePerson.signIn(api, api.keyOf('admin'))).cookie;
  const targets: Array<{ method: string; path: string; field: string; others: string[]; headers: Record<string, string> }> = [];
  const callers = (path: string) => (path.startsWith('/public/') || path.startsWith('/auth/') ? [undefined] : ['kr-regulator', 'admin']);
  for (const [template, methods] of Object.entries(document.paths)) {
    const path = template.replace(/\{\w+\}/g, 'agr-vn-kr');
    for (const [method, operation] of Object.entries(methods).filter(([m]) => m === 'get' || m === 'post')) {
      const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
      for (const field of query) {
        for (const principal of callers(template)) {
          targets.push({
            method: method.toUpperCase(),
            path,
            field: field.name,
            // Only the fields it cannot do without, so the one under test decides what the handler does.
            others: query.filter((other) => other.required === true && other.name !== field.name).map((other) => other.name),
            headers: { ...(principal ? { Authorization: `Bearer ${api.keyOf(principal)}` } : {}), ...(method === 'post' ? { 'Content-Type': 'application/json' } : {}) },
          });
        }
      }
    }
  }
  for (const [path, fields] of Object.entries(PAGE_QUERY_FIELDS)) {
    for (const field of fields) targets.push({ method: 'GET', path, field, others: field === 'q' ? ['economy'] : [], headers: { Accept: 'text/html', Cookie: pageCookie } });
  }
  let cases = 0;
  let fiveHundreds = 0;
  let refused = 0;
  const failures: string[] = [];
  for (const target of targets) {
    const others = target.others.filter((name) => VALID_QUERY[name] !== undefined).map((name) => `${name}=${encodeURIComponent(VALID_QUERY[name]!)}`);
    for (const payload of payloads) {
      const path = `${target.path}?${[...others, `${target.field}=${payload}`].join('&')}`;
      const answer = await rawRequest(api.server.url, target.method, path, target.headers);
      cases += 1;
      if (answer.status >= 400 && answer.status < 500) refused += 1;
      if (answer.status >= 500) {
        fiveHundreds += 1;
        failures.push(`${target.method} ${path} → ${answer.status}`);
      }
    }
  }
  return { cases, fiveHundreds, refused, failures };
}
