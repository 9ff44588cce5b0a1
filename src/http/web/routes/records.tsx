/**
 * The signed-in pages of records: my work, a list per kind, a record, its event forms and the
 * create forms. Every change goes through the engine, which decides as it does for the API; a
 * refusal is shown on the form, beside the field it concerns (each spec's `refused`: the handlers only await).
 */
import { isKind, kindNames, workflows } from '../../../kinds/index.js';
import type { Actor, Kind } from '../../../kinds/types.js';
import { workflowSchemas } from '../../../schemas/index.js';
import type { ApiDeps } from '../../api/deps.js';
import { AppError } from '../../../errors.js';
import type { Resource } from '../../../engine/resource.js';
import { mayBeAdmitted } from '../../../engine/authorize.js';
import { describeMachine } from '../../../machine-docs/describe.js';
import type { CabRecord, HistoryEntry } from '../../../store/port.js';
import type { PageContext } from '../context.js';
import type { PageAnswer, PageSpec, SignedInRequest } from '../page-route.js';
import { recordTitle } from '../components/record-parts.js';
import { CreatePage } from '../pages/create.js';
import { RecordPage, type RecordView } from '../pages/record.js';
import { ListPage, type ListView } from '../pages/records-list.js';
import { filtersOf, listRecords, myWork, PAGE_SIZE, textTooShort } from '../records.js';
import { refusalOf } from '../refusal.js';
import { bodyFromForm, fieldsOf, formValues } from '../schema-fields.js';

function kindOf(params: Record<string, string>): Kind {
  const kind = params['kind'] as Kind;
  if (!isKind(kind)) throw new AppError({ code: 'NOT_FOUND', detail: `There is no list "${String(kind)}".` });
  return kind;
}

/** Whether the engine could accept a new record of `kind` from the actor: its create rules decide. */
function mayCreate(kind: Kind, actor: Actor): boolean {
  return mayBeAdmitted(workflows[kind].create, actor);
}

export function recordPages(deps: ApiDeps): PageSpec[] {
  const { engine, store } = deps;
  const cabsById = async (): Promise<Map<string, CabRecord>> => {
    const page = await store.listCabs({ limit: 1000, cursor: null });
    return new Map(page.items.map((cab) => [cab.id, cab]));
  };
  const historyOf = async (kind: Kind, id: string, actor: Actor): Promise<HistoryEntry[]> => (await engine.history(kind, id, actor, { limit: 200 })).items;

  async function showRecord(page: PageContext, resource: Resource, extra: Partial<RecordView> & { status?: number } = {}): Promise<PageAnswer> {
    const { status, ...view } = extra;
    const kind = resource.kind;
    const record: RecordView = {
      resource,
      title: recordTitle(resource, await cabsById()),
      machine: describeMachine(workflows[kind]),
      history: await historyOf(kind, resource.id, page.actor!),
      forms: resource.nextEvents.map((event) => ({
        event,
        fields: fieldsOf(workflowSchemas[kind].events[event]!),
        files: workflows[kind].documents?.events.includes(event) ?? false,
      })),
      ...view,
    };
    return { page: { title: record.title, ...(status === undefined ? {} : { status }), body: <RecordPage context={page} view={record} /> } };
  }

  /** The filters and rows of a list page; `next` is the next page's link, if any. */
  function listView(rows: Resource[], cabs: Map<string, CabRecord>, request: SignedInRequest, kind: Kind | null, next: URLSearchParams | null): ListView {
    const { query, actor } = request;
    const kindFilter = isKind(query['kind']) ? query['kind'] : '';
    return {
      kind,
      kinds: kindNames(),
      kindFilter,
      states: kind ? Object.keys(workflows[kind].machine.states) : [...new Set(kindNames().flatMap((k) => Object.keys(workflows[k].machine.states)))].sort(),
      filters: filtersOf(query),
      tooShort: textTooShort(filtersOf(query)),
      rows: rows.map((resource) => ({ resource, title: recordTitle(resource, cabs) })),
      next: next ? `${request.path}?${next.toString()}` : null,
      more: [],
      mayCreate: kind !== null && mayCreate(kind, actor),
    };
  }

  /** The page's own query with one parameter changed: the filters are kept. */
  const queryWith = (query: Record<string, unknown>, name: string, value: string): URLSearchParams => {
    const params = new URLSearchParams(query as Record<string, string>);
    params.set(name, value);
    return params;
  };

  const createFields = (kind: Kind) => fieldsOf(workflowSchemas[kind].create);
  const showCreate = (page: PageContext, kind: Kind, values: Record<string, string>, error: AppError | null): PageAnswer => {
    const title = page.text.create.title(page.wording.nouns[kind]);
    return {
      page: {
        title,
        ...(error ? { status: error.status } : {}),
        body: (
          <CreatePage
            context={page}
            title={title}
            action={`/records/${kind}`}
            fields={createFields(kind)}
            submit={page.text.create.submit}
            values={values}
            refusal={error ? refusalOf(page, error) : null}
            files={workflows[kind].documents?.onCreate ?? false}
          />
        ),
      },
    };
  };

  /** The event a record's form sends, and its schema (undefined for an event there is none of). */
  const eventOf = (kind: Kind, form: Record<string, unknown>) => {
    const event = typeof form['type'] === 'string' ? form['type'] : '';
    return { event, schema: workflowSchemas[kind].events[event] as object | undefined };
  };

  return [
    {
      method: 'get',
      path: '/work',
      access: 'signed-in',
      handle: async (request) => {
        const { page, actor, query } = request;
        const kindFilter = isKind(query['kind']) ? [query['kind']] : kindNames();
        const filters = filtersOf(query);
        const work = textTooShort(filters) ? { rows: [], more: [] } : await myWork(engine, kindFilter, actor, filters);
        // What "my work" read is bounded (WORK_PER_KIND a kind): it pages through that in memory.
        const offset = Math.max(0, Number.parseInt(typeof query['from'] === 'string' ? query['from'] : '0', 10) || 0);
        const next = offset + PAGE_SIZE < work.rows.length ? queryWith(query, 'from', String(offset + PAGE_SIZE)) : null;
        const view = listView(work.rows.slice(offset, offset + PAGE_SIZE), await cabsById(), request, null, next);
        const listFilters = new URLSearchParams(Object.entries({ state: filters.state, economy: filters.economy, q: filters.text }).filter(([, v]) => v !== ''));
        view.more = work.more.map((kind) => ({ kind, href: `/records/${kind}${listFilters.size > 0 ? `?${listFilters.toString()}` : ''}` }));
        return { page: { title: page.text.work.title, body: <ListPage context={page} view={view} title={page.text.work.title} lead={page.text.work.lead} action="/work" /> } };
      },
    },
    {
      method: 'get',
      path: '/records/{kind}',
      access: 'signed-in',
      handle: async (request) => {
        const { page, actor, query } = request;
        const kind = kindOf(request.params);
        const cursor = typeof query['cursor'] === 'string' && query['cursor'] !== '' ? query['cursor'] : null;
        const filters = filtersOf(query);
        const found = textTooShort(filters) ? { items: [], nextCursor: null } : await listRecords(engine, kind, actor, filters, cursor);
        const next = found.nextCursor === null ? null : queryWith(query, 'cursor', found.nextCursor);
        const view = listView(found.items, await cabsById(), request, kind, next);
        return { page: { title: page.text.kinds[kind], body: <ListPage context={page} view={view} title={page.text.kinds[kind]} action={`/records/${kind}`} /> } };
      },
    },
    {
      method: 'get',
      path: '/records/{kind}/new',
      access: 'signed-in',
      handle: ({ page, actor, params }) => {
        const kind = kindOf(params);
        // The form is offered only to whom the engine would accept it from (the list links it the same way).
        if (!mayCreate(kind, actor)) throw new AppError({ code: 'FORBIDDEN', detail: `The engine takes no new ${workflows[kind].noun} from a ${actor.role}.` });
        return showCreate(page, kind, {}, null);
      },
    },
    {
      method: 'post',
      path: '/records/{kind}',
      access: 'signed-in',
      files: 'documents',
      admitsFiles: (actor, params) => mayCreate(kindOf(params), actor),
      refused: ({ page, params, form }, refused) => showCreate(page, kindOf(params), formValues(form), refused),
      handle: async ({ actor, params, form, documents }) => {
        const kind = kindOf(params);
        const created = await engine.create(kind, bodyFromForm(createFields(kind), form), actor, documents.length > 0 ? { documents } : {});
        return { redirect: `/records/${kind}/${encodeURIComponent(created.id)}?done=created` };
      },
    },
    {
      method: 'get',
      path: '/records/{kind}/{id}',
      access: 'signed-in',
      handle: async ({ page, actor, params, query }) => {
        const resource = await engine.get(kindOf(params), params['id']!, actor);
        const done = query['done'];
        return showRecord(page, resource, done === 'sent' || done === 'created' ? { done } : {});
      },
    },
    {
      method: 'post',
      path: '/records/{kind}/{id}/events',
      access: 'signed-in',
      files: 'documents',
      // The record page's event forms are all multipart: whoever may send any event of the kind.
      admitsFiles: (actor, params) => mayBeAdmitted(Object.values(workflows[kindOf(params)].events).flat(), actor),
      refused: async ({ page, actor, params, form }, refused) => {
        const kind = kindOf(params);
        const resource = await engine.get(kind, params['id']!, actor);
        if (refused.code === 'VERSION_CONFLICT') return showRecord(page, resource, { status: 409, conflictSince: Number(form['version']) });
        return showRecord(page, resource, { status: refused.status, refused: { event: eventOf(kind, form).event, values: formValues(form), refusal: refusalOf(page, refused) } });
      },
      handle: async ({ actor, params, form, documents }) => {
        const kind = kindOf(params);
        const id = params['id']!;
        const { event, schema } = eventOf(kind, form);
        const version = Number(form['version']);
        if (!schema) throw new AppError({ code: 'EVENT_NOT_ACCEPTED', detail: `There is no event "${event}".` });
        const body = { type: event, ...bodyFromForm(fieldsOf(schema), form) };
        await engine.send(kind, id, body, actor, { ...(Number.isInteger(version) ? { expectedVersion: version } : {}), ...(documents.length > 0 ? { documents } : {}) });
        return { redirect: `/records/${kind}/${encodeURIComponent(id)}?done=sent` };
      },
    },
  ];
}
