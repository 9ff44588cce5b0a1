/**
 * What the store keeps of sessions: nothing for a reader who is not signed in (the sign-in form's
 * CSRF token needs no row), one row per signed-in browser, and nothing once sessions and sign-in
 * tokens have expired and the sweep has run (on the service clock).
 */
import { expect } from 'chai';
import { signInLinksSettled } from '../../src/access/sign-in.js';
import { sweepExpiredAccess } from '../../src/access/index.js';
import { PeriodicTask, silentLog } from '../../src/queue/index.js';
import { ApiWorld } from '../helpers/api.js';
import { PagePerson, cookieOf, csrfTokenOf } from '../helpers/people.js';

const HTML = { Accept: 'text/html' };
const FORM = { ...HTML, 'Content-Type': 'application/x-www-form-urlencoded' };

describe('web sessions in the store', () => {
  let api: ApiWorld;
  beforeEach(async () => (api = await ApiWorld.create()));
  afterEach(async () => api.close());

  const rows = () => api.world.probe.accessRows();

  it('200 anonymous requests for the sign-in page (and other pages) store no session', async () => {
    const before = await rows();
    for (let i = 0; i < 200; i += 1) {
      const page = await api.request('GET', ['/sign-in', '/lookup?economy=KR', '/', '/sign-in?back=%2Fwork'][i % 4]!, { headers: HTML });
      expect(page.status).to.equal(200);
    }
    const form = await api.request('GET', '/sign-in', { headers: HTML });
    expect(csrfTokenOf(form.text)).to.be.a('string');
    expect(form.headers.getSetCookie().join('\n'), 'no session cookie for a reader who is not signed in').to.not.contain('mra.sid=');
    expect(await rows()).to.deep.equal(before);
  });

  it('the sign-in form still needs its token, and the token is good only with the cookie it came with', async () => {
    const before = await rows();
    const form = await api.request('GET', '/sign-in', { headers: HTML });
    const cookie = cookieOf(form.headers);
    const token = csrfTokenOf(form.text);
    const post = (fields: Record<string, string>, withCookie: string | null) =>
      fetch(`${api.server.url}/sign-in`, { method: 'POST', redirect: 'manual', headers: { ...FORM, ...(withCookie ? { Cookie: withCookie } : {}) }, body: new URLSearchParams({ back: '/work', key: 'demo-kr-regulator-key', ...fields }) });

    expect((await post({}, cookie)).status, 'no token').to.equal(403);
    expect((await post({ _csrf: token }, null)).status, 'no cookie').to.equal(403);
    const otherCookie = cookieOf((await api.request('GET', '/sign-in', { headers: HTML })).headers);
    expect((await post({ _csrf: token }, otherCookie)).status, "another browser's cookie").to.equal(403);
    expect((await post({ _csrf: `${token.split('.')[0]}.${'A'.repeat(43)}` }, cookie)).status, 'a forged token').to.equal(403);
    expect(await rows(), 'no refused form stored a session').to.deep.equal(before);

    const signed = await post({ _csrf: token }, cookie);
    expect(signed.status).to.equal(303);
    expect(signed.headers.get('location')).to.equal('/work');
    expect((await rows()).sessions).to.equal(before.sessions + 1);
    const work = await api.request('GET', '/work', { headers: { ...HTML, Cookie: cookieOf(signed.headers) } });
    expect(work.status).to.equal(200);
  });

  it('a form token expires: one from a page left open past its lifetime is refused', async () => {
    const form = await api.request('GET', '/sign-in', { headers: HTML });
    api.world.clock.advance(3 * 3_600_000);
    const answer = await fetch(`${api.server.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...FORM, Cookie: cookieOf(form.headers) },
      body: new URLSearchParams({ _csrf: csrfTokenOf(form.text), back: '/work', key: 'demo-kr-regulator-key' }),
    });
    expect(answer.status).to.equal(403);
  });

  it('the sweep deletes the sessions and sign-in tokens that have expired, on the service clock, and keeps the live ones', async () => {
    const before = await rows();
    await PagePerson.signIn(api, 'demo-kr-regulator-key');
    await api.post('/auth/sign-in-link', { email: 'mra@vnta.vn.example' });
    await signInLinksSettled();
    const sweep = new PeriodicTask({ name: 'access-sweep', task: () => sweepExpiredAccess(api.world.store, api.world.clock), intervalMs: 60_000, log: silentLog });

    await sweep.runOnce();
    expect(await rows(), 'nothing has expired yet').to.deep.equal({ sessions: before.sessions + 1, signInTokens: before.signInTokens + 1 });

    api.world.clock.advance(16 * 60_000);
    await sweep.runOnce();
    expect(await rows(), 'the link has expired; the session has not').to.deep.equal({ sessions: before.sessions + 1, signInTokens: before.signInTokens });

    api.world.clock.advance(9 * 3_600_000);
    await sweep.runOnce();
    expect(await rows(), 'the session has expired').to.deep.equal({ sessions: before.sessions, signInTokens: before.signInTokens });
  });
});
