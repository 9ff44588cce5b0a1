/**
 * The signed-in pages of records: my work, a list per kind, a record, its event forms and the
 * create forms. Every change goes through the engine, which decides as it does for the API; a
 * refusal is shown on the form, beside the field it concerns (`onRefusal`: the routes only await).
 */
import type { Request, Response, Router } from 'express';
import { isKind, kindNames, workflows } from '../../../kinds/index.js';
import type { Actor, Kind } from '../../../kinds/types.js';
import { workflowSchemas } from '../../../schemas/index.js';
import type { ApiDeps } from '../../api/deps.js';
import { AppError } from '../../../errors.js';
import type { Resource } from '../../../engine/resource.js';
import { describeMachine } from '../../../machine-docs/describe.js';
import type { CabRecord, HistoryEntry } from '../../../store/port.js';
import { context, type PageContext } from '../context.js';
import { recordTitle } from '../components/record-parts.js';
import { CreatePage } from '../pages/create.js';
import { RecordPage, type RecordView } from '../pages/record.js';
import { ListPage, type ListView } from '../pages/records-list.js';
import { filtersOf, listRecords, myWork, PAGE_SIZE, textTooShort } from '../records.js';
import { onRefusal } from '../form-refusals.js';
import { refusalOf } from '../refusal.js';
import { sendPage } from '../render.js';
import { bodyFromForm, fieldsOf, formValues } from '../schema-fields.js';
import { documentsOf } from '../uploads.js';

function kindOf(request: Request): Kind {
  const kind = request.params['kind'] as Kind;
  if (!isKind(kind)) throw new AppError({ code: 'NOT_FOUND', detail: `There is no list "${String(kind)}".` });
  return kind;
}

/** Pages below need someone signed in; the error page sends the others to sign in first. */
function actorOf(response: Response): Actor {
  const actor = context(response).actor;
  if (!actor) throw new AppError({ code: 'UNAUTHENTICATED', detail: 'Sign in to see this page.' });
  return actor;
}

function form(request: Request): Record<string, unknown> {
  return (request.body ?? {}) as Record<string, unknown>;
}

function mayCreate(kind: Kind, actor: Actor): boolean {
  return actor.role === 'admin' || workflows[kind].create.some((rule) => rule.role === actor.role);
}

export function recordRoutes(router: Router, deps: ApiDeps): void {
  const { engine, store } = deps;
  const cabsById = async (): Promise<Map<string, CabRecord>> => {
    const page = await store.listCabs({ limit: 1000, cursor: null });
    return new Map(page.items.map((cab) => [cab.id, cab]));
  };
  const historyOf = async (kind: Kind, id: string, actor: Actor): Promise<HistoryEntry[]> => (await engine.history(kind, id, actor, { limit: 200 })).items;

  async function showRecord(response: Response, page: PageContext, resource: Resource, extra: Partial<RecordView> & { status?: number } = {}): Promise<void> {
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
    sendPage(response, page, { title: record.title, ...(status === undefined ? {} : { status }), body: <RecordPage context={page} view={record} /> });
  }

  /** The filters and rows of a list page; `next` is the next page's link, if any. */
  function listView(rows: Resource[], cabs: Map<string, CabRecord>, request: Request, kind: Kind | null, actor: Actor, next: URLSearchParams | null): ListView {
    const kindFilter = isKind(request.query['kind']) ? (request.query['kind']) : '';
    return {
      kind,
      kinds: kindNames(),
      kindFilter,
      states: kind ? Object.keys(workflows[kind].machine.states) : [...new Set(kindNames().flatMap((k) => Object.keys(workflows[k].machine.states)))].sort(),
      filters: filtersOf(request.query),
      tooShort: textTooShort(filtersOf(request.query)),
      rows: rows.map((resource) => ({ resource, title: recordTitle(resource, cabs) })),
      next: next ? `${request.path}?${next.toString()}` : null,
      more: [],
      mayCreate: kind !== null && mayCreate(kind, actor),
    };
  }

  /** The page's own query with one parameter changed: the filters are kept. */
  const queryWith = (request: Request, name: string, value: string): URLSearchParams => {
    const query = new URLSearchParams(request.query as Record<string, string>);
    query.set(name, value);
    return query;
  };

  router.get('/work', async (request, response) => {
    const page = context(response);
    const actor = actorOf(response);
    const kindFilter = isKind(request.query['kind']) ? [request.query['kind']] : kindNames();
    const filters = filtersOf(request.query);
    const work = textTooShort(filters) ? { rows: [], more: [] } : await myWork(engine, kindFilter, actor, filters);
    // What "my work" read is bounded (WORK_PER_KIND a kind): it pages through that in memory.
    const offset = Math.max(0, Number.parseInt(typeof request.query['from'] === 'string' ? request.query['from'] : '0', 10) || 0);
    const next = offset + PAGE_SIZE < work.rows.length ? queryWith(request, 'from', String(offset + PAGE_SIZE)) : null;
    const view = listView(work.rows.slice(offset, offset + PAGE_SIZE), await cabsById(), request, null, actor, next);
    const listFilters = new URLSearchParams(Object.entries({ state: filters.state, economy: filters.economy, q: filters.text }).filter(([, v]) => v !== ''));
    view.more = work.more.map((kind) => ({ kind, href: `/records/${kind}${listFilters.size > 0 ? `?${listFilters.toString()}` : ''}` }));
    sendPage(response, page, { title: page.text.work.title, body: <ListPage context={page} view={view} title={page.text.work.title} lead={page.text.work.lead} action="/work" /> });
  });

  router.get('/records/:kind', async (request, response) => {
    const page = context(response);
    const actor = actorOf(response);
    const kind = kindOf(request);
    const cursor = typeof request.query['cursor'] === 'string' && request.query['cursor'] !== '' ? request.query['cursor'] : null;
    const filters = filtersOf(request.query);
    const found = textTooShort(filters) ? { items: [], nextCursor: null } : await listRecords(engine, kind, actor, filters, cursor);
    const next = found.nextCursor === null ? null : queryWith(request, 'cursor', found.nextCursor);
    const view = listView(found.items, await cabsById(), request, kind, actor, next);
    sendPage(response, page, { title: page.text.kinds[kind], body: <ListPage context={page} view={view} title={page.text.kinds[kind]} action={`/records/${kind}`} /> });
  });

  const createFields = (kind: Kind) => fieldsOf(workflowSchemas[kind].create);
  const showCreate = (response: Response, kind: Kind, values: Record<string, string>, error: AppError | null) => {
    const page = context(response);
    const title = page.text.create.title(page.wording.nouns[kind]);
    sendPage(response, page, {
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
    });
  };

  router.get('/records/:kind/new', (request, response) => {
    actorOf(response);
    showCreate(response, kindOf(request), {}, null);
  });

  router.post('/records/:kind', async (request, response) => {
    const actor = actorOf(response);
    const kind = kindOf(request);
    onRefusal(response, (refused) => showCreate(response, kind, formValues(form(request)), refused));
    const documents = documentsOf(request);
    const created = await engine.create(kind, bodyFromForm(createFields(kind), form(request)), actor, documents.length > 0 ? { documents } : {});
    response.redirect(303, `/records/${kind}/${encodeURIComponent(created.id)}?done=created`);
  });

  router.get('/records/:kind/:id', async (request, response) => {
    const page = context(response);
    const actor = actorOf(response);
    const resource = await engine.get(kindOf(request), request.params['id'], actor);
    const done = request.query['done'];
    await showRecord(response, page, resource, done === 'sent' || done === 'created' ? { done } : {});
  });

  router.post('/records/:kind/:id/events', async (request, response) => {
    const page = context(response);
    const actor = actorOf(response);
    const kind = kindOf(request);
    const id = request.params['id'];
    const values = form(request);
    const event = typeof values['type'] === 'string' ? values['type'] : '';
    const schema = workflowSchemas[kind].events[event as never] as object | undefined;
    const version = Number(values['version']);
    onRefusal(response, async (refused) => {
      const resource = await engine.get(kind, id, actor);
      if (refused.code === 'VERSION_CONFLICT') {
        await showRecord(response, page, resource, { status: 409, conflictSince: version });
      } else {
        await showRecord(response, page, resource, { status: refused.status, refused: { event, values: formValues(values), refusal: refusalOf(page, refused) } });
      }
    });
    if (!schema) throw new AppError({ code: 'EVENT_NOT_ACCEPTED', detail: `There is no event "${event}".` });
    const body = { type: event, ...bodyFromForm(fieldsOf(schema), values) };
    const documents = documentsOf(request);
    await engine.send(kind, id, body, actor, { ...(Number.isInteger(version) ? { expectedVersion: version } : {}), ...(documents.length > 0 ? { documents } : {}) });
    response.redirect(303, `/records/${kind}/${encodeURIComponent(id)}?done=sent`);
  });
}
