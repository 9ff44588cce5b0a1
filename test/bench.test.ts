/**
 * `npm run bench` cannot rot: a tiny run of every part, checking that each figure the table
 * promises is produced as a finite number and written to the JSON file. It asserts nothing about
 * the values: speed is the bench's business, not a unit test's.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Figure } from '../bench/lib/figures.js';
import type { ProfileSummary } from '../bench/lib/profile.js';
import { tempDir } from './helpers/world.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');

describe('npm run bench (a tiny run)', function () {
  this.timeout(360_000);

  it('prints the table and writes every figure of every part, at both sizes, as JSON, with where the CPU time went', async () => {
    const { dir, remove } = tempDir('mra-bench-test-');
    try {
      const json = join(dir, 'figures.json');
      const args = ['--sizes', '20,40', '--rounds', '1', '--seconds', '0.5', '--connections', '2', '--senders', '2', '--drain-reports', '5', '--json', json, '--profile', join(dir, 'profiles')];
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], { cwd: ROOT, maxBuffer: 8 * 1024 * 1024 });
      const { figures, profiles } = JSON.parse(readFileSync(json, 'utf8')) as { figures: Figure[]; profiles: ProfileSummary[] };
      const names = figures.map((f) => `${f.part}: ${f.name}${f.size === undefined ? '' : ` @${f.size}`}`);
      const expected = [
        'disk: raw commits',
        'engine: transitions, 1 sender @40',
        'engine: transitions, 2 senders @40',
        'baseline: insert per request @40',
        'baseline: point read per request @40',
        'http: transitions @40',
        'http: creations @40',
        'http: public look-up @40',
        'http: register as of a date @40',
        'http: private read @40',
        'size: service RSS @40',
        'size: start-up to listening @40',
        'size: start-up to first /health @40',
        'size: bytes per report @40',
        'growth: http public look-up',
        'growth: engine transitions, 2 senders',
        'drain: dispatcher, SMTP on loopback',
        'drain: dispatcher, .eml files',
      ];
      expect(names).to.include.members(expected);
      for (const figure of figures) expect(Number.isFinite(figure.value), `${figure.part}: ${figure.name}`).to.equal(true);
      for (const figure of figures.filter((f) => f.part === 'http')) expect(figure.latency?.p99, figure.name).to.be.a('number');
      expect(stdout).to.match(/part\s+figure\s+value/).and.to.include('public look-up @40');

      // --profile: where each workload's CPU time went, at the largest size, printed and in the JSON.
      expect(profiles.map((p) => p.label)).to.deep.equal([
        'engine, 1 sender @40',
        'engine, 2 senders @40',
        'http transitions @40',
        'http creations @40',
        'http public look-up @40',
        'http register as of a date @40',
        'http private read @40',
        'drain, SMTP on loopback',
        'drain, .eml files',
      ]);
      for (const summary of profiles) {
        expect(summary.sampledMs, summary.label).to.be.greaterThan(0);
        const total = summary.places.reduce((sum, p) => sum + p.share, 0);
        expect(total, summary.label).to.be.within(0.5, 1.0001);
      }
      expect(stdout).to.include('Where the CPU time went').and.to.include('http public look-up @40');
    } finally {
      remove();
    }
  });
});
