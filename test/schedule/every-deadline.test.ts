/**
 * Every deadline of every workflow table (docs/domain.md), fired by the scheduler on a manual clock:
 * once, at its time and not a millisecond before, with its history entry and e-mails; and never
 * once the state that set it was left. The list comes from the tables, so a new deadline gets
 * these tests without anyone writing them.
 */
import { expect } from 'chai';
import { workflows, type Kind } from '../../src/kinds/index.js';
import { Scheduler } from '../../src/effects/deadlines/scheduler.js';
import type { HistoryEntry } from '../../src/store/port.js';
import { replay } from '../helpers/engine-fixtures.js';
import { deadlineCases, deadlineRow, reachState } from '../helpers/deadline-cases.js';
import { captureLog } from '../helpers/log-capture.js';
import { World, daysFrom } from '../helpers/world.js';

const TIMER_LIMIT_MS = 2 ** 31 - 1;

/** The history entries of `kind/id` that a deadline with `event` caused. */
async function firings(world: World, kind: Kind, id: string, event: string): Promise<HistoryEntry[]> {
  const { items } = await world.engine.history(kind, id, world.as('system'));
  return items.filter((entry) => entry.type === event && entry.cause?.['deadline'] !== undefined);
}

describe('Scheduler: every deadline of every workflow', () => {
  const cases = deadlineCases();
  let world: World;
  let scheduler: Scheduler;
  beforeEach(async () => {
    world = await World.create();
    scheduler = new Scheduler({ engine: world.engine, log: captureLog('warn').log, intervalMs: 1000 });
  });
  afterEach(async () => {
    await scheduler.stop();
    await world.close();
  });

  it('covers the deadlines of docs/domain.md: agreement transition end and notice of termination, review reminders, answers to requests for information, the contest position, listing expiry and its reminder, renewal reminder, lapse, the on-site visit reminder, acceptance expiry, the review window and expiry of a certificate, the in-force date and notice of an equivalence, the file review, surveillance and expiry of a designation', () => {
    const names = new Set(cases.map((c) => `${c.kind}:${c.rule.event}`));
    expect([...names]).to.have.members([
      'agreements:TRANSITION_ENDED',
      'agreements:NOTICE_EFFECTIVE',
      'recognitions:INFO_REMINDER',
      'recognitions:INFO_OVERDUE',
      'recognitions:CONTEST_POSITION_DUE',
      'test-reports:INFO_REMINDER',
      'test-reports:INFO_OVERDUE',
      'recognitions:REVIEW_OVERDUE',
      'recognitions:LISTING_EXPIRY_REMINDER',
      'recognitions:LISTING_EXPIRED',
      'accreditations:RENEWAL_DUE',
      'accreditations:EXPIRED',
      'accreditations:ON_SITE_VISIT_DUE',
      'test-reports:REVIEW_OVERDUE',
      'test-reports:EXPIRED',
      'certificates:REVIEW_WINDOW_ENDED',
      'certificates:EXPIRED',
      'equivalences:IN_FORCE',
      'equivalences:NOTICE_EFFECTIVE',
      'designations:REVIEW_OVERDUE',
      'designations:SURVEILLANCE_DUE',
      'designations:EXPIRED',
    ]);
  });

  for (const c of cases) {
    const name = `${c.kind} ${c.state} ${c.rule.event}`;

    it(`${name}: fires once at its time through the scheduler, not a millisecond before, with its history entry and e-mails`, async () => {
      const { resource } = await reachState(world, c);
      expect(resource.state).to.equal(c.state);
      const set = (await world.store.pendingDeadlines(c.kind, resource.id)).find((d) => d.event === c.rule.event);
      expect(set, `${c.state} sets ${c.rule.event}`).to.not.equal(undefined);
      const due = Date.parse(set!.dueAt);

      world.clock.set(new Date(due - 1));
      await scheduler.runOnce();
      expect(await firings(world, c.kind, resource.id, c.rule.event), 'a millisecond before').to.deep.equal([]);
      // An earlier deadline of the same instance may have fired by now (the renewal reminder before
      // the lapse); the state it led to carries the same deadline, due at the same instant.
      const pending = (await world.store.pendingDeadlines(c.kind, resource.id)).find((d) => d.event === c.rule.event);
      expect(pending?.dueAt, 'still pending a millisecond before').to.equal(set!.dueAt);

      world.clock.set(set!.dueAt);
      await scheduler.runOnce();
      const fired = await firings(world, c.kind, resource.id, c.rule.event);
      expect(fired).to.have.length(1);
      expect(fired[0]).to.deep.include({ at: set!.dueAt, cause: { deadline: { id: pending!.id, event: c.rule.event, dueAt: set!.dueAt } } });
      expect(fired[0]!.actor).to.include({ id: 'system', role: 'system' });
      expect(await world.mailOf(c.kind, resource.id, fired[0]!.seq), 'its e-mails').to.not.deep.equal([]);
      expect((await deadlineRow(world, pending!.id))?.status).to.equal('done');
      expect(await world.store.pendingDeadlines(c.kind, resource.id), 'not pending any more').to.not.deep.include(pending);

      world.clock.set(daysFrom(set!.dueAt, 10 * 365));
      await scheduler.runOnce();
      expect(await firings(world, c.kind, resource.id, c.rule.event), 'ten years later, still once').to.have.length(1);
    });

    it(`${name}: does not fire at all if the state was left first${c.leave ? ` (${c.leave.event} to ${c.leave.to})` : ''}`, async () => {
      const { resource, bindings } = await reachState(world, c);
      const set = (await world.store.pendingDeadlines(c.kind, resource.id)).find((d) => d.event === c.rule.event)!;
      const left = await replay(world, c.kind, resource.id, c.leave!.path.at(-1)!, bindings);
      expect(left.state).to.equal(c.leave!.to);
      expect((await deadlineRow(world, set.id))?.status, 'cancelled by the commit that left the state').to.equal('cancelled');

      world.clock.set(daysFrom(set.dueAt, 10 * 365));
      await scheduler.runOnce();
      const fired = await firings(world, c.kind, resource.id, c.rule.event);
      expect(fired.filter((entry) => (entry.cause!['deadline'] as { id: string }).id === set.id)).to.deep.equal([]);
      const setAgain = (workflows[c.kind].deadlines[c.leave!.to] ?? []).some((r) => r.event === c.rule.event);
      if (!setAgain) expect(fired, `${c.leave!.to} does not set ${c.rule.event}`).to.deep.equal([]);
      expect((await deadlineRow(world, set.id))?.status).to.equal('cancelled');
    });
  }

  it('the longest of them lie far beyond what a Node timer can wait (about 24.8 days), and fire all the same', async () => {
    const now = world.clock.now().toISOString();
    const lab = await world.addLab();
    const accreditation = await world.accreditation(lab.cabId!, { validFrom: now, validUntil: daysFrom(now, 5 * 365) });
    const expiry = (await world.store.pendingDeadlines('accreditations', accreditation.id)).find((d) => d.event === 'EXPIRED')!;
    expect(Date.parse(expiry.dueAt) - world.clock.now().getTime()).to.be.greaterThan(70 * TIMER_LIMIT_MS);
    world.clock.set(expiry.dueAt);
    await scheduler.runOnce();
    expect((await world.engine.get('accreditations', accreditation.id, world.as('admin'))).state).to.equal('lapsed');
  });
});
