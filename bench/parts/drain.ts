/**
 * Part 5: how fast the outbox dispatcher drains a backlog, against an SMTP server on loopback
 * (smtp-server, accepting everything, in a process of its own) and against `.eml` files. The
 * backlog is the e-mail of real transitions: test reports submitted through the engine.
 */
import type { SqliteSynchronous as SynchronousMode } from '../../src/config.js';
import { join } from 'node:path';
import { systemClock } from '../../src/clock.js';
import { MessageComposer, OutboxDispatcher } from '../../src/effects/mail/index.js';
import { EmlFileTransport, SmtpTransport, type MailTransport } from '../../src/effects/mail/transports/index.js';
import { fillReports, openBenchStore } from '../lib/bench-store.js';
import { monotonicMicros, type Window } from '../lib/profile.js';
import { startSmtpSink } from '../lib/smtp-sink.js';

export interface DrainFigure {
  messages: number;
  /** Of those, the e-mails of the bench's own submissions (the rest is the demo story's). */
  fromReports: number;
  /** Messages sent per second. */
  rate: number;
  /** When the drain ran (for cutting a CPU profile of this process, `--profile`). */
  window: Window;
}

/** Drains a backlog of the e-mails of `reports` submissions through `transport`. */
async function drain(dir: string, synchronous: SynchronousMode, reports: number, transport: MailTransport): Promise<DrainFigure> {
  const bench = await openBenchStore(join(dir, `drain-${process.hrtime.bigint()}.sqlite`), synchronous, new Date());
  try {
    const total = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
    const seeded = total(await bench.store.outboxCounts());
    await fillReports(bench, 0, reports);
    const before = await bench.store.outboxCounts();
    const fromReports = total(before) - seeded;
    const composer = new MessageComposer({ directory: bench.store, publicUrl: 'http://localhost:3000', mailFrom: 'MRA Engine <no-reply@localhost>' });
    const dispatcher = new OutboxDispatcher({ outbox: bench.store, composer, transport, clock: systemClock, owner: 'bench/outbox', intervalMs: 1000, maxAttempts: 3 });
    const started = performance.now();
    const from = monotonicMicros();
    for (;;) {
      const pass = await dispatcher.runOnce();
      if (pass.claimed === 0) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const window = { label: `drain, ${transport.constructor.name}`, from, to: monotonicMicros() };
    const after = await bench.store.outboxCounts();
    const sent = after.sent - before.sent;
    if (after.pending > 0 || after.dead > 0) throw new Error(`drain left ${after.pending} pending and ${after.dead} dead messages`);
    return { messages: sent, fromReports, rate: sent / seconds, window };
  } finally {
    await bench.store.close();
  }
}

/** One round: a backlog drained into the SMTP sink, then another written as `.eml` files. */
export async function measureDrain(dir: string, synchronous: SynchronousMode, reports: number): Promise<{ smtp: DrainFigure; eml: DrainFigure }> {
  const sink = await startSmtpSink();
  try {
    const smtp = await drain(dir, synchronous, reports, new SmtpTransport(sink.url));
    const received = await sink.received();
    if (received < smtp.messages) throw new Error(`the SMTP sink took ${received} messages of the ${smtp.messages} recorded sent`);
    const eml = await drain(dir, synchronous, reports, new EmlFileTransport(join(dir, `mail-${process.hrtime.bigint()}`)));
    return { smtp, eml };
  } finally {
    await sink.close();
  }
}
