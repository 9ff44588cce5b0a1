/**
 * The demo seed: checked file by file before anything is written, then loaded through the engine
 * into an empty store, giving the demo scenario the README describes.
 */
import { expect } from 'chai';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Durations } from '../../src/kinds/durations-table.js';
import { isAppError } from '../../src/errors.js';
import { applySeed } from '../../src/seed/apply-seed.js';
import { readSeed } from '../../src/seed/read-seed.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { Validator } from '../../src/validation.js';
import { tempDir, testKeyHasher } from '../helpers/world.js';

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
    await applySeed(store, await readSeed(SEED, validator), { now: new Date('2026-11-23T09:00:00Z'), durations: new Durations(), validator, hasher: testKeyHasher });
  });
  after(async () => {
    await store.close();
    remove();
  });

  const states = async (kind: Parameters<SqliteStore['find']>[0]) =>
    Object.fromEntries((await store.find(kind, { limit: 50 })).items.map((i) => [i.id, i.state]));

  it('47 CFR 2.948: the accepted Sông Hồng report names the certification application it supports', async () => {
    const report = (await store.load('test-reports', 'tr-sh-0001'))!;
    expect(report.state).to.equal('accepted');
    expect(report.context['certificationApplication']).to.deep.equal({ reference: 'RRA-2026-0412', authority: 'National Radio Research Agency (RRA)' });
  });

  it('has an operational VN-KR (Phase I) agreement, VN-US under the United States\' notice of termination, and VN-JP still negotiating', async () => {
    expect(await states('agreements')).to.deep.equal({ 'agr-vn-kr': 'operational', 'agr-vn-us': 'terminating', 'agr-vn-jp': 'negotiating', 'agr-vn-us-2': 'operational' });
    const notice = (await store.load('agreements', 'agr-vn-us'))!.context['notice'] as { economy: string; effectiveAt: string };
    expect(notice.economy).to.equal('US');
    expect(notice.effectiveAt).to.equal('2027-05-07T09:00:00.000Z');
    expect((await store.load('agreements', 'agr-vn-kr'))!.context['phase']).to.equal('I');
  });

  it('Circular 12/2016/TT-BTTTT: designates each CAB at home before it is put forward, Sông Hồng through a correction, the council, an on-site assessment and a surveillance', async () => {
    expect(await states('designations')).to.deep.equal({ 'des-song-hong-kr': 'designated', 'des-sai-gon-kr': 'designated', 'des-thang-long-us': 'designated', 'des-song-hong-us': 'designated' });
    const path = (await store.history('designations', 'des-song-hong-kr', { limit: 50 })).items.map((h) => `${h.type}:${h.to}`);
    expect(path).to.deep.equal([
      'CREATE:submitted',
      'REQUEST_CORRECTION:correction_requested',
      'RESUBMIT:submitted',
      'ACCEPT_FILE:assessing',
      'RECORD_ASSESSMENT:assessing',
      'DESIGNATE:designated',
      'SURVEILLANCE_DUE:surveillance_due',
      'RECORD_SURVEILLANCE:designated',
    ]);
    for (const [recognition, designation] of [['rec-song-hong-kr', 'des-song-hong-kr'], ['rec-sai-gon-kr', 'des-sai-gon-kr'], ['rec-thang-long-us', 'des-thang-long-us']]) {
      const data = (await store.load('recognitions', recognition!))!.context;
      expect(data['designationId'], recognition).to.equal(designation);
      expect((data['application'] as { testSites: unknown[] }).testSites, recognition).to.not.be.empty;
    }
  });

  it('has two VN labs with active accreditations, one recognised by KR (VN0001) whose competence KR contests, answered and opposed by VN (under joint verification), and one pending', async () => {
    expect(await states('accreditations')).to.deep.equal({ 'acc-song-hong': 'active', 'acc-sai-gon': 'active', 'acc-thang-long': 'active' });
    expect(await states('recognitions')).to.deep.equal({
      'rec-song-hong-kr': 'verification',
      'rec-sai-gon-kr': 'pending',
      'rec-thang-long-us': 'recognized',
      'rec-song-hong-us': 'pending',
    });
    const contest = (await store.load('recognitions', 'rec-song-hong-kr'))!.context['contest'] as { answers: unknown[]; by: string };
    expect(contest).to.include({ by: 'kr-regulator', position: 'opposed' });
    expect(contest.answers).to.have.length(1);
    expect((await store.load('recognitions', 'rec-song-hong-kr'))!.context['designationNumber']).to.equal('VN0001');
  });

  it('has a renewal that outlived its listing: the US listing of the Sông Hồng lab ended at its end, and the renewal waits as a pending application', async () => {
    const record = (await store.load('recognitions', 'rec-song-hong-us'))!;
    expect(record.state).to.equal('pending');
    const data = record.context as { renewal?: { since: string }; inForce: Array<{ from: string; to?: string }>; validUntil: string };
    expect(data.renewal?.since).to.equal('2026-08-15T09:00:00.000Z');
    expect(data.inForce.at(-1)?.to, 'the listing ended at its end, the renewal pending').to.equal(data.validUntil);
  });

  it('has test reports in several states, the unrecognised lab’s rejected with LAB_NOT_RECOGNIZED', async () => {
    expect(new Set(Object.values(await states('test-reports')))).to.deep.equal(new Set(['accepted', 'under_review', 'info_requested', 'rejected']));
    const rejected = await store.load('test-reports', 'tr-sg-0001');
    expect((rejected!.context['reasons'] as Array<{ code: string }>).map((r) => r.code)).to.deep.equal(['LAB_NOT_RECOGNIZED']);
  });

  it('has a Phase II VN–US certificate in force, issued by a recognised Vietnamese certification body', async () => {
    expect((await store.load('agreements', 'agr-vn-us-2'))!.context['phase']).to.equal('II');
    expect((await store.load('recognitions', 'rec-thang-long-us'))!.state).to.equal('recognized');
    const certificate = (await store.load('certificates', 'cert-tl-0001'))!;
    expect(certificate.state).to.equal('in_force');
    expect(certificate.context).to.deep.include({ cabId: 'vn-cb-thang-long', importingEconomy: 'US', reasons: [] });
  });

  it('has two equivalences in force: a QCVN to a Korean KN with its additional test, and the IPv6 Ready Logo beside Viet Nam’s national IPv6 test criteria', async () => {
    expect(await states('equivalences')).to.deep.equal({ 'eq-qcvn86-kn301489': 'in_force', 'eq-ipv6-ready-vn': 'in_force' });
    const ipv6 = (await store.load('equivalences', 'eq-ipv6-ready-vn'))!.context;
    expect(ipv6).to.deep.include({ proposingEconomy: 'KR', partnerEconomy: 'VN', counterpart: 'VN:IPv6 test criteria 2015' });
    expect((ipv6['differences'] as Array<{ test: string }>).map((d) => d.test)).to.deep.equal(['Phân giải tên miền .vn qua IPv6', 'Cấp phát tiền tố qua DHCPv6-PD']);
    // Sông Hồng's report against the QCVN is under review for KN 301 489 through the equivalence.
    const report = (await store.load('test-reports', 'tr-sh-0006'))!;
    expect(report.state).to.equal('under_review');
    expect(report.context['equivalentRegulations']).to.deep.equal(['KR:KN 301 489']);
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

  it('Regulation versions: names the regulation whose transition period does not follow its replacement', async () => {
    edit('regulations.json', (regulations: Array<Record<string, unknown>>) => {
      const replaced = regulations.findIndex((r) => r['retiredAt'] !== undefined);
      regulations[replaced]!['acceptedUntil'] = '2025-12-01';
      return regulations;
    });
    expect(await seedError(dir)).to.match(/regulations\.json: \/\d+\/acceptedUntil: must come after retiredAt/);
  });

  it('names the scenario step whose actor is unknown', async () => {
    edit('scenario.json', (scenario: { steps: Array<Record<string, unknown>> }) => {
      scenario.steps[3]!['as'] = 'nobody';
      return scenario;
    });
    expect(await seedError(dir)).to.match(/scenario\.json: \/steps\/3\/as: unknown principal "nobody"$/);
  });
});
