/**
 * The web pages over real HTTP (port 0), without a browser: language negotiation and the switch,
 * the Content-Security-Policy, CSRF on forms, sign-in cookies, HTML error pages beside an API that
 * keeps its JSON. The browser suite (`npm run test:browser`) walks the pages by clicks.
 */
import { expect } from 'chai';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { ApiWorld } from '../helpers/api.js';
import { lastSignInLink } from '../helpers/people.js';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

function cookies(headers: Headers): string[] {
  return headers.getSetCookie();
}

/** The cookie header a browser would send back, from the Set-Cookie lines of an answer. */
function jar(headers: Headers): string {
  return cookies(headers)
    .map((line) => line.split(';')[0])
    .join('; ');
}

function csrfToken(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field in the page');
  return match[1]!;
}

describe('web pages over HTTP', () => {
  let api: ApiWorld;
  before(async () => {
    api = await ApiWorld.create();
  });
  after(async () => {
    await api.close();
  });

  it('answers in the language Accept-Language prefers, English when it says nothing', async () => {
    const vi = await api.request('GET', '/lookup', { headers: { ...HTML, 'Accept-Language': 'vi-VN,vi;q=0.9,en;q=0.5' } });
    expect(vi.status).to.equal(200);
    expect(vi.text).to.contain('<html lang="vi">').and.to.contain(pageTexts.vi.lookup.title);
    const en = await api.request('GET', '/lookup', { headers: { ...HTML, 'Accept-Language': 'ko-KR,en;q=0.8' } });
    expect(en.text).to.contain('<html lang="en">').and.to.contain(pageTexts.en.lookup.title);
    const none = await api.request('GET', '/lookup', { headers: HTML });
    expect(none.text).to.contain('<html lang="en">');
  });

  it('remembers a switched language in a cookie, and goes back only to a page of its own', async () => {
    const switched = await fetch(`${api.server.url}/language/vi?back=%2Fregister`, { redirect: 'manual' });
    expect(switched.status).to.equal(303);
    expect(switched.headers.get('location')).to.equal('/register');
    const cookie = jar(switched.headers);
    expect(cookie.split('; ')).to.include('mra_lang=vi');
    const page = await api.request('GET', '/register', { headers: { ...HTML, Cookie: cookie, 'Accept-Language': 'en' } });
    expect(page.text).to.contain(pageTexts.vi.register.title);
    for (const back of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const away = await fetch(`${api.server.url}/language/en?back=${encodeURIComponent(back)}`, { redirect: 'manual' });
      expect(away.headers.get('location'), back).to.equal('/');
    }
  });

  it('sends a strict Content-Security-Policy and pages with no inline script or style', async () => {
    const page = await api.request('GET', '/', { headers: HTML });
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).to.contain("script-src 'self'").and.to.contain("style-src 'self'").and.to.contain("frame-ancestors 'none'");
    expect(policy).to.not.contain('unsafe-inline');
    expect(page.text).to.not.match(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.text).to.not.match(/\sstyle="/);
    expect(page.text).to.not.match(/\son[a-z]+="/);
  });

  it('refuses a form without its CSRF token, with a page that says what to do', async () => {
    const refused = await api.request('POST', '/sign-in', { headers: { ...HTML, 'Content-Type': 'application/x-www-form-urlencoded' }, raw: 'key=demo-kr-regulator-key' });
    expect(refused.status).to.equal(403);
    expect(refused.headers.get('content-type')).to.contain('text/html');
    expect(refused.text).to.contain(pageTexts.en.errors['CSRF']);
    expect(cookies(refused.headers).some((c) => c.startsWith('mra.sid='))).to.equal(false);
  });

  it('leaves no session behind a visitor who only reads public pages', async () => {
    for (const path of ['/', '/lookup', '/register', '/how-it-works']) {
      const page = await api.request('GET', path, { headers: HTML });
      expect(page.status, path).to.equal(200);
      expect(cookies(page.headers), path).to.deep.equal([]);
    }
  });

  it('signs in with a key through the form: a new HttpOnly, SameSite session cookie, then the page asked for', async () => {
    const form = await api.request('GET', '/sign-in?back=%2Frecords%2Ftest-reports', { headers: HTML });
    const cookie = jar(form.headers);
    // The form's token is bound to a cookie of its own: no session (and no stored row) before sign-in.
    expect(cookie).to.match(/^mra\.form=/);
    expect(cookie).to.not.contain('mra.sid=');
    const body = new URLSearchParams({ _csrf: csrfToken(form.text), back: '/records/test-reports', key: 'demo-kr-regulator-key' });
    const signed = await fetch(`${api.server.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    expect(signed.status).to.equal(303);
    expect(signed.headers.get('location')).to.equal('/records/test-reports');
    const session = cookies(signed.headers).find((c) => c.startsWith('mra.sid='))!;
    expect(session).to.match(/HttpOnly/i).and.to.match(/SameSite=Lax/i);
    // A fresh session id at sign-in: a cookie planted before it is worth nothing.
    expect(session.split(';')[0]).to.not.equal(cookie);
    const list = await api.request('GET', '/records/test-reports', { headers: { ...HTML, Cookie: session.split(';')[0]! } });
    expect(list.status).to.equal(200);
    expect(list.text).to.contain(pageTexts.en.nav.signedInAs('National Radio Research Agency (RRA)'));

    const again = await api.request('GET', '/sign-in', { headers: HTML });
    const wrong = new URLSearchParams({ _csrf: csrfToken(again.text), back: '/', key: 'not-a-key' });
    const refused = await api.request('POST', '/sign-in', { headers: { ...HTML, Cookie: jar(again.headers), 'Content-Type': 'application/x-www-form-urlencoded' }, raw: wrong.toString() });
    expect(refused.status).to.equal(401);
    expect(refused.text).to.contain(pageTexts.en.signIn.wrong);
  });

  it('an e-mail link opens the record after sign-in: the link carries the page, a GET uses nothing up, the button signs in', async () => {
    const record = `/records/agreements/${(await api.world.agreement()).id}`;
    const away = await fetch(`${api.server.url}${record}`, { redirect: 'manual', headers: HTML });
    expect(away.headers.get('location')).to.equal(`/sign-in?back=${encodeURIComponent(record)}`);
    const form = await api.request('GET', away.headers.get('location')!, { headers: HTML });
    const cookie = jar(form.headers);
    const ask = new URLSearchParams({ _csrf: csrfToken(form.text), back: record, email: 'mra@rra.kr.example' });
    const asked = await api.request('POST', '/sign-in/link', { headers: { ...HTML, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, raw: ask.toString() });
    expect(asked.status).to.equal(200);
    expect(asked.text).to.contain(pageTexts.en.signIn.linkSent(15));
    const link = new URL((await lastSignInLink(api.world.store, 'kr-regulator'))!);
    expect(link.pathname).to.equal('/auth/sign-in');
    expect(link.searchParams.get('next')).to.equal(record);

    // A mail scanner opening the link twice signs nobody in and leaves the token usable.
    for (let i = 0; i < 2; i += 1) {
      const landing = await api.request('GET', link.pathname + link.search, { headers: HTML });
      expect(landing.status).to.equal(200);
      expect(landing.text).to.contain(pageTexts.en.signIn.fromLink);
    }
    const landing = await api.request('GET', link.pathname + link.search, { headers: { ...HTML, Cookie: cookie } });
    const press = new URLSearchParams({ _csrf: csrfToken(landing.text), token: link.searchParams.get('token')!, back: link.searchParams.get('next')! });
    const signed = await fetch(`${api.server.url}/sign-in/email`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body: press.toString() });
    expect(signed.status).to.equal(303);
    expect(signed.headers.get('location')).to.equal(record);
    const page = await api.request('GET', record, { headers: { ...HTML, Cookie: jar(signed.headers) } });
    expect(page.status).to.equal(200);
    expect(page.text).to.contain(pageTexts.en.nav.signedInAs('National Radio Research Agency (RRA)'));

    // Used once: pressing again (from a new page) is refused with the sign-in page, in words.
    const other = await api.request('GET', link.pathname + link.search, { headers: HTML });
    press.set('_csrf', csrfToken(other.text));
    const again = await api.request('POST', '/sign-in/email', { headers: { ...HTML, Cookie: jar(other.headers), 'Content-Type': 'application/x-www-form-urlencoded' }, raw: press.toString() });
    expect(again.status).to.equal(401);
    expect(again.text).to.contain(pageTexts.en.signIn.linkRefused);
  });

  it('a JSON client opening an e-mailed link gets the API answer, not the page', async () => {
    await api.request('POST', '/auth/sign-in-link', { body: { email: 'mra@vnta.vn.example', next: '/work' } });
    const link = new URL((await lastSignInLink(api.world.store, 'vn-regulator'))!);
    const answer = await api.request('GET', link.pathname + link.search);
    expect(answer.status).to.equal(200);
    expect(answer.body['principal']).to.include({ id: 'vn-regulator' });
    const elsewhere = await api.request('POST', '/auth/sign-in-link', { body: { email: 'mra@vnta.vn.example', next: '//evil.example/' } });
    expect(elsewhere.status).to.equal(400);
  });

  it('sends someone not signed in to the sign-in page, and back afterwards', async () => {
    const work = await fetch(`${api.server.url}/work`, { redirect: 'manual', headers: HTML });
    expect(work.status).to.equal(303);
    expect(work.headers.get('location')).to.equal('/sign-in?back=%2Fwork');
  });

  it('answers an HTML 404 page to a browser, and the API problem+json to everyone else', async () => {
    const page = await api.request('GET', '/no/such/page', { headers: { ...HTML, 'Accept-Language': 'vi' } });
    expect(page.status).to.equal(404);
    expect(page.headers.get('content-type')).to.contain('text/html');
    expect(page.text).to.contain(pageTexts.vi.notFound.title);
    const json = await api.request('GET', '/no/such/page');
    expect(json.status).to.equal(404);
    expect(json.headers.get('content-type')).to.contain('application/problem+json');
    const apiRoute = await api.request('GET', '/test-reports', { headers: HTML });
    expect(apiRoute.status).to.equal(401);
    expect(apiRoute.headers.get('content-type')).to.contain('application/problem+json');
  });
});
