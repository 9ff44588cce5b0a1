/**
 * Verifying a document: a visitor uploads the file, or types its SHA-256, and learns whether it is
 * a document of an accepted test report (`src/public/verify.ts`), with that report as the public
 * register shows it. Plain forms: the file form posts multipart, the hash form is a GET.
 */
import type { Verification } from '../../../public/verify.js';
import type { PageContext } from '../context.js';
import { StateTag } from '../components/names.js';
import { FILE_PARTS } from '../uploads.js';

export interface VerifyView {
  hash: string;
  result: Verification | null;
  /** What was wrong with the request, in the reader's words. */
  problem: string | null;
}

function Result({ context, result }: { context: PageContext; result: Verification }) {
  const { text } = context;
  return (
    <section aria-labelledby="verdict" class={result.verified ? 'notice' : 'error-summary'} id="verification">
      <h2 id="verdict">{result.verified ? text.verify.verified : text.verify.notVerified}</h2>
      <p>
        SHA-256: <code class="hash">{result.sha256}</code>
      </p>
      {result.reports.length > 0 && (
        <ul class="plain">
          {result.reports.map((report) => (
            <li>
              <strong>{report.reportNumber}</strong> – {report.equipment.manufacturer} {report.equipment.model} ({report.lab.name}, {report.importingEconomy}){' '}
              <StateTag context={context} kind="test-reports" state={report.state} />
              <p class="meaning">{report.meaning}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function VerifyPage({ context, view }: { context: PageContext; view: VerifyView }) {
  const { text } = context;
  return (
    <>
      <h1>{text.verify.title}</h1>
      <p class="lead">{text.verify.lead}</p>
      {view.problem && (
        <div class="error-summary" role="alert">
          <h2>{text.form.errorSummary}</h2>
          <p>{view.problem}</p>
        </div>
      )}
      {view.result && <Result context={context} result={view.result} />}
      <h2>{text.verify.byFile}</h2>
      <form method="post" action="/verify" enctype="multipart/form-data" class="form narrow">
        <div class="field">
          <label for="field-file">{text.verify.file}</label>
          <p class="hint" id="help-file">{text.verify.fileHelp}</p>
          <input id="field-file" name={FILE_PARTS.verify} type="file" required aria-describedby="help-file" />
        </div>
        <button class="button">{text.verify.check}</button>
      </form>
      <h2>{text.verify.byHash}</h2>
      <form method="get" action="/verify" class="form narrow">
        <div class="field">
          <label for="field-sha256">{text.verify.hash}</label>
          <p class="hint" id="help-sha256">{text.verify.hashHelp}</p>
          <input id="field-sha256" name="sha256" type="text" value={view.hash} spellcheck={false} autocomplete="off" aria-describedby="help-sha256" />
        </div>
        <button class="button">{text.verify.check}</button>
      </form>
    </>
  );
}
