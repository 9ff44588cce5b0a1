/**
 * Sign-in for people: an e-mail link through the outbox (in the person's language), a one-time,
 * short-lived token, a session cookie that expires, is signed out, and ends when the principal
 * is disabled; a change made with the cookie needs the session's CSRF token.
 */
import { expect } from 'chai';
import { signInLinksSettled } from '../../src/access/sign-in.js';
import { loadConfig } from '../../src/config.js';
import { MessageComposer } from '../../src/effects/mail/composer.js';
import { ApiWorld } from '../helpers/api.js';
import { Browser, accessSnapshot, lastSignInLink } from '../helpers/people.js';

describe('HTTP: sign-in by e-mail link', () => {
  let api: ApiWorld;
  beforeEach(async () => (api = await ApiWorld.create()));
  afterEach(async () => api.close());

  it('answers the same whether or not the address exists, and e-mails a link only to a principal that may act', async () => {
    const known = await api.post('/auth/sign-in-link', { email: 'LAB@songhong.vn.example' });
    const unknown = await api.post('/auth/sign-in-link', { email: 'nobody@songhong.vn.example' });
    expect(known.status).to.equal(202);
    expect([unknown.status, unknown.body['detail']]).to.deep.equal([known.status, known.body['detail']]);
    await signInLinksSettled();
    const outbox = (await api.world.store.listOutbox({ limit: 200 })).items.filter((m) => m.account);
    expect(outbox.map((m) => m.recipient.address)).to.deep.equal(['lab@songhong.vn.example']);

    const composer = new MessageComposer({ directory: api.world.store, publicUrl: 'http://localhost:3000', mailFrom: loadConfig({}).mailFrom });
    const mail = await composer.compose(outbox[0]!);
    expect(mail.subject).to.equal('Đường dẫn đăng nhập Hệ thống MRA');
    expect(mail.language).to.equal('vi');
    expect(mail.text).to.contain('Kính gửi: Phòng thử nghiệm Viễn thông Sông Hồng');
    expect(mail.text).to.contain('chỉ sử dụng được một lần');
    expect(mail.text).to.contain(outbox[0]!.account!.link);
    expect(outbox[0]!.account!.link).to.match(/^http:\/\/localhost:3000\/auth\/sign-in\?token=[A-Za-z0-9_-]{43}$/);

    const english = await composer.compose({ ...outbox[0]!, recipient: { ...outbox[0]!.recipient, language: 'en', name: 'Jane Doe' } });
    expect(english.subject).to.equal('Your sign-in link to the MRA Engine');
    expect(english.text).to.contain('Dear Jane Doe,');
  });

  it('a link signs in once: HttpOnly, SameSite=Lax cookie; a second use, or a late one, is refused', async () => {
    await api.post('/auth/sign-in-link', { email: 'lab@songhong.vn.example' });
    const link = new URL((await lastSignInLink(api.world.store, 'lab-song-hong'))!);
    const first = await fetch(`${api.server.url}${link.pathname}${link.search}`);
    expect(first.status).to.equal(200);
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).to.match(/^mra\.sid=/);
    expect(cookie).to.match(/HttpOnly/i);
    expect(cookie).to.match(/SameSite=Lax/i);
    expect(cookie).to.match(/Expires=/i);
    expect(cookie, 'plain http: not Secure').to.not.match(/Secure/i);
    expect(first.headers.get('cache-control')).to.equal('no-store');
    const again = await fetch(`${api.server.url}${link.pathname}${link.search}`);
    expect(again.status).to.equal(401);

    await api.post('/auth/sign-in-link', { email: 'lab@songhong.vn.example' });
    const late = new URL((await lastSignInLink(api.world.store, 'lab-song-hong'))!);
    api.world.clock.advance(16 * 60_000);
    expect((await fetch(`${api.server.url}${late.pathname}${late.search}`)).status).to.equal(401);
  });

  it('the session reads with the cookie; a change needs the CSRF token too; sign-out ends it', async () => {
    const browser = new Browser(api);
    expect((await browser.signIn('lab@songhong.vn.example', 'lab-song-hong')).status).to.equal(200);
    const session = await browser.request('GET', '/auth/session');
    expect(session.status).to.equal(200);
    expect((session.body['principal'] as { id: string }).id).to.equal('lab-song-hong');
    expect((await browser.request('GET', '/principals/lab-song-hong/keys')).status).to.equal(200);

    const before = await accessSnapshot(api.world.store);
    const forged = await browser.request('POST', '/principals/lab-song-hong/keys', { body: { name: 'forged' } });
    expect(forged.status).to.equal(403);
    expect(await accessSnapshot(api.world.store)).to.equal(before);
    const wrongToken = await browser.request('POST', '/principals/lab-song-hong/keys', { body: { name: 'forged' }, headers: { 'X-CSRF-Token': 'not-the-token' } });
    expect(wrongToken.status).to.equal(403);
    expect(await accessSnapshot(api.world.store)).to.equal(before);
    expect((await browser.request('POST', '/principals/lab-song-hong/keys', { body: { name: 'mine' }, csrf: true })).status).to.equal(201);

    const cookie = browser.cookie;
    expect((await browser.request('POST', '/auth/sign-out')).status).to.equal(204);
    expect(browser.cookie).to.equal(null);
    const replayed = await api.get('/auth/session', undefined, { Cookie: cookie! });
    expect(replayed.status).to.equal(401);
  });

  it('a session expires after its lifetime without use, and ends when the principal is disabled', async () => {
    const idle = new Browser(api);
    await idle.signIn('lab@songhong.vn.example', 'lab-song-hong');
    const active = new Browser(api);
    await active.signIn('lab@saigon.vn.example', 'lab-sai-gon');
    api.world.clock.advance(7 * 3_600_000);
    expect((await active.request('GET', '/auth/session')).status).to.equal(200);
    api.world.clock.advance(2 * 3_600_000);
    expect((await idle.request('GET', '/auth/session')).status, 'idle for 9 hours').to.equal(401);
    expect((await active.request('GET', '/auth/session')).status, 'used 2 hours ago').to.equal(200);

    expect((await api.post('/principals/lab-sai-gon/disable', {}, 'vn-designating-authority')).status).to.equal(200);
    expect((await active.request('GET', '/economies')).status).to.equal(401);
    const links = async () => {
      await signInLinksSettled();
      return (await api.world.store.listOutbox({ limit: 200 })).items.filter((m) => m.account?.principalId === 'lab-sai-gon').length;
    };
    const sent = await links();
    expect((await api.post('/auth/sign-in-link', { email: 'lab@saigon.vn.example' })).status).to.equal(202);
    expect(await links(), 'no link for a disabled principal').to.equal(sent);
  });
});
