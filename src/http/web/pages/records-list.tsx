/** A list of records (one kind, or "my work" across kinds) with filters and paging. */
import type { Kind } from '../../../kinds/types.js';
import type { Resource } from '../../../engine/resource.js';
import type { PageContext } from '../context.js';
import { actionWords, Instant, StateTag, stateWords } from '../components/names.js';
import type { RecordFilters } from '../records.js';

export interface ListView {
  /** One kind, or null for "my work" across kinds (then a kind filter is offered). */
  kind: Kind | null;
  kinds: readonly Kind[];
  kindFilter: Kind | '';
  states: readonly string[];
  filters: RecordFilters;
  /** The text typed is too short to search by: a hint beside the field, and no rows. */
  tooShort: boolean;
  rows: Array<{ resource: Resource; title: string }>;
  /** The next page's link, if any. */
  next: string | null;
  /** "My work": kinds with more waiting than it read, each with the link to its filtered list. */
  more: Array<{ kind: Kind; href: string }>;
  mayCreate: boolean;
}

function Filters({ context, view, action }: { context: PageContext; view: ListView; action: string }) {
  const { text } = context;
  return (
    <form method="get" action={action} class="form inline-fields filters" aria-label={text.work.filters}>
      {view.kind === null && (
        <div class="field">
          <label for="field-kind">{text.work.kind}</label>
          <select id="field-kind" name="kind">
            <option value="">{text.work.any}</option>
            {view.kinds.map((kind) => <option value={kind} selected={kind === view.kindFilter}>{text.kinds[kind]}</option>)}
          </select>
        </div>
      )}
      <div class="field">
        <label for="field-state">{text.work.state}</label>
        <select id="field-state" name="state">
          <option value="">{text.work.any}</option>
          {view.states.map((state) => (
            <option value={state} selected={state === view.filters.state}>
              {view.kind ? stateWords(context, view.kind, state) : state}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="field-economy">{text.work.economy}</label>
        <input id="field-economy" name="economy" value={view.filters.economy} size={4} maxlength={2} />
      </div>
      <div class={view.tooShort ? 'field field-error' : 'field'}>
        <label for="field-q">{text.work.text}</label>
        {view.tooShort && <p class="error-message" id="error-q">{text.lookup.tooShort}</p>}
        <input
          id="field-q"
          name="q"
          type="search"
          value={view.filters.text}
          {...(view.tooShort ? { 'aria-invalid': 'true', 'aria-describedby': 'error-q' } : {})}
        />
      </div>
      <button class="button button-secondary">{text.work.apply}</button>
    </form>
  );
}

export function ListPage({ context, view, title, lead, action }: { context: PageContext; view: ListView; title: string; lead?: string; action: string }) {
  const { text, wording } = context;
  return (
    <>
      <h1>{title}</h1>
      {lead && <p class="lead">{lead}</p>}
      {view.mayCreate && view.kind && (
        <p><a class="button" href={`/records/${view.kind}/new`}>{text.list.create}</a></p>
      )}
      <Filters context={context} view={view} action={action} />
      {view.rows.length === 0 ? (
        <p>{view.kind === null ? text.work.none : text.list.empty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{text.list.open}</th>
                <th scope="col">{text.work.state}</th>
                <th scope="col">{text.work.deadline}</th>
                <th scope="col">{view.kind === null ? text.work.canSend : text.list.updated}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map(({ resource, title: rowTitle }) => {
                const next = [...resource.deadlines].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
                return (
                  <tr>
                    <td>
                      <a href={`/records/${resource.kind}/${encodeURIComponent(resource.id)}`}>{rowTitle}</a>
                      {view.kind === null && <><br /><span class="muted">{wording.nouns[resource.kind]}</span></>}
                    </td>
                    <td><StateTag context={context} kind={resource.kind} state={resource.state} /></td>
                    <td>{next ? <><Instant context={context} iso={next.dueAt} inColumn /><br /><span class="muted">{wording.deadlines[resource.kind][next.type] ?? next.type}</span></> : text.work.noDeadline}</td>
                    <td>
                      {view.kind === null
                        ? resource.nextEvents.map((e) => actionWords(context, resource.kind, e)).join(', ')
                        : <Instant context={context} iso={resource.updatedAt} inColumn />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {view.next && <p><a href={view.next} rel="next">{text.list.next}</a></p>}
      {view.more.length > 0 && (
        <div class="more-work">
          <p>{text.work.more}</p>
          <ul>
            {view.more.map(({ kind, href }) => <li><a href={href}>{text.kinds[kind]}</a></li>)}
          </ul>
        </div>
      )}
    </>
  );
}
