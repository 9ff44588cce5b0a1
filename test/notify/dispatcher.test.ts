/**
 * The dispatcher delivers every message at least once and, in practice, once: a server that says
 * "try later" (451) gets everything once it accepts again, a refusal (550) ends `dead` where the
 * admin view lists it, and a dispatcher stopped in the middle of a batch leaves nothing behind.
 */
import { expect } from 'chai';
import type { Resource } from '../../src/engine/resource.js';
import { MailWorld } from '../helpers/mail-world.js';
import type { World } from '../helpers/world.js';

const HOUR = 3_600_000;

describe('Dispatcher', function () {
  this.timeout(30_000);
  let mw: MailWorld;
  let world: World;

  afterEach(async () => mw.close());

  /** A recognised lab and a submitted report: a dozen or so messages in the outbox. */
  async function someMail(): Promise<{ report: Resource; pending: number }> {
    const { lab } = await world.recognizedLab();
    world.advanceDays(3);
    const report = await world.submit(lab);
    return { report, pending: (await world.store.outboxCounts()).pending };
  }

  /** Every outbox message arrived exactly once, under its own Message-ID. */
  async function expectEachDeliveredOnce(): Promise<void> {
    const counts = await world.store.outboxCounts();
    expect(counts).to.deep.include({ pending: 0, dead: 0 });
    const sent = (await world.store.listOutbox({ status: 'sent', limit: 200 })).items;
    expect(mw.server.messageIds()).to.have.members(sent.map((m) => mw.messageId(m.id)));
  }

  describe('when the server answers 451 for a while', () => {
    beforeEach(async () => {
      mw = await MailWorld.create();
      world = mw.world;
    });

    it('retries later with backoff, and delivers everything once the server accepts, nothing twice', async () => {
      const { pending } = await someMail();
      mw.server.answer = () => ({ code: 451, message: '4.7.1 Greylisted, try again later' });
      const dispatcher = mw.dispatcher();

      const first = await dispatcher.runOnce();
      expect(first).to.deep.include({ claimed: pending, sent: 0, retried: pending, dead: 0 });
      const [waiting] = (await world.store.listOutbox({ status: 'pending', limit: 1 })).items;
      expect(waiting).to.deep.include({ attempts: 1 });
      expect(waiting!.lastError).to.match(/^451 4\.7\.1 Greylisted, try again later/);
      // The first retry waits 15 to 30 seconds: not due 10 seconds later, due after 30.
      const retryIn = Date.parse(waiting!.nextAttemptAt) - world.clock.now().getTime();
      expect(retryIn).to.be.within(15_000, 30_000);
      world.clock.advance(10_000);
      expect((await dispatcher.runOnce()).claimed).to.equal(0);

      world.clock.advance(HOUR);
      expect(await dispatcher.runOnce()).to.deep.include({ retried: pending });
      mw.server.answer = () => null;
      world.clock.advance(HOUR);
      expect(await dispatcher.runOnce()).to.deep.include({ sent: pending, retried: 0 });

      await expectEachDeliveredOnce();
      const [sent] = (await world.store.listOutbox({ status: 'sent', limit: 1 })).items;
      expect(sent).to.deep.include({ attempts: 3 });
      expect(mw.log.lines.filter((l) => l.message === 'e-mail not delivered; will retry')).to.have.length(2 * pending);
    });

    it('gives up a message as dead once it has failed the maximum number of attempts', async () => {
      await mw.close();
      mw = await MailWorld.create({ maxAttempts: 3 });
      world = mw.world;
      const { pending } = await someMail();
      mw.server.answer = () => ({ code: 451, message: 'Try again later' });
      const dispatcher = mw.dispatcher();
      for (const expected of [{ retried: pending }, { retried: pending }, { retried: 0, dead: pending }]) {
        expect(await dispatcher.runOnce()).to.deep.include(expected);
        world.clock.advance(HOUR);
      }
      expect(await world.store.outboxCounts()).to.deep.include({ pending: 0, dead: pending });
      const page = await mw.admin.dead({ limit: 200 });
      expect(page.items.every((m) => m.attempts === 3 && m.lastError?.startsWith('451 Try again later'))).to.equal(true);
    });
  });

  describe('when the server refuses a recipient for good (550)', () => {
    beforeEach(async () => {
      mw = await MailWorld.create();
      world = mw.world;
    });

    it('ends that message dead at once, lists it for the admin, and delivers it once re-queued', async () => {
      const { report, pending } = await someMail();
      mw.server.answer = (address) => (address === 'compliance@hanbit.kr.example' ? { code: 550, message: '5.1.1 No such user' } : null);
      const dispatcher = mw.dispatcher();
      expect(await dispatcher.runOnce()).to.deep.include({ sent: pending - 1, retried: 0, dead: 1 });

      expect(await mw.admin.counts()).to.deep.equal({ pending: 0, sent: pending - 1, dead: 1 });
      const { items, nextCursor } = await mw.admin.dead();
      expect(nextCursor).to.equal(null);
      expect(items).to.have.length(1);
      const [dead] = items;
      expect(dead).to.deep.include({
        kind: 'test-reports',
        instanceId: report.id,
        event: 'CREATE',
        attempts: 1,
        subject: `Test report ${String(report.data['reportNumber'])} (PN-AX3000) for KR: under review`,
      });
      expect(dead!.recipient).to.deep.include({ address: 'compliance@hanbit.kr.example', language: 'en', party: 'importer' });
      expect(dead!.lastError).to.match(/^550 5\.1\.1 No such user \(after RCPT TO\)/);
      expect(mw.log.lines.some((l) => l.level === 'warn' && l.message.startsWith('e-mail given up: dead'))).to.equal(true);

      // The address is fixed on the server's side; the admin puts the message back.
      mw.server.answer = () => null;
      expect(await mw.admin.requeue(dead!.id)).to.deep.equal({ id: dead!.id, status: 'pending', nextAttemptAt: world.clock.now().toISOString() });
      expect(await dispatcher.runOnce()).to.deep.include({ sent: 1 });
      expect(await mw.admin.counts()).to.deep.equal({ pending: 0, sent: pending, dead: 0 });
      expect(mw.server.messageIds().filter((id) => id === mw.messageId(dead!.id))).to.have.length(1);
      await expectEachDeliveredOnce();
    });
  });

  describe('when stopped in the middle of a batch', () => {
    beforeEach(async () => {
      // One batch holds the whole outbox, so every message not sent is one the stopped node holds.
      mw = await MailWorld.create({ batchSize: 100 });
      world = mw.world;
    });

    it('lets the messages in flight finish and records them, and gives back the leases on the rest: another node delivers them at once', async () => {
      const { pending } = await someMail();
      const first = mw.dispatcher('node-a');
      let stopped: Promise<void> | undefined;
      mw.server.onArrival = () => {
        if (mw.server.arrivals.length === 3) stopped = first.stop();
        return true;
      };
      const cut = await first.runOnce();
      await stopped;
      // The three before the stop, and whichever others were already on their way (a few are sent at once).
      const delivered = mw.server.arrivals.length;
      expect(delivered).to.be.within(3, pending - 1);
      expect(cut).to.deep.include({ claimed: pending, sent: delivered });
      expect((await world.store.outboxCounts()).pending).to.equal(pending - delivered);

      // Another node, at the same moment: nothing is left waiting out the stopped node's lease.
      const second = mw.dispatcher('node-b');
      expect(await second.runOnce()).to.deep.include({ claimed: pending - delivered, sent: pending - delivered });
      await expectEachDeliveredOnce();
    });

    it('as a background worker, polls on its interval and stops cleanly', async () => {
      const { pending } = await someMail();
      const dispatcher = mw.dispatcher();
      dispatcher.start();
      for (let waited = 0; mw.server.arrivals.length < pending && waited < 5000; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await dispatcher.stop();
      await expectEachDeliveredOnce();
      const started = mw.log.lines[0]!;
      expect(started).to.deep.include({ level: 'info', message: `e-mail is sent through ${mw.server.url}` });
      expect(mw.log.lines.find((l) => l.message === 'outbox pass')?.fields).to.deep.include({ sent: pending });
    });
  });
});
