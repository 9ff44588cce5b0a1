/**
 * Test reports loaded in bulk through the engine (`npm run load`, the bench's fill): submissions
 * by the demo lab, a batch per store transaction (`Engine.createMany`, screening, history,
 * deadlines, e-mails and search index as for one), then Korea's acceptance of one in
 * `acceptEvery` of them in a second transaction (`Engine.sendMany`). A batch is bounded by
 * commits, bytes and time (`bulk-batches.ts`); each step is journalled once committed
 * (`load-journal.ts`), so a load that was interrupted resumes without writing a report twice.
 */
import type { Actor } from '../kinds/types.js';
import type { Engine } from '../engine/engine.js';
import type { Resource } from '../engine/resource.js';
import type { MailAlreadySent } from '../store/port.js';
import { nextBatchSize, type BatchLimits, type BatchMeasure } from './bulk-batches.js';
import type { JournalEntry, LoadProgress } from './load-journal.js';

/** Enough to share one transaction and one fsync among many reports, small enough to keep each short. */
export const DEFAULT_BATCH = 500;

/**
 * What a report writes beside its record, as a multiple of the record's JSON: its history entry
 * (the data again), its e-mails (the notification carries the data) and its deadlines and keys.
 */
const BYTES_PER_RECORD_JSON = 3;

export interface ReportLoad {
  engine: Engine;
  /** Submits the reports. */
  lab: Actor;
  /** Accepts one in `acceptEvery`. */
  regulator: Actor;
  /** The first report's number and how many to make. */
  from: number;
  count: number;
  /** The submission of report `n`; its `reportNumber` names it (a resumed load looks it up). */
  body: (n: number) => Record<string, unknown>;
  acceptEvery: number;
  /** At most this many reports per transaction (`limits.commits` when both are given: the smaller). */
  batch?: number;
  /** Bounds of one transaction; without them, `batch` reports each. */
  limits?: Partial<BatchLimits>;
  /** Writes the e-mails as already sent (the loader); without it they wait in the outbox for the dispatcher. */
  mailSent?: (at: Date) => MailAlreadySent;
  /** After each batch: the reports made and those accepted, by number. */
  onBatch?: (made: Array<{ n: number; report: Resource }>, accepted: number[]) => void;
  /** Where each committed step is written down. */
  journal?: { append(entry: JournalEntry): void };
  /** Where an interrupted load stood (`progressOf` its journal): the load goes on from there. */
  resume?: LoadProgress;
  /** Milliseconds, to time each transaction. */
  now?: () => number;
}

/** Loads the reports, a bounded batch per transaction; a refused batch is thrown and nothing of it is written. */
export async function loadReports(load: ReportLoad): Promise<void> {
  const end = load.from + load.count;
  const limits: BatchLimits = {
    commits: Math.min(load.batch ?? DEFAULT_BATCH, load.limits?.commits ?? DEFAULT_BATCH),
    bytes: load.limits?.bytes ?? Number.POSITIVE_INFINITY,
    ms: load.limits?.ms ?? Number.POSITIVE_INFINITY,
  };
  const now = load.now ?? Date.now;
  let start = load.resume?.next ?? load.from;
  const unfinished = load.resume?.unfinished;
  if (unfinished) {
    await finish(load, unfinished);
    start = unfinished.to;
  }
  let last: BatchMeasure | undefined;
  while (start < end) {
    const size = Math.min(nextBatchSize(limits, last), end - start);
    const numbers = Array.from({ length: size }, (_, i) => start + i);
    load.journal?.append({ begin: [start, start + size] });
    const began = now();
    const reports = await load.engine.createMany('test-reports', numbers.map(load.body), load.lab, mailOptions(load));
    last = { size, ms: now() - began, bytes: JSON.stringify(reports).length * BYTES_PER_RECORD_JSON };
    load.journal?.append({ created: [start, start + size] });
    const made = numbers.map((n, i) => ({ n, report: reports[i]! }));
    const accepted = await accept(load, made.filter(({ n }) => n % load.acceptEvery === 0));
    load.journal?.append({ accepted: [start, start + size] });
    load.onBatch?.(made, accepted);
    start += size;
  }
}

function mailOptions(load: ReportLoad): { mailSent?: MailAlreadySent } {
  return load.mailSent ? { mailSent: load.mailSent(load.engine.clock.now()) } : {};
}

/** Sends ACCEPT to the reports not accepted yet; answers their numbers. */
async function accept(load: ReportLoad, reports: Array<{ n: number; report: Resource }>): Promise<number[]> {
  const pending = reports.filter(({ report }) => report.state !== 'accepted');
  if (pending.length > 0) {
    const events = pending.map(({ report }) => ({ id: report.id, body: { type: 'ACCEPT' } }));
    await load.engine.sendMany('test-reports', events, load.regulator, mailOptions(load));
  }
  return pending.map(({ n }) => n);
}

/**
 * A batch the journal began but did not finish: created unless its first report is missing (a
 * batch is one transaction, all or none), then the acceptances not made yet.
 */
async function finish(load: ReportLoad, batch: NonNullable<LoadProgress['unfinished']>): Promise<void> {
  const numbers = Array.from({ length: batch.to - batch.from }, (_, i) => batch.from + i);
  if (!batch.created && (await reportOf(load, batch.from)) === null) {
    await load.engine.createMany('test-reports', numbers.map(load.body), load.lab, mailOptions(load));
  }
  load.journal?.append({ created: [batch.from, batch.to] });
  const accepting: Array<{ n: number; report: Resource }> = [];
  for (const n of numbers.filter((m) => m % load.acceptEvery === 0)) {
    const report = await reportOf(load, n);
    if (report === null) throw new Error(`Report ${String(load.body(n)['reportNumber'])} of a created batch is missing: the journal and the store disagree`);
    accepting.push({ n, report });
  }
  await accept(load, accepting);
  load.journal?.append({ accepted: [batch.from, batch.to] });
}

async function reportOf(load: ReportLoad, n: number): Promise<Resource | null> {
  const page = await load.engine.list('test-reports', { where: { reportNumber: String(load.body(n)['reportNumber']) }, limit: 1 }, load.lab);
  return page.items[0] ?? null;
}
