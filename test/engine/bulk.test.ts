/**
 * The engine's bulk entry points (`createMany`, `sendMany`, for `npm run load`): each instance goes
 * through the same checks, screening and plan as one `create` or `send`, the batch is one store
 * commit, all or none, and with `mailSent` its e-mails are written already sent.
 */
import { expect } from 'chai';
import { failure } from '../helpers/failure.js';
import { World } from '../helpers/world.js';

const SENT = { at: '2026-01-05T09:00:00.000Z', response: 'not sent: loaded in bulk' };

/** What a report's record, history, deadlines and e-mails say, without what differs from one report to the next. */
async function shape(world: World, id: string) {
  const admin = world.as('admin');
  const report = await world.engine.get('test-reports', id, admin);
  const history = await world.engine.history('test-reports', id, admin);
  const mail = await world.probe.mailOf('test-reports', id);
  const { reportNumber: _number, ...data } = report.data;
  return {
    state: report.state,
    version: report.version,
    data,
    deadlines: report.deadlines.map((d) => d.type),
    history: history.items.map((h) => ({ seq: h.seq, type: h.type, from: h.from, to: h.to, facts: h.facts })),
    mail: mail.map((m) => ({ party: m.recipient.party, address: m.recipient.address, event: m.notification.event, to: m.notification.to })),
  };
}

describe('engine: bulk creations and events', () => {
  let world: World;
  beforeEach(async () => (world = await World.create()));
  afterEach(async () => world.close());

  it('createMany writes each report as create does (screening, history, deadlines, e-mails, search), its e-mails already sent', async () => {
    const { lab } = await world.recognizedLab();
    world.advanceDays(10);
    const one = await world.submit(lab);
    const bodies = [world.reportBody(), world.reportBody()];
    const made = await world.engine.createMany('test-reports', bodies, lab, { mailSent: SENT });

    expect(made.map((r) => r.data['reportNumber'])).to.deep.equal(bodies.map((b) => b['reportNumber']));
    const expected = await shape(world, one.id);
    expect(expected.mail).to.not.deep.equal([]);
    expect(expected.state).to.not.equal('rejected');
    for (const report of made) expect(await shape(world, report.id)).to.deep.equal(expected);

    const statuses = await Promise.all([one, ...made].map(async (r) => (await world.probe.mailOf('test-reports', r.id)).map((m) => m.status)));
    expect(statuses[0]!.every((s) => s === 'pending')).to.equal(true);
    expect(statuses.slice(1).flat().every((s) => s === 'sent')).to.equal(true);
    const claimed = await world.store.claimOutbox({ owner: 'test', now: '2099-01-01T00:00:00.000Z', leaseMs: 60_000, limit: 100 });
    expect(claimed.map((m) => m.notification?.instanceId)).to.not.include.members(made.map((r) => r.id));

    const found = await world.engine.list('test-reports', { where: { reportNumber: String(bodies[1]!['reportNumber']) } }, world.as('admin'));
    expect(found.items.map((r) => r.id)).to.deep.equal([made[1]!.id]);
  });

  it('when one body of the batch is refused, answers its refusal and writes nothing of the batch', async () => {
    const { lab } = await world.recognizedLab();
    world.advanceDays(10);
    const before = await world.snapshot();
    const twice = world.reportBody();
    const duplicate = await failure(() => world.engine.createMany('test-reports', [world.reportBody(), twice, { ...twice }], lab));
    expect(duplicate.code).to.equal('DUPLICATE');
    const unknown = await failure(() => world.engine.createMany('test-reports', [world.reportBody(), world.reportBody({ regulations: ['KR:NOPE'] })], lab));
    expect(unknown.code).to.equal('UNKNOWN_REFERENCE');
    expect(await world.snapshot()).to.deep.equal(before);
  });

  it('sendMany applies each event as send does, in one commit, and refuses the whole batch for one it may not send', async () => {
    const { lab } = await world.recognizedLab();
    world.advanceDays(10);
    const reports = await world.engine.createMany('test-reports', [world.reportBody(), world.reportBody()], lab, { mailSent: SENT });
    const single = await world.submit(lab);
    const accepted = await world.send('test-reports', single.id, { type: 'ACCEPT' }, 'kr-regulator');

    const before = await world.snapshot();
    const refused = await failure(() =>
      world.engine.sendMany('test-reports', reports.map((r) => ({ id: r.id, body: { type: 'ACCEPT' } })), lab),
    );
    expect(refused.code).to.equal('FORBIDDEN');
    expect(await world.snapshot()).to.deep.equal(before);

    const events = reports.map((r) => ({ id: r.id, body: { type: 'ACCEPT' } }));
    const done = await world.engine.sendMany('test-reports', events, world.as('kr-regulator'), { mailSent: SENT });
    expect(done.map((r) => [r.state, r.version])).to.deep.equal(reports.map(() => [accepted.state, accepted.version]));
    const history = await world.engine.history('test-reports', reports[0]!.id, world.as('admin'));
    expect(history.items.map((h) => h.type)).to.deep.equal(['CREATE', 'ACCEPT']);
    const mail = await world.probe.mailOf('test-reports', reports[0]!.id, 2);
    expect(mail.length).to.equal((await world.probe.mailOf('test-reports', single.id, 2)).length);
    expect(mail.every((m) => m.status === 'sent')).to.equal(true);
  });
});
