/**
 * Public answers as of a date, over HTTP and the demo data: a customs officer checks what held on
 * the day goods were declared. The register before a suspension shows the CAB recognised for both
 * regulations (and today's register the suspension); a report before its acceptance was not public;
 * a future or malformed `asOf` is refused with 400.
 */
import { expect } from 'chai';
import type { Coverage } from '../../src/public/coverage.js';
import type { PublicRecognition } from '../../src/public/recognition-register.js';
import type { PublicTestReport } from '../../src/public/register.js';
import { applySeed } from '../../src/seed/apply-seed.js';
import { readSeed } from '../../src/seed/read-seed.js';
import type { Page } from '../../src/store/port.js';
import { Validator } from '../../src/validation.js';
import { ApiWorld } from '../helpers/api.js';
import { testKeyHasher } from '../helpers/world.js';
import { join } from 'node:path';

const SEED = join(import.meta.dirname, '..', '..', 'seed');
const NOW = '2026-11-23T09:00:00.000Z';

describe('HTTP: public answers as of a date', () => {
  let api: ApiWorld;
  /** The day the Sài Gòn lab was recognised, before its suspension. */
  let recognisedOn: string;

  before(async () => {
    api = await ApiWorld.create({ start: NOW });
    const validator = new Validator();
    await applySeed(api.world.store, await readSeed(SEED, validator), { now: new Date(NOW), durations: api.world.engine.durations, validator, hasher: testKeyHasher });
    const recognized = await api.post('/recognitions/rec-sai-gon-kr/events', { type: 'RECOGNIZE', comment: 'Listed.' }, 'kr-regulator');
    expect(recognized.status, recognized.text).to.equal(200);
    recognisedOn = NOW.slice(0, 10);
    api.world.advanceDays(3);
    const suspended = await api.post('/recognitions/rec-sai-gon-kr/events', { type: 'SUSPEND', reason: 'KN 32 under investigation.', regulations: ['KR:KN 32'] }, 'kr-regulator');
    expect(suspended.status, suspended.text).to.equal(200);
  });
  after(async () => api.close());

  const saiGon = (items: PublicRecognition[]) => items.find((r) => r.cab.id === 'vn-lab-sai-gon');

  it('the register as of a day before the suspension shows the CAB recognised for both regulations; today it shows the suspension', async () => {
    const then = await api.get<Page<PublicRecognition>>(`/public/recognitions?importing=KR&asOf=${recognisedOn}`);
    expect(then.status, then.text).to.equal(200);
    const before = saiGon(then.body.items)!;
    expect(before).to.include({ status: 'recognized', inForce: true });
    expect(before.scope).to.deep.equal(['KR:KN 301 489', 'KR:KN 32']);
    expect(before.suspensions).to.deep.equal([]);

    const now = saiGon((await api.get<Page<PublicRecognition>>('/public/recognitions?importing=KR')).body.items)!;
    expect(now.suspensions).to.have.length(1);
    expect(now.suspensions[0]).to.include({ by: 'importing_regulator', economy: 'KR' }).and.to.have.deep.property('regulations', ['KR:KN 32']);
  });

  it('as of a day before its recognition, the CAB (then only applying) is not on the register', async () => {
    const { body } = await api.get<Page<PublicRecognition>>('/public/recognitions?importing=KR&asOf=2026-11-01');
    expect(saiGon(body.items)).to.equal(undefined);
    expect(body.items.map((r) => r.cab.id)).to.include('vn-lab-song-hong');
  });

  it('the register page answers as of a date, with the date in its form', async () => {
    const page = await api.get(`/register?importing=KR&asOf=2026-11-01`);
    expect(page.status).to.equal(200);
    expect(page.text).to.match(/name="asOf"[^>]*value="2026-11-01"/);
    expect(page.text).to.not.contain('Phòng thử nghiệm Điện tử Sài Gòn');
    expect((await api.get('/register?importing=KR')).text).to.contain('Phòng thử nghiệm Điện tử Sài Gòn');
    expect((await api.get('/register?importing=KR&lang=vi', undefined, { 'Accept-Language': 'vi' })).text).to.contain('Tính đến ngày');
    expect((await api.get(`/register?importing=KR&asOf=${encodeURIComponent('Nov 1 2026')}`)).status).to.equal(400);
    const future = await api.get('/register?importing=KR&asOf=2099-01-01');
    expect(future.status).to.equal(400);
    expect(future.text).to.contain('asOf');
  });

  it('a report accepted 90 days ago was not public as of 100 days ago; it is accepted as of 80 days ago', async () => {
    const day = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString().slice(0, 10);
    const underReview = await api.get<Page<PublicTestReport>>(`/public/test-reports?economy=KR&reportNumber=SHT-RF-0001&asOf=${day(100)}`);
    expect(underReview.status, underReview.text).to.equal(200);
    expect(underReview.body.items).to.deep.equal([]);
    const accepted = await api.get<Page<PublicTestReport>>(`/public/test-reports?economy=KR&reportNumber=SHT-RF-0001&asOf=${day(80)}`);
    expect(accepted.body.items.map((r) => r.state)).to.deep.equal(['accepted']);
    expect((await api.get<Page<PublicTestReport>>('/public/test-reports?economy=KR&reportNumber=SHT-RF-0001')).body.items).to.have.length(1);
  });

  it('coverage as of a date before the certificate came into force is "not covered"', async () => {
    const query = `economy=US&manufacturer=${encodeURIComponent('Công ty Cổ phần Thiết bị Mạng Phương Nam')}&model=PN-AX1800`;
    const now = await api.get<Coverage>(`/public/coverage?${query}`);
    expect(now.body.coveredBy).to.equal('certificate');
    const before = await api.get<Coverage>(`/public/coverage?${query}&asOf=2026-07-01`);
    expect(before.status, before.text).to.equal(200);
    expect(before.body.coveredBy).to.equal(null);
  });

  it('asOf in the future or malformed is refused with 400, on every public answer', async () => {
    for (const asOf of ['2026-12-01', '2027-01-01T00:00:00Z', 'yesterday', '2026-02-30', '2026-13-01']) {
      for (const path of ['/public/recognitions?importing=KR', '/public/test-reports?economy=KR', '/public/coverage?economy=US&manufacturer=x&model=y']) {
        const answer = await api.get(`${path}&asOf=${encodeURIComponent(asOf)}`);
        expect(answer.status, `${path} asOf=${asOf}`).to.equal(400);
        expect(answer.headers.get('content-type')).to.contain('application/problem+json');
      }
    }
    expect((await api.get(`/public/recognitions?importing=KR&asOf=${NOW.slice(0, 10)}`)).status).to.equal(200);
    // An instant with its offset: the Korean day of the recognition, ended in Korea's time.
    const korean = await api.get<Page<PublicRecognition>>(`/public/recognitions?importing=KR&asOf=${encodeURIComponent(`${recognisedOn}T23:59:59+09:00`)}`);
    expect(saiGon(korean.body.items)).to.include({ status: 'recognized' });
  });
});
