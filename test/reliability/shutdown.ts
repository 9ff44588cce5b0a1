/**
 * SIGTERM with work in hand: a backlog of 100,000 e-mails (written straight into the outbox by
 * the test, as a long outage would leave it), the dispatcher draining it into a real SMTP sink,
 * and a request whose body is still arriving when the signal comes. The request is answered, the
 * process exits cleanly well within 10 s, no lease is left behind, and a node started at once
 * (same clock, so an unreleased 5-minute lease would hold it up) sends the rest straight away.
 */
import { request } from 'node:http';
import { MailServer } from '../helpers/mail-server.js';
import { ServiceHarness, KEYS, reportBody } from './service-harness.js';

export interface ShutdownResult {
  backlog: number;
  /** E-mails the sink took before the signal. */
  sentBefore: number;
  /** Status of the request whose body was still arriving at the signal. */
  inFlightStatus: number;
  /** From SIGTERM to the process's exit, and its exit code. */
  exitMs: number;
  exitCode: number | null;
  /** Outbox messages and deadlines still leased by the stopped node. */
  leasesLeft: number;
  /** E-mails still pending after it stopped (the rest of the backlog). */
  pendingAfter: number;
  /** From the next node listening to its first e-mail arriving. */
  nextNodeFirstMailMs: number;
}

/** 100,000 copies of one queued e-mail (same transition, new ids), in one transaction. */
function seedBacklog(harness: ServiceHarness, count: number): void {
  harness.write((db) => {
    const template = db.prepare("SELECT kind, instance_id, seq, recipient FROM outbox WHERE body IS NULL LIMIT 1").get() as Record<string, unknown>;
    const insert = db.prepare(
      `INSERT INTO outbox (id, kind, instance_id, seq, recipient, status, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, 'pending', 0, '2000-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000Z')`,
    );
    db.transaction(() => {
      for (let n = 0; n < count; n += 1) insert.run(`backlog-${String(n).padStart(6, '0')}`, template['kind'], template['instance_id'], template['seq'], template['recipient']);
    })();
  });
}

/** Starts a POST whose body arrives in two halves: the second only when `rest()` is called. */
function slowPost(url: string, path: string, key: string, body: unknown): { rest: () => void; status: Promise<number> } {
  const text = Buffer.from(JSON.stringify(body), 'utf8');
  const half = Math.floor(text.length / 2);
  const sent = request(`${url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Content-Length': String(text.length), Connection: 'close' },
  });
  const status = new Promise<number>((resolve, reject) => {
    sent.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    sent.on('error', reject);
  });
  sent.write(text.subarray(0, half));
  return { rest: () => sent.end(text.subarray(half)), status };
}

export async function shutdownUnderBacklog(backlog = 100_000): Promise<ShutdownResult> {
  const sink = await MailServer.start();
  const harness = new ServiceHarness({ SMTP_URL: sink.url, MRA_MAIL_INTERVAL_MS: '50' });
  try {
    // The demo seed first, with mail held back, so the backlog copies a real queued e-mail.
    sink.answer = () => ({ code: 451, message: 'not yet' });
    const now = new Date();
    await (await harness.start(now, { MRA_MAIL_INTERVAL_MS: '3600000' })).stop();
    seedBacklog(harness, backlog);
    sink.answer = () => null;

    const service = await harness.start(now);
    await harness.until(() => sink.arrivals.length >= 50, () => `${sink.arrivals.length} e-mails sent`, 60_000);
    const slow = slowPost(service.url, '/test-reports', KEYS.lab, reportBody('SD-0001', now));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const sentBefore = sink.arrivals.length;
    const signalled = performance.now();
    const exited = service.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    slow.rest();
    const inFlightStatus = await slow.status;
    const { exitCode } = await exited;
    const exitMs = performance.now() - signalled;

    const leasesLeft = harness.read(
      (db) =>
        (db.prepare("SELECT count(*) FROM outbox WHERE status = 'pending' AND lease_owner IS NOT NULL").pluck().get() as number) +
        (db.prepare("SELECT count(*) FROM deadlines WHERE status = 'pending' AND lease_owner IS NOT NULL").pluck().get() as number),
    );
    const pendingAfter = harness.read((db) => db.prepare("SELECT count(*) FROM outbox WHERE status = 'pending'").pluck().get() as number);

    const arrivalsBefore = sink.arrivals.length;
    const next = await harness.start(now);
    const listening = performance.now();
    await harness.until(() => sink.arrivals.length > arrivalsBefore, () => 'the next node sent nothing', 60_000);
    const nextNodeFirstMailMs = performance.now() - listening;
    await next.kill('SIGKILL');
    return { backlog, sentBefore, inFlightStatus, exitMs: Math.round(exitMs), exitCode, leasesLeft, pendingAfter, nextNodeFirstMailMs: Math.round(nextNodeFirstMailMs) };
  } finally {
    await sink.close();
    harness.remove();
  }
}
