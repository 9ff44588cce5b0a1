/**
 * People and keys on the pages, over real HTTP (port 0): a regulator adds an officer, the officer
 * signs in and mints a key (shown once, and it works on the API), the regulator revokes it and
 * disables the officer; a lab may not manage the regulator's people. The admin's outbox page
 * re-queues a dead letter.
 */
import { expect } from 'chai';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { ApiWorld } from '../helpers/api.js';
import { PagePerson as Person } from '../helpers/people.js';

describe('web pages: people and keys, and the outbox', () => {
  let api: ApiWorld;
  before(async () => {
    api = await ApiWorld.create();
  });
  after(async () => {
    await api.close();
  });

  it('a regulator adds an officer, with the refusal of a bad address beside its field', async () => {
    const regulator = await Person.signIn(api, 'demo-kr-regulator-key');
    const list = await regulator.get('/people');
    expect(list.text).to.contain(pageTexts.en.people.add).and.to.contain('National Radio Research Agency (RRA)');

    const refused = await regulator.post('/people', '/people', { name: 'Kim', role: 'regulator', email: 'not-an-address', language: 'en' });
    expect(refused.status).to.equal(400);
    expect(await refused.text()).to.contain('id="error-email"');

    const added = await regulator.post('/people', '/people', { name: 'Kim Officer', role: 'regulator', email: 'kim@rra.kr.example', language: 'en' });
    expect(added.status).to.equal(303);
    const principal = (await api.world.store.principalByEmail('kim@rra.kr.example'))!;
    expect(principal.organisation).to.equal('kr-regulator');

    // The regulator manages Kim: it may disable it, but only Kim mints Kim's keys.
    const kimPage = await regulator.get(`/people/${principal.id}`);
    expect(kimPage.text).to.contain(pageTexts.en.people.disable).and.to.not.contain(`action="/people/${principal.id}/keys"`);
  });

  it('a principal mints a key on its own page: shown once, it works on the API, and revoking it refuses it', async () => {
    const lab = await Person.signIn(api, 'demo-lab-song-hong-key');
    const minted = await lab.post('/people/lab-song-hong', '/people/lab-song-hong/keys', { name: 'LIMS uploader' });
    expect(minted.status).to.equal(201);
    const html = await minted.text();
    const key = /<code class="hash">([^<]+)<\/code>/.exec(html)![1]!;
    expect((await api.request('GET', '/test-reports', { key })).status).to.equal(200);
    const again = await lab.get('/people/lab-song-hong');
    expect(again.text).to.contain('LIMS uploader').and.to.not.contain(key);

    const keyId = (await api.world.store.listApiKeys({ principalId: 'lab-song-hong' })).find((k) => k.name === 'LIMS uploader')!.id;
    const revoked = await lab.post('/people/lab-song-hong', `/people/lab-song-hong/keys/${keyId}/revoke`, {});
    expect(revoked.status).to.equal(303);
    expect((await lab.get(revoked.headers.get('location')!)).text).to.contain(pageTexts.en.people.revoked);
    expect((await api.request('GET', '/test-reports', { key })).status).to.equal(401);
  });

  it('a lab may not manage the regulator: no page, no disabling', async () => {
    const lab = await Person.signIn(api, 'demo-lab-song-hong-key');
    expect((await lab.get('/people/kr-regulator')).status).to.be.oneOf([403, 404]);
    const attempt = await lab.post('/people', '/people/kr-regulator/disable', { reason: 'no' });
    expect(attempt.status).to.be.oneOf([403, 404]);
    expect((await api.world.store.getPrincipal('kr-regulator'))!.disabledAt).to.equal(undefined);
  });

  it('a regulator disables its officer: the officer is signed out at its next request', async () => {
    const regulator = await Person.signIn(api, 'demo-kr-regulator-key');
    const principal = (await api.world.store.principalByEmail('kim@rra.kr.example'))!;
    const disabled = await regulator.post(`/people/${principal.id}`, `/people/${principal.id}/disable`, { reason: 'Left the agency.' });
    expect(disabled.status).to.equal(303);
    expect((await api.world.store.getPrincipal(principal.id))!.disabledAt).to.be.a('string');
    const listed = await regulator.get('/people');
    expect(listed.text).to.contain('Kim Officer');
  });

  it('the admin outbox page counts messages, shows a dead letter with its error, and re-queues it', async () => {
    await api.world.agreement({ sign: false });
    const [message] = await api.world.store.claimOutbox({ owner: 'dispatcher', now: api.world.clock.now().toISOString(), leaseMs: 60_000, limit: 1 });
    await api.world.store.markFailed(message!.id, 'dispatcher', { at: api.world.clock.now().toISOString(), error: '550 5.1.1 <mra@vnta.vn.example>: no such user', retryAt: null });
    const admin = await Person.signIn(api, 'demo-admin-api-key');
    const page = await admin.get('/outbox');
    // The error as text: its "<" escaped, so the address in it is no element.
    expect(page.text).to.contain('550 5.1.1 &lt;mra@vnta.vn.example>: no such user');
    expect(page.text).to.not.contain('<mra@');
    const requeued = await admin.post('/outbox', `/outbox/${encodeURIComponent(message!.id)}/requeue`, {});
    expect(requeued.status).to.equal(303);
    expect((await admin.get(requeued.headers.get('location')!)).text).to.contain(pageTexts.en.outbox.requeued);
    expect((await api.world.store.listOutbox({ limit: 500 })).items.find((m) => m.id === message!.id)!.status).to.equal('pending');
    const lab = await Person.signIn(api, 'demo-lab-song-hong-key');
    expect((await lab.get('/outbox')).status).to.equal(403);
  });
});
