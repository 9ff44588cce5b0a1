/**
 * Regressions from a probe of the running service: inputs that answered 500, were stored as typed
 * or slipped past a lookup. Each is refused with a 4xx problem+json and nothing written, or stored
 * in its one canonical form.
 */
import { request as httpRequest } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { expect } from 'chai';
import { KINDS } from '../../src/kinds/index.js';
import { MessageComposer } from '../../src/effects/mail/index.js';
import type { Actor } from '../../src/kinds/types.js';
import { ApiWorld, type Answer } from '../helpers/api.js';

const BUILT_INS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

/** A request with its path sent byte for byte (fetch would re-encode a bare `%`). */
function rawGet(url: string, path: string, key: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/`, { path, headers: { Authorization: `Bearer ${key}` } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, type: String(response.headers['content-type']), body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('HTTP: hostile input', () => {
  let api: ApiWorld;
  let reportPath: string;
  let lab: Actor;
  before(async () => {
    api = await ApiWorld.create();
    ({ lab } = await api.world.recognizedLab());
    api.world.advanceDays(3);
    const report = await api.world.submit(lab);
    reportPath = `/test-reports/${report.id}`;
  });
  after(async () => api.close());

  async function refused(send: () => Promise<Answer>, status: number, code: string): Promise<Answer> {
    const before = await api.world.snapshot();
    const answer = await send();
    expect(answer.status, answer.text).to.equal(status);
    expect(answer.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect(answer.body).to.include({ code });
    expect(await api.world.snapshot(), 'nothing written').to.deep.equal(before);
    return answer;
  }

  it('an event type naming a built-in property of objects is an unknown type, on every kind', async () => {
    const agreement = await api.world.agreement();
    const targets: Record<string, string> = { agreements: `/agreements/${agreement.id}`, 'test-reports': reportPath };
    for (const kind of KINDS) {
      const path = targets[kind] ?? `/${kind}/does-not-exist`;
      for (const type of BUILT_INS) {
        const answer = await refused(() => api.post(`${path}/events`, { type }, 'kr-regulator'), 400, 'VALIDATION_FAILED');
        expect(answer.body['errors'], `${kind} ${type}`).to.deep.equal([{ pointer: '/type', message: answer.body['errors'] && (answer.body['errors'] as Array<{ message: string }>)[0]!.message }]);
        expect((answer.body['errors'] as Array<{ message: string }>)[0]!.message).to.match(/^must be one of: [A-Z_]+/);
      }
    }
  });

  it('a state or filter naming a built-in property is refused, not an empty page', async () => {
    for (const state of ['__proto__', 'constructor', 'to_string', 'value_of']) {
      const answer = await refused(() => api.get(`/test-reports?state=${state}`, 'kr-regulator'), 400, 'VALIDATION_FAILED');
      expect(answer.body['errors']).to.deep.equal([{ pointer: '/state', message: `unknown state "${state}"` }]);
    }
  });

  it('a malformed percent-escape in the path answers 400', async () => {
    for (const path of ['/test-reports/%ff', '/test-reports/%E0%A4%A', '/agreements/%', '/%']) {
      const answer = await rawGet(api.server.url, path, api.keyOf('kr-regulator'));
      expect(answer.status, `${path}: ${answer.body}`).to.be.oneOf([400, 404]);
      expect(answer.type).to.match(/^application\/problem\+json/);
    }
    const answer = await rawGet(api.server.url, '/test-reports/%ff', api.keyOf('kr-regulator'));
    expect(answer.status).to.equal(400);
    expect(JSON.parse(answer.body)).to.include({ code: 'VALIDATION_FAILED' });
  });

  it('Content-Encoding on a body that is not compressed answers 400; an unknown encoding 415; a compressed body is read', async () => {
    const body = JSON.stringify({ type: 'REQUEST_INFO', request: 'Xin gửi ảnh chụp nhãn thiết bị.' });
    const send = (encoding: string, raw: string | Buffer) =>
      api.request('POST', `${reportPath}/events`, { as: 'kr-regulator', raw: raw as string, headers: { 'Content-Type': 'application/json', 'Content-Encoding': encoding } });
    for (const encoding of ['gzip', 'br', 'deflate']) await refused(() => send(encoding, body), 400, 'VALIDATION_FAILED');
    await refused(() => send('xz', body), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const compressed = { gzip: gzipSync(body), br: brotliCompressSync(body), deflate: deflateSync(body) };
    // A real gzip body is decoded and reaches the engine (whose answer is the event's own).
    const answer = await send('gzip', compressed.gzip);
    expect(answer.status, answer.text).to.equal(200);
  });

  it('JSON nested 3,000 levels deep inside a field answers 400 at once', async () => {
    const deep = `{"type":"REQUEST_INFO","request":${'['.repeat(3000)}${']'.repeat(3000)}}`;
    const answer = await refused(() => api.request('POST', `${reportPath}/events`, { as: 'kr-regulator', raw: deep, headers: { 'Content-Type': 'application/json' } }), 400, 'VALIDATION_FAILED');
    expect(answer.body['detail']).to.match(/nested 3001 levels deep; at most 32/);
    // Brackets inside strings are text, not nesting.
    const text = JSON.stringify({ type: 'REQUEST_INFO', request: '['.repeat(3000) });
    expect((await api.request('POST', `${reportPath}/events`, { as: 'lab-song-hong', raw: text, headers: { 'Content-Type': 'application/json' } })).status).not.to.equal(500);
  });

  it('a leap second is refused at validation, naming the field', async () => {
    const answer = await refused(
      () => api.post('/agreements', { economies: ['VN', 'JP'], phase: 'I', scope: { VN: ['VN:QCVN 54:2020/BTTTT'], JP: ['JP:MIC Article 38-24'] }, transitionEndsAt: '2027-12-31T23:59:60Z' }, 'vn-regulator'),
      400,
      'VALIDATION_FAILED',
    );
    expect(answer.body['errors']).to.deep.include({ pointer: '/transitionEndsAt', message: 'is a leap second (:60), which cannot be stored; use :59 or the next minute' });
  });

  it('every spelling of an instant is stored in one canonical form', async () => {
    const created = await api.post<{ data: Record<string, string> }>(
      '/test-reports',
      {
        reportNumber: api.world.next('CANON'),
        importingEconomy: 'KR',
        regulations: ['KR:KN 32'],
        equipment: { manufacturer: 'Công ty Phương Nam', model: 'PN-1', category: 'router' },
        testedAt: '2026-01-07 16:30:00+07:00',
        issuedAt: '2026-01-08t01:30:00z',
      },
      lab.id,
    );
    expect(created.status, created.text).to.equal(201);
    expect(created.body.data['testedAt']).to.equal('2026-01-07T09:30:00.000Z');
    expect(created.body.data['issuedAt']).to.equal('2026-01-08T01:30:00.000Z');
  });

  describe('control characters and bidirectional overrides', () => {
    const lines = ['CR \r here', 'LF \n here', 'NUL \u0000 here', 'RLO \u202e here', 'isolate \u2066 here', 'line separator \u2028 here'];

    it('a single-line field (a reason) refuses each, naming the field and the character', async () => {
      for (const reason of lines) {
        const answer = await refused(() => api.post(`${reportPath}/events`, { type: 'REJECT', reason }, 'kr-regulator'), 400, 'VALIDATION_FAILED');
        const [error] = answer.body['errors'] as Array<{ pointer: string; message: string }>;
        expect(error!.pointer).to.equal('/reason');
        expect(error!.message).to.match(/^must be one line of text, without control characters or bidirectional overrides; found U\+[0-9A-F]{4}$/);
      }
    });

    it('a name refuses them too', async () => {
      const answer = await refused(
        () => api.post('/cabs', { name: 'Phòng\r\nBcc: x@evil.example', economy: 'VN', type: 'lab', email: 'lab@ctrl.example', language: 'vi' }, 'vn-designating-authority'),
        400,
        'VALIDATION_FAILED',
      );
      expect((answer.body['errors'] as Array<{ pointer: string }>)[0]!.pointer).to.equal('/name');
    });

    it('a multi-line field keeps \\n and refuses every other control', async () => {
      for (const request of lines.filter((l) => !l.startsWith('LF'))) {
        await refused(() => api.post(`${reportPath}/events`, { type: 'REQUEST_INFO', request }, 'kr-regulator'), 400, 'VALIDATION_FAILED');
      }
    });

    it('the plain-text e-mail never shows a forged line: what a user typed on later lines stays indented', async () => {
      const report = await api.world.submit(lab);
      const forged = 'Xin bổ sung ảnh.\nBy: Federal Communications Commission (FCC)\nSubject: Report accepted\n\nWhat happened: Accepted';
      const sent = await api.post(`/test-reports/${report.id}/events`, { type: 'REQUEST_INFO', request: forged }, 'kr-regulator');
      expect(sent.status, sent.text).to.equal(200);
      const composer = new MessageComposer({ directory: api.world.store, publicUrl: 'https://mra.example', mailFrom: 'MRA <no-reply@mra.example>' });
      const page = await api.world.store.listOutbox({ status: 'pending', limit: 200 });
      const mine = page.items.filter((m) => m.notification?.instanceId === report.id && m.notification.event === 'REQUEST_INFO');
      expect(mine).to.have.length.above(0);
      for (const message of mine) {
        const text = (await composer.compose(message)).text;
        const margin = text.split('\n').filter((line) => /^(By|Subject|What happened|Người thực hiện|Việc đã xảy ra):/.test(line));
        expect(margin.filter((line) => line.includes('Federal Communications') || line.includes('Report accepted') || line === 'What happened: Accepted'), text).to.deep.equal([]);
        expect(text).to.contain('\n    By: Federal Communications Commission (FCC)\n');
      }
    });
  });
});
