/**
 * Deadlines survive restarts: a real service process seeds the demo and stops; started again with
 * its clock years ahead (MRA_NOW), it fires on start-up every deadline that fell due while it was
 * down, each exactly once with its history entry and its e-mails, as the SQLite file shows.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { runService, type LogLine } from '../helpers/service-process.js';
import { tempDir } from '../helpers/world.js';

interface DeadlineRow {
  id: string;
  kind: string;
  instance_id: string;
  event: string;
  due_at: string;
  source: string;
  status: string;
}

interface FiredRow {
  kind: string;
  id: string;
  seq: number;
  at: string;
  type: string;
  role: string;
  deadline: string;
  mails: number;
}

function read(path: string) {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return {
      deadlines: db.prepare(`SELECT id, kind, instance_id, event, due_at, source, status FROM deadlines`).all() as DeadlineRow[],
      fired: db
        .prepare(
          `SELECT h.kind, h.id, h.seq, h.at, h.type, json_extract(h.actor, '$.role') AS role,
                  json_extract(h.cause, '$.deadline.id') AS deadline,
                  (SELECT count(*) FROM outbox o WHERE o.kind = h.kind AND o.instance_id = h.id AND o.seq = h.seq) AS mails
           FROM history h WHERE json_extract(h.cause, '$.deadline.id') IS NOT NULL`,
        )
        .all() as FiredRow[],
    };
  } finally {
    db.close();
  }
}

describe('Deadlines across a restart', function () {
  this.timeout(60_000);
  let dir: string;
  let remove: () => void;
  before(() => ({ dir, remove } = tempDir('mra-restart-')));
  after(() => remove());

  it('started again with MRA_NOW years ahead, fires every deadline due by then once on start-up, with history and e-mails, and logs how many', async () => {
    // A long interval: everything below is the start-up run's doing.
    const env = { MRA_DB_PATH: join(dir, 'mra.sqlite'), MRA_MAIL_DIR: join(dir, 'mail'), MRA_SCHEDULER_INTERVAL_MS: '3600000' };
    const first = await runService(env, (line) => line.msg.startsWith('MRA engine running'));
    expect(first.exitCode).to.equal(0);
    const before = read(env.MRA_DB_PATH);
    const waiting = before.deadlines.filter((d) => d.status === 'pending' && d.source === 'state');
    expect(waiting.length, 'the demo leaves deadlines pending').to.be.greaterThan(5);

    const now = new Date(Date.now() + 10 * 365 * 86_400_000).toISOString();
    const fired = (line: LogLine) => line.msg === 'due deadlines fired';
    const second = await runService({ ...env, MRA_NOW: now }, fired);
    expect(second.exitCode).to.equal(0);
    const after = read(env.MRA_DB_PATH);

    const firedNow = after.fired.filter((entry) => entry.at >= now);
    const summaries = second.lines.filter(fired);
    expect(summaries, 'one start-up run').to.have.length(1);
    expect(summaries[0]).to.include({ fired: firedNow.length, failed: 0 });
    expect(firedNow.length).to.be.greaterThan(5);

    expect(after.deadlines.filter((d) => d.status === 'pending' && d.due_at <= now), 'nothing due is left').to.deep.equal([]);
    for (const d of waiting) {
      expect(after.deadlines.find((row) => row.id === d.id)?.status, `${d.kind}/${d.instance_id} ${d.event}`).to.be.oneOf(['done', 'cancelled']);
    }
    const byDeadline = new Map(after.deadlines.map((d) => [d.id, d]));
    const seen = new Set<string>();
    for (const entry of after.fired) {
      const deadline = byDeadline.get(entry.deadline)!;
      expect(seen.has(entry.deadline), `deadline ${entry.deadline} fired twice`).to.equal(false);
      seen.add(entry.deadline);
      expect(entry).to.include({ kind: deadline.kind, id: deadline.instance_id, type: deadline.event, role: 'system' });
      expect(deadline.status).to.equal('done');
      expect(entry.mails, `e-mails of ${entry.kind}/${entry.id} ${entry.type}`).to.be.greaterThan(0);
    }
    const unfired = after.deadlines.filter((d) => d.source === 'state' && d.status === 'done' && !seen.has(d.id));
    // A deadline completed without a history entry is one whose event no longer applied; the
    // engine never leaves a due, applicable one unfired. None such in the demo.
    expect(unfired).to.deep.equal([]);
  });
});
