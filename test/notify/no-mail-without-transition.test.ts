/**
 * E-mail is written in the transition's own commit (docs/architecture.md, "Atomic transitions"), so a transition that
 * is refused, or rolled back half-way, leaves no message in the outbox and nothing is sent.
 */
import { expect } from 'chai';
import type { Actor } from '../../src/kinds/types.js';
import type { Resource } from '../../src/engine/resource.js';
import { isAppError } from '../../src/errors.js';
import type { OutboxStatus } from '../../src/store/port.js';
import { MailWorld } from '../helpers/mail-world.js';
import { commitFaultsIfSupported, requireCommitFaults } from '../helpers/store-factory.js';

describe('E-mail for transitions that did not happen', function () {
  this.timeout(20_000);
  let mw: MailWorld;
  let crashOn: string | null = null;
  const failures: unknown[] = [];

  beforeEach(async () => {
    mw = await MailWorld.create({
      world: {
        ...commitFaultsIfSupported({
          beforeCommitEnds: (commit) => {
            if (commit.history.type === crashOn) throw new Error('simulated crash before the commit ends');
          },
        }),
        reportError: (error) => failures.push(error),
      },
    });
  });
  afterEach(async () => {
    crashOn = null;
    await mw.close();
  });

  /** A report under review, its e-mails so far all sent: the outbox counts and arrivals to compare with after. */
  async function reportWithMailSent(): Promise<{ lab: Actor; report: Resource; before: Record<OutboxStatus, number>; arrived: number }> {
    const { world } = mw;
    const { lab } = await world.recognizedLab();
    world.advanceDays(3);
    const report = await world.submit(lab);
    await mw.dispatcher().runOnce();
    const before = await world.store.outboxCounts();
    expect(before.pending).to.equal(0);
    return { lab, report, before, arrived: mw.mark() };
  }

  /** Nothing was queued since `before`, and a dispatcher finds nothing to send. */
  async function expectNoMail(before: Record<OutboxStatus, number>, arrived: number, owner: string): Promise<void> {
    expect(await mw.world.store.outboxCounts()).to.deep.equal(before);
    expect(await mw.dispatcher(owner).runOnce()).to.deep.include({ claimed: 0 });
    expect(mw.since(arrived)).to.deep.equal([]);
  }

  it('a refused event (not allowed, not possible in this state, invalid, or not visible to the sender) queues no e-mail and sends none', async () => {
    const { world } = mw;
    const { lab, report, before, arrived } = await reportWithMailSent();

    const refusals = [
      { body: { type: 'ACCEPT' }, by: lab.id, code: 'FORBIDDEN' },
      { body: { type: 'REVOKE', reason: 'Not yet accepted.' }, by: 'kr-regulator', code: 'EVENT_NOT_ACCEPTED' },
      { body: { type: 'REJECT' }, by: 'kr-regulator', code: 'VALIDATION_FAILED' },
      { body: { type: 'ACCEPT' }, by: 'us-regulator', code: 'NOT_FOUND' },
    ] as const;
    for (const { body, by, code } of refusals) {
      const error = await world.send('test-reports', report.id, body, by).catch((e: unknown) => e);
      expect(isAppError(error, code), `${body.type} by ${by}`).to.equal(true);
    }

    await expectNoMail(before, arrived, 'node-b');
  });

  it('a transition rolled back by a crash in its commit queues no e-mail; the same event, sent again, queues its e-mails once', async function () {
    requireCommitFaults(this);
    const { world } = mw;
    const { report, before, arrived } = await reportWithMailSent();

    crashOn = 'ACCEPT';
    const error = await world.send('test-reports', report.id, { type: 'ACCEPT' }, 'kr-regulator').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(Error);
    expect((await world.engine.get('test-reports', report.id, world.as('admin'))).state).to.equal('under_review');
    expect(await world.mailOf('test-reports', report.id, 2)).to.deep.equal([]);
    await expectNoMail(before, arrived, 'node-b');

    crashOn = null;
    await world.send('test-reports', report.id, { type: 'ACCEPT' }, 'kr-regulator');
    expect(await mw.dispatcher('node-c').runOnce()).to.deep.include({ claimed: 3, sent: 3 });
    expect(mw.since(arrived).map((a) => a.mail.subject)).to.have.members([
      `Test report ${String(report.data['reportNumber'])} (PN-AX3000) for KR: accepted`,
      `Test report ${String(report.data['reportNumber'])} (PN-AX3000) for KR: accepted`,
      `Báo cáo thử nghiệm ${String(report.data['reportNumber'])} (PN-AX3000) gửi Hàn Quốc: được chấp nhận`,
    ]);
  });
});
