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

function TimesRow({ context, pair, process, times, period }: { context: PageContext; pair: string; process: string; times: ProcessingTimes; period: Duration }) {
  const words = statisticsWords(context);
  return (
    <tr>
      <th scope="row">{pair}</th>
      <td>{process}</td>
      <td class="number">{times.decisions}</td>
      <td class="number">{days(context, times.medianDays)}</td>
      <td class="number">{days(context, times.percentile90Days)}</td>
      <td>{words.duration(period.amount, period.unit)}</td>
      <td class="number">{words.outOf(times.withinPeriod, times.decisions)}</td>
    </tr>
  );
}

// Each table's wrapper scrolls sideways on a phone: it is a named region that takes the focus,
// so a keyboard can scroll it too (axe: scrollable-region-focusable).
function Tables({ context, view, statistics }: { context: PageContext; view: StatisticsView; statistics: ArrangementStatistics }) {
  const words = statisticsWords(context);
  const c = words.columns;
  const names = new Map(view.economies.map((e) => [e.code, e]));
  const named = statistics.pairs.map((pair) => ({ pair, name: pairName(context, names, pair) }));
  return (
    <>
      <ScrollingTable label={words.recognitionsCaption}>
        <table>
          <caption>{words.recognitionsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.pair}</th>
              <th scope="col">{c.recognized}</th>
              <th scope="col">{c.suspended}</th>
              <th scope="col">{c.withdrawn}</th>
              <th scope="col">{c.objected}</th>
            </tr>
          </thead>
          <tbody>
            {named.map(({ pair, name }) => (
              <tr>
                <th scope="row">{name}</th>
                <td class="number">{pair.recognitions.recognized}</td>
                <td class="number">{pair.recognitions.suspended}</td>
                <td class="number">{pair.recognitions.withdrawn}</td>
                <td class="number">{pair.recognitions.objected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      <ScrollingTable label={words.reportsCaption}>
        <table>
          <caption>{words.reportsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.pair}</th>
              <th scope="col">{c.accepted}</th>
              <th scope="col">{c.rejected}</th>
            </tr>
          </thead>
          <tbody>
            {named.map(({ pair, name }) => (
              <tr>
                <th scope="row">{name}</th>
                <td class="number">{pair.testReports.accepted}</td>
                <td class="number">{pair.testReports.rejected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      {named.some(({ pair }) => pair.testReports.reasons.length > 0) && (
        <ScrollingTable label={words.reasonsCaption}>
          <table>
            <caption>{words.reasonsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.pair}</th>
                <th scope="col">{c.reason}</th>
                <th scope="col">{c.count}</th>
              </tr>
            </thead>
            <tbody>
              {named.flatMap(({ pair, name }) =>
                pair.testReports.reasons.map((reason) => (
                  <tr>
                    <th scope="row">{name}</th>
                    <td>{reasonWords(context, reason.code)}</td>
                    <td class="number">{reason.count}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </ScrollingTable>
      )}
      <ScrollingTable label={words.timesCaption}>
        <table>
          <caption>{words.timesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.pair}</th>
              <th scope="col">{c.process}</th>
              <th scope="col">{c.decisions}</th>
              <th scope="col">{c.median}</th>
              <th scope="col">{c.percentile90}</th>
              <th scope="col">{c.reviewPeriod}</th>
              <th scope="col">{c.withinPeriod}</th>
            </tr>
          </thead>
          <tbody>
            {named.flatMap(({ pair, name }) => [
              <TimesRow context={context} pair={name} process={words.processes.recognitions} times={pair.recognitions.processing} period={view.periods.recognitions} />,
              <TimesRow context={context} pair={name} process={words.processes.testReports} times={pair.testReports.processing} period={view.periods.testReports} />,
            ])}
          </tbody>
        </table>
      </ScrollingTable>
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
