/**
 * A mail server outage, then a dispatcher killed mid-batch. A real SMTP sink (smtp-server)
 * answers 451 to every recipient while the service queues e-mails and tries them; the process is
 * killed. Started again (its clock an hour on, so the retries are due and the dead node's leases
 * have run out) with the server taking mail, it is killed once more in the middle of a batch, at
 * an arrival the seed picks, before the server says 250. A third start sends the rest. Nothing is
 * lost, and every e-mail that arrived twice carries the same Message-ID both times.
 */
import fc from 'fast-check';
import type { RunningService } from '../helpers/service-process.js';
import { MailServer } from '../helpers/mail-server.js';
import { ServiceHarness, KEYS, call, drawn, reportBody } from './service-harness.js';

export interface MailOutageResult {
  /** Recipients answered 451 during the outage, and how long it lasted. */
  refused451: number;
  outageMs: number;
  /** E-mails in the outbox at the end, all of which must be sent. */
  messages: number;
  /** The arrival at which the dispatcher was killed. */
  killedAtArrival: number;
  arrivals: number;
  /** Outbox messages that never arrived, or are not marked sent. */
  lost: number;
  /** Arrivals of a Message-ID that had arrived before (the copy sent again after the kill). */
  duplicates: number;
  /** Arrivals whose Message-ID is no outbox message's: a copy under another id. */
  foreign: number;
}

const HOUR = 3_600_000;

export async function mailOutage(seed: number, reports = 20): Promise<MailOutageResult> {
  const sink = await MailServer.start();
  const harness = new ServiceHarness({ SMTP_URL: sink.url, MRA_MAIL_MAX_ATTEMPTS: '50' });
  let refused451 = 0;
  let outage = true;
  sink.answer = () => {
    if (!outage) return null;
    refused451 += 1;
    return { code: 451, message: '4.3.2 Service temporarily unavailable, try again later' };
  };
  const pending = () => harness.read((db) => db.prepare("SELECT count(*) FROM outbox WHERE status = 'pending'").pluck().get() as number);
  const untried = () => harness.read((db) => db.prepare("SELECT count(*) FROM outbox WHERE status = 'pending' AND attempts = 0").pluck().get() as number);
  try {
    const start = new Date();
    const outageBegan = performance.now();
    const first = await harness.start(start);
    for (let n = 0; n < reports; n += 1) {
      const reply = await call(first.url, 'POST', '/test-reports', KEYS.lab, reportBody(`MO-${seed}-${n}`, start));
      if (reply.status !== 201) throw new Error(`submission ${n} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    }
    await harness.until(() => untried() === 0, () => `${untried()} e-mails not yet tried during the outage`, 120_000);
    await first.kill('SIGKILL');
    const outageMs = performance.now() - outageBegan;

    outage = false;
    const messages = harness.read((db) => db.prepare('SELECT count(*) FROM outbox').pluck().get() as number);
    const killedAtArrival = drawn(fc.integer({ min: 5, max: Math.max(6, Math.floor(messages / 2)) }), seed);
    let second: RunningService | null = null;
    // In an object: TypeScript does not see the callback assign it, and would take it for null.
    const killed: { exited: Promise<unknown> | null } = { exited: null };
    sink.onArrival = () => {
      if (sink.arrivals.length !== killedAtArrival || second === null) return true;
      // The server has the message but never says 250: the dispatcher dies not knowing it was taken.
      killed.exited = second.kill('SIGKILL');
      return false;
    };
    second = await harness.start(new Date(start.getTime() + HOUR));
    await harness.until(() => killed.exited !== null, () => `only ${sink.arrivals.length} arrivals before the kill at ${killedAtArrival}`, 120_000);
    await killed.exited;

    sink.onArrival = () => true;
    const third = await harness.start(new Date(start.getTime() + 2 * HOUR));
    await harness.until(() => pending() === 0, () => `${pending()} e-mails still pending`, 180_000);
    await third.stop();

    const sent = new Set(harness.read((db) => db.prepare("SELECT id FROM outbox WHERE status = 'sent'").pluck().all() as string[]));
    const all = harness.read((db) => db.prepare('SELECT id FROM outbox').pluck().all() as string[]);
    const arrivedIds = sink.messageIds().map((mid) => /^<([^@]+)@/.exec(mid)?.[1] ?? mid);
    const arrived = new Set(arrivedIds);
    return {
      refused451,
      outageMs: Math.round(outageMs),
      messages: all.length,
      killedAtArrival,
      arrivals: arrivedIds.length,
      lost: all.filter((id) => !sent.has(id) || !arrived.has(id)).length,
      duplicates: arrivedIds.length - arrived.size,
      foreign: [...arrived].filter((id) => !all.includes(id)).length,
    };
  } finally {
    await sink.close();
    harness.remove();
  }
}
