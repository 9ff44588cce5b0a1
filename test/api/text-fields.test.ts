/**
 * What text a field takes (`x-text` in `src/schemas/common.ts`, `src/validation.ts`) and what a
 * query string takes (`src/http/common/query-text.ts`): a one-line field refuses line breaks,
 * C0 and C1 controls and every bidirectional control; a multi-line field keeps `\n` and refuses
 * the rest; a query field refuses NUL and its family with 400, on the API as problem+json and on
 * the pages as an error page, and changes nothing.
 */
import { request as httpRequest } from 'node:http';
import { expect } from 'chai';
import type { Actor } from '../../src/kinds/types.js';
import { ApiWorld, type Answer } from '../helpers/api.js';
import { accessSnapshot } from '../helpers/people.js';

/** A GET with its path sent byte for byte (fetch would re-encode it). */
function rawGet(url: string, path: string, headers: Record<string, string>): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/`, { path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, type: String(response.headers['content-type']), body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('HTTP: control and bidirectional characters in text', () => {
  let api: ApiWorld;
  let lab: Actor;
  let reportPath: string;
  before(async () => {
    api = await ApiWorld.create();
    ({ lab } = await api.world.recognizedLab());
    api.world.advanceDays(3);
    reportPath = `/test-reports/${(await api.world.submit(lab)).id}`;
  });
  after(async () => api.close());

  async function refusedAt(pointer: string, send: () => Promise<Answer>): Promise<void> {
    const store = await api.world.snapshot();
    const access = await accessSnapshot(api.world.store);
    const answer = await send();
    expect(answer.status, answer.text).to.equal(400);
    expect(answer.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect(answer.body['code']).to.equal('VALIDATION_FAILED');
    expect((answer.body['errors'] as Array<{ pointer: string }>).map((e) => e.pointer)).to.include(pointer);
    expect(await api.world.snapshot(), 'nothing written').to.deep.equal(store);
    expect(await accessSnapshot(api.world.store), 'nothing written').to.equal(access);
  }

  const BIDI = ['\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
  const C1 = ['\u0080', '\u0085', '\u009b', '\u009f'];

  it('a principal is not disabled for a reason with CR, LF or U+202E in it', async () => {
    for (const reason of ['Đã nghỉ việc\r\nBcc: x@evil.example', 'Đã nghỉ\nviệc', 'Đã nghỉ việc \u202egnp.exe', 'Đã nghỉ việc \u0085']) {
      await refusedAt('/reason', () => api.post('/principals/vn-accreditation-body/disable', { reason }, 'admin'));
    }
  });

  it('a one-line field (a name) refuses U+200E, U+200F, every other bidirectional control and C1 controls', async () => {
    for (const character of [...BIDI, ...C1]) {
      await refusedAt('/name', () =>
        api.post('/principals', { name: `Nguyễn Văn An ${character}`, role: 'regulator', email: `an-${character.codePointAt(0)}@vnta.vn.example`, language: 'vi', economy: 'VN' }, 'admin'),
      );
    }
    await refusedAt('/name', () => api.post('/cabs', { name: 'Phòng thử nghiệm \u200fABC', economy: 'VN', type: 'lab', email: 'lab@bidi.example', language: 'vi' }, 'vn-designating-authority'));
  });

  it('the page a sign-in link leads to is one line too', async () => {
    for (const next of ['/work\u0000', '/work\u202e', '/work\u0085']) {
      await refusedAt('/next', () => api.post('/auth/sign-in-link', { email: 'lab@songhong.vn.example', next }));
    }
  });

  it('a watched manufacturer or model is one line too', async () => {
    await refusedAt('/target/model', () => api.post('/watches', { target: { type: 'model', economy: 'KR', manufacturer: 'Phương Nam', model: 'PN-1\r\nX' } }, 'importer-hanbit'));
  });

  it('a multi-line field keeps \\n and refuses bidirectional and C1 controls', async () => {
    const kept = await api.post(`${reportPath}/events`, { type: 'REQUEST_INFO', request: 'Xin bổ sung:\n- ảnh chụp\n- sơ đồ' }, 'kr-regulator');
    expect(kept.status, kept.text).to.equal(200);
    for (const character of ['\u200f', '\u202e', '\u0085', '\r']) {
      await refusedAt('/request', () => api.post(`${reportPath}/events`, { type: 'REQUEST_INFO', request: `Xin bổ sung ${character} ảnh` }, 'kr-regulator'));
    }
  });

  describe('query fields', () => {
    const family = ['%00%00%00', 'abc%00', '%C0%80', 'ab%0Dcd', 'abc%C2%85', '%ED%A0%80', 'abc%FF', 'abc%E2%80%AE'];
    const apiCases: Array<[string, string, string | undefined]> = [
      ['/public/test-reports?economy=KR&q=', 'q', undefined],
      ['/public/coverage?economy=KR&model=PN-AX3000&manufacturer=', 'manufacturer', undefined],
      ['/test-reports?q=', 'q', 'kr-regulator'],
      ['/test-reports?manufacturer=', 'manufacturer', 'kr-regulator'],
      ['/certificates?model=', 'model', 'kr-regulator'],
    ];

    it('the API refuses NUL and its family with 400 problem+json naming the field', async () => {
      for (const [path, field, as] of apiCases) {
        for (const payload of family) {
          const answer = await rawGet(api.server.url, `${path}${payload}`, as ? { Authorization: `Bearer ${api.keyOf(as)}` } : {});
          expect(answer.status, `${path}${payload}: ${answer.body}`).to.equal(400);
          expect(answer.type).to.match(/^application\/problem\+json/);
          const problem = JSON.parse(answer.body) as { code: string; errors: Array<{ pointer: string }> };
          expect(problem.code).to.equal('VALIDATION_FAILED');
          expect(problem.errors.map((e) => e.pointer)).to.deep.equal([`/${field}`]);
        }
      }
    });

    it('the look-up page answers 400 with an error page', async () => {
      for (const payload of family) {
        const answer = await rawGet(api.server.url, `/lookup?economy=KR&q=${payload}`, { Accept: 'text/html' });
        expect(answer.status, payload).to.equal(400);
        expect(answer.type).to.match(/^text\/html/);
      }
    });

    it('text a person may type still searches', async () => {
      expect((await rawGet(api.server.url, '/public/test-reports?economy=KR&q=phuong%20nam', {})).status).to.equal(200);
      expect((await rawGet(api.server.url, '/lookup?economy=KR&q=Ph%C6%B0%C6%A1ng%20Nam', { Accept: 'text/html' })).status).to.equal(200);
    });
  });
});
