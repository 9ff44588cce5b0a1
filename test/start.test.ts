/** `npm start` as a user runs it: a real process, a real SQLite file, the real seed. */
import { expect } from 'chai';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runService } from './helpers/service-process.js';
import { tempDir } from './helpers/world.js';

const running = (line: { msg: string }) => line.msg.startsWith('MRA engine running');

describe('npm start', function () {
  this.timeout(60_000);
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir('mra-start-')));
  afterEach(() => remove());

  it('on an empty store, seeds the demo data, runs until SIGTERM and exits 0; started again, keeps the data', async () => {
    const env = { MRA_DB_PATH: join(dir, 'mra.sqlite'), MRA_MAIL_DIR: join(dir, 'mail') };
    const first = await runService(env, running);
    expect(first.exitCode).to.equal(0);
    const messages = first.lines.map((l) => l.msg);
    expect(messages).to.include('empty store seeded with the demo data');
    expect(first.lines.find((l) => l.msg === 'store opened')).to.deep.include({ store: 'sqlite', path: env.MRA_DB_PATH });
    expect(messages).to.include('stopping');
    // Stopping lets the e-mail in flight finish, and the dispatcher may report its pass after the signal.
    expect(first.lines.filter((l) => l.level >= 50)).to.deep.equal([]);

    const second = await runService(env, running);
    expect(second.exitCode).to.equal(0);
    expect(second.lines.map((l) => l.msg)).to.include('store already holds data; seed not loaded');
  });

  it('with MRA_SEED=none, starts on an empty store without seeding', async () => {
    const run = await runService({ MRA_DB_PATH: join(dir, 'mra.sqlite'), MRA_SEED: 'none' }, running);
    expect(run.exitCode).to.equal(0);
    expect(run.lines.map((l) => l.msg)).to.not.include('empty store seeded with the demo data');
  });

  it('with a bad seed file, stops with exit code 1 naming the file and the field, and writes no database', async () => {
    const seedDir = join(dir, 'seed');
    cpSync(join(import.meta.dirname, '..', 'seed'), seedDir, { recursive: true });
    const cabs = JSON.parse(readFileSync(join(seedDir, 'cabs.json'), 'utf8')) as Array<Record<string, unknown>>;
    cabs[1]!['type'] = 'laboratory';
    writeFileSync(join(seedDir, 'cabs.json'), JSON.stringify(cabs));
    const run = await runService({ MRA_DB_PATH: join(dir, 'mra.sqlite'), MRA_SEED_DIR: seedDir }, () => false);
    expect(run.exitCode).to.equal(1);
    const fatal = run.lines.find((l) => l.level === 60);
    expect(fatal?.msg).to.match(/cabs\.json: \/1\/type: must be one of: lab, certification_body$/);
    expect(existsSync(join(dir, 'mra.sqlite'))).to.equal(false);
  });

  it('with a bad setting, stops with exit code 1 naming every variable that is wrong', async () => {
    const run = await runService({ MRA_DB_PATH: join(dir, 'mra.sqlite'), PORT: 'eighty', MRA_SEED: 'all', MRA_DURATION_RECOGNITIONS_REVIEW: 'soon' }, () => false);
    expect(run.exitCode).to.equal(1);
    const fatal = run.lines.find((l) => l.level === 60)!;
    expect(fatal.msg).to.contain('PORT').and.to.contain('MRA_SEED').and.to.contain('recognitions.review');
  });

  it('with a wrong LOG_LEVEL, still logs the problem as the configuration problem it is, and exits 1', async () => {
    const run = await runService({ MRA_DB_PATH: join(dir, 'mra.sqlite'), LOG_LEVEL: 'loud', LOG_FORMAT: 'json' }, () => false);
    expect(run.exitCode).to.equal(1);
    const fatal = run.lines.find((l) => l.level === 60);
    expect(fatal?.msg).to.contain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "loud"');
    expect(existsSync(join(dir, 'mra.sqlite'))).to.equal(false);
  });
});

describe('npm start, with a scenario step the engine refuses', function () {
  this.timeout(60_000);
  const { dir, remove } = tempDir('mra-start-step-');
  after(() => remove());

  it('stops with exit code 1, naming the step, and says the store was partly seeded and must be deleted', async () => {
    const seedDir = join(dir, 'seed');
    cpSync(join(import.meta.dirname, '..', 'seed'), seedDir, { recursive: true });
    const scenario = JSON.parse(readFileSync(join(seedDir, 'scenario.json'), 'utf8')) as { steps: Array<Record<string, unknown>> };
    // Korea's regulator may not sign for Viet Nam twice: the engine refuses the step.
    scenario.steps[2] = { ...scenario.steps[2], as: 'vn-regulator' };
    writeFileSync(join(seedDir, 'scenario.json'), JSON.stringify(scenario));
    const run = await runService({ MRA_DB_PATH: join(dir, 'mra.sqlite'), MRA_SEED_DIR: seedDir }, () => false);
    expect(run.exitCode).to.equal(1);
    const fatal = run.lines.find((l) => l.level === 60)!;
    expect(fatal.msg).to.match(/scenario\.json: \/steps\/2: .*SIGN is not possible/);
    expect(fatal.msg).to.contain('was partly seeded: fix the seed, delete that file and start again');
  });
});
