/**
 * Issue 25, finding 1: uploads cost a stranger nothing. An anonymous or refused request to a route
 * that takes files is answered from its headers, before its body is sent; files go to disk under a
 * limit per request and a limit of requests read at once; nothing of a request outlives its answer.
 * Real HTTP against the app, with bodies written by hand (`raw-upload.ts`) so a test can stop
 * sending midway and still expect an answer.
 */
import { readdirSync } from 'node:fs';
import { expect } from 'chai';
import { ApiWorld } from '../helpers/api.js';
import { pdfBytes } from '../helpers/documents.js';
import { closing, fieldPart, fileHead, filePart, openUpload, sendRaw } from '../helpers/raw-upload.js';
import { tempDir } from '../helpers/world.js';

const FILE_LIMIT = 64 * 1024;
const REQUEST_LIMIT = 150 * 1024;

async function until(done: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Uploads: authorised before the body, on disk, bounded (issue 25)', function () {
  let api: ApiWorld;
  let spool: { dir: string; remove: () => void };
  let lab: string;
  const spooled = () => readdirSync(spool.dir);
  const bearer = () => ({ Authorization: `Bearer ${api.keyOf(lab)}` });

  before(async () => {
    spool = tempDir('mra-upload-spool-');
    api = await ApiWorld.create({
      uploadMaxBytes: FILE_LIMIT,
      env: { MRA_UPLOAD_DIR: spool.dir, MRA_UPLOAD_REQUEST_MAX_BYTES: String(REQUEST_LIMIT), MRA_UPLOADS_IN_FLIGHT: '1' },
    });
    lab = `${(await api.world.recognizedLab()).lab.cabId!}-user`;
  });
  after(async () => {
    await api.close();
    spool.remove();
  });
  afterEach(async () => {
    // Whatever a test did, its requests' folders are gone once they are answered or cut.
    await until(() => spooled().length === 0, `the upload folder is empty (holds ${spooled().join(', ')})`);
  });

  it('answers an anonymous or wrongly keyed upload 401 before its body is sent, and writes nothing', async () => {
    const headerSets: Array<Record<string, string>> = [{}, { Authorization: 'Bearer not-a-key-of-anyone' }];
    for (const headers of headerSets) {
      // 50 MiB declared, a few bytes sent: the answer must not wait for the rest.
      const upload = openUpload(api.server.url, '/test-reports', { headers, length: 50 * 1024 * 1024, first: Buffer.concat([fieldPart('body', '{}'), fileHead('report', 'r.pdf')]) });
      const answer = await upload.answer;
      upload.abort();
      expect(answer.status).to.equal(401);
      expect(answer.headers['content-type']).to.match(/^application\/problem\+json/);
      expect(spooled()).to.deep.equal([]);
    }
  });

  it('sends an anonymous page upload to the sign-in page before its body is sent, and writes nothing', async () => {
    for (const path of ['/records/test-reports', '/records/test-reports/tr-1/events']) {
      const upload = openUpload(api.server.url, path, { headers: { Accept: 'text/html' }, length: 50 * 1024 * 1024, first: Buffer.concat([fieldPart('_csrf', 'x'), fileHead('report', 'r.pdf')]) });
      const answer = await upload.answer;
      upload.abort();
      expect(answer.status, path).to.equal(303);
      expect(answer.headers.location).to.match(/^\/sign-in\?back=/);
      expect(spooled()).to.deep.equal([]);
    }
  });

  it('answers an upload from a role that may not send files there 403 before its body is sent, on the API and the pages', async () => {
    const upload = openUpload(api.server.url, '/test-reports', {
      headers: { Authorization: `Bearer ${api.keyOf('kr-regulator')}` },
      length: 50 * 1024 * 1024,
      first: Buffer.concat([fieldPart('body', '{}'), fileHead('report', 'r.pdf')]),
    });
    const answer = await upload.answer;
    upload.abort();
    expect(answer.status).to.equal(403);
    expect(answer.headers['content-type']).to.match(/^application\/problem\+json/);

    // A regulator signed in on the pages: the submit form's files are not for it.
    const form = await api.request('GET', '/sign-in', { headers: { Accept: 'text/html' } });
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1]!;
    const cookie = (headers: Headers) => headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
    const signed = await fetch(`${api.server.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookie(form.headers), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token, back: '/', key: api.keyOf('kr-regulator') }),
    });
    expect(signed.status).to.equal(303);
    const page = openUpload(api.server.url, '/records/test-reports', {
      headers: { Accept: 'text/html', Cookie: cookie(signed.headers) },
      length: 50 * 1024 * 1024,
      first: Buffer.concat([fieldPart('_csrf', token), fileHead('report', 'r.pdf')]),
    });
    const refused = await page.answer;
    page.abort();
    expect(refused.status).to.equal(403);
    expect(refused.headers['content-type']).to.match(/^text\/html/);
    expect(spooled()).to.deep.equal([]);
  });

  it('refuses a body whose declared length is over the request limit with 413, before reading it', async () => {
    const upload = openUpload(api.server.url, '/test-reports', { headers: bearer(), length: 10 * 1024 * 1024, first: fieldPart('body', '{}') });
    const answer = await upload.answer;
    upload.abort();
    expect(answer.status).to.equal(413);
    expect(answer.headers['content-type']).to.match(/^application\/problem\+json/);
  });

  it('refuses files that are together over the request limit with 413 (each under the file limit), keeping none', async () => {
    const annex = Buffer.alloc(60 * 1024, 1);
    const upload = openUpload(api.server.url, '/test-reports', { headers: bearer() });
    // Sent chunked: no declared length to refuse early, the files are counted as they arrive.
    await upload.write(fieldPart('body', JSON.stringify(api.world.reportBody({ reportNumber: 'SHT-LIMIT-1' }))));
    for (let i = 0; i < 3; i++) await upload.write(filePart('annexes', `a${i}.pdf`, annex));
    upload.end(closing());
    const answer = await upload.answer;
    expect(answer.status).to.equal(413);
    expect(JSON.parse(answer.text)).to.include({ status: 413 });
    const listed = await api.get<{ items: Array<{ data: { reportNumber?: string } }> }>('/test-reports', lab);
    expect(listed.body.items.map((r) => r.data.reportNumber)).to.not.include('SHT-LIMIT-1');
  });

  it('answers 503 with Retry-After, before reading its body, to an upload past the requests in flight; a cut request frees its place and its folder', async () => {
    const holding = openUpload(api.server.url, '/test-reports', { headers: bearer(), first: Buffer.concat([fieldPart('body', '{}'), fileHead('report', 'r.pdf'), Buffer.alloc(1024)]) });
    await until(() => spooled().length === 1, 'the first upload is being read');
    const refused = openUpload(api.server.url, '/test-reports', { headers: bearer(), length: 10 * 1024, first: fieldPart('body', '{}') });
    const answer = await refused.answer;
    refused.abort();
    expect(answer.status).to.equal(503);
    expect(answer.headers['retry-after']).to.match(/^\d+$/);
    expect(answer.headers['content-type']).to.match(/^application\/problem\+json/);
    // Visitors verifying a file have places of their own: they neither take nor wait for a lab's.
    const pdf = pdfBytes('verify me');
    const verified = await sendRaw(api.server.url, '/public/documents/verify', Buffer.concat([filePart('file', 'x.pdf', pdf), closing()]));
    expect(verified.status, verified.text).to.equal(200);
    holding.abort();
    await until(() => spooled().length === 0, "the cut upload's folder is removed");
    // The cut request's place is given back when the server sees the connection close.
    const empty = Buffer.concat([fieldPart('body', '{}'), closing()]);
    let next = await sendRaw(api.server.url, '/test-reports', empty, bearer());
    for (let i = 0; next.status === 503 && i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      next = await sendRaw(api.server.url, '/test-reports', empty, bearer());
    }
    expect(next.status).to.not.equal(503);
  });

  it('the public verification page refuses a file over the limit with 413 and keeps nothing of it', async () => {
    const big = Buffer.concat([filePart('file', 'x.pdf', Buffer.alloc(FILE_LIMIT + 1)), closing()]);
    const answer = await sendRaw(api.server.url, '/verify', big, { Accept: 'text/html' });
    expect(answer.status).to.equal(413);
    expect(answer.headers['content-type']).to.match(/^text\/html/);
  });
});
