/**
 * The e-mails of a claimed batch are written from one reading of the directory: the economies
 * once, each CAB and each principal once, however many messages name them; and that reading is
 * the directory as it is when the batch is written, so a CAB renamed since the transition is shown
 * by its new name in the next batch.
 */
import { expect } from 'chai';
import { MessageComposer, OutboxDispatcher } from '../../src/effects/mail/index.js';
import { SmtpTransport } from '../../src/effects/mail/transports/index.js';
import { MailServer } from '../helpers/mail-server.js';
import type { DirectoryStore, OutboxMessage } from '../../src/store/port.js';
import { MAIL_FROM, PUBLIC_URL } from '../helpers/mail-world.js';
import { World } from '../helpers/world.js';

/** The world's own store, counting the directory reads an e-mail makes. */
function counted(directory: DirectoryStore): { directory: DirectoryStore; reads: Record<string, number> } {
  const reads: Record<string, number> = { listEconomies: 0, getCab: 0, getPrincipal: 0 };
  const wrapped = new Proxy(directory, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof name !== 'string' || !(name in reads) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        reads[name]! += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { directory: wrapped, reads };
}

describe('Writing a batch of e-mails', function () {
  this.timeout(30_000);
  let world: World;
  beforeEach(async () => (world = await World.create()));
  afterEach(async () => world.close());

  async function claimAll(): Promise<OutboxMessage[]> {
    return world.store.claimOutbox({ owner: 'test', now: world.clock.now().toISOString(), leaseMs: 60_000, limit: 500 });
  }

  it('reads the economies once, and each CAB and principal once, for the whole batch', async () => {
    const { lab } = await world.recognizedLab();
    world.advanceDays(3);
    for (let i = 0; i < 4; i += 1) await world.submit(lab);
    const batch = await claimAll();
    const aboutTheLab = batch.filter((m) => m.notification?.data['cabId'] === lab.cabId);
    expect(aboutTheLab.length, 'several messages name the lab').to.be.greaterThan(4);

    const { directory, reads } = counted(world.store);
    const composer = new MessageComposer({ directory, publicUrl: PUBLIC_URL, mailFrom: MAIL_FROM });
    const write = await composer.forBatch(batch);
    const mails = batch.map(write);

    const cabs = new Set(batch.flatMap((m) => (typeof m.notification?.data['cabId'] === 'string' ? [m.notification.data['cabId']] : [])));
    const principals = new Set(batch.flatMap((m) => ['importerId', 'accreditationBodyId'].flatMap((key) => (typeof m.notification?.data[key] === 'string' ? [m.notification.data[key]] : []))));
    expect(reads).to.deep.equal({ listEconomies: 1, getCab: cabs.size, getPrincipal: principals.size });
    const labName = (await world.store.getCab(lab.cabId!))!.name;
    for (const [i, message] of batch.entries()) {
      if (aboutTheLab.includes(message)) expect(mails[i]!.text, message.id).to.include(labName);
    }
  });

  it('shows a CAB renamed after the transition by the name it has when the batch is written', async () => {
    const { lab } = await world.recognizedLab();
    world.advanceDays(3);
    await world.submit(lab);
    const cab = (await world.store.getCab(lab.cabId!))!;
    const batch = (await claimAll()).filter((m) => m.notification?.data['cabId'] === lab.cabId);
    expect(batch).to.not.have.length(0);
    const composer = new MessageComposer({ directory: world.store, publicUrl: PUBLIC_URL, mailFrom: MAIL_FROM });
    const before = await composer.forBatch(batch);
    for (const message of batch) expect(before(message).text).to.include(cab.name);
    await world.store.putCab({ ...cab, name: 'Phòng thử nghiệm Viễn thông Hồng Hà' });
    const write = await composer.forBatch(batch);
    for (const message of batch) {
      const mail = write(message);
      // The greeting keeps the name the recipient had at the transition; the facts name the CAB anew.
      expect(mail.text, message.recipient.language).to.include('Phòng thử nghiệm Viễn thông Hồng Hà');
    }
  });

  it('when the directory cannot be read, sends nothing of the batch and tries every message again later', async () => {
    const { lab } = await world.recognizedLab();
    world.advanceDays(3);
    await world.submit(lab);
    const pending = (await world.store.outboxCounts()).pending;
    const server = await MailServer.start();
    let broken = true;
    const directory = new Proxy(world.store, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        if (name !== 'listEconomies' || typeof value !== 'function') return value;
        return () => (broken ? Promise.reject(new Error('directory unavailable')) : (value as () => Promise<unknown>).call(target));
      },
    });
    const dispatcher = new OutboxDispatcher({
      outbox: world.store,
      composer: new MessageComposer({ directory, publicUrl: PUBLIC_URL, mailFrom: MAIL_FROM }),
      transport: new SmtpTransport(server.url),
      clock: world.clock,
      owner: 'node-a',
      intervalMs: 10,
      maxAttempts: 5,
    });
    try {
      expect(await dispatcher.runOnce()).to.deep.include({ claimed: pending, sent: 0, retried: pending, dead: 0 });
      expect(server.arrivals).to.have.length(0);
      broken = false;
      world.clock.advance(3_600_000);
      expect(await dispatcher.runOnce()).to.deep.include({ claimed: pending, sent: pending });
      expect(server.arrivals).to.have.length(pending);
    } finally {
      await dispatcher.stop();
      await server.close();
    }
  });
});
