/**
 * People and keys over HTTP: a designating authority registers a lab and its first principal,
 * who signs in, mints a key, submits a report with it, and stops working once disabled, while
 * history keeps its name. Every route of the principal and key API refuses the wrong role, the
 * other economy, a disabled principal, an expired key and a revoked key, and writes nothing.
 */
import { expect } from 'chai';
import { mintApiKey } from '../../src/access/api-keys.js';
import { actorOf } from '../../src/principals.js';
import { ApiWorld, type Answer } from '../helpers/api.js';
import { sendTogether } from '../helpers/other-process.js';
import { Browser, accessSnapshot } from '../helpers/people.js';
import { DAY, testKeyHasher } from '../helpers/world.js';

describe('HTTP: people and keys', () => {
  let api: ApiWorld;
  beforeEach(async () => (api = await ApiWorld.create()));
  afterEach(async () => api.close());

  it('a designating authority creates a lab and its first principal; the lab signs in, mints a key, submits a report; once disabled it gets 401 and history still names it', async () => {
    const w = api.world;
    const cab = await api.post<{ id: string }>(
      '/cabs',
      { name: 'Phòng thử nghiệm Cần Thơ', economy: 'VN', type: 'lab', email: 'lab@cantho.vn.example', language: 'vi' },
      'vn-designating-authority',
    );
    expect(cab.status).to.equal(201);
    const created = await api.post(
      '/principals',
      { id: 'can-tho-le-van-cuong', name: 'Lê Văn Cường', role: 'lab', cabId: cab.body.id, email: 'cuong@cantho.vn.example', language: 'vi' },
      'vn-designating-authority',
    );
    expect(created.status, created.text).to.equal(201);
    expect(created.body).to.deep.include({ organisation: cab.body.id, economy: 'VN', cabId: cab.body.id });

    // The lab is accredited and recognised by Korea (through the engine: not what this test is about).
    const agreement = await w.agreement();
    await w.accreditation(cab.body.id);
    await w.recognition(agreement.id, cab.body.id);
    w.advanceDays(3);

    const browser = new Browser(api);
    expect((await browser.signIn('cuong@cantho.vn.example', 'can-tho-le-van-cuong')).status).to.equal(200);
    const minted = await browser.request<{ key: string; apiKey: { prefix: string } }>('POST', '/principals/can-tho-le-van-cuong/keys', {
      body: { name: 'Máy chủ LIMS' },
      csrf: true,
    });
    expect(minted.status, minted.text).to.equal(201);
    expect(minted.body.key.startsWith(`${minted.body.apiKey.prefix}.`)).to.equal(true);

    const report = await api.request<{ id: string; state: string }>('POST', '/test-reports', { key: minted.body.key, body: w.reportBody() });
    expect(report.status, report.text).to.equal(201);
    expect(report.body.state).to.equal('under_review');

    const disabled = await api.post(`/principals/can-tho-le-van-cuong/disable`, { reason: 'Đã chuyển công tác' }, 'vn-designating-authority');
    expect(disabled.status, disabled.text).to.equal(200);

    const refused = await api.request('GET', `/test-reports/${report.body.id}`, { key: minted.body.key });
    expect(refused.status).to.equal(401);
    expect(refused.body['detail']).to.contain('disabled');
    expect((await browser.request('GET', '/auth/session')).status).to.equal(401);

    const history = await api.get<{ items: Array<{ type: string; actor: { id: string; name: string; organisation: string } }> }>(
      `/test-reports/${report.body.id}/history`,
      'kr-regulator',
    );
    expect(history.body.items[0]!.actor).to.deep.include({ id: 'can-tho-le-van-cuong', name: 'Lê Văn Cường', organisation: cab.body.id });

    const audit = await api.get<{ items: Array<{ action: string; actor: { id: string } }> }>(`/audit?organisation=${cab.body.id}`, 'admin');
    expect(audit.body.items.map((e) => `${e.action} by ${e.actor.id}`)).to.deep.equal([
      'principal.disabled by vn-designating-authority',
      'key.minted by can-tho-le-van-cuong',
      'principal.created by vn-designating-authority',
    ]);
  });

  it('two officers of one accreditation body act for one organisation: history names the person, both read its audit trail', async () => {
    const officer = await api.post(
      '/principals',
      { id: 'boa-pham-thu-ha', name: 'Phạm Thu Hà', role: 'accreditation_body', email: 'ha@boa.vn.example', language: 'vi' },
      'vn-accreditation-body',
    );
    expect(officer.status, officer.text).to.equal(201);
    expect(officer.body).to.deep.include({ organisation: 'vn-accreditation-body', economy: 'VN' });
    const w = api.world;
    const principal = (await w.store.getPrincipal('boa-pham-thu-ha'))!;
    const { key } = await mintApiKey({ store: w.store, hasher: testKeyHasher, now: w.clock.now() }, principal, actorOf(principal), { name: 'test' });
    const accreditation = await w.accreditation('vn-lab-sai-gon');
    const suspended = await api.request('POST', `/accreditations/${accreditation.id}/events`, { key, body: { type: 'SUSPEND', reason: 'Đánh giá giám sát' } });
    expect(suspended.status, suspended.text).to.equal(200);
    const history = await api.get<{ items: Array<{ actor: { id: string; organisation: string } }> }>(`/accreditations/${accreditation.id}/history`, 'admin');
    expect(history.body.items.map((e) => `${e.actor.id}@${e.actor.organisation}`)).to.deep.equal([
      'vn-accreditation-body@vn-accreditation-body',
      'boa-pham-thu-ha@vn-accreditation-body',
    ]);
    const audit = await api.request<{ items: Array<{ action: string }> }>('GET', '/audit', { key });
    expect(audit.body.items.map((e) => e.action)).to.deep.equal(['key.minted', 'principal.created']);
    expect((await api.get('/audit?organisation=kr-regulator', 'vn-accreditation-body')).status).to.equal(403);
  });

  it('records last use at most once a minute, and refuses a key once revoked or expired', async () => {
    const w = api.world;
    const owner = (await w.store.getPrincipal('kr-regulator'))!;
    const minted = await api.post<{ key: string; apiKey: { id: string; prefix: string } }>(
      '/principals/kr-regulator/keys',
      { name: 'nightly export', expiresAt: new Date(w.clock.now().getTime() + 2 * DAY).toISOString() },
      'kr-regulator',
    );
    const key = minted.body.key;
    expect((await api.request('GET', '/agreements', { key })).status).to.equal(200);
    const first = (await w.store.getApiKey(minted.body.apiKey.id))!.lastUsedAt;
    expect(first).to.equal(w.clock.now().toISOString());
    w.clock.advance(30_000);
    await api.request('GET', '/agreements', { key });
    expect((await w.store.getApiKey(minted.body.apiKey.id))!.lastUsedAt).to.equal(first);
    w.clock.advance(31_000);
    await api.request('GET', '/agreements', { key });
    expect((await w.store.getApiKey(minted.body.apiKey.id))!.lastUsedAt).to.equal(w.clock.now().toISOString());

    w.advanceDays(3);
    const expired = await api.request('GET', '/agreements', { key });
    expect(expired.status).to.equal(401);
    expect(String(expired.body['detail'])).to.contain('expired');

    const other = await mintApiKey({ store: w.store, hasher: testKeyHasher, now: w.clock.now() }, owner, actorOf(owner), { name: 'spare' });
    expect((await api.request('GET', '/agreements', { key: other.key })).status).to.equal(200);
    const revoked = await api.post(`/principals/kr-regulator/keys/${other.record.id}/revoke`, undefined, 'admin');
    expect(revoked.status, revoked.text).to.equal(200);
    const refused = await api.request('GET', '/agreements', { key: other.key });
    expect(refused.status).to.equal(401);
    expect(String(refused.body['detail'])).to.contain('revoked');
    expect((await api.get('/principals/kr-regulator/keys', 'kr-regulator')).text).to.not.contain(other.key.split('.')[1]!);
  });

  it('seeded demo keys still work, and its own key is never in a list', async () => {
    const keys = await api.get<{ items: Array<Record<string, unknown>> }>('/principals/lab-song-hong/keys', 'lab-song-hong');
    expect(keys.status).to.equal(200);
    expect(keys.body.items.map((k) => k['prefix'])).to.deep.equal(['seed-lab-song-hong']);
    expect(Object.keys(keys.body.items[0]!)).to.not.include('hash');
    expect(keys.text).to.not.contain(api.keyOf('lab-song-hong'));
  });
});

describe('HTTP: people and keys, every refusal writes nothing', () => {
  let api: ApiWorld;
  const keys: Record<'disabled' | 'expired' | 'revoked', string> = { disabled: '', expired: '', revoked: '' };

  before(async () => {
    api = await ApiWorld.create();
    const w = api.world;
    const mint = async (principalId: string, expiresAt?: string) => {
      const owner = (await w.store.getPrincipal(principalId))!;
      return mintApiKey({ store: w.store, hasher: testKeyHasher, now: w.clock.now() }, owner, actorOf(owner), { name: 'refusals', ...(expiresAt ? { expiresAt } : {}) });
    };
    // A second officer of Viet Nam's designating authority, disabled; and two keys of the first, expired and revoked.
    const officer = await api.post(
      '/principals',
      { id: 'most-officer', name: 'Đỗ Minh Khoa', role: 'designating_authority', email: 'khoa@most.vn.example', language: 'vi' },
      'vn-designating-authority',
    );
    expect(officer.status, officer.text).to.equal(201);
    keys.disabled = (await mint('most-officer')).key;
    expect((await api.post('/principals/most-officer/disable', {}, 'vn-designating-authority')).status).to.equal(200);
    keys.expired = (await mint('vn-designating-authority', new Date(w.clock.now().getTime() + 60_000).toISOString())).key;
    const revoked = await mint('vn-designating-authority');
    keys.revoked = revoked.key;
    expect((await api.post(`/principals/vn-designating-authority/keys/${revoked.record.id}/revoke`, undefined, 'vn-designating-authority')).status).to.equal(200);
    w.clock.advance(120_000);
  });
  after(async () => api.close());

  type Call = { method: 'GET' | 'POST'; path: string; body?: unknown };
  const cab = 'vn-lab-song-hong';
  const newLabPrincipal = { name: 'Nguyễn Thị Lan', role: 'lab', cabId: cab, email: 'lan@songhong.vn.example', language: 'vi' };
  const routes: Record<string, Call> = {
    'GET /principals': { method: 'GET', path: '/principals' },
    'GET /principals/{id}': { method: 'GET', path: '/principals/lab-song-hong' },
    'POST /principals': { method: 'POST', path: '/principals', body: newLabPrincipal },
    'POST /principals/{id}/disable': { method: 'POST', path: '/principals/lab-song-hong/disable', body: {} },
    'GET /principals/{id}/keys': { method: 'GET', path: '/principals/lab-song-hong/keys' },
    'POST /principals/{id}/keys': { method: 'POST', path: '/principals/lab-song-hong/keys', body: { name: 'x' } },
    'POST /principals/{id}/keys/{keyId}/revoke': { method: 'POST', path: '/principals/lab-song-hong/keys/seed-lab-song-hong/revoke' },
    'GET /audit': { method: 'GET', path: `/audit?organisation=${cab}` },
  };

  async function refused(call: Call, who: { as?: string; key?: string }, status: number): Promise<Answer> {
    const before = await accessSnapshot(api.world.store);
    const answer = await api.request(call.method, call.path, { ...who, ...(call.body === undefined ? {} : { body: call.body }) });
    expect(answer.status, `${call.method} ${call.path}: ${answer.text}`).to.equal(status);
    expect(answer.headers.get('content-type')).to.contain('application/problem+json');
    expect(await accessSnapshot(api.world.store), `${call.method} ${call.path} wrote something`).to.equal(before);
    return answer;
  }

  for (const [name, call] of Object.entries(routes)) {
    for (const credential of ['disabled', 'expired', 'revoked'] as const) {
      it(`${name}: a ${credential} ${credential === 'disabled' ? 'principal' : 'key'} gets 401`, async () => {
        const answer = await refused(call, { key: keys[credential] }, 401);
        expect(String(answer.body['detail'])).to.contain(credential);
      });
    }
  }

  // The wrong role: an importer, or a lab where a body is needed, or someone else's keys.
  const wrongRole: Record<string, { as: string; status: number }> = {
    'GET /principals/{id}': { as: 'importer-hanbit', status: 404 },
    'POST /principals': { as: 'importer-hanbit', status: 403 },
    'POST /principals/{id}/disable': { as: 'importer-hanbit', status: 403 },
    // A regulator may not even see a lab's principal.
    'GET /principals/{id}/keys': { as: 'vn-regulator', status: 404 },
    'POST /principals/{id}/keys': { as: 'admin', status: 403 },
    'POST /principals/{id}/keys/{keyId}/revoke': { as: 'vn-regulator', status: 404 },
    'GET /audit': { as: 'importer-hanbit', status: 403 },
  };
  // The same role, for another economy: Korea's designating authority and Viet Nam's lab.
  const otherEconomy: Record<string, { as: string; status: number }> = {
    'GET /principals/{id}': { as: 'kr-designating-authority', status: 404 },
    'POST /principals': { as: 'kr-designating-authority', status: 403 },
    'POST /principals/{id}/disable': { as: 'kr-designating-authority', status: 404 },
    'GET /principals/{id}/keys': { as: 'kr-designating-authority', status: 404 },
    'POST /principals/{id}/keys': { as: 'kr-designating-authority', status: 404 },
    'POST /principals/{id}/keys/{keyId}/revoke': { as: 'kr-designating-authority', status: 404 },
    'GET /audit': { as: 'kr-designating-authority', status: 403 },
  };
  for (const [name, { as, status }] of Object.entries(wrongRole)) {
    it(`${name}: the wrong role (${as}) gets ${status}`, async () => {
      await refused(routes[name]!, { as }, status);
    });
  }
  for (const [name, { as, status }] of Object.entries(otherEconomy)) {
    it(`${name}: another economy's principal (${as}) gets ${status}`, async () => {
      await refused(routes[name]!, { as }, status);
    });
  }

  it('GET /principals lists only what the caller may see', async () => {
    const mine = await api.get<{ items: Array<{ id: string }> }>('/principals', 'kr-designating-authority');
    expect(mine.body.items.map((p) => p.id)).to.deep.equal(['kr-designating-authority']);
    const labs = await api.get<{ items: Array<{ id: string }> }>('/principals?economy=VN', 'kr-designating-authority');
    expect(labs.body.items).to.deep.equal([]);
    const vn = await api.get<{ items: Array<{ id: string }> }>('/principals?economy=VN', 'vn-designating-authority');
    expect(vn.body.items.map((p) => p.id)).to.include.members(['lab-song-hong', 'lab-sai-gon', 'most-officer', 'vn-designating-authority']);
    expect(vn.body.items.map((p) => p.id)).to.not.include('vn-regulator');
  });

  it('only an admin sets an organisation, and an officer is of its creator\'s own role', async () => {
    await refused({ method: 'POST', path: '/principals', body: { ...newLabPrincipal, organisation: 'elsewhere' } }, { as: 'vn-designating-authority' }, 403);
    await refused(
      { method: 'POST', path: '/principals', body: { name: 'X', role: 'regulator', email: 'x@most.vn.example', language: 'vi' } },
      { as: 'vn-designating-authority' },
      403,
    );
    await refused({ method: 'POST', path: '/principals', body: { ...newLabPrincipal, email: 'lab@songhong.vn.example' } }, { as: 'vn-designating-authority' }, 409);
    await refused({ method: 'POST', path: '/principals', body: { ...newLabPrincipal, cabId: 'no-such-cab' } }, { as: 'vn-designating-authority' }, 422);
    await refused({ method: 'POST', path: '/principals/vn-designating-authority/disable', body: {} }, { as: 'vn-designating-authority' }, 422);
    await refused({ method: 'POST', path: '/principals/most-officer/disable', body: {} }, { as: 'vn-designating-authority' }, 422);
  });
});

describe('HTTP: repeated wrong keys from one address', () => {
  let api: ApiWorld;
  before(async () => (api = await ApiWorld.create({ authFailureLimit: 3 })));
  after(async () => api.close());

  it('when 64 clients with good keys call at once from one address, answers every one of them (a request in flight is no refusal)', async () => {
    // Creations wait for their group commit, so all 64 are in flight together.
    const scope = { VN: ['VN:QCVN 54:2020/BTTTT'], KR: ['KR:KN 32'] };
    const statuses = await sendTogether(
      api.server.url,
      Array.from({ length: 64 }, (_, i) => ({
        method: 'POST',
        path: '/agreements',
        headers: { authorization: `Bearer ${api.keyOf('vn-regulator')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Concurrent ${i}`, economies: ['VN', 'KR'], phase: 'I', scope }),
      })),
    );
    expect(statuses).to.deep.equal(statuses.map(() => 201));
  });

  it('good keys never count; past the limit of refused ones the address gets 429, even with a good key', async () => {
    for (let i = 0; i < 5; i += 1) expect((await api.get('/economies', 'importer-hanbit')).status).to.equal(200);
    for (let i = 0; i < 3; i += 1) expect((await api.request('GET', '/economies', { key: `wrong-key-${i}-0123456789` })).status).to.equal(401);
    const limited = await api.request('GET', '/economies', { key: 'wrong-key-4-0123456789' });
    expect(limited.status).to.equal(429);
    expect(limited.body['code']).to.equal('RATE_LIMITED');
    expect((await api.get('/economies', 'importer-hanbit')).status).to.equal(429);
    // Public routes are not behind this limiter.
    expect((await api.get('/health')).status).to.equal(200);
  });
});
