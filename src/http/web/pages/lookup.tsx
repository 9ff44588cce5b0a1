/**
 * The importer look-up. A plain GET form, so it works without JavaScript; with htmx, results
 * follow the typing (the same page is asked for, and only its results are swapped in).
 */
import type { PublicTestReport } from '../../../public/register.js';
import type { LookupResults } from '../report-lookup.js';
import type { EconomyRecord } from '../../../store/port.js';
import type { PageContext } from '../context.js';
import { publicRecordTexts } from '../../../i18n/pages/public-records.js';
import { Day, economyName, StateTag } from '../components/names.js';
import { reportPagePath } from './public-records.js';

export interface LookupView {
  economies: EconomyRecord[];
  economy: string;
  text: string;
  results: LookupResults | null;
}

function Results({ context, view }: { context: PageContext; view: LookupView }) {
  const { text, wording } = context;
  const columns = text.lookup.columns;
  const more = publicRecordTexts[context.language].lookup;
  if (view.results === null) return <div id="results" aria-live="polite"></div>;
  if (view.results.tooShort) {
    return (
      <div id="results" aria-live="polite">
        <p>{text.lookup.tooShort}</p>
      </div>
    );
  }
  const found: PublicTestReport[] = view.results.items;
  return (
    <div id="results" aria-live="polite">
      <h2>{found.length === 0 ? text.lookup.none : text.lookup.results(found.length)}</h2>
      {view.results.more && <p>{text.lookup.more}</p>}
      {found.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{columns.reportNumber}</th>
                <th scope="col">{columns.equipment}</th>
                <th scope="col">{more.regulations}</th>
                <th scope="col">{columns.lab}</th>
                <th scope="col">{columns.state}</th>
                <th scope="col">{columns.decided}</th>
                <th scope="col">{columns.validUntil}</th>
              </tr>
            </thead>
            <tbody>
              {found.map((report) => (
                <tr>
                  <td>
                    <a href={reportPagePath(report.id)}>{report.reportNumber}</a>
                  </td>
                  <td>
                    {report.equipment.manufacturer}
                    <br />
                    <strong>{report.equipment.model}</strong> <span class="muted">({report.equipment.category})</span>
                  </td>
                  <td>{report.regulations.join(', ')}</td>
                  <td>{report.lab.name}</td>
                  <td>
                    <StateTag context={context} kind="test-reports" state={report.state} />
                    <p class="meaning">{report.meaning}</p>
                    {report.rejection && (
                      <ul class="reasons">
                        {report.rejection.map((reason) => (
                          <li>
                            {wording.reasons[reason.code] ?? reason.code}: {reason.detail}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td><Day context={context} iso={report.decidedAt} /></td>
                  <td><Day context={context} iso={report.validUntil} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function LookupPage({ context, view }: { context: PageContext; view: LookupView }) {
  const { text } = context;
  return (
    <>
      <h1>{text.lookup.title}</h1>
      <p class="lead">{text.lookup.lead}</p>
      <form method="get" action="/lookup" class="form search-form" role="search" hx-get="/lookup" hx-trigger="input changed delay:400ms from:#field-q, change from:#field-economy" hx-target="#results" hx-select="#results" hx-swap="outerHTML" hx-push-url="true">
        <div class="field">
          <label for="field-economy">{text.lookup.economy}</label>
          <select id="field-economy" name="economy">
            {view.economies.map((economy) => (
              <option value={economy.code} selected={economy.code === view.economy}>
                {economyName(context, new Map([[economy.code, economy]]), economy.code)} ({economy.code})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="field-q">{text.lookup.query}</label>
          <p class="hint" id="help-q">{text.lookup.queryHelp}</p>
          <input id="field-q" name="q" type="search" value={view.text} aria-describedby="help-q" autocomplete="off" />
        </div>
        <button class="button">{text.lookup.search}</button>
      </form>
      <p>
        <a href="/statuses">{text.lookup.statusesLink}</a> · <a href="/verify">{text.verify.link}</a> · <a href="/coverage">{text.coverage.link}</a>
      </p>
      <p>
        <a href={`/public/test-reports/accepted.csv?economy=${encodeURIComponent(view.economy)}&lang=${context.language}`} download>{text.lookup.acceptedCsv}</a>
        {' · '}
        <a href={`/public/test-reports/accepted.xlsx?economy=${encodeURIComponent(view.economy)}&lang=${context.language}`} download>{text.lookup.acceptedXlsx}</a>
      </p>
      <Results context={context} view={view} />
    </>
  );
}
