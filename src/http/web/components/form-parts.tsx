/** Small pieces every form uses: the CSRF field, an error summary, a field's error message. */
import type { PageContext } from '../context.js';
import { CSRF_FIELD } from '../../common/csrf.js';

export function CsrfField({ context }: { context: PageContext }) {
  return <input type="hidden" name={CSRF_FIELD} value={context.csrfToken()} />;
}

/** A refusal at the top of a form: what it means, the engine's own words, and links to the fields. */
export function ErrorSummary({ context, refusal, idPrefix = '' }: { context: PageContext; refusal: Refusal | null; idPrefix?: string }) {
  if (!refusal) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{context.text.form.errorSummary}</h2>
      <p>{refusal.message}</p>
      {refusal.reasons.length > 0 && (
        <ul>
          {refusal.reasons.map((reason) => (
            <li>{reason}</li>
          ))}
        </ul>
      )}
      {Object.keys(refusal.fields).length > 0 && (
        <ul>
          {Object.entries(refusal.fields).map(([field, message]) => (
            <li>
              <a href={`#field-${idPrefix}${field}`}>{message}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What a page shows of an engine's refusal: in the reader's words, with its field problems. */
export interface Refusal {
  code: string;
  message: string;
  /** Reason codes and their words, e.g. why a report or a recognition is not eligible. */
  reasons: string[];
  /** Field path (`equipment.model`) to the problem, next to that field. */
  fields: Record<string, string>;
}
