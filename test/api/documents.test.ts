/**
 * Documents of a test report (issue: documents anyone can verify): attached as multipart on
 * submission and in answer to a request for information, stored once under their SHA-256 with
 * the hash in the history entry of the transition that attached them, downloadable byte for byte
 * by whoever may read the report and by nobody else (404), verifiable publicly once accepted.
 */
import { expect } from 'chai';
import { parse as parseDisposition } from 'content-disposition';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Resource } from '../../src/engine/resource.js';
import { sha256Of } from '../../src/store/blobs.js';
import { ApiWorld } from '../helpers/api.js';
import { multipart, pdfBytes, pngBytes } from '../helpers/documents.js';

interface Verification {
  sha256: string;
  verified: boolean;
  message: string;
  reports: Array<{ reportNumber: string; state: string }>;
}
interface HistoryEntry {
  type: string;
  payload: { documents?: Array<{ sha256: string; size: number; mediaType: string }> };
}
type Problem = { code: string; status: number };

/** Every file under the blob folder, by name. */
function storedFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

describe('Documents: attached, downloaded, verified', function () {
  this.timeout(60_000);
  let api: ApiWorld;
  let lab: string;
  const pdf = pdfBytes('Test report SHT-DOC-1, Phòng thử nghiệm');
  const sha256 = sha256Of(pdf);
  let report: Resource;

  const submitWithFiles = (as: string, body: Record<string, unknown>, files: Parameters<typeof multipart>[1]) =>
    api.request<Resource & Problem>('POST', '/test-reports', { as, form: multipart({ name: 'body', value: body }, files) });

  before(async () => {
    api = await ApiWorld.create({ uploadMaxBytes: 64 * 1024 });
    const { lab: actor } = await api.world.recognizedLab();
    lab = actor.id;
    api.world.advanceDays(3);
    const answer = await submitWithFiles(lab, api.world.reportBody({ reportNumber: 'SHT-DOC-1' }), [
      { part: 'report', name: 'SHT-DOC-1 báo cáo.pdf', bytes: pdf, type: 'text/plain' },
      { part: 'annexes', name: '../../photo.png', bytes: pngBytes() },
    ]);
    expect(answer.status, answer.text).to.equal(201);
    report = answer.body;
  });
  after(async () => api.close());

  it('keeps each file with its SHA-256, size and the type read from its content, not from the name or the client', () => {
    const documents = report.data['documents'] as Array<Record<string, unknown>>;
    expect(documents).to.have.length(2);
    expect(documents[0]).to.include({ sha256, size: pdf.length, mediaType: 'application/pdf', role: 'report', name: 'SHT-DOC-1 báo cáo.pdf', attachedWith: 'CREATE' });
    expect(documents[1]).to.include({ mediaType: 'image/png', role: 'annex', name: 'photo.png' });
  });

  it('writes the hash into the history entry of the submission', async () => {
    const history = await api.get<{ items: HistoryEntry[] }>(`/test-reports/${report.id}/history`, lab);
    const created = history.body.items[0]!;
    expect(created.type).to.equal('CREATE');
    expect(created.payload.documents!.map((d) => d.sha256)).to.deep.equal([sha256, sha256Of(pngBytes())]);
  });

  it('stores the files content-addressed beside the store, readable by the service only (0600)', () => {
    const dir = api.world.blobs.dir;
    expect(storedFiles(dir)).to.include(sha256);
    expect(statSync(join(dir, sha256.slice(0, 2), sha256)).mode & 0o777).to.equal(0o600);
  });

  it('downloads byte-identical for the importing regulator, the importer and the lab', async () => {
    for (const who of ['kr-regulator', 'importer-hanbit', lab]) {
      const answer = await api.get(`/test-reports/${report.id}/documents/${sha256}`, who);
      expect(answer.status, who).to.equal(200);
      expect(answer.headers.get('content-type')).to.equal('application/pdf');
      expect(answer.headers.get('content-disposition')).to.contain('attachment');
      expect(sha256Of(answer.bytes), who).to.equal(sha256);
      expect(answer.bytes.equals(pdf)).to.equal(true);
    }
  });

  it('downloads under a name whose extension is the type read from the content, never the sender\'s (issue 25: a PDF/HTML polyglot sent as r.html)', async () => {
    const polyglot = Buffer.concat([pdfBytes('polyglot SHT-DOC-9'), Buffer.from('<html><script>alert(1)</script></html>')]);
    const sent = await submitWithFiles(lab, api.world.reportBody({ reportNumber: 'SHT-DOC-9' }), [
      { part: 'report', name: 'r.html', bytes: polyglot, type: 'text/html' },
      { part: 'annexes', name: 'schema.jpg', bytes: pngBytes() },
      { part: 'annexes', name: '.htaccess', bytes: pdfBytes('dotfile SHT-DOC-9') },
    ]);
    expect(sent.status, sent.text).to.equal(201);
    const names = new Map<string, string>();
    for (const document of sent.body.data['documents'] as Array<{ sha256: string; name: string }>) {
      const answer = await api.get(`/test-reports/${sent.body.id}/documents/${document.sha256}`, lab);
      expect(answer.status).to.equal(200);
      expect(answer.headers.get('x-content-type-options')).to.equal('nosniff');
      const disposition = parseDisposition(answer.headers.get('content-disposition')!);
      expect(disposition.type).to.equal('attachment');
      names.set(document.name, `${answer.headers.get('content-type')} ${disposition.parameters['filename']}`);
    }
    expect(Object.fromEntries(names)).to.deep.equal({ 'r.html': 'application/pdf r.pdf', 'schema.jpg': 'image/png schema.png', '.htaccess': 'application/pdf document.pdf' });
    // A name that already says the type is kept as sent, diacritics and all.
    const kept = await api.get(`/test-reports/${report.id}/documents/${sha256}`, lab);
    expect(parseDisposition(kept.headers.get('content-disposition')!).parameters['filename']).to.equal('SHT-DOC-1 báo cáo.pdf');
  });

  it('is 404 for a principal who may not read the report, the same 404 as for a file it does not have', async () => {
    const other = await api.world.addLab();
    for (const who of ['jp-regulator', 'lab-song-hong', other.id]) {
      const answer = await api.get<Problem>(`/test-reports/${report.id}/documents/${sha256}`, who);
      expect(answer.status, who).to.equal(404);
    }
    const unknown = await api.get<Problem>(`/test-reports/${report.id}/documents/${'0'.repeat(64)}`, 'kr-regulator');
    expect(unknown.status).to.equal(404);
    expect((await api.get(`/test-reports/${report.id}/documents/${sha256}`)).status).to.equal(401);
  });

  it('verifies publicly only once the report is accepted, by hash or by upload; never before', async () => {
    const before = await api.get<Verification>(`/public/documents/${sha256}`);
    expect(before.body).to.deep.include({ verified: false, reports: [], message: 'This file is not a document of any accepted test report.' });
    const uploadedBefore = await api.request<Verification>('POST', '/public/documents/verify', { form: multipart(null, [{ part: 'file', name: 'x.pdf', bytes: pdf }]) });
    expect(uploadedBefore.body).to.deep.include({ verified: false, reports: [] });

    await api.world.send('test-reports', report.id, { type: 'ACCEPT' }, 'kr-regulator');
    const byHash = await api.get<Verification>(`/public/documents/${sha256.toUpperCase()}?lang=vi`);
    expect(byHash.body.verified).to.equal(true);
    expect(byHash.body.message).to.match(/^Tệp này là tài liệu/);
    expect(byHash.body.reports.map((r) => [r.reportNumber, r.state])).to.deep.equal([['SHT-DOC-1', 'accepted']]);
    const byUpload = await api.request<Verification>('POST', '/public/documents/verify', { form: multipart(null, [{ part: 'file', name: 'x.pdf', bytes: pdf }]) });
    expect(byUpload.body).to.deep.include({ sha256, verified: true });
    const other = await api.request<Verification>('POST', '/public/documents/verify', { form: multipart(null, [{ part: 'file', name: 'y.pdf', bytes: pdfBytes('forged') }]) });
    expect(other.body).to.deep.include({ verified: false, reports: [] });
  });

  it('refuses a report that is not a PDF (415), a file over the limit (413), and stores nothing of either', async () => {
    const dir = api.world.blobs.dir;
    const filesBefore = storedFiles(dir);
    const rowsBefore = await api.world.snapshot();
    const notPdf = await submitWithFiles(lab, api.world.reportBody(), [{ part: 'report', name: 'report.pdf', bytes: pngBytes(), type: 'application/pdf' }]);
    expect([notPdf.status, notPdf.body.code]).to.deep.equal([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const large = Buffer.concat([pdfBytes('large'), Buffer.alloc(65 * 1024, 0x20)]);
    const tooLarge = await submitWithFiles(lab, api.world.reportBody(), [{ part: 'report', name: 'big.pdf', bytes: large }]);
    expect([tooLarge.status, tooLarge.body.code]).to.deep.equal([413, 'PAYLOAD_TOO_LARGE']);
    const unknownPart = await submitWithFiles(lab, api.world.reportBody(), [{ part: 'virus', name: 'a.pdf', bytes: pdf }]);
    expect(unknownPart.status).to.equal(400);
    expect(storedFiles(dir)).to.deep.equal(filesBefore);
    expect(await api.world.snapshot()).to.deep.equal(rowsBefore);
  });

  it('removes the files of a submission whose commit is refused, but never a file another report references', async () => {
    const dir = api.world.blobs.dir;
    const fresh = pdfBytes('a report refused as a duplicate');
    const duplicate = await submitWithFiles(lab, api.world.reportBody({ reportNumber: 'SHT-DOC-1' }), [
      { part: 'report', name: 'dup.pdf', bytes: fresh },
      { part: 'annexes', name: 'same.pdf', bytes: pdf },
    ]);
    expect([duplicate.status, duplicate.body.code]).to.deep.equal([409, 'DUPLICATE']);
    expect(storedFiles(dir)).not.to.include(sha256Of(fresh));
    expect(storedFiles(dir), 'still referenced by SHT-DOC-1').to.include(sha256);
    expect((await api.get(`/test-reports/${report.id}/documents/${sha256}`, 'kr-regulator')).bytes.equals(pdf)).to.equal(true);
  });

  it('a lab answers a request for information with an annex: question and answer show on the resource', async () => {
    const w = api.world;
    const pending = await w.submit(w.as(lab), { reportNumber: 'SHT-DOC-2' });
    await w.send('test-reports', pending.id, { type: 'REQUEST_INFO', request: 'Xin gửi ảnh chụp nhãn thiết bị.' }, 'kr-regulator');
    const asked = await api.get<Resource>(`/test-reports/${pending.id}`, 'importer-hanbit');
    expect(asked.body.data['infoRequests']).to.deep.equal([{ request: 'Xin gửi ảnh chụp nhãn thiết bị.', requestedAt: w.clock.now().toISOString(), requestedBy: 'kr-regulator' }]);

    const label = pdfBytes('label photo');
    const answer = await api.request<Resource>('POST', `/test-reports/${pending.id}/events`, {
      as: lab,
      form: multipart({ name: 'event', value: { type: 'PROVIDE_INFO', response: 'Ảnh nhãn đính kèm.' } }, [{ part: 'annexes', name: 'nhan.pdf', bytes: label }]),
    });
    expect(answer.status, answer.text).to.equal(200);
    const read = await api.get<Resource>(`/test-reports/${pending.id}`, 'kr-regulator');
    expect(read.body.state).to.equal('under_review');
    const [request] = read.body.data['infoRequests'] as Array<Record<string, unknown>>;
    expect(request).to.include({ request: 'Xin gửi ảnh chụp nhãn thiết bị.', response: 'Ảnh nhãn đính kèm.' });
    expect(request!['documents']).to.deep.equal([sha256Of(label)]);
    expect((read.body.data['documents'] as Array<{ attachedWith: string }>).map((d) => d.attachedWith)).to.deep.equal(['PROVIDE_INFO']);
    const history = await api.get<{ items: HistoryEntry[] }>(`/test-reports/${pending.id}/history`, 'kr-regulator');
    expect(history.body.items.at(-1)!.payload.documents!.map((d) => d.sha256)).to.deep.equal([sha256Of(label)]);
    expect((await api.get(`/test-reports/${pending.id}/documents/${sha256Of(label)}`, 'kr-regulator')).bytes.equals(label)).to.equal(true);
  });

  it('refuses files on an event that takes none, and files from a principal who may not send the event, storing nothing', async () => {
    const dir = api.world.blobs.dir;
    const pending = await api.world.submit(api.world.as(lab), { reportNumber: 'SHT-DOC-3' });
    const extra = pdfBytes('not wanted');
    const onAccept = await api.request<Problem>('POST', `/test-reports/${pending.id}/events`, {
      as: 'kr-regulator',
      form: multipart({ name: 'event', value: { type: 'ACCEPT' } }, [{ part: 'annexes', name: 'a.pdf', bytes: extra }]),
    });
    expect(onAccept.status).to.equal(400);
    await api.world.send('test-reports', pending.id, { type: 'REQUEST_INFO', request: 'Ảnh?' }, 'kr-regulator');
    const fromImporter = await api.request<Problem>('POST', `/test-reports/${pending.id}/events`, {
      as: 'importer-hanbit',
      form: multipart({ name: 'event', value: { type: 'PROVIDE_INFO', response: 'x' } }, [{ part: 'annexes', name: 'a.pdf', bytes: extra }]),
    });
    expect(fromImporter.status).to.equal(403);
    expect(storedFiles(dir)).not.to.include(sha256Of(extra));
  });
});
