/**
 * Fuzzing every POST route with a few thousand random and malformed bodies: not JSON, JSON of the
 * wrong shape, valid bodies with one thing broken, bodies in the wrong content type, and valid
 * bodies from a principal who may not send them. Every answer must be a 4xx problem, never a 5xx,
 * and the store must be exactly as it was. The generator is seeded (FUZZ_SEED) so a failure can be
 * replayed.
 */
import { expect } from 'chai';
import { allRoutes } from '../../src/http/api/app.js';
import { designationBody } from '../helpers/designations.js';
import { ApiWorld } from '../helpers/api.js';
import { certificateBody, recognizedBody } from '../helpers/phase-two.js';
import { KR_SCOPE, VN_SCOPE, daysFrom } from '../helpers/world.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261123);
const PER_ROUTE = Number(process.env['FUZZ_PER_ROUTE'] ?? 300);

/** mulberry32: small, fast and reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Body = Record<string, unknown>;

class Fuzzer {
  readonly #random: () => number;
  constructor(seed: number) {
    this.#random = prng(seed);
  }

  int(n: number): number {
    return Math.floor(this.#random() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  string(): string {
    return this.pick([
      '',
      ' ',
      'x'.repeat(this.int(5000)),
      'Công ty Cổ phần Thiết bị Mạng Phương Nam',
      'Vie\u0323t Nam',
      '\u0000\u0001\u001f',
      '<script>alert(1)</script>',
      "'; DROP TABLE instances; --",
      '2026-02-30',
      '2026-13-01T25:61:00Z',
      'VN:',
      '../../etc/passwd',
      '\ud800',
      '💥🇻🇳',
      String(this.#random()),
    ]);
  }

  /** Any JSON value, of a random shape and depth. */
  value(depth = 0): unknown {
    switch (this.int(depth > 3 ? 5 : 8)) {
      case 0:
        return null;
      case 1:
        return this.pick([true, false]);
      case 2:
        return this.pick([0, -1, 1e308, -1e-308, 3.14, 2 ** 53 + 1, 200, 201]);
      case 3:
      case 4:
        return this.string();
      case 5:
        return Array.from({ length: this.int(5) }, () => this.value(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: this.int(6) }, () => [this.pick(['type', 'economies', 'scope', 'cabId', '__proto__', 'constructor', 'prototype', this.string()]), this.value(depth + 1)]),
        );
    }
  }

  /** A value of another type than `like`, so the field is sure to be invalid. */
  wrongTypeFor(like: unknown): unknown {
    const candidates: unknown[] = [null, 12345, true, [], {}, 'not-a-valid-value!'];
    const type = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
    return this.pick(candidates.filter((c) => type(c) !== type(like)));
  }

  /** A valid body with exactly one thing broken, so it can never pass. */
  broken(valid: Body, required: readonly string[]): Body {
    const body = structuredClone(valid);
    const fields = Object.keys(body).filter((k) => k !== 'type');
    if (fields.length === 0) return { ...body, [`unknown_${this.int(1000)}`]: this.value() };
    const field = this.pick(fields);
    switch (this.int(3)) {
      case 0:
        if (required.includes(field)) {
          delete body[field];
          return body;
        }
        body[`unknown_${this.int(1000)}`] = this.value();
        return body;
      case 1:
        body[field] = this.wrongTypeFor(body[field]);
        return body;
      default:
        // defineProperty, not assignment: `body.__proto__ = x` would set the prototype, not add a key.
        Object.defineProperty(body, this.pick(['__proto__', 'extra', 'Type', 'actor', 'at']), { value: this.value(), enumerable: true, writable: true, configurable: true });
        return body;
    }
  }

  /** A body that is not JSON; the empty body only where a route needs one (`emptyIsValid` false). */
  raw(emptyIsValid = false): string {
    return this.pick(['{', '[1,', 'nul', '{"type": "SIGN",}', "{'type':'SIGN'}", '\u00ff\u00fe', 'type=SIGN', '{"a":' + '['.repeat(5000), ...(emptyIsValid ? [] : [''])]);
  }
}

describe('HTTP fuzz: malformed bodies to every POST route', function () {
  this.timeout(180_000);
  let api: ApiWorld;
  /**
   * `emptyIsValid`: the route's body is optional, so an empty body is a request like any other.
   * `open`: anyone may send the valid body (a public route), so it is never sent as a refusal.
   */
  const targets: Record<string, { valid: Body; required: string[]; allowed: string; emptyIsValid?: boolean; open?: boolean }> = {};

  before(async () => {
    api = await ApiWorld.create();
    const { lab, agreement, accreditation, recognition } = await api.world.recognizedLab();
    api.world.advanceDays(3);
    const report = await api.world.submit(lab);
    const now = api.world.clock.now().toISOString();
    targets['POST /agreements'] = { valid: { economies: ['VN', 'KR'], phase: 'I', scope: { VN: VN_SCOPE, KR: KR_SCOPE } }, required: ['economies', 'phase', 'scope'], allowed: 'vn-regulator' };
    targets['POST /accreditations'] = {
      valid: { cabId: lab.cabId, standard: 'ISO/IEC 17025', certificateNumber: 'VILAS 77', scope: KR_SCOPE, validFrom: now, validUntil: daysFrom(now, 300) },
      required: ['cabId', 'standard', 'certificateNumber', 'scope', 'validFrom', 'validUntil'],
      allowed: 'vn-accreditation-body',
    };
    targets['POST /recognitions'] = {
      valid: { agreementId: agreement.id, cabId: 'vn-lab-sai-gon', importingEconomy: 'KR', scope: KR_SCOPE },
      required: ['agreementId', 'cabId', 'importingEconomy', 'scope'],
      allowed: 'vn-designating-authority',
    };
    targets['POST /designations'] = {
      valid: designationBody({ agreementId: agreement.id, cabId: lab.cabId!, importingEconomy: 'KR', scope: KR_SCOPE, accreditationId: accreditation.id }, now),
      required: ['cabId', 'agreementId', 'importingEconomy', 'scope', 'cabAddress', 'testSites', 'contact', 'accreditationId', 'testsForOthers', 'declaration', 'ownership'],
      allowed: lab.id,
    };
    const [designation] = (await api.world.store.find('designations', { where: { cabId: lab.cabId! }, limit: 1 })).items;
    targets[`POST /designations/${designation!.id}/events`] = { valid: { type: 'SUSPEND', reason: 'Tạm đình chỉ.' }, required: ['type', 'reason'], allowed: 'vn-designating-authority' };
    targets['POST /test-reports'] = { valid: api.world.reportBody(), required: ['reportNumber', 'importingEconomy', 'regulations', 'equipment', 'testedAt', 'issuedAt'], allowed: lab.id };
    targets['POST /cabs'] = { valid: { name: 'Phòng thử nghiệm Huế', economy: 'VN', type: 'lab', email: 'hue@lab.example', language: 'vi' }, required: ['name', 'economy', 'type', 'email', 'language'], allowed: 'vn-designating-authority' };
    targets[`POST /agreements/${agreement.id}/events`] = { valid: { type: 'SUSPEND', reason: 'Rà soát.' }, required: ['type', 'reason'], allowed: 'kr-regulator' };
    targets[`POST /accreditations/${accreditation.id}/events`] = { valid: { type: 'SUSPEND', reason: 'x' }, required: ['type', 'reason'], allowed: 'vn-accreditation-body' };
    targets[`POST /recognitions/${recognition.id}/events`] = { valid: { type: 'CONTEST', reasons: 'x' }, required: ['type', 'reasons'], allowed: 'kr-regulator' };
    targets[`POST /test-reports/${report.id}/events`] = { valid: { type: 'REJECT', reason: 'x' }, required: ['type', 'reason'], allowed: 'kr-regulator' };
    // Phase II certificates and MRA-ETR equivalences: a body recognised by Korea, one certificate in its review window, one equivalence proposed.
    const { body } = await recognizedBody(api.world);
    const certificate = await api.world.engine.create('certificates', certificateBody(api.world), body);
    const certificateValid = certificateBody(api.world);
    targets['POST /certificates'] = { valid: certificateValid, required: ['certificateNumber', 'importingEconomy', 'regulations', 'equipment', 'applicantId', 'issuedAt'], allowed: body.id };
    targets[`POST /certificates/${certificate.id}/events`] = { valid: { type: 'SET_ASIDE', reason: 'Hồ sơ chưa đầy đủ.' }, required: ['type', 'reason'], allowed: 'kr-regulator' };
    const equivalenceValid = { partnerEconomy: 'KR', requirement: { regulation: 'VN:QCVN 54:2020/BTTTT' }, counterpart: 'KR:KN 301 489' };
    const equivalence = await api.world.engine.create('equivalences', equivalenceValid, api.world.as('vn-regulator'));
    targets['POST /equivalences'] = { valid: equivalenceValid, required: ['partnerEconomy', 'requirement', 'counterpart'], allowed: 'vn-regulator' };
    targets[`POST /equivalences/${equivalence.id}/events`] = { valid: { type: 'DECLINE', reason: 'Khác biệt về phương pháp đo.' }, required: ['type', 'reason'], allowed: 'kr-regulator' };
    // JSON is never a file: whatever the body, the verification refuses it without looking further.
    targets['POST /public/documents/verify'] = { valid: {}, required: [], allowed: 'admin' };
    // Every message here is pending: even the admin's re-queue is refused (422), whatever the body.
    const message = (await api.world.store.listOutbox({ limit: 1 })).items[0]!;
    targets[`POST /admin/outbox/${message.id}/requeue`] = { valid: {}, required: [], allowed: 'admin' };
    // People and keys: each body broken in one place, sent by the principal who may send the valid one.
    targets['POST /principals'] = {
      valid: { name: 'Nguyễn Văn An', role: 'lab', email: 'an@songhong.vn.example', language: 'vi', cabId: 'vn-lab-song-hong' },
      required: ['name', 'role', 'email', 'language'],
      allowed: 'vn-designating-authority',
    };
    targets['POST /principals/lab-song-hong/disable'] = { valid: { reason: 'Rời phòng thử nghiệm.' }, required: [], allowed: 'vn-designating-authority', emptyIsValid: true };
    targets['POST /principals/lab-song-hong/keys'] = { valid: { name: 'LIMS' }, required: ['name'], allowed: 'lab-song-hong' };
    const [key] = await api.world.store.listApiKeys({ principalId: 'lab-song-hong' });
    targets[`POST /principals/lab-song-hong/keys/${key!.id}/revoke`] = { valid: {}, required: [], allowed: 'lab-song-hong', emptyIsValid: true };
    targets['POST /auth/sign-in-link'] = { valid: { email: 'lab@songhong.vn.example' }, required: ['email'], allowed: 'lab-song-hong', open: true };
    targets['POST /auth/sign-out'] = { valid: {}, required: [], allowed: 'lab-song-hong', emptyIsValid: true, open: true };
    // Watches and webhooks: any principal may send the valid bodies (`open`), so only broken ones go;
    // no broken webhook body reaches the network (the URL is checked after the body).
    targets['POST /watches'] = { valid: { target: { type: 'model', economy: 'KR', manufacturer: 'Phương Nam', model: 'PN-1' } }, required: ['target'], allowed: 'importer-hanbit', open: true };
    targets['POST /watches/watch-none/remove'] = { valid: {}, required: [], allowed: 'importer-hanbit', emptyIsValid: true, open: true };
    targets['POST /webhooks'] = { valid: { url: 'https://hooks.customs.example/mra', kinds: ['test-reports'] }, required: ['url', 'kinds'], allowed: 'kr-regulator', open: true };
    targets['POST /webhooks/hook-none/rotate-secret'] = { valid: { overlapMinutes: 60 }, required: [], allowed: 'kr-regulator', emptyIsValid: true, open: true };
    targets['POST /webhooks/hook-none/disable'] = { valid: {}, required: [], allowed: 'kr-regulator', emptyIsValid: true, open: true };
    targets['POST /webhooks/hook-none/deliveries/delivery-none/requeue'] = { valid: {}, required: [], allowed: 'kr-regulator', emptyIsValid: true, open: true };
  });
  after(async () => api.close());

  it('covers every POST route of the API', () => {
    const postRoutes = allRoutes().filter((r) => r.method === 'post').map((r) => r.path);
    const routeOf = (path: string) => postRoutes.find((route) => new RegExp(`^${route.replace(/\{\w+\}/g, '[^/]+')}$`).test(path));
    const fuzzed = Object.keys(targets).map((t) => routeOf(t.replace(/^POST /, '')));
    expect([...new Set(fuzzed)].sort()).to.deep.equal([...postRoutes].sort());
  });

  it(`answers ${PER_ROUTE} bad requests per route with a 4xx problem only, and changes nothing (seed ${SEED})`, async () => {
    const fuzz = new Fuzzer(SEED);
    const before = await api.world.snapshot();
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const [target, { valid, required, allowed, emptyIsValid, open }] of Object.entries(targets)) {
      const path = target.replace(/^POST /, '');
      for (let i = 0; i < PER_ROUTE; i += 1) {
        const drawn = fuzz.int(5);
        // Where {} is a valid body, a random value (which may be {}) gives way to a broken one.
        const kind = (drawn === 4 && open) || (drawn === 1 && emptyIsValid) ? 2 : drawn;
        const as = kind === 4 ? 'importer-hanbit' : fuzz.pick([allowed, allowed, 'jp-regulator', 'admin', 'lab-song-hong']);
        const request =
          kind === 0
            ? { raw: fuzz.raw(emptyIsValid), headers: { 'Content-Type': 'application/json' } }
            : kind === 1
              ? { body: fuzz.value() }
              : kind === 2 || kind === 3
                ? { body: fuzz.broken(valid, required) }
                : { body: valid };
        const withType = fuzz.int(10) === 0 ? { headers: { 'Content-Type': fuzz.pick(['text/plain', 'application/xml', 'multipart/form-data']) }, raw: JSON.stringify(valid) } : request;
        const answer = await api.request('POST', path, { as, ...withType });
        sent += 1;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(answer.status, `${target} as ${as}: ${JSON.stringify(withType).slice(0, 300)} -> ${answer.text.slice(0, 300)}`).to.be.within(400, 499);
        expect(answer.headers.get('content-type')).to.match(/^application\/problem\+json/);
      }
    }
    expect(await api.world.snapshot()).to.deep.equal(before);
    expect(sent).to.equal(PER_ROUTE * Object.keys(targets).length);
    // The run reached past validation into the engine's own refusals, not only the 400s.
    expect([...statuses.keys()]).to.include.members([400, 403, 415]);
  });
});
