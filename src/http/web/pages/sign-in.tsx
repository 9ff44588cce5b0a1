/**
 * Signing in: by a link e-mailed to the person ("People and keys"), or with an API key of their
 * organisation. Both forms carry `back`, the page to open once signed in; the e-mailed link
 * carries it too, so a link from a notification e-mail opens its record after sign-in.
 */
import type { PageContext } from '../context.js';
import { CsrfField } from '../components/form-parts.js';

export type SignInNotice = 'none' | 'wrong-key' | 'link-sent' | 'link-refused';

function Summary({ context, notice, minutes }: { context: PageContext; notice: SignInNotice; minutes: number }) {
  const { text } = context;
  if (notice === 'link-sent') return <p class="notice" role="status">{text.signIn.linkSent(minutes)}</p>;
  if (notice === 'none') return null;
  const [message, field] = notice === 'wrong-key' ? [text.signIn.wrong, 'field-key'] : [text.signIn.linkRefused, 'field-email'];
  return (
    <div class="error-summary" role="alert">
      <h2>{text.form.errorSummary}</h2>
      <p><a href={`#${field}`}>{message}</a></p>
    </div>
  );
}

export function SignInPage({ context, back, notice, minutes }: { context: PageContext; back: string; notice: SignInNotice; minutes: number }) {
  const { text } = context;
  const wrong = notice === 'wrong-key';
  return (
    <>
      <h1>{text.signIn.title}</h1>
      <p class="lead">{text.signIn.lead}</p>
      <Summary context={context} notice={notice} minutes={minutes} />
      <h2>{text.signIn.byEmail}</h2>
      <form method="post" action="/sign-in/link" class="form narrow" novalidate>
        <CsrfField context={context} />
        <input type="hidden" name="back" value={back} />
        <div class="field">
          <label for="field-email">{text.signIn.email}</label>
          <p class="hint" id="help-email">{text.signIn.emailHelp}</p>
          <input id="field-email" name="email" type="email" autocomplete="email" required aria-describedby="help-email" />
        </div>
        <button class="button">{text.signIn.sendLink}</button>
      </form>
      <h2>{text.signIn.byKey}</h2>
      <form method="post" action="/sign-in" class="form narrow" novalidate>
        <CsrfField context={context} />
        <input type="hidden" name="back" value={back} />
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

/** What an e-mailed link opens: one button that signs in (a GET never uses the token up). */
export function SignInFromLinkPage({ context, token, back }: { context: PageContext; token: string; back: string }) {
  const { text } = context;
  return (
    <>
      <h1>{text.signIn.fromLink}</h1>
      <p class="lead">{text.signIn.fromLinkLead}</p>
      <form method="post" action="/sign-in/email" class="form narrow">
        <CsrfField context={context} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="back" value={back} />
        <button class="button">{text.signIn.submit}</button>
      </form>
    </>
  );
}
