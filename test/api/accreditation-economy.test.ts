/**
 * Cascade correctness: an accreditation body accredits only CABs of its own economy or of those
 * it is declared to serve, and a recognition follows the accreditation it was granted on, not
 * any accreditation of the same CAB.
 */
import { expect } from 'chai';
import { mintApiKey } from '../../src/access/api-keys.js';
import { actorOf } from '../../src/principals.js';
import { ApiWorld } from '../helpers/api.js';
import { KR_SCOPE, daysFrom, testKeyHasher } from '../helpers/world.js';

describe('HTTP: accreditation bodies and the economies they serve', () => {
  let api: ApiWorld;
  beforeEach(async () => (api = await ApiWorld.create()));
  afterEach(async () => api.close());

  function accreditationBody(cabId: string, certificateNumber: string): Record<string, unknown> {
    const now = api.world.clock.now().toISOString();
    return { cabId, standard: 'ISO/IEC 17025', certificateNumber, scope: KR_SCOPE, validFrom: now, validUntil: daysFrom(now, 365) };
  }

  it('a US accreditation body cannot create, suspend or renew an accreditation of a Vietnamese CAB (403, nothing written)', async () => {
    const w = api.world;
    const vietnamese = await w.accreditation('vn-lab-song-hong');
    const before = await w.snapshot();
    const created = await api.post('/accreditations', accreditationBody('vn-lab-song-hong', 'A2LA 1234.01'), 'us-accreditation-body');
    expect(created.status, created.text).to.equal(403);
    expect(created.body['detail']).to.contain('vn-lab-song-hong is of VN');
    for (const event of [{ type: 'SUSPEND', reason: 'x' }, { type: 'WITHDRAW', reason: 'x' }, { type: 'RENEW', validUntil: daysFrom(w.clock.now().toISOString(), 900) }]) {
      const changed = await api.post(`/accreditations/${vietnamese.id}/events`, event, 'us-accreditation-body');
      expect(changed.status, `${event.type}: ${changed.text}`).to.equal(403);
    }
    expect(await w.snapshot()).to.deep.equal(before);
    expect((await w.store.load('accreditations', vietnamese.id))!.state).to.equal('active');
  });

  it('an accreditation body declared to serve Viet Nam may accredit a Vietnamese CAB', async () => {
    const w = api.world;
    const created = await api.post(
      '/principals',
      { id: 'a2la-vn', name: 'A2LA (Viet Nam programme)', role: 'accreditation_body', economy: 'US', serves: ['VN'], email: 'vn@a2la.us.example', language: 'en' },
      'admin',
    );
    expect(created.status, created.text).to.equal(201);
    // The new body would sign in and mint its key; here its first key is minted for it through the module.
    const principal = (await w.store.getPrincipal('a2la-vn'))!;
    const minted = await mintApiKey({ store: w.store, hasher: testKeyHasher, now: w.clock.now() }, principal, actorOf(principal), { name: 'test' });
    const accredited = await api.request('POST', '/accreditations', { key: minted.key, body: accreditationBody('vn-lab-song-hong', 'A2LA 1234.02') });
    expect(accredited.status, accredited.text).to.equal(201);
    expect((accredited.body['data'] as { accreditationBodyId: string }).accreditationBodyId).to.equal('a2la-vn');
  });

  it('a recognition lapses only when the accreditation it was granted on does, and comes back with it', async () => {
    const w = api.world;
    await w.store.putPrincipal({ ...(await w.store.getPrincipal('us-accreditation-body'))!, serves: ['VN'] });
    const agreement = await w.agreement();
    const lab = await w.addLab();
    const own = await w.accreditation(lab.cabId!);
    const recognition = await w.recognition(agreement.id, lab.cabId!);
    expect(recognition.data['accreditationId']).to.equal(own.id);
    const other = await api.post<{ id: string }>('/accreditations', accreditationBody(lab.cabId!, 'A2LA 9.01'), 'us-accreditation-body');
    expect(other.status, other.text).to.equal(201);

    const suspendOther = await api.post(`/accreditations/${other.body.id}/events`, { type: 'SUSPEND', reason: 'Không liên quan' }, 'us-accreditation-body');
    expect(suspendOther.status, suspendOther.text).to.equal(200);
    expect((await w.store.load('recognitions', recognition.id))!.state, 'another accreditation of the CAB').to.equal('recognized');

    const suspendOwn = await api.post(`/accreditations/${own.id}/events`, { type: 'SUSPEND', reason: 'Đánh giá lại' }, 'vn-accreditation-body');
    expect(suspendOwn.status, suspendOwn.text).to.equal(200);
    expect((await w.store.load('recognitions', recognition.id))!.state, 'its own accreditation').to.equal('lapsed');

    const checked = { checkedOn: w.clock.now().toISOString(), checkReference: 'ĐG-TC-01' };
    expect((await api.post(`/accreditations/${other.body.id}/events`, { type: 'REINSTATE', ...checked }, 'us-accreditation-body')).status).to.equal(200);
    expect((await w.store.load('recognitions', recognition.id))!.state, 'another one reinstated').to.equal('lapsed');
    expect((await api.post(`/accreditations/${own.id}/events`, { type: 'REINSTATE', ...checked }, 'vn-accreditation-body')).status).to.equal(200);
    expect((await w.store.load('recognitions', recognition.id))!.state, 'its own reinstated').to.equal('recognized');
  });
});
