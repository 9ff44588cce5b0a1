/**
 * The arrangement's statistics for people: the page with a form for the period (a GET, so it works
 * without JavaScript and a period can be bookmarked), and the same figures as CSV with headers in
 * the page's language. Both are under the public rate limit, as `GET /public/statistics` is.
 */
import type { Duration } from '../../../durations.js';
import type { ApiDeps } from '../../api/deps.js';
import { toCsv } from '../../api/csv.js';
import { arrangementStatistics, isCalendarDate, statisticsPeriod, type PairStatistics, type ProcessingTimes, type StatisticsPeriod } from '../../../public/statistics.js';
import type { PageContext } from '../context.js';
import type { PageAnswer, PageSpec } from '../page-route.js';
import { reasonWords, StatisticsPage, statisticsWords, type StatisticsView } from '../pages/statistics.js';
import { economyName } from '../components/names.js';

function param(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, 40) : '';
}

/** The period the query asks for, or what is wrong with it in the reader's words. */
function askedPeriod(page: PageContext, query: Record<string, unknown>, today: Date): { asked: { from: string; to: string }; period: StatisticsPeriod | null; problem: string | null } {
  const asked = { from: param(query['from']), to: param(query['to']) };
  const words = statisticsWords(page);
  if ([asked.from, asked.to].some((date) => date !== '' && !isCalendarDate(date))) return { asked, period: null, problem: words.badDate };
  if (asked.from !== '' && asked.to !== '' && asked.from > asked.to) return { asked, period: null, problem: words.badOrder };
  const period = statisticsPeriod({ ...(asked.from ? { from: asked.from } : {}), ...(asked.to ? { to: asked.to } : {}) }, today);
  return { asked: period, period, problem: null };
}

export function statisticsPages(deps: ApiDeps): PageSpec[] {
  const { engine, store, clock } = deps;
  const periods = { recognitions: engine.durations.get('recognitions', 'review'), testReports: engine.durations.get('test-reports', 'review') };

  const show = async (page: PageContext, query: Record<string, unknown>): Promise<{ view: StatisticsView; answer: PageAnswer }> => {
    const { asked, period, problem } = askedPeriod(page, query, clock.now());
    const view: StatisticsView = {
      economies: await store.listEconomies(),
      asked,
      statistics: period === null ? null : await arrangementStatistics(engine, period),
      problem,
      periods,
    };
    const title = statisticsWords(page).title;
    return { view, answer: { page: { title, status: problem ? 400 : 200, body: <StatisticsPage context={page} view={view} /> } } };
  };

  return [
    {
      method: 'get',
      path: '/statistics',
      access: 'public',
      limit: 'public',
      handle: async ({ page, query }) => (await show(page, query)).answer,
    },
    {
      method: 'get',
      path: '/statistics.csv',
      access: 'public',
      limit: 'public',
      handle: async ({ page, query }) => {
        const { view, answer } = await show(page, query);
        if (view.statistics === null) return answer;
        const words = statisticsWords(page);
        const c = words.columns;
        const names = new Map(view.economies.map((e) => [e.code, e]));
        const { from, to } = view.statistics;
        type Column = readonly [string, (p: PairStatistics) => unknown];
        const times = (process: string, of: (p: PairStatistics) => ProcessingTimes, period: Duration): Column[] => [
          [`${process}: ${c.decisions}`, (p) => of(p).decisions],
          [`${process}: ${c.median}`, (p) => of(p).medianDays],
          [`${process}: ${c.percentile90}`, (p) => of(p).percentile90Days],
          [`${process}: ${c.reviewPeriod}`, () => words.duration(period.amount, period.unit)],
          [`${process}: ${c.withinPeriod}`, (p) => of(p).withinPeriod],
        ];
        const columns = [
          [c.from, () => from],
          [c.to, () => to],
          [c.exporting, (p: PairStatistics) => economyName(page, names, p.exportingEconomy)],
          [c.importing, (p: PairStatistics) => economyName(page, names, p.importingEconomy)],
          [c.recognized, (p: PairStatistics) => p.recognitions.recognized],
          [c.suspended, (p: PairStatistics) => p.recognitions.suspended],
          [c.withdrawn, (p: PairStatistics) => p.recognitions.withdrawn],
          [c.objected, (p: PairStatistics) => p.recognitions.objected],
          [c.accepted, (p: PairStatistics) => p.testReports.accepted],
          [c.rejected, (p: PairStatistics) => p.testReports.rejected],
          [words.reasonsCaption, (p: PairStatistics) => p.testReports.reasons.map((r) => `${reasonWords(page, r.code)}: ${r.count}`)],
          ...times(words.processes.recognitions, (p) => p.recognitions.processing, periods.recognitions),
          ...times(words.processes.testReports, (p) => p.testReports.processing, periods.testReports),
        ] satisfies Column[];
        // One line a pair; a period with nothing in it is the header alone.
        return { download: { filename: `statistics-${from}-${to}.csv`, csv: toCsv(columns, view.statistics.pairs) } };
      },
    },
  ];
}
