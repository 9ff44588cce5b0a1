/**
 * `kill -9` of the service under load, again and again. Each round starts the service (its clock
 * further ahead each time, so deadlines set in earlier rounds fall due and leases of the killed
 * process run out), drives submissions and events at it from several clients, and kills it at a
 * moment drawn from the seed. At the end, every write a client was told succeeded is in the store
 * with its history entry, its e-mails and its deadlines; every deadline fired at most once and
 * none due is left; the dispatcher sent everything the killed processes left behind.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ServiceHarness, KEYS, call, drawn, reportBody } from './service-harness.js';
import { readJsonCell } from '../../src/store/sqlite/packed-json.js';

export interface CrashResult {
  rounds: number;
  acknowledged: number;
  /** Acknowledged writes not found with their history entry, e-mails or (for a report under review) deadlines. */
  missing: number;
  /** Deadlines fired, and of them fired more than once. */
  deadlinesFired: number;
  firedTwice: number;
  /** Pending deadlines due at the end (the scheduler should have fired them). */
  dueLeft: number;
  /** E-mails sent after the last restart, and e-mails left unsent or marked sent without their file. */
  sentAfterRestart: number;
  unsent: number;
  /** Milliseconds from start to API listening after each kill (median). */
  restartMs: number;
}

interface Ack {
  id: string;
  version: number;
  state: string;
  /** A later event was acknowledged on it (it is no longer a candidate for one). */
  superseded?: boolean;
}

const DAY = 86_400_000;
/** Past the 27 working days of REVIEW_OVERDUE, so each round fires what the previous one set. */
const ROUND_STEP_DAYS = 45;

async function load(url: string, round: number, now: Date, clients: number, acks: Ack[], stopped: () => boolean, seed: number): Promise<void> {
  const reviewable = (): Ack | undefined => acks.findLast((a) => a.state === 'under_review' && !a.superseded);
  const answerable = (): Ack | undefined => acks.findLast((a) => a.state === 'info_requested' && !a.superseded);
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = 0; !stopped(); n += 1) {
        let reply;
        const step = n % 4;
        const target = step === 2 ? reviewable() : step === 3 ? answerable() : undefined;
        if (step === 2 && target) reply = await call(url, 'POST', `/test-reports/${target.id}/events`, KEYS.regulator, { type: 'REQUEST_INFO', request: `Xin bổ sung báo cáo đo, vòng ${round}` });
        else if (step === 3 && target) reply = await call(url, 'POST', `/test-reports/${target.id}/events`, KEYS.lab, { type: 'PROVIDE_INFO', comment: 'Đã bổ sung.' });
        else reply = await call(url, 'POST', '/test-reports', KEYS.lab, reportBody(`CR-${seed}-${round}-${client}-${n}`, now));
        if (reply.status === 0) return; // the process is gone
        if (reply.status === 200 || reply.status === 201) {
          const body = reply.body as { id: string; version: number; state: string };
          if (target) target.superseded = true;
          acks.push({ id: body.id, version: body.version, state: body.state });
        }
      }
    }),
  );
}

/** Every acknowledged write, checked against the file: instance at that version or later, history entry, e-mails, deadlines. */
function missingOf(harness: ServiceHarness, acks: Ack[]): number {
  return harness.read((db) => {
    const instance = db.prepare("SELECT version FROM instances WHERE kind = 'test-reports' AND id = ?").pluck();
    const entry = db.prepare("SELECT to_state FROM history WHERE kind = 'test-reports' AND id = ? AND seq = ?").pluck();
    const mails = db.prepare("SELECT count(*) FROM outbox WHERE kind = 'test-reports' AND instance_id = ? AND seq = ?").pluck();
    const deadlines = db.prepare("SELECT count(*) FROM deadlines WHERE kind = 'test-reports' AND instance_id = ?").pluck();
    return acks.filter((ack) => {
      const version = instance.get(ack.id) as number | undefined;
      if (version === undefined || version < ack.version) return true;
      if (entry.get(ack.id, ack.version) !== ack.state) return true;
      if ((mails.get(ack.id, ack.version) as number) === 0) return true;
      return (ack.state === 'under_review' || ack.state === 'info_requested') && (deadlines.get(ack.id) as number) === 0;
    }).length;
  });
}

export async function crashRounds(seed: number, rounds: number, clients = 6): Promise<CrashResult> {
  const harness = new ServiceHarness();
  const acks: Ack[] = [];
  const restarts: number[] = [];
  const start = Date.now();
  try {
    for (let round = 0; round < rounds; round += 1) {
      const now = new Date(start + round * ROUND_STEP_DAYS * DAY);
      const began = performance.now();
      const service = await harness.start(now);
      if (round > 0) restarts.push(performance.now() - began);
      let killed = false;
      const running = load(service.url, round, now, clients, acks, () => killed, seed);
      // After at least a few acknowledged writes, at a moment the seed decides.
      const floor = acks.length + clients;
      await harness.until(() => acks.length >= floor, () => `round ${round}: no write acknowledged`);
      await new Promise((resolve) => setTimeout(resolve, drawn(fc.integer({ min: 100, max: 1500 }), seed + round)));
      await service.kill('SIGKILL');
      killed = true;
      await running;
    }
    // The last start: no load; the scheduler fires what is due, the dispatcher sends what is left.
    const now = new Date(start + rounds * ROUND_STEP_DAYS * DAY);
    const began = performance.now();
    const service = await harness.start(now);
    restarts.push(performance.now() - began);
    const clockAtStart = now.toISOString();
    const pendingMail = () => harness.read((db) => db.prepare("SELECT count(*) FROM outbox WHERE status = 'pending'").pluck().get() as number);
    const dueDeadlines = () => harness.read((db) => db.prepare("SELECT count(*) FROM deadlines WHERE status = 'pending' AND due_at <= ?").pluck().get(clockAtStart) as number);
    const unsentAtStart = pendingMail();
    await harness.until(() => dueDeadlines() === 0 && pendingMail() === 0, () => `${dueDeadlines()} deadlines due, ${pendingMail()} e-mails pending`, 120_000);
    await service.stop();
    // The causes are packed JSON cells (src/store/sqlite/packed-json.ts): read them as the store does.
    const fired = harness.read((db) => {
      const causes = db.prepare('SELECT cause FROM history WHERE cause IS NOT NULL').pluck().all() as Array<string | Uint8Array>;
      const times = new Map<string, number>();
      for (const cause of causes) {
        const deadline = readJsonCell<{ deadline?: { id?: string } }>(cause).deadline?.id;
        if (deadline !== undefined) times.set(deadline, (times.get(deadline) ?? 0) + 1);
      }
      return [...times.values()].map((n) => ({ n }));
    });
    const sentWithoutFile = harness.read((db) => (db.prepare("SELECT id FROM outbox WHERE status = 'sent'").pluck().all() as string[]).filter((id) => !existsSync(join(harness.mailDir, `${id}.eml`))).length);
    restarts.sort((a, b) => a - b);
    return {
      rounds,
      acknowledged: acks.length,
      missing: missingOf(harness, acks),
      deadlinesFired: fired.length,
      firedTwice: fired.filter((f) => f.n > 1).length,
      dueLeft: dueDeadlines(),
      sentAfterRestart: unsentAtStart,
      unsent: pendingMail() + sentWithoutFile,
      restartMs: Math.round(restarts[Math.floor(restarts.length / 2)]!),
    };
  } finally {
    harness.remove();
  }
}
