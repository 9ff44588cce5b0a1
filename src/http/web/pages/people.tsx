/**
 * People and keys: the principals of an organisation (an admin sees all), one principal with its
 * API keys, and the forms that create and disable principals and mint and revoke keys. Each form
 * appears only to whoever may use it; the services of `src/access/` decide again on every POST.
 */
import type { ApiKeyView } from '../../../access/api-keys.js';
import { formatInstant } from '../../../i18n/format.js';
import type { PrincipalRecord } from '../../../store/port.js';
import type { PageContext } from '../context.js';
import { CsrfField, type Refusal } from '../components/form-parts.js';
import { Instant } from '../components/names.js';
import { SchemaForm } from '../components/schema-form.js';
import type { FormField } from '../schema-fields.js';

function Status({ context, principal }: { context: PageContext; principal: PrincipalRecord }) {
  const { text } = context;
  if (principal.disabledAt === undefined) return <span class="tag">{text.people.active}</span>;
  return <span class="tag tag-bad">{text.people.disabledSince(formatWhen(context, principal.disabledAt))}</span>;
}

function formatWhen(context: PageContext, iso: string): string {
  return formatInstant(iso, context.language);
}

export interface PeopleView {
  principals: PrincipalRecord[];
  /** The create form, for whoever may create principals. */
  create: { fields: FormField[]; values: Record<string, string>; refusal: Refusal | null } | null;
  created?: string;
}

export function PeoplePage({ context, view }: { context: PageContext; view: PeopleView }) {
  const { text } = context;
  const c = text.people.columns;
  return (
    <>
      <h1>{text.people.title}</h1>
      <p class="lead">{text.people.lead}</p>
      {view.created && <div class="notice" role="status">{text.people.created(view.created)}</div>}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{c.name}</th>
              <th scope="col">{c.role}</th>
              <th scope="col">{c.email}</th>
              <th scope="col">{c.organisation}</th>
              <th scope="col">{c.status}</th>
            </tr>
          </thead>
          <tbody>
            {view.principals.map((p) => (
              <tr>
                <td><a href={`/people/${encodeURIComponent(p.id)}`}>{p.name}</a></td>
                <td>{text.people.roles[p.role] ?? p.role}</td>
                <td>{p.email}</td>
                <td>{p.organisation}</td>
                <td><Status context={context} principal={p} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.create && (
        <section aria-labelledby="add">
          <h2 id="add">{text.people.add}</h2>
          <SchemaForm context={context} action="/people" fields={view.create.fields} submit={text.people.add} state={{ values: view.create.values, refusal: view.create.refusal }} />
        </section>
      )}
    </>
  );
}

export interface PrincipalView {
  principal: PrincipalRecord;
  keys: ApiKeyView[];
  mayMint: boolean;
  mayRevoke: boolean;
  mayDisable: boolean;
  /** A key just minted: shown this once. */
  minted?: string;
  notice?: 'revoked' | 'disabled';
  mintFields: FormField[];
  mintRefusal: Refusal | null;
  disableFields: FormField[];
  /** After a refused disabling: what was typed, and why. */
  disableValues?: Record<string, string>;
  disableRefusal?: Refusal | null;
}

function KeyRow({ context, view, apiKey }: { context: PageContext; view: PrincipalView; apiKey: ApiKeyView }) {
  const { text } = context;
  const when = (iso: string | null) => (iso === null ? '–' : <Instant context={context} iso={iso} inColumn />);
  return (
    <tr>
      <td>{apiKey.name}</td>
      <td><code>{apiKey.prefix}</code></td>
      <td>{when(apiKey.createdAt)}</td>
      <td>{when(apiKey.lastUsedAt)}</td>
      <td>{when(apiKey.expiresAt)}</td>
      <td>
        {apiKey.revokedAt !== null ? (
          <span class="tag tag-bad">{text.people.revokedSince(formatWhen(context, apiKey.revokedAt))}</span>
        ) : view.mayRevoke ? (
          <form method="post" action={`/people/${encodeURIComponent(view.principal.id)}/keys/${encodeURIComponent(apiKey.id)}/revoke`} class="inline-form">
            <CsrfField context={context} />
            <button class="button button-secondary" aria-label={`${text.people.revoke}: ${apiKey.name} (${apiKey.prefix})`}>{text.people.revoke}</button>
          </form>
        ) : (
          <span class="tag">{text.people.active}</span>
        )}
      </td>
    </tr>
  );
}

export function PrincipalPage({ context, view }: { context: PageContext; view: PrincipalView }) {
  const { text } = context;
  const { principal } = view;
  const k = text.people.keyColumns;
  const base = `/people/${encodeURIComponent(principal.id)}`;
  return (
    <>
      <p class="breadcrumb"><a href="/people">{text.people.title}</a></p>
      <h1>{principal.name}</h1>
      {view.notice && <div class="notice" role="status">{view.notice === 'revoked' ? text.people.revoked : text.people.disabled}</div>}
      {view.minted && (
        <div class="notice" role="status" id="minted">
          <h2>{text.people.minted}</h2>
          <p><code class="hash">{view.minted}</code></p>
          <p>{text.people.mintedHelp}</p>
        </div>
      )}
      <p>
        {text.people.roles[principal.role] ?? principal.role} · {principal.email} · {principal.organisation} · <Status context={context} principal={principal} />
      </p>
      <h2>{text.people.keys}</h2>
      {view.keys.length === 0 ? (
        <p>{text.people.noKeys}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{k.name}</th>
                <th scope="col">{k.prefix}</th>
                <th scope="col">{k.created}</th>
                <th scope="col">{k.lastUsed}</th>
                <th scope="col">{k.expires}</th>
                <th scope="col">{k.status}</th>
              </tr>
            </thead>
            <tbody>
              {view.keys.map((apiKey) => (
                <KeyRow context={context} view={view} apiKey={apiKey} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.mayMint && (
        <section aria-labelledby="mint">
          <h2 id="mint">{text.people.mint}</h2>
          <p>{text.people.mintHelp}</p>
          <SchemaForm context={context} action={`${base}/keys`} fields={view.mintFields} submit={text.people.mint} state={{ values: {}, refusal: view.mintRefusal, idPrefix: 'key-' }} />
        </section>
      )}
      {view.mayDisable && (
        <section aria-labelledby="disable">
          <h2 id="disable">{text.people.disable}</h2>
          <p>{text.people.disableHelp}</p>
          <SchemaForm context={context} action={`${base}/disable`} fields={view.disableFields} submit={text.people.disable} state={{ values: view.disableValues ?? {}, refusal: view.disableRefusal ?? null, idPrefix: 'disable-' }} />
        </section>
      )}
    </>
  );
}
