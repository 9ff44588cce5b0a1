/** Fuzzing every operation that takes files with multipart bodies, broken and whole (issue 25). */
import { readdirSync } from 'node:fs';
import { expect } from 'chai';
import { ApiWorld } from '../helpers/api.js';
import { tempDir } from '../helpers/world.js';
import { SEED, record } from './figures.js';
import { fuzzMultipart } from './multipart-fuzz.js';

const RUNS = Number(process.env['RELIABILITY_MULTIPART_RUNS'] ?? 300);
const FILE_LIMIT = 64 * 1024;

describe('reliability: multipart bodies on every upload operation', () => {
  const spool = tempDir('mra-multipart-spool-');
  let api: ApiWorld;
  after(async () => {
    await api.close();
    spool.remove();
  });

  it(`fast-check: ${RUNS} multipart requests (broken boundaries, missing, extra and huge parts, odd names, empty files) as callers with and without rights: 0 5xx, 0 writes by refusals, no file left`, async () => {
    api = await ApiWorld.create({ uploadMaxBytes: FILE_LIMIT, env: { MRA_UPLOAD_DIR: spool.dir, MRA_UPLOAD_REQUEST_MAX_BYTES: String(4 * FILE_LIMIT) } });
    const { lab } = await api.world.recognizedLab();
    api.world.advanceDays(3);
    const pending = await api.world.submit(lab, { reportNumber: 'SHT-FUZZ-0' });
    const started = performance.now();
    const result = await fuzzMultipart(api, { seed: SEED, runs: RUNS, fileLimit: FILE_LIMIT, lab: lab.id, reportId: pending.id, validReport: api.world.reportBody({ reportNumber: 'SHT-FUZZ-1' }) });
    record('multipart fuzzing', 'cases / accepted / refused', `${result.cases} / ${result.accepted} / ${result.refused}`);
    record('multipart fuzzing', 'answers 5xx / refusals that changed the store', `${result.fiveHundreds} / ${result.changedByRefusal}`);
    record('multipart fuzzing', 'time (s)', Math.round((performance.now() - started) / 1000));
    expect(result).to.include({ cases: RUNS, fiveHundreds: 0, changedByRefusal: 0 });
    // Every request's folder went with its answer.
    const deadline = Date.now() + 10_000;
    while (readdirSync(spool.dir).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readdirSync(spool.dir)).to.deep.equal([]);
  });
});
