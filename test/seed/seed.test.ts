/**
 * The demo seed: checked file by file before anything is written, then loaded through the engine
 * into an empty store, giving the demo scenario the README describes.
 */
import { expect } from 'chai';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Durations } from '../../src/engine/durations-table.js';
import { isAppError } from '../../src/errors.js';
import { applySeed } from '../../src/seed/apply-seed.js';
import { readSeed } from '../../src/seed/read-seed.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { Validator } from '../../src/validation.js';
import { tempDir } from '../helpers/world.js';

const SEED = join(import.meta.dirname, '..', '..', 'seed');
const validator = new Validator();

async function seedError(dir: string): Promise<string> {
  try {
    await readSeed(dir, validator);
  } catch (error) {
    if (isAppError(error, 'SEED_INVALID')) return error.detail;
    throw error;
  }
  throw new Error('expected the seed to be refused');
}

describe('demo seed', () => {
  const { dir, remove } = tempDir('mra-seed-');
  let store: SqliteStore;
  before(async () => {
    store = new SqliteStore({ path: join(dir, 'seed.sqlite') });
    await applySeed(store, await readSeed(SEED, validator), { now: new Date('2026-11-23T09:00:00Z'), durations: new Durations(), validator });
  });
  after(async () => {
    await store.close();
    remove();
  });

  const states = async (kind: Parameters<SqliteStore['find']>[0]) =>
    Object.fromEntries((await store.find(kind, { limit: 50 })).items.map((i) => [i.id, i.state]));

  it('has operational VN-KR (Phase I) and VN-US agreements and a VN-JP agreement still negotiating', async () => {
    expect(await states('agreements')).to.deep.equal({ 'agr-vn-kr': 'operational', 'agr-vn-us': 'operational', 'agr-vn-jp': 'negotiating' });
    expect((await store.load('agreements', 'agr-vn-kr'))!.context['phase']).to.equal('I');
  });

  it('has two VN labs with active accreditations, one recognised by KR (VN0001) and one pending', async () => {
    expect(await states('accreditations')).to.deep.equal({ 'acc-song-hong': 'active', 'acc-sai-gon': 'active' });
    expect(await states('recognitions')).to.deep.equal({ 'rec-song-hong-kr': 'recognized', 'rec-sai-gon-kr': 'pending' });
    expect((await store.load('recognitions', 'rec-song-hong-kr'))!.context['designationNumber']).to.equal('VN0001');
  });

  it('has test reports in several states, the unrecognised lab’s rejected with LAB_NOT_RECOGNIZED', async () => {
    expect(new Set(Object.values(await states('test-reports')))).to.deep.equal(new Set(['accepted', 'under_review', 'info_requested', 'rejected']));
    const rejected = await store.load('test-reports', 'tr-sg-0001');
    expect((rejected!.context['reasons'] as Array<{ code: string }>).map((r) => r.code)).to.deep.equal(['LAB_NOT_RECOGNIZED']);
  });

  it('has, for each of VN, KR, US and JP, a regulator and a designating authority; accreditation bodies for VN and US; a principal for each lab, an importer and an admin', async () => {
    const economiesOf = async (role: Parameters<SqliteStore['findPrincipals']>[0]['role']) =>
      (await store.findPrincipals({ role })).map((p) => p.economy).sort();
    expect(await economiesOf('regulator')).to.include.members(['JP', 'KR', 'US', 'VN']);
    expect(await economiesOf('designating_authority')).to.include.members(['JP', 'KR', 'US', 'VN']);
    expect(await economiesOf('accreditation_body')).to.include.members(['US', 'VN']);
    const labs = (await store.findPrincipals({ role: 'lab' })).map((p) => p.cabId).sort();
    expect(labs).to.deep.equal((await store.listCabs({ limit: 50 })).items.map((c) => c.id).sort());
    expect(await store.findPrincipals({ role: 'importer' })).to.not.be.empty;
    expect(await store.findPrincipals({ role: 'admin' })).to.not.be.empty;
  });

  it('stores API keys only as digests', () => {
    const demoKey = (JSON.parse(readFileSync(join(SEED, 'principals.json'), 'utf8')) as Array<{ apiKey: string }>)[0]!.apiKey;
    const file = readFileSync(join(dir, 'seed.sqlite'));
    expect(file.includes(Buffer.from(demoKey))).to.equal(false);
  });

  it('keeps Vietnamese names with their diacritics', async () => {
    expect((await store.getCab('vn-lab-song-hong'))!.name).to.equal('Phòng thử nghiệm Viễn thông Sông Hồng');
    expect((await store.getEconomy('VN'))!.nameVi).to.equal('Việt Nam');
  });

  it('leaves no deadline overdue, so a fresh demo starts quiet', async () => {
    expect(await store.claimDueDeadlines({ owner: 't', now: '2026-11-23T09:00:00.000Z', leaseMs: 1000, limit: 10 })).to.deep.equal([]);
  });
});

describe('a bad seed file', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => {
    ({ dir, remove } = tempDir('mra-badseed-'));
    cpSync(SEED, dir, { recursive: true });
  });
  afterEach(() => remove());

  function edit(file: string, change: (data: never) => unknown): void {
    const path = join(dir, file);
    writeFileSync(path, JSON.stringify(change(JSON.parse(readFileSync(path, 'utf8')) as never)));
  }

  it('names the file and the field when a value breaks its schema', async () => {
    edit('principals.json', (principals: Array<Record<string, unknown>>) => {
      principals[2]!['email'] = 'not an address';
      return principals;
    });
    expect(await seedError(dir)).to.match(/principals\.json: \/2\/email: must match format "email"$/);
  });

  it('names the file and the field when a reference is unknown', async () => {
    edit('principals.json', (principals: Array<Record<string, unknown>>) => {
      principals[10]!['cabId'] = 'no-such-lab';
      return principals;
    });
    expect(await seedError(dir)).to.match(/principals\.json: \/10\/cabId: unknown CAB "no-such-lab"$/);
  });

  it('names the file when it is not JSON', async () => {
    writeFileSync(join(dir, 'regulations.json'), '[{"id": "VN:QCVN 54:2020/BTTTT",');
    expect(await seedError(dir)).to.match(/regulations\.json: not valid JSON/);
  });

  it('names the scenario step whose actor is unknown', async () => {
    edit('scenario.json', (scenario: { steps: Array<Record<string, unknown>> }) => {
      scenario.steps[3]!['as'] = 'nobody';
      return scenario;
    });
    expect(await seedError(dir)).to.match(/scenario\.json: \/steps\/3\/as: unknown principal "nobody"$/);
  });
});
