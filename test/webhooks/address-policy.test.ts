/**
 * No server-side request forgery through webhooks: registrations the API refuses, and the
 * policy's judgement of the address ranges. No request is ever sent to a refused address: the
 * policy refuses before connecting, and a redirect to one is never followed. Host names are
 * resolved by a resolver given to the service (as `startService` takes one), or by the system's
 * for `localhost`.
 */
import { expect } from 'chai';
import { isAppError } from '../../src/errors.js';
import { AddressPolicy, systemResolver, type Resolver } from '../../src/effects/webhooks/address-policy.js';
import { ApiWorld } from '../helpers/api.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';

const NAMES: Record<string, string[]> = {
  'hooks.customs.example': ['10.1.2.3'],
  'split.customs.example': ['93.184.216.34', '192.168.1.5'],
  'public.customs.example': ['93.184.216.34'],
};
/** The test's names, and the system's resolver for the rest (`localhost` is 127.0.0.1 or ::1 there). */
const resolver: Resolver = async (host) => {
  if (host === 'localhost') return systemResolver(host);
  const addresses = NAMES[host];
  if (!addresses) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

async function refusal(policy: AddressPolicy, url: string): Promise<string> {
  try {
    await policy.check(url);
    return 'accepted';
  } catch (error) {
    if (isAppError(error, 'ENDPOINT_REFUSED')) return error.detail;
    throw error;
  }
}

describe('webhooks: no server-side request forgery', function () {
  this.timeout(20_000);

  describe('registration through the API', () => {
    let api: ApiWorld;
    let receiver: WebhookReceiver;
    before(async () => {
      api = await ApiWorld.create({ resolver });
      receiver = await WebhookReceiver.start();
    });
    after(async () => {
      await api.close();
      await receiver.close();
    });

    const register = (url: string) => api.post('/webhooks', { url, kinds: ['test-reports'] }, 'kr-regulator');

    it('refuses http://10.0.0.1/, a name that resolves to a private address, and localhost when loopback is not allowed; writes nothing', async () => {
      const before = await api.world.store.listWebhookEndpoints({});
      for (const [url, says] of [
        ['http://10.0.0.1/', /private address/],
        ['https://10.0.0.1/hooks', /10\.0\.0\.1 is a private address/],
        ['https://hooks.customs.example/mra', /hooks\.customs\.example resolves to 10\.1\.2\.3, which is a private address/],
        ['https://split.customs.example/mra', /resolves to 192\.168\.1\.5/],
        ['https://localhost:8443/mra', /loopback address/],
        ['https://[::ffff:10.0.0.1]/mra', /private address/],
        ['https://169.254.169.254/latest/meta-data', /linkLocal address/],
        [receiver.url, /loopback address/],
      ] as const) {
        const answer = await register(url);
        expect(answer.status, url).to.equal(422);
        expect(answer.headers.get('content-type'), url).to.match(/problem\+json/);
        expect(answer.body, url).to.deep.include({ code: 'ENDPOINT_REFUSED' });
        expect(String(answer.body['detail']), url).to.match(says);
      }
      expect(receiver.requests, 'nothing was sent to the loopback receiver').to.have.length(0);
      expect(await api.world.store.listWebhookEndpoints({})).to.deep.equal(before);
    });

    it('refuses a URL with credentials, another scheme, or an unknown name', async () => {
      for (const url of ['https://user:pw@public.customs.example/', 'ftp://public.customs.example/', 'https://nowhere.customs.example/']) {
        const answer = await register(url);
        expect(answer.status, url).to.equal(422);
        expect(answer.body, url).to.deep.include({ code: 'ENDPOINT_REFUSED' });
      }
    });
  });

  describe('a redirect, with loopback allowed for development', () => {
    let api: ApiWorld;
    let receiver: WebhookReceiver;
    before(async () => {
      api = await ApiWorld.create({ env: { MRA_WEBHOOK_ALLOW_LOOPBACK: 'true' }, resolver });
      receiver = await WebhookReceiver.start();
    });
    after(async () => {
      await api.close();
      await receiver.close();
    });

    it('refuses an endpoint that answers with a redirect to a private address, without following it', async () => {
      receiver.answer = { status: 307, location: 'http://10.0.0.1/' };
      const answer = await api.post('/webhooks', { url: receiver.url, kinds: ['test-reports'] }, 'kr-regulator');
      expect(answer.status).to.equal(422);
      expect(answer.body).to.deep.include({ code: 'ENDPOINT_REFUSED' });
      expect(String(answer.body['detail'])).to.include('redirect (HTTP 307 to http://10.0.0.1/); redirects are not followed');
      expect(receiver.requests, 'one ping, not followed anywhere').to.have.length(1);
      expect(await api.world.store.listWebhookEndpoints({})).to.deep.equal([]);
    });

    it('takes a loopback endpoint that answers the ping itself, whatever it says', async () => {
      receiver.answer = { status: 401 };
      const answer = await api.post('/webhooks', { url: receiver.url, kinds: ['test-reports'] }, 'kr-regulator');
      expect(answer.status, answer.text).to.equal(201);
      expect(String(answer.body['secret'])).to.match(/^whsec_/);
      expect((await api.world.store.listWebhookEndpoints({ organisation: 'kr-regulator' })).map((e) => e.url)).to.deep.equal([receiver.url]);
    });
  });

  describe('the address ranges', () => {
    it('allows public unicast only, loopback only in development, and a network an admin allowed', async () => {
      const strict = new AddressPolicy({ allowLoopback: false, allowedNetworks: [], resolver });
      const dev = new AddressPolicy({ allowLoopback: true, allowedNetworks: ['10.1.0.0/16'], resolver });
      expect(await refusal(strict, 'https://public.customs.example/mra')).to.equal('accepted');
      expect(await refusal(strict, 'https://93.184.216.34/')).to.equal('accepted');
      for (const address of ['10.0.0.1', '172.16.0.1', '192.168.0.1', '127.0.0.1', '100.64.0.1', '169.254.0.1', '0.0.0.0', '224.0.0.1', '[::1]', '[fd00::1]', '[fe80::1]', '[::ffff:192.168.0.1]']) {
        expect(await refusal(strict, `https://${address}/`), address).to.not.equal('accepted');
      }
      expect(await refusal(strict, 'http://public.customs.example/'), 'http to a public address').to.match(/must be an https: URL/);
      expect(await refusal(dev, 'http://127.0.0.1:9/'), 'development: http on loopback').to.equal('accepted');
      expect(await refusal(dev, 'http://public.customs.example/'), 'but never http elsewhere').to.match(/https/);
      expect(await refusal(dev, 'https://hooks.customs.example/'), 'in the allowed network').to.equal('accepted');
      expect(await refusal(dev, 'https://10.2.0.1/'), 'outside it').to.match(/private address/);
      const pinned = await dev.check('https://hooks.customs.example/mra');
      expect([pinned.address, pinned.family, pinned.url.hostname]).to.deep.equal(['10.1.2.3', 4, 'hooks.customs.example']);
    });
  });
});
