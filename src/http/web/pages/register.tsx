/** The register of recognised CABs for a pair of economies, with their status and a CSV download. */
import type { PublicRecognition } from '../../../public/recognition-register.js';
import type { EconomyRecord } from '../../../store/port.js';
import type { PageContext } from '../context.js';
import { Day, economyName, StateTag } from '../components/names.js';

export interface RegisterView {
  economies: EconomyRecord[];
  importing: string;
  exporting: string;
  /** The date the register is shown as of (YYYY-MM-DD); empty for today. */
  asOf: string;
  rows: PublicRecognition[];
}

function EconomySelect({ context, id, label, economies, value, any }: { context: PageContext; id: string; label: string; economies: EconomyRecord[]; value: string; any?: string }) {
  const names = new Map(economies.map((e) => [e.code, e]));
  return (
    <div class="field">
      <label for={`field-${id}`}>{label}</label>
      <select id={`field-${id}`} name={id}>
        {any !== undefined && <option value="">{any}</option>}
        {economies.map((economy) => (
          <option value={economy.code} selected={economy.code === value}>
            {economyName(context, names, economy.code)} ({economy.code})
          </option>
        ))}
      </select>
    </div>
  );
}

export function RegisterPage({ context, view }: { context: PageContext; view: RegisterView }) {
  const { text } = context;
  const columns = text.register.columns;
  const names = new Map(view.economies.map((e) => [e.code, e]));
  const csv = `/register.csv?importing=${encodeURIComponent(view.importing)}${view.exporting ? `&exporting=${encodeURIComponent(view.exporting)}` : ''}${view.asOf ? `&asOf=${encodeURIComponent(view.asOf)}` : ''}`;
  return (
    <>
      <h1>{text.register.title}</h1>
      <p class="lead">{text.register.lead}</p>
      <form method="get" action="/register" class="form inline-fields">
        <EconomySelect context={context} id="importing" label={text.register.importing} economies={view.economies} value={view.importing} />
        <EconomySelect context={context} id="exporting" label={text.register.exporting} economies={view.economies} value={view.exporting} any={text.register.any} />
        <div class="field">
          <label for="field-asOf">{text.register.asOf}</label>
          <input id="field-asOf" name="asOf" type="date" value={view.asOf} aria-describedby="field-asOf-hint" />
          <p id="field-asOf-hint" class="hint">{text.register.asOfHint}</p>
        </div>
        <button class="button">{text.register.show}</button>
      </form>
      <p>
        <a href={csv} download>{text.register.csv}</a>
      </p>
      {view.rows.length === 0 ? (
        <p>{text.register.none}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>
              {economyName(context, names, view.importing)}
              {view.exporting ? ` ← ${economyName(context, names, view.exporting)}` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">{columns.designationNumber}</th>
                <th scope="col">{columns.cab}</th>
                <th scope="col">{columns.exporting}</th>
                <th scope="col">{columns.scope}</th>
                <th scope="col">{columns.state}</th>
                <th scope="col">{columns.since}</th>
                <th scope="col">{columns.until}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr>
                  <td>{row.designationNumber}</td>
                  <td>
                    {row.cab.name}
                    <br />
                    <span class="muted">{text.cab.types[row.cab.type as 'lab'] ?? row.cab.type}</span>
                  </td>
                  <td>{economyName(context, names, row.exportingEconomy)}</td>
                  <td>{row.scope.join(', ')}</td>
                  <td><StateTag context={context} kind="recognitions" state={row.status} /></td>
                  <td><Day context={context} iso={row.recognizedSince} /></td>
                  <td><Day context={context} iso={row.validUntil} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
