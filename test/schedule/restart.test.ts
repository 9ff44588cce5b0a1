/**
 * Deadlines survive restarts: a real service process seeds the demo and stops; started again with
 * its clock years ahead (MRA_NOW), it fires on start-up every deadline that fell due while it was
 * down, each exactly once with its history entry and its e-mails, as the store shows (read
 * through the test store's probe, on the store the service was pointed at).
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { runService, type LogLine } from '../helpers/service-process.js';
import { testStores, type StoreProbe, type TestStore } from '../helpers/store-factory.js';
import { tempDir } from '../helpers/world.js';

/** Every deadline, and every history entry a deadline caused with how many e-mails it queued. */
async function read(probe: StoreProbe) {
  const deadlines = await probe.deadlines();
  const fired = await Promise.all(
    (await probe.history())
      .filter((entry) => (entry.cause?.['deadline'] as { id?: string } | undefined)?.id !== undefined)
      .map(async (entry) => ({
        kind: entry.kind,
        id: entry.id,
        seq: entry.seq,
        at: entry.at,
        type: entry.type,
        role: entry.actor.role,
        deadline: (entry.cause!['deadline'] as { id: string }).id,
        mails: (await probe.mailOf(entry.kind, entry.id, entry.seq)).length,
      })),
  );
  return { deadlines, fired };
}

describe('Deadlines across a restart', function () {
  this.timeout(60_000);
  let dir: string;
  let remove: () => void;
  let opened: TestStore;
  before(async () => {
    ({ dir, remove } = tempDir('mra-restart-'));
    opened = await testStores.open();
  });
  after(async () => {
    await opened.dispose();
    remove();
  });

  it('started again with MRA_NOW years ahead, fires every deadline due by then once on start-up, with history and e-mails, and logs how many', async () => {
    // A long interval: everything below is the start-up run's doing.
    const env = { ...opened.serviceEnv, MRA_MAIL_DIR: join(dir, 'mail'), MRA_SCHEDULER_INTERVAL_MS: '3600000' };
    const first = await runService(env, (line) => line.msg.startsWith('MRA engine running'));
    expect(first.exitCode).to.equal(0);
    const before = await read(opened.probe);
    const waiting = before.deadlines.filter((d) => d.status === 'pending' && d.source === 'state');
    expect(waiting.length, 'the demo leaves deadlines pending').to.be.greaterThan(5);

    const now = new Date(Date.now() + 10 * 365 * 86_400_000).toISOString();
    const fired = (line: LogLine) => line.msg === 'due deadlines fired';
    const second = await runService({ ...env, MRA_NOW: now }, fired);
    expect(second.exitCode).to.equal(0);
    const after = await read(opened.probe);

    const firedNow = after.fired.filter((entry) => entry.at >= now);
    const summaries = second.lines.filter(fired);
    expect(summaries, 'one start-up run').to.have.length(1);
    expect(summaries[0]).to.include({ fired: firedNow.length, failed: 0 });
    expect(firedNow.length).to.be.greaterThan(5);

    expect(after.deadlines.filter((d) => d.status === 'pending' && d.dueAt <= now), 'nothing due is left').to.deep.equal([]);
    for (const d of waiting) {
      expect(after.deadlines.find((row) => row.id === d.id)?.status, `${d.kind}/${d.instanceId} ${d.event}`).to.be.oneOf(['done', 'cancelled']);
    }
    const byDeadline = new Map(after.deadlines.map((d) => [d.id, d]));
    const seen = new Set<string>();
    for (const entry of after.fired) {
      const deadline = byDeadline.get(entry.deadline)!;
      expect(seen.has(entry.deadline), `deadline ${entry.deadline} fired twice`).to.equal(false);
      seen.add(entry.deadline);
      expect(entry).to.include({ kind: deadline.kind, id: deadline.instanceId, type: deadline.event, role: 'system' });
      expect(deadline.status).to.equal('done');
      expect(entry.mails, `e-mails of ${entry.kind}/${entry.id} ${entry.type}`).to.be.greaterThan(0);
    }
    const unfired = after.deadlines.filter((d) => d.source === 'state' && d.status === 'done' && !seen.has(d.id));
    // A deadline completed without a history entry is one whose event no longer applied; the
    // engine never leaves a due, applicable one unfired. None such in the demo.
    expect(unfired).to.deep.equal([]);
  });
});
