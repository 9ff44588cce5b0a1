/**
 * Statistics for the arrangement's meetings (docs/api.md, "Public routes, no key"): per pair of
 * economies, exporting → importing, what happened in a period: the CABs recognised, suspended,
 * withdrawn and refused, the test reports accepted and rejected (the reasons grouped by code), and
 * how long decisions took from submission, against the review period the procedure sets
 * (`recognitions.review`, `test-reports.review`: docs/domain.md, "Default durations").
 *
 * Events are counted when they happened, not by where an instance stands now: a recognition
 * suspended and lifted within the period counts as suspended in it. Recognitions are few and are
 * read with their history; test reports are many (a register holds a million), so they are read
 * from their records, which keep the instants of their decision (`acceptedAt` is the ACCEPT's
 * time, a rejection is final, so its record's `updatedAt` is the rejection's time).
 *
 * Only public facts: counts and times over many reports, reason codes without the regulator's
 * words, never a report, a lab or an applicant named.
 */
import type { RecognitionData } from '../kinds/recognition/machine.js';
import type { TestReportData } from '../kinds/test-report/machine.js';
import { SYSTEM_ACTOR, type Kind } from '../kinds/types.js';
import type { Engine } from '../engine/engine.js';
import { shift } from '../durations.js';
import { AppError } from '../errors.js';
import type { HistoryEntry, InstanceRecord } from '../store/port.js';

/** A period of whole days in UTC, both ends included, as `YYYY-MM-DD`. */
export interface StatisticsPeriod {
  from: string;
  to: string;
}

/** How long decisions took, in days, against the period the procedure sets. */
export interface ProcessingTimes {
  /** Decisions in the period that the times are measured on. */
  decisions: number;
  /** Half of the decisions took at most this many days; null without decisions. */
  medianDays: number | null;
  /** Nine in ten decisions took at most this many days (nearest rank); null without decisions. */
  percentile90Days: number | null;
  /** The duration that sets the period (`test-reports.review`). */
  periodSetting: string;
  /** The period in words, as configured ("27 working days"). */
  period: string;
  /** Decisions made within the period from their submission. */
  withinPeriod: number;
}

export interface PairStatistics {
  exportingEconomy: string;
  importingEconomy: string;
  recognitions: {
    /** Recognitions granted or renewed (RECOGNIZE) in the period. */
    recognized: number;
    /** Recognitions suspended in the period, wholly or for some regulations, whether lifted since or not. */
    suspended: number;
    /** Recognitions that ended as withdrawn in the period (by either authority, or with their agreement). */
    withdrawn: number;
    /** Applications the importing regulator refused (OBJECT) or closed on no answer in the period. */
    objected: number;
    /** From the application (or the request for renewal) to the regulator's decision. */
    processing: ProcessingTimes;
  };
  testReports: {
    accepted: number;
    /** Every rejection in the period: at screening, by the regulator, or because the lab's standing changed. */
    rejected: number;
    /** The rejections by reason code, most frequent first; a report rejected for two reasons counts under each. */
    reasons: Array<{ code: string; count: number }>;
    /** From submission to the regulator's decision (ACCEPT or REJECT); screening and the system's rejections are not decisions. */
    processing: ProcessingTimes;
  };
}

export interface ArrangementStatistics extends StatisticsPeriod {
  pairs: PairStatistics[];
}

const DAY_MS = 86_400_000;
const PAGE = 500;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * The period asked for, each end a `YYYY-MM-DD` date: by default the twelve months that end today
 * (UTC), and a missing end taken from the other.
 *
 * @throws AppError VALIDATION_FAILED for a date that is not a calendar date, or a start after the end.
 */
export function statisticsPeriod(asked: { from?: string; to?: string }, today: Date): StatisticsPeriod {
  const errors = (['from', 'to'] as const)
    .filter((field) => asked[field] !== undefined && !isCalendarDate(asked[field]))
    .map((field) => ({ pointer: `/${field}`, message: 'must be a calendar date written YYYY-MM-DD' }));
  if (errors.length > 0) throw new AppError({ code: 'VALIDATION_FAILED', detail: 'The period’s dates must be calendar dates written YYYY-MM-DD.', errors });
  const yearBefore = (end: string) => dayAfter(shift(new Date(`${end}T00:00:00.000Z`), { amount: 12, unit: 'months' }, -1).toISOString().slice(0, 10));
  const to = asked.to ?? (asked.from === undefined ? today.toISOString().slice(0, 10) : yearAfter(asked.from));
  const from = asked.from ?? yearBefore(to);
  if (from > to) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: `The period starts (${from}) after it ends (${to}).`,
      errors: [{ pointer: '/from', message: 'must be on or before to' }],
    });
  }
  return { from, to };
}

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
}

function yearAfter(from: string): string {
  const end = shift(new Date(`${from}T00:00:00.000Z`), { amount: 12, unit: 'months' }, 1);
  return new Date(end.getTime() - DAY_MS).toISOString().slice(0, 10);
}

/** Whether an instant falls in the period (whole UTC days, both ends included). */
function within(period: StatisticsPeriod, at: string): boolean {
  const t = Date.parse(at);
  return t >= Date.parse(`${period.from}T00:00:00.000Z`) && t < Date.parse(`${dayAfter(period.to)}T00:00:00.000Z`);
}

/** The value below which a share `q` of the sorted values lie (nearest rank: always a measured value). */
function nearestRank(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/** The days of each decision and whether it came within the period, gathered per pair. */
class Timings {
  readonly #days: number[] = [];
  #within = 0;

  add(submittedAt: string, decidedAt: string, deadline: Date): void {
    this.#days.push((Date.parse(decidedAt) - Date.parse(submittedAt)) / DAY_MS);
    if (Date.parse(decidedAt) <= deadline.getTime()) this.#within += 1;
  }

  summary(periodSetting: string, period: string): ProcessingTimes {
    const sorted = [...this.#days].sort((a, b) => a - b);
    const rounded = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
    return {
      decisions: sorted.length,
      medianDays: rounded(nearestRank(sorted, 0.5)),
      percentile90Days: rounded(nearestRank(sorted, 0.9)),
      periodSetting,
      period,
      withinPeriod: this.#within,
    };
  }
}

interface Tally {
  exportingEconomy: string;
  importingEconomy: string;
  recognized: number;
  suspended: number;
  withdrawn: number;
  objected: number;
  recognitionTimes: Timings;
  accepted: number;
  rejected: number;
  reasons: Map<string, number>;
  reportTimes: Timings;
}

class Tallies {
  readonly #byPair = new Map<string, Tally>();

  of(exportingEconomy: string, importingEconomy: string): Tally {
    const key = `${exportingEconomy} ${importingEconomy}`;
    let tally = this.#byPair.get(key);
    if (!tally) {
      tally = {
        exportingEconomy,
        importingEconomy,
        recognized: 0,
        suspended: 0,
        withdrawn: 0,
        objected: 0,
        recognitionTimes: new Timings(),
        accepted: 0,
        rejected: 0,
        reasons: new Map(),
        reportTimes: new Timings(),
      };
      this.#byPair.set(key, tally);
    }
    return tally;
  }

  all(): Tally[] {
    return [...this.#byPair.values()];
  }
}

async function* records(engine: Engine, kind: Kind, states?: readonly string[]): AsyncGenerator<InstanceRecord> {
  let cursor: string | null = null;
  do {
    const page = await engine.records(kind, { ...(states === undefined ? {} : { states }), limit: PAGE, cursor }, SYSTEM_ACTOR);
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor !== null);
}

async function historyOf(engine: Engine, kind: Kind, id: string): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = await engine.history(kind, id, SYSTEM_ACTOR, { afterSeq, limit: 200 });
    entries.push(...page.items);
    if (page.nextCursor === null || page.items.length === 0) return entries;
    afterSeq = page.items.at(-1)!.seq;
  }
}

/** What one recognition's history adds to its pair: each kind of event counted once per recognition. */
async function tallyRecognition(engine: Engine, record: InstanceRecord, period: StatisticsPeriod, tallies: Tallies): Promise<void> {
  const data = record.context as unknown as RecognitionData;
  const tally = tallies.of(data.exportingEconomy, data.importingEconomy);
  const review = engine.durations.get('recognitions', 'review');
  const seen = new Set<string>();
  let appliedAt: string | null = null;
  for (const entry of await historyOf(engine, 'recognitions', record.id)) {
    if (entry.type === 'CREATE' || entry.type === 'RENEW') appliedAt = entry.at;
    if (!within(period, entry.at)) continue;
    if (entry.type === 'RECOGNIZE') seen.add('recognized');
    if (entry.type === 'SUSPEND') seen.add('suspended');
    if (entry.to === 'withdrawn' && entry.from !== 'withdrawn') seen.add('withdrawn');
    if (entry.to === 'objected' && entry.from !== 'objected') seen.add('objected');
    // The regulator's decisions; a file closed because nobody answered was not decided on.
    const decided = entry.type === 'RECOGNIZE' || entry.type === 'OBJECT';
    if (decided && appliedAt !== null) tally.recognitionTimes.add(appliedAt, entry.at, shift(new Date(appliedAt), review));
  }
  if (seen.has('recognized')) tally.recognized += 1;
  if (seen.has('suspended')) tally.suspended += 1;
  if (seen.has('withdrawn')) tally.withdrawn += 1;
  if (seen.has('objected')) tally.objected += 1;
}

/** What one decided test report adds to its pair. */
function tallyReport(engine: Engine, record: InstanceRecord, period: StatisticsPeriod, tallies: Tallies): void {
  const data = record.context as unknown as TestReportData;
  const tally = tallies.of(data.exportingEconomy, data.importingEconomy);
  const deadline = shift(new Date(record.createdAt), engine.durations.get('test-reports', 'review'));
  if (data.acceptedAt !== undefined && within(period, data.acceptedAt)) {
    tally.accepted += 1;
    tally.reportTimes.add(record.createdAt, data.acceptedAt, deadline);
  }
  if (record.state === 'rejected' && within(period, record.updatedAt)) {
    tally.rejected += 1;
    for (const code of new Set(data.reasons.map((r) => r.code))) tally.reasons.set(code, (tally.reasons.get(code) ?? 0) + 1);
    if (data.reasons.some((r) => r.code === 'REJECTED_BY_REGULATOR')) tally.reportTimes.add(record.createdAt, record.updatedAt, deadline);
  }
}

function busy(tally: Tally): boolean {
  return tally.recognized + tally.suspended + tally.withdrawn + tally.objected + tally.accepted + tally.rejected > 0;
}

/**
 * How long the figures of a period are kept when nothing this process sees has changed: reading
 * every decided report costs as much as the register is large, and a meeting's figures need not
 * show within the second a commit on another node made them change.
 */
const REMEMBER_MS = 60_000;
/** More periods than people ask for at once; past it the memory starts afresh. */
const MAX_REMEMBERED = 32;

interface Remembered {
  figures: Promise<ArrangementStatistics>;
  /** The commits of recognitions and test reports in this engine when they were computed: any since makes them stale. */
  commits: number;
  at: number;
}

/** Per engine, so that two services in one process (tests) never share figures. */
const rememberedByEngine = new WeakMap<Engine, Map<string, Remembered>>();

/**
 * The figures of every pair of economies that had something happen in the period, by exporting
 * then importing economy. Asked again for the same period, the same figures are answered (one
 * computation for many readers) until this engine commits a recognition or a test report, or for a
 * minute at most.
 */
export function arrangementStatistics(engine: Engine, period: StatisticsPeriod): Promise<ArrangementStatistics> {
  let remembered = rememberedByEngine.get(engine);
  if (!remembered) rememberedByEngine.set(engine, (remembered = new Map<string, Remembered>()));
  const key = `${period.from} ${period.to}`;
  const commits = engine.commitsOf('recognitions') + engine.commitsOf('test-reports');
  const now = performance.now();
  const found = remembered.get(key);
  if (found && found.commits === commits && now - found.at < REMEMBER_MS) return found.figures;
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  const figures = computeStatistics(engine, period);
  const memory = remembered;
  memory.set(key, { figures, commits, at: now });
  // A failed computation is not remembered: the next reader tries again.
  figures.catch(() => memory.get(key)?.figures === figures && memory.delete(key));
  return figures;
}

async function computeStatistics(engine: Engine, period: StatisticsPeriod): Promise<ArrangementStatistics> {
  const tallies = new Tallies();
  for await (const record of records(engine, 'recognitions')) await tallyRecognition(engine, record, period, tallies);
  for await (const record of records(engine, 'test-reports', ['accepted', 'expired', 'revoked', 'rejected'])) {
    tallyReport(engine, record, period, tallies);
  }
  const recognitionPeriod = engine.durations.describe('recognitions.review');
  const reportPeriod = engine.durations.describe('test-reports.review');
  const pairs = tallies
    .all()
    .filter(busy)
    .sort((a, b) => a.exportingEconomy.localeCompare(b.exportingEconomy) || a.importingEconomy.localeCompare(b.importingEconomy))
    .map(
      (t): PairStatistics => ({
        exportingEconomy: t.exportingEconomy,
        importingEconomy: t.importingEconomy,
        recognitions: {
          recognized: t.recognized,
          suspended: t.suspended,
          withdrawn: t.withdrawn,
          objected: t.objected,
          processing: t.recognitionTimes.summary('recognitions.review', recognitionPeriod),
        },
        testReports: {
          accepted: t.accepted,
          rejected: t.rejected,
          reasons: [...t.reasons].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
          processing: t.reportTimes.summary('test-reports.review', reportPeriod),
        },
      }),
    );
  return { ...period, pairs };
}
