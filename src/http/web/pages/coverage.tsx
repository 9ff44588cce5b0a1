/**
 * "Is model X of maker Y covered in economy Z": a plain GET form (it works without JavaScript) and
 * the answer of `src/public/coverage.ts`: covered, by which certificate or accepted report, with a
 * link to it; or not covered, and the routes the arrangements in force with Z open.
 */
import type { Coverage, CoverageBasis } from '../../../public/coverage.js';
import type { EconomyRecord } from '../../../store/port.js';
import type { PageContext } from '../context.js';
import { Day, economyName } from '../components/names.js';

export interface CoverageForm {
  economy: string;
  manufacturer: string;
  model: string;
}

export interface CoverageView {
  economies: EconomyRecord[];
  form: CoverageForm;
  result: Coverage | null;
  /** What was wrong with the question, in the reader's words. */
  problem: string | null;
}

function BasisTable({ context, basis }: { context: PageContext; basis: CoverageBasis[] }) {
  const { text } = context;
  const columns = text.coverage.columns;
  return (
    <div class="table-wrap">
      <table>
        <caption>{text.coverage.basis}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.basis}</th>
            <th scope="col">{columns.equipment}</th>
            <th scope="col">{columns.issuer}</th>
            <th scope="col">{columns.regulations}</th>
            <th scope="col">{columns.validUntil}</th>
          </tr>
        </thead>
        <tbody>
          {basis.map((b) => {
            const counted = (b['equivalentRegulations'] as string[] | undefined) ?? [];
            return (
              <tr>
                <td>
                  {text.coverage.kinds[b.kind]}
                  <br />
                  <a href={b.link}>{text.coverage.open(b.number)}</a>
                </td>
                <td>
                  {b.equipment.manufacturer}
                  <br />
                  <strong>{b.equipment.model}</strong>
                </td>
                <td>{b.issuer.name}</td>
                <td>
                  {b.regulations.join(', ')}
                  {counted.length > 0 && <p class="meaning">{text.coverage.throughEquivalence(counted.join(', '))}</p>}
                </td>
                <td>
                  <Day context={context} iso={b.validUntil ?? undefined} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Answer({ context, view, result }: { context: PageContext; view: CoverageView; result: Coverage }) {
  const { text } = context;
  const economies = new Map(view.economies.map((e) => [e.code, e]));
  const importing = economyName(context, economies, result.economy);
  if (result.coveredBy !== null) {
    const verdict = result.coveredBy === 'certificate' ? text.coverage.byCertificate : text.coverage.byReport;
    return (
      <section aria-labelledby="verdict" class="notice" id="coverage">
        <h2 id="verdict">{verdict(result.model, importing)}</h2>
        <BasisTable context={context} basis={result.basis} />
      </section>
    );
  }
  const steps = result.whatToDo;
  return (
    <section aria-labelledby="verdict" class="error-summary" id="coverage">
      <h2 id="verdict">{text.coverage.notCovered(result.model, result.manufacturer, importing)}</h2>
      <h3>{text.coverage.whatToDo}</h3>
      {steps && steps.arrangements.length > 0 ? (
        <ul>
          {steps.arrangements.map((a) => {
            const partner = economyName(context, economies, a.partner);
            return (
              <li>
                {text.coverage.byTest(importing, partner)}
                {a.routes.includes('certificate') && <> {text.coverage.byCertification(importing, partner)}</>}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{text.coverage.noArrangement(importing)}</p>
      )}
      {steps && (
        <p>
          <a href={steps.register}>{text.coverage.registerLink(importing)}</a>
        </p>
      )}
    </section>
  );
}

export function CoveragePage({ context, view }: { context: PageContext; view: CoverageView }) {
  const { text } = context;
  return (
    <>
      <h1>{text.coverage.title}</h1>
      <p class="lead">{text.coverage.lead}</p>
      {view.problem && (
        <div class="error-summary" role="alert">
          <h2>{text.form.errorSummary}</h2>
          <p>{view.problem}</p>
        </div>
      )}
      <form method="get" action="/coverage" class="form narrow">
        <div class="field">
          <label for="field-economy">{text.coverage.economy}</label>
          <select id="field-economy" name="economy">
            {view.economies.map((economy) => (
              <option value={economy.code} selected={economy.code === view.form.economy}>
                {economyName(context, new Map([[economy.code, economy]]), economy.code)} ({economy.code})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="field-manufacturer">{text.coverage.manufacturer}</label>
          <p class="hint" id="help-manufacturer">{text.coverage.manufacturerHelp}</p>
          <input id="field-manufacturer" name="manufacturer" type="text" value={view.form.manufacturer} required aria-describedby="help-manufacturer" autocomplete="off" />
        </div>
        <div class="field">
          <label for="field-model">{text.coverage.model}</label>
          <p class="hint" id="help-model">{text.coverage.modelHelp}</p>
          <input id="field-model" name="model" type="text" value={view.form.model} required aria-describedby="help-model" autocomplete="off" spellcheck={false} />
        </div>
        <button class="button">{text.coverage.check}</button>
      </form>
      {view.result && <Answer context={context} view={view} result={view.result} />}
    </>
  );
}
