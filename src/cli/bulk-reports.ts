/**
 * Test reports loaded in bulk through the engine (`npm run load`, the bench's fill): a few
 * hundred submissions by the demo lab per store commit (`Engine.createMany`, screening, history,
 * deadlines, e-mails and search index as for one), then Korea's acceptance of one in
 * `acceptEvery` of them in a second commit (`Engine.sendMany`).
 */
import type { Actor } from '../kinds/types.js';
import type { Engine } from '../engine/engine.js';
import type { Resource } from '../engine/resource.js';
import type { MailAlreadySent } from '../store/port.js';

/** Enough to share one transaction and one fsync among many reports, small enough to keep each short. */
export const DEFAULT_BATCH = 500;

export interface ReportLoad {
  engine: Engine;
  /** Submits the reports. */
  lab: Actor;
  /** Accepts one in `acceptEvery`. */
  regulator: Actor;
  /** The first report's number and how many to make. */
  from: number;
  count: number;
  /** The submission of report `n`. */
  body: (n: number) => Record<string, unknown>;
  acceptEvery: number;
  batch?: number;
  /** Writes the e-mails as already sent (the loader); without it they wait in the outbox for the dispatcher. */
  mailSent?: (at: Date) => MailAlreadySent;
  /** After each batch: the reports made and those accepted, by number. */
  onBatch?: (made: Array<{ n: number; report: Resource }>, accepted: number[]) => void;
}

/** Loads `count` reports, a batch per commit; a refused batch is thrown and nothing of it is written. */
export async function loadReports(load: ReportLoad): Promise<void> {
  const { engine, from, count } = load;
  const size = load.batch ?? DEFAULT_BATCH;
  for (let start = from; start < from + count; start += size) {
    const numbers = Array.from({ length: Math.min(size, from + count - start) }, (_, i) => start + i);
    const options = load.mailSent ? { mailSent: load.mailSent(engine.clock.now()) } : {};
    const reports = await engine.createMany('test-reports', numbers.map(load.body), load.lab, options);
    const made = numbers.map((n, i) => ({ n, report: reports[i]! }));
    const accepting = made.filter(({ n }) => n % load.acceptEvery === 0);
    if (accepting.length > 0) {
      const events = accepting.map(({ report }) => ({ id: report.id, body: { type: 'ACCEPT' } }));
      await engine.sendMany('test-reports', events, load.regulator, options);
    }
    load.onBatch?.(made, accepting.map(({ n }) => n));
  }
}
