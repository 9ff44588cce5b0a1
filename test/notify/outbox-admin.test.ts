/** The admin view of the outbox: counts, dead letters a page at a time, and re-queueing one. */
import { expect } from 'chai';
import { isAppError } from '../../src/errors.js';
import { MailWorld } from '../helpers/mail-world.js';

describe('OutboxAdmin', function () {
  this.timeout(20_000);
  let mw: MailWorld;
  beforeEach(async () => (mw = await MailWorld.create()));
  afterEach(async () => mw.close());

  it('pages through the dead messages, each with its recipient, subject, attempts and last error', async () => {
    await mw.world.agreement();
    mw.server.answer = (address) => (address.endsWith('.kr.example') ? { code: 550, message: '5.7.1 Relaying denied' } : null);
    const report = await mw.dispatcher().runOnce();
    expect(report.dead).to.equal(6); // three transitions, two Korean recipients each

    const first = await mw.admin.dead({ limit: 4 });
    const second = await mw.admin.dead({ limit: 4, cursor: first.nextCursor });
    expect(first.items).to.have.length(4);
    expect(second).to.deep.include({ nextCursor: null });
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((m) => m.id)).size).to.equal(6);
    for (const dead of all) {
      expect(dead.recipient.address).to.match(/\.kr\.example$/);
      expect(dead.subject).to.match(/^MRA Viet Nam – Republic of Korea, Phase I: /);
      expect(dead).to.deep.include({ kind: 'agreements', attempts: 1 });
      expect(dead.lastError).to.match(/^550 5\.7\.1 Relaying denied/);
    }
  });

  it('refuses to re-queue a message that does not exist (NOT_FOUND) or is not dead (EVENT_NOT_ACCEPTED)', async () => {
    await mw.world.agreement({ sign: false });
    const [pending] = (await mw.world.store.listOutbox({ status: 'pending', limit: 1 })).items;

    const missing = await mw.admin.requeue('0193aaaa-0000-7000-8000-000000000000').catch((e: unknown) => e);
    expect(isAppError(missing, 'NOT_FOUND')).to.equal(true);

    const notDead = await mw.admin.requeue(pending!.id).catch((e: unknown) => e);
    expect(isAppError(notDead, 'EVENT_NOT_ACCEPTED')).to.equal(true);
    expect((notDead as Error).message).to.equal(`Outbox message ${pending!.id} is pending: only a dead message can be re-queued.`);

    await mw.dispatcher().runOnce();
    const sent = await mw.admin.requeue(pending!.id).catch((e: unknown) => e);
    expect((sent as { publicFields: Record<string, unknown> }).publicFields).to.deep.equal({ status: 'sent' });
    expect(await mw.admin.counts()).to.deep.include({ pending: 0, dead: 0 });
  });

  it('refuses a page size outside 1 to 200, and a cursor it did not issue (VALIDATION_FAILED)', async () => {
    for (const query of [{ limit: 0 }, { limit: 201 }, { limit: 2.5 }, { cursor: 'not-a-cursor' }]) {
      const error = await mw.admin.dead(query).catch((e: unknown) => e);
      expect(isAppError(error, 'VALIDATION_FAILED'), JSON.stringify(query)).to.equal(true);
    }
  });
});
