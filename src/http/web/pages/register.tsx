/**
 * The register of recognised CABs for a pair of economies: each body with its designation number,
 * arrangement, accreditation and every regulation's own status (a suspension shows where it
 * applies, since when and by which side), with the same table to download as CSV and XLSX.
 */
import type { PublicRecognition } from '../../../public/recognition-register.js';
import type { EconomyRecord } from '../../../store/port.js';
import type { PageContext } from '../context.js';
import { Day, economyName, StateTag } from '../components/names.js';
import { RegulationStandings } from '../components/suspensions.js';
import { ScrollingTable } from '../components/scrolling-table.js';

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

/**
 * The recognition's status as a whole: a recognition in force with every regulation suspended is
 * shown suspended, with some of them suspended "partly suspended"; the regulations say which.
 */
function OverallStatus({ context, row }: { context: PageContext; row: PublicRecognition }) {
  const suspended = row.regulations.filter((r) => r.status === 'suspended').length;
  if (row.status !== 'recognized' || suspended === 0) return <StateTag context={context} kind="recognitions" state={row.status} />;
  if (suspended === row.regulations.length) return <StateTag context={context} kind="recognitions" state="suspended" />;
  return <span class="tag tag-warn">{context.text.register.partlySuspended}</span>;
}

export function RegisterPage({ context, view }: { context: PageContext; view: RegisterView }) {
  const { text } = context;
  const columns = text.register.columns;
  const names = new Map(view.economies.map((e) => [e.code, e]));
  const query = `?importing=${encodeURIComponent(view.importing)}${view.exporting ? `&exporting=${encodeURIComponent(view.exporting)}` : ''}${view.asOf ? `&asOf=${encodeURIComponent(view.asOf)}` : ''}&lang=${context.language}`;
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
        <a href={`/register.csv${query}`} download>{text.register.csv}</a>
        {' · '}
        <a href={`/register.xlsx${query}`} download>{text.register.xlsx}</a>
      </p>
      {view.rows.length === 0 ? (
        <p>{text.register.none}</p>
      ) : (
        <ScrollingTable labelledBy="register-caption">
          <table>
            <caption id="register-caption">
              {economyName(context, names, view.importing)}
              {view.exporting ? ` ← ${economyName(context, names, view.exporting)}` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">{columns.designationNumber}</th>
                <th scope="col">{columns.cab}</th>
                <th scope="col">{columns.exporting}</th>
                <th scope="col">{columns.arrangement}</th>
                <th scope="col">{columns.accreditation}</th>
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
                  <td>{row.agreement.title}</td>
                  <td>
                    {row.accreditation ? (
                      <>
                        {row.accreditation.body}
                        <br />
                        {row.accreditation.certificateNumber}
                        <br />
                        <span class="muted">
                          {columns.certificateUntil}: <Day context={context} iso={row.accreditation.validUntil} />
                        </span>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td><RegulationStandings context={context} economies={names} regulations={row.regulations} /></td>
                  <td><OverallStatus context={context} row={row} /></td>
                  <td><Day context={context} iso={row.recognizedSince} /></td>
                  <td><Day context={context} iso={row.validUntil} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </>
  );
}
