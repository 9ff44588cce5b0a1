/** The arrangement's statistics for a period, per pair of economies: four tables and the CSV. */
import type { Duration } from '../../../durations.js';
import { formatDay } from '../../../i18n/format.js';
import { statisticsTexts, type StatisticsText } from '../../../i18n/pages/statistics.js';
import type { ArrangementStatistics, PairStatistics, ProcessingTimes } from '../../../public/statistics.js';
import type { EconomyRecord } from '../../../store/port.js';
import type { PageContext } from '../context.js';
import { economyName } from '../components/names.js';
import { ScrollingTable } from '../components/scrolling-table.js';

export interface StatisticsView {
  economies: EconomyRecord[];
  /** The dates as typed (or the period answered), to show in the form again. */
  asked: { from: string; to: string };
  statistics: ArrangementStatistics | null;
  problem: string | null;
  /** The review periods in force, as configured. */
  periods: { recognitions: Duration; testReports: Duration };
}

/** The words of the statistics in the reader's language. */
export function statisticsWords(context: PageContext): StatisticsText {
  return statisticsTexts[context.language];
}

/** A number of days as the reader writes it: 5.5 in English, 5,5 in Vietnamese. */
export function days(context: PageContext, value: number | null): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(context.language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}

/** "Việt Nam → Hàn Quốc". */
export function pairName(context: PageContext, economies: ReadonlyMap<string, EconomyRecord>, pair: PairStatistics): string {
  return `${economyName(context, economies, pair.exportingEconomy)} → ${economyName(context, economies, pair.importingEconomy)}`;
}

/** The reason a report was rejected, in words. */
export function reasonWords(context: PageContext, code: string): string {
  return statisticsWords(context).reasons[code] ?? context.wording.reasons[code] ?? code;
}

/** A date box (a calendar in browsers that have one, text in the others); the hint below the form says how to write a date. */
function DateField({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div class="field">
      <label for={`field-${id}`}>{label}</label>
      <input id={`field-${id}`} name={id} type="date" value={value} aria-describedby="help-period" autocomplete="off" />
    </div>
  );
}

/** One cell of a statistics table: counts and days align right. */
interface Cell {
  value: string | number;
  number?: boolean;
}

/**
 * One table of the statistics: a row per pair of economies (or per pair and process), headed by
 * the pair's name. Its wrapper scrolls sideways on a phone: a named region that takes the focus,
 * so a keyboard can scroll it too (axe: scrollable-region-focusable).
 */
function PairTable({ caption, pairColumn, columns, rows }: { caption: string; pairColumn: string; columns: string[]; rows: Array<{ name: string; cells: Cell[] }> }) {
  return (
    <ScrollingTable label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{pairColumn}</th>
            {columns.map((column) => (
              <th scope="col">{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ name, cells }) => (
            <tr>
              <th scope="row">{name}</th>
              {cells.map((cell) => (
                <td class={cell.number ? 'number' : undefined}>{cell.value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

const count = (value: number): Cell => ({ value, number: true });

/** A process's decisions and their times, against the review period in force. */
function timesCells(context: PageContext, process: string, times: ProcessingTimes, period: Duration): Cell[] {
  const words = statisticsWords(context);
  return [
    { value: process },
    count(times.decisions),
    { value: days(context, times.medianDays), number: true },
    { value: days(context, times.percentile90Days), number: true },
    { value: words.duration(period.amount, period.unit) },
    { value: words.outOf(times.withinPeriod, times.decisions), number: true },
  ];
}

function Tables({ context, view, statistics }: { context: PageContext; view: StatisticsView; statistics: ArrangementStatistics }) {
  const words = statisticsWords(context);
  const c = words.columns;
  const names = new Map(view.economies.map((e) => [e.code, e]));
  const named = statistics.pairs.map((pair) => ({ pair, name: pairName(context, names, pair) }));
  const reasons = named.flatMap(({ pair, name }) =>
    pair.testReports.reasons.map((reason) => ({ name, cells: [{ value: reasonWords(context, reason.code) }, count(reason.count)] })),
  );
  return (
    <>
      <PairTable
        caption={words.recognitionsCaption}
        pairColumn={c.pair}
        columns={[c.recognized, c.suspended, c.withdrawn, c.objected]}
        rows={named.map(({ pair, name }) => ({
          name,
          cells: [pair.recognitions.recognized, pair.recognitions.suspended, pair.recognitions.withdrawn, pair.recognitions.objected].map(count),
        }))}
      />
      <PairTable
        caption={words.reportsCaption}
        pairColumn={c.pair}
        columns={[c.accepted, c.rejected]}
        rows={named.map(({ pair, name }) => ({ name, cells: [count(pair.testReports.accepted), count(pair.testReports.rejected)] }))}
      />
      {reasons.length > 0 && <PairTable caption={words.reasonsCaption} pairColumn={c.pair} columns={[c.reason, c.count]} rows={reasons} />}
      <PairTable
        caption={words.timesCaption}
        pairColumn={c.pair}
        columns={[c.process, c.decisions, c.median, c.percentile90, c.reviewPeriod, c.withinPeriod]}
        rows={named.flatMap(({ pair, name }) => [
          { name, cells: timesCells(context, words.processes.recognitions, pair.recognitions.processing, view.periods.recognitions) },
          { name, cells: timesCells(context, words.processes.testReports, pair.testReports.processing, view.periods.testReports) },
        ])}
      />
      <ul class="notes">
        {words.notes.map((note) => (
          <li>{note}</li>
        ))}
      </ul>
    </>
  );
}

export function StatisticsPage({ context, view }: { context: PageContext; view: StatisticsView }) {
  const words = statisticsWords(context);
  const { statistics } = view;
  return (
    <>
      <h1>{words.title}</h1>
      <p class="lead">{words.lead}</p>
      {view.problem && (
        <div class="error-summary" role="alert">
          <h2>{context.text.form.errorSummary}</h2>
          <p>{view.problem}</p>
        </div>
      )}
      <p class="hint" id="help-period">{words.dateHelp}</p>
      <form method="get" action="/statistics" class="form inline-fields">
        <DateField id="from" label={words.from} value={view.asked.from} />
        <DateField id="to" label={words.to} value={view.asked.to} />
        <button class="button">{words.show}</button>
      </form>
      {statistics && (
        <>
          <p>{words.period(formatDay(statistics.from, context.language), formatDay(statistics.to, context.language))}</p>
          <p>
            <a href={`/statistics.csv?from=${statistics.from}&to=${statistics.to}`} download>
              {words.csv}
            </a>
          </p>
          {statistics.pairs.length === 0 ? <p>{words.none}</p> : <Tables context={context} view={view} statistics={statistics} />}
        </>
      )}
    </>
  );
}
