/**
 * IPv6 addresses that carry an IPv4 one (issue 25, finding 10): IPv4-compatible (`::a.b.c.d`),
 * IPv4-mapped (`::ffff:a.b.c.d`), IPv4-translated, NAT64 (`64:ff9b::/96`, `64:ff9b:1::/48`), 6to4
 * (`2002::/16`) and Teredo (`2001::/32`) are judged by the IPv4 they carry, or refused, in the
 * forms an attacker would write them (compressed, expanded, dotted): as a URL at registration,
 * and as a name's DNS answer at delivery, where the address is checked again before connecting.
 */
import { expect } from 'chai';
import { systemClock } from '../../src/clock.js';
import { AddressPolicy, SecretBox } from '../../src/effects/webhooks/index.js';
import { webhookQueue } from '../../src/effects/webhooks/dispatcher.js';
import { silentLog } from '../../src/queue/index.js';
import type { WebhookDelivery } from '../../src/store/port.js';
import { ApiWorld } from '../helpers/api.js';
import { World } from '../helpers/world.js';

/** What each form carries, written the ways an attacker would; every one must be refused. */
const REFUSED: Record<string, string[]> = {
  'IPv4-compatible': ['::7f00:1', '0:0:0:0:0:0:7f00:1', '::127.0.0.1', '0000:0000:0000:0000:0000:0000:0a00:0001', '::a9fe:a9fe', '::169.254.169.254', '::5db8:d822'],
  'IPv4-mapped': ['::ffff:7f00:1', '0:0:0:0:0:ffff:127.0.0.1', '::FFFF:169.254.169.254', '::ffff:a00:1', '0000:0000:0000:0000:0000:ffff:c0a8:0101'],
  'IPv4-translated': ['::ffff:0:a00:1', '::ffff:0:10.0.0.1', '0:0:0:0:ffff:0:7f00:1'],
  NAT64: ['64:ff9b::7f00:1', '64:ff9b::10.0.0.1', '64:ff9b:0:0:0:0:a9fe:a9fe', '0064:ff9b:0000:0000:0000:0000:c0a8:0101', '64:ff9b:1::a00:1', '64:ff9b:1:0:0:0:5db8:d822'],
  '6to4': ['2002:7f00:1::', '2002:a00:1::1', '2002:c0a8:0101:0:0:0:0:1', '2002:a9fe:a9fe::'],
  // The client's IPv4 is stored inverted: f5ff:fffe is 10.0.0.1; a server of 10.0.0.1 is refused too.
  Teredo: ['2001:0:5db8:d822:0:0:f5ff:fffe', '2001:0000:0a00:0001:0000:0000:a2f7:f7ca', '2001::5db8:d822:0:0:80ff:fffe'],
};

/** Forms that carry only public IPv4 addresses: they are as public as the address they carry. */
const PUBLIC = ['::ffff:93.184.216.34', '64:ff9b::93.184.216.34', '64:ff9b::5db8:d822', '2002:5db8:d822::1', '2001:0:5db8:d822:0:0:a247:27dd'];

const every = Object.entries(REFUSED).flatMap(([form, addresses]) => addresses.map((address) => ({ form, address })));

describe('webhooks: IPv6 addresses that carry an IPv4 address', function () {
  this.timeout(20_000);

  it('the policy refuses each form carrying a non-public IPv4 (or IPv4-compatible, or local-use NAT64), and takes those carrying a public one', async () => {
    const policy = new AddressPolicy({ allowLoopback: false, allowedNetworks: [] });
    for (const { form, address } of every) {
      const refusal = await policy.check(`https://[${address}]/hooks`).then(
        () => 'accepted',
        (error: Error) => error.message,
      );
      expect(refusal, `${form} ${address}`).to.match(/is an? .* address|is an IPv4-compatible/);
      expect(refusal, `${form} ${address}`).to.not.equal('accepted');
    }
    for (const address of PUBLIC) {
      expect((await policy.check(`https://[${address}]/hooks`)).url.hostname, address).to.include(':');
    }
  });

  it('says what the address carries', async () => {
    const policy = new AddressPolicy({ allowLoopback: false, allowedNetworks: [] });
    const says = (address: string) => policy.check(`https://[${address}]/`).then(() => 'accepted', (error: Error) => error.message);
    expect(await says('::7f00:1')).to.include('an IPv4-compatible IPv6 address (::/96, deprecated) carrying 127.0.0.1');
    expect(await says('64:ff9b::10.0.0.1')).to.include('a NAT64 address carrying 10.0.0.1, a private address');
    expect(await says('2002:a00:1::1')).to.include('a 6to4 address carrying 10.0.0.1, a private address');
    expect(await says('2001:0:5db8:d822:0:0:f5ff:fffe')).to.include('a Teredo address carrying 10.0.0.1, a private address');
  });

  describe('at registration, through the API', () => {
    let api: ApiWorld;
    before(async () => {
      api = await ApiWorld.create();
    });
    after(async () => {
      await api.close();
    });

    it('answers 422 ENDPOINT_REFUSED for each form as a URL, and for a name whose DNS answer is one; writes nothing', async () => {
      for (const { form, address } of every) {
        const answer = await api.post('/webhooks', { url: `https://[${address}]/mra`, kinds: ['test-reports'] }, 'kr-regulator');
        expect(answer.status, `${form} ${address}: ${answer.text}`).to.equal(422);
        expect(answer.body, address).to.deep.include({ code: 'ENDPOINT_REFUSED' });
      }
      expect(await api.world.store.listWebhookEndpoints({})).to.deep.equal([]);
    });
  });

  describe('at registration and delivery, as a DNS answer', () => {
    let world: World;
    before(async () => {
      world = await World.create();
    });
    after(async () => {
      await world.close();
    });

    it('refuses a name that resolves to any of the forms, and a delivery to it is given up at once, before connecting', async () => {
      const box = new SecretBox('a key secret for the embedded IPv4 tests, long enough');
      const at = '2026-03-02T08:00:00.000Z';
      for (const { form, address } of every) {
        const policy = new AddressPolicy({ allowLoopback: false, allowedNetworks: [], resolver: () => Promise.resolve([{ address, family: 6 }]) });
        const refusal = await policy.check('https://hooks.customs.example/mra').then(() => 'accepted', (error: Error) => error.message);
        expect(refusal, `${form} ${address} at registration`).to.include(`hooks.customs.example resolves to ${address}, which is`);

        const endpointId = `e-${address}`;
        await world.store.putWebhookEndpoint({
          id: endpointId,
          organisation: 'kr-customs',
          principalId: 'kr-customs-officer',
          url: 'https://hooks.customs.example/mra',
          kinds: ['test-reports'],
          economies: [],
          events: [],
          secrets: [{ sealed: box.seal('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'), createdAt: at, expiresAt: null }],
          createdAt: at,
          disabledAt: null,
        });
        const queue = webhookQueue(world.store, { policy, box, timeoutMs: 2_000, wallClock: systemClock, log: silentLog });
        const delivery = { id: `d-${address}`, endpointId, type: 'test-reports.accepted', body: '{}', attempts: 0 } as WebhookDelivery;
        const outcome = await (await queue.forBatch([delivery]))(delivery);
        expect(outcome, `${form} ${address} at delivery`).to.deep.include({ kind: 'permanent', code: 'ADDRESS_REFUSED' });
      }
    });
  });
});
