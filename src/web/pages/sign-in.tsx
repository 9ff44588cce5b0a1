/** Sign in with the organisation's key (until "People and keys" gives people their own sign-in). */
import type { PageContext } from '../context.js';
import { CsrfField } from '../components/form-parts.js';

export function SignInPage({ context, back, wrong }: { context: PageContext; back: string; wrong: boolean }) {
  const { text } = context;
  return (
    <>
      <h1>{text.signIn.title}</h1>
      <p class="lead">{text.signIn.lead}</p>
      <form method="post" action="/sign-in" class="form narrow" novalidate>
        <CsrfField context={context} />
        <input type="hidden" name="back" value={back} />
        {wrong && (
          <div class="error-summary" role="alert">
            <h2>{text.form.errorSummary}</h2>
            <p><a href="#field-key">{text.signIn.wrong}</a></p>
          </div>
        )}
        <div class={wrong ? 'field field-error' : 'field'}>
          <label for="field-key">{text.signIn.key}</label>
          <p class="hint" id="help-key">{text.signIn.keyHelp}</p>
          {wrong && <p class="error-message" id="error-key">{text.signIn.wrong}</p>}
          <input id="field-key" name="key" type="password" autocomplete="current-password" required aria-describedby={wrong ? 'help-key error-key' : 'help-key'} aria-invalid={wrong || undefined} />
        </div>
        <button class="button">{text.signIn.submit}</button>
      </form>
    </>
  );
}
