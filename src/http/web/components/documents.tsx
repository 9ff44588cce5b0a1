/**
 * A test report's documents on its page (each a download link to the API route that serves it to
 * whoever may read the report, with the SHA-256 an importer can verify it by), and the file inputs
 * of the forms that attach them.
 */
import type { ReportDocument } from '../../../kinds/test-report/machine.js';
import type { PageContext } from '../context.js';
import { FILE_PARTS } from '../uploads.js';
import { Instant } from './names.js';

export function DocumentList({ context, reportId, documents }: { context: PageContext; reportId: string; documents: readonly ReportDocument[] }) {
  const { text } = context;
  if (documents.length === 0) return <p>{text.instance.noDocuments}</p>;
  return (
    <ul class="plain documents">
      {documents.map((d) => (
        <li>
          <a href={`/test-reports/${encodeURIComponent(reportId)}/documents/${d.sha256}`}>{d.name}</a>{' '}
          <span class="muted">
            ({text.files.roles[d.role]}, {d.mediaType}, {text.files.size(d.size)}, <Instant context={context} iso={d.attachedAt} />)
          </span>
          <br />
          <span class="muted">SHA-256:</span> <code class="hash">{d.sha256}</code>
        </li>
      ))}
    </ul>
  );
}

/** The report's PDF (required where the report is first submitted) and its annexes. */
export function FileInputs({ context, idPrefix = '', reportRequired }: { context: PageContext; idPrefix?: string; reportRequired: boolean }) {
  const { text } = context;
  return (
    <fieldset class="fieldset">
      <legend>{text.instance.documents}</legend>
      <div class="field">
        <label for={`field-${idPrefix}report`}>
          {text.files.report} <span class="muted">({reportRequired ? text.form.required : text.form.optional})</span>
        </label>
        <p class="hint" id={`help-${idPrefix}report`}>{text.files.reportHelp}</p>
        <input id={`field-${idPrefix}report`} name={FILE_PARTS.report} type="file" accept="application/pdf,.pdf" required={reportRequired} aria-describedby={`help-${idPrefix}report`} />
      </div>
      <div class="field">
        <label for={`field-${idPrefix}annexes`}>
          {text.files.annexes} <span class="muted">({text.form.optional})</span>
        </label>
        <p class="hint" id={`help-${idPrefix}annexes`}>{text.files.annexesHelp}</p>
        <input id={`field-${idPrefix}annexes`} name={FILE_PARTS.annexes} type="file" multiple accept="application/pdf,image/png,image/jpeg" aria-describedby={`help-${idPrefix}annexes`} />
      </div>
    </fieldset>
  );
}
