/**
 * Fuzzing of multipart bodies (issue 25): every operation the OpenAPI document says takes
 * `multipart/form-data`, sent bodies drawn by fast-check and written byte by byte (broken and
 * missing boundaries, missing parts, too many parts, huge fields, part names it does not take,
 * file names that are not UTF-8, empty files, files over the limit), by callers with the right to
 * send files and without it, and by nobody. No answer is a 5xx; a refused request changes nothing.
 * Beside `fuzzEveryOperation` (`scenarios.ts`), which sends JSON bodies.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import type { ApiWorld } from '../helpers/api.js';
import { pdfBytes, pngBytes } from '../helpers/documents.js';
import { sendRaw, type RawAnswer } from '../helpers/raw-upload.js';

interface UploadOperation {
  path: string;
  /** The parts it documents (the JSON part and the file parts). */
  parts: string[];
}

/** Every operation that takes multipart/form-data, with its documented parts. */
export async function uploadOperationsOf(api: ApiWorld): Promise<UploadOperation[]> {
  type Op = { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } };
  const document = (await api.get<{ paths: Record<string, Record<string, Op>> }>('/openapi.json')).body;
  return Object.entries(document.paths).flatMap(([path, methods]) => {
    const multipart = methods['post']?.requestBody?.content?.['multipart/form-data'];
    return multipart ? [{ path, parts: Object.keys(multipart.schema?.properties ?? {}) }] : [];
  });
}

interface Part {
  name: string;
  /** The file name's raw bytes (not necessarily UTF-8); absent for a text field. */
  filename?: Buffer;
  type?: string;
  content: Buffer;
}

type Shape = 'well-formed' | 'other boundary' | 'no boundary' | 'no closing' | 'garbage first' | 'no blank line after headers';

const BOUNDARY = 'fuzz-boundary-e1c9';

function serialise(parts: readonly Part[], shape: Shape): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  if (shape === 'garbage first') chunks.push(Buffer.from('\u0000\u00ffnot a part\r\n'));
  for (const part of parts) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name.replace(/["\r\n]/g, '')}"`));
    if (part.filename) chunks.push(Buffer.from('; filename="'), part.filename, Buffer.from('"'));
    chunks.push(Buffer.from(`\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}${shape === 'no blank line after headers' ? '' : '\r\n'}`), part.content, Buffer.from('\r\n'));
  }
  if (shape !== 'no closing') chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  const contentType = shape === 'no boundary' ? 'multipart/form-data' : `multipart/form-data; boundary=${shape === 'other boundary' ? 'not-the-one' : BOUNDARY}`;
  return { body: Buffer.concat(chunks), contentType };
}

/**
 * `runs` multipart requests drawn from `seed` over every upload operation. `fileLimit` is the
 * app's per-file limit (bodies over it are drawn too); `lab` is a principal that may submit.
 */
export async function fuzzMultipart(
  api: ApiWorld,
  options: { seed: number; runs: number; fileLimit: number; lab: string; reportId: string; validReport: Record<string, unknown> },
): Promise<{ cases: number; fiveHundreds: number; refused: number; changedByRefusal: number; accepted: number }> {
  const operations = await uploadOperationsOf(api);
  expect(operations.map((o) => o.path)).to.include.members(['/test-reports', '/test-reports/{id}/events', '/public/documents/verify']);
  const partNames = [...new Set(operations.flatMap((o) => o.parts)), 'body', 'event', 'report', 'annexes', 'file'];
  const pdf = pdfBytes('fuzzed report');
  const content = fc.oneof(
    fc.constant(Buffer.alloc(0)),
    fc.constant(pdf),
    fc.constant(pngBytes()),
    fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
    fc.constant(Buffer.alloc(options.fileLimit + 1, 0x25)),
  );
  const filename = fc.oneof(
    fc.constantFrom('r.pdf', 'báo cáo.pdf', '../../etc/passwd', 'r.html', '', 'a\u202egpj.pdf', '💥.png'),
    // Raw bytes, not UTF-8 (a lone 0xff, latin-1 é, a cut sequence): only the quote and line ends are kept out.
    fc.uint8Array({ minLength: 1, maxLength: 24 }).map((bytes) => Buffer.from(bytes.filter((b) => b !== 0x22 && b !== 0x0a && b !== 0x0d))),
  ).map((name) => (typeof name === 'string' ? Buffer.from(name) : name));
  const jsonText = fc.oneof(
    fc.constant(JSON.stringify(options.validReport)),
    fc.constant(JSON.stringify({ type: 'PROVIDE_INFO', response: 'Phụ lục đính kèm.' })),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 40 }),
    // Over the 100 kB a field may have.
    fc.constant(`{"x":"${'x'.repeat(120 * 1024)}"}`),
  );
  const name = fc.oneof(fc.constantFrom(...partNames), fc.string({ maxLength: 12 }));
  const filePart = fc.record({ name, filename, type: fc.constantFrom('application/pdf', 'text/html', 'application/octet-stream'), content });
  const fieldPart = fc.record({ name, content: jsonText.map((text) => Buffer.from(text)) });
  const parts: fc.Arbitrary<Part[]> = fc.oneof(
    { weight: 6, arbitrary: fc.array(fc.oneof(filePart as fc.Arbitrary<Part>, fieldPart as fc.Arbitrary<Part>), { maxLength: 6 }) },
    // Whole and right, for each operation's parts: some are accepted (the first report; a file to verify).
    {
      weight: 2,
      arbitrary: fc.constantFrom<Part[]>(
        [
          { name: 'body', content: Buffer.from(JSON.stringify(options.validReport)) },
          { name: 'report', filename: Buffer.from('r.pdf'), type: 'application/pdf', content: pdf },
        ],
        [{ name: 'file', filename: Buffer.from('x.pdf'), content: pdf }],
      ),
    },
    // Too many: more files than a transition takes, more fields than a route reads.
    { weight: 1, arbitrary: fc.constant<Part[]>(Array.from({ length: 30 }, (_, i) => ({ name: 'annexes', filename: Buffer.from(`a${i}.pdf`), content: pdf }))) },
    { weight: 1, arbitrary: fc.constant<Part[]>(Array.from({ length: 150 }, (_, i) => ({ name: `f${i}`, content: Buffer.from('x') }))) },
  );
  const request = fc.record({
    operation: fc.constantFrom(...operations),
    id: fc.constantFrom(options.reportId, 'tr-does-not-exist', '%ff'),
    as: fc.constantFrom(options.lab, 'kr-regulator', 'vn-regulator', 'importer-hanbit', 'admin', undefined),
    parts,
    shape: fc.constantFrom<Shape>('well-formed', 'well-formed', 'well-formed', 'other boundary', 'no boundary', 'no closing', 'garbage first', 'no blank line after headers'),
  });
  let cases = 0;
  let fiveHundreds = 0;
  let refused = 0;
  let changedByRefusal = 0;
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(request, async ({ operation, id, as, parts: drawn, shape }) => {
      cases += 1;
      const path = operation.path.replace('{id}', encodeURIComponent(id));
      const { body, contentType } = serialise(drawn, shape);
      const before = await api.world.snapshot();
      let answer: RawAnswer;
      try {
        answer = await sendRaw(api.server.url, path, body, { 'Content-Type': contentType, ...(as ? { Authorization: `Bearer ${api.keyOf(as)}` } : {}) });
      } catch (error) {
        throw new Error(`POST ${path} (${shape}, ${drawn.length} parts) as ${String(as)}: ${String(error)}`, { cause: error });
      }
      const what = `POST ${path} (${shape}, parts ${drawn.map((p) => p.name).join(',')}) as ${String(as)}: ${answer.status} ${answer.text.slice(0, 300)}`;
      if (answer.status >= 500) fiveHundreds += 1;
      expect(answer.status, what).to.be.below(500);
      if (answer.status >= 400) {
        refused += 1;
        expect(answer.headers['content-type'], what).to.match(/^application\/problem\+json/);
        const after = await api.world.snapshot();
        if (JSON.stringify(after) !== JSON.stringify(before)) changedByRefusal += 1;
        expect(after, `${what}: refused but wrote`).to.deep.equal(before);
      } else {
        accepted += 1;
      }
    }),
    { seed: options.seed, numRuns: options.runs, endOnFailure: true },
  );
  return { cases, fiveHundreds, refused, changedByRefusal, accepted };
}
