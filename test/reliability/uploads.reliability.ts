/**
 * Issue 25, finding 1, measured on the real service in its own process: anonymous uploads of
 * hundreds of MiB, several at once, to the API and to the pages, must not grow the process's
 * memory (the probe took it from 363 MiB to 958 MiB with three 380 MiB requests answered 403).
 * Its resident set is sampled from /proc while the bodies are sent, whole, to their last byte.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { fieldPart, filePart, closing, sendLarge, sendRaw } from '../helpers/raw-upload.js';
import { pdfBytes } from '../helpers/documents.js';
import type { RunningService } from '../helpers/service-process.js';
import { record } from './figures.js';
import { ServiceHarness } from './service-harness.js';

const MIB = 1024 * 1024;
/** What the issue allows the process to grow by while it is sent anonymous uploads. */
const ALLOWED_GROWTH = 64 * MIB;

function residentBytes(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!line) throw new Error(`no VmRSS for process ${pid}`);
  return Number(line[1]) * 1024;
}

describe('reliability: anonymous uploads do not grow the service process (issue 25)', () => {
  const harness = new ServiceHarness();
  const spool = join(harness.dir, 'uploads');
  let service: RunningService;
  let pid: number;

  before(async () => {
    service = await harness.start(null, { MRA_UPLOAD_DIR: spool });
    pid = service.pid;
  });
  after(async () => {
    await service.stop();
    harness.remove();
  });

  it('holds its resident memory within 64 MiB of its start under 570 MiB of anonymous uploads, 6 at once, to the API and the pages', async () => {
    // Warm up what a first upload loads (multer, the page renderer, the verification), then measure.
    const pdf = pdfBytes('warm-up');
    for (let i = 0; i < 3; i++) {
      expect((await sendRaw(service.url, '/public/documents/verify', Buffer.concat([filePart('file', 'w.pdf', pdf), closing()]))).status).to.equal(200);
      expect((await sendRaw(service.url, '/test-reports', Buffer.concat([fieldPart('body', '{}'), closing()]))).status).to.equal(401);
      expect((await sendRaw(service.url, '/records/test-reports', Buffer.concat([fieldPart('_csrf', 'x'), closing()]), { Accept: 'text/html' })).status).to.be.oneOf([303, 403]);
    }
    const start = residentBytes(pid);
    let peak = start;
    const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 20);
    const file = 19 * MIB;
    const started = Date.now();
    const answers = await Promise.all([
      sendLarge(service.url, '/test-reports', { files: 5, fileBytes: file, part: 'annexes', whole: true }),
      sendLarge(service.url, '/test-reports', { files: 5, fileBytes: file, part: 'annexes', whole: true, headers: { Authorization: 'Bearer not-a-key-of-anyone-at-all' } }),
      sendLarge(service.url, '/test-reports/tr-1/events', { files: 5, fileBytes: file, part: 'annexes', whole: true }),
      sendLarge(service.url, '/records/test-reports', { files: 5, fileBytes: file, part: 'annexes', whole: true, headers: { Accept: 'text/html' } }),
      sendLarge(service.url, '/records/test-reports/tr-1/events', { files: 5, fileBytes: file, part: 'annexes', whole: true, headers: { Accept: 'text/html' } }),
      // Any path of the pages: none but the three forms that take files reads a multipart body.
      sendLarge(service.url, '/sign-in', { files: 5, fileBytes: file, part: 'annexes', whole: true, headers: { Accept: 'text/html' } }),
    ]);
    const ms = Date.now() - started;
    clearInterval(sampler);
    const end = residentBytes(pid);
    peak = Math.max(peak, end);
    const sent = answers.reduce((sum, answer) => sum + answer.sentBytes, 0) / MIB;
    record('anonymous uploads', 'sent / requests at once / answered in (ms)', `${sent.toFixed(0)} MiB of ${(6 * 5 * file) / MIB} / 6 / ${ms}`);
    record('anonymous uploads', 'statuses', answers.map((a) => a.status).join(' '));
    record('anonymous uploads', 'RSS start / peak / end (MiB)', `${(start / MIB).toFixed(0)} / ${(peak / MIB).toFixed(0)} / ${(end / MIB).toFixed(0)}`);
    // Refused from their headers: 401 on the API, the sign-in page (303) or the expired form (403) on the pages.
    for (const answer of answers) expect(answer.status).to.be.oneOf([401, 303, 403]);
    expect(peak - start, `grew from ${start} to a peak of ${peak} bytes`).to.be.at.most(ALLOWED_GROWTH);
    expect(readdirSync(spool)).to.deep.equal([]);
  });
});
