/**
 * The routes of a workflow resource. Every registered kind shares one shape (docs/api.md,
 * "Workflow resources"): create, list, read, send an event, read the history; `apiRoutes()` makes
 * each kind's from this, in the registry's order.
 */
import { workflows } from '../../kinds/index.js';
import type { Kind, Rule } from '../../kinds/types.js';
import { mayBeAdmitted } from '../../engine/authorize.js';
import { workflowSchemas } from '../../schemas/index.js';
import { historyQuery, noQuery } from '../../schemas/queries.js';
import { historyEntry, resource } from '../../schemas/responses.js';
import type { Resource } from '../../engine/resource.js';
import { etagOf, expectedVersion } from './etag.js';
import { page, problems } from './route-docs.js';
import { route, type ApiResponse, type RouteSpec, type UploadSpec } from './route.js';
import { MAX_FILES } from '../../documents/inspect.js';
import { readUploads } from '../common/spooled-uploads.js';

/** The file parts of a transition that attaches files, beside its JSON part; `rules` say who may send them at all. */
function uploadSpec(json: string, rules: readonly Rule[]): UploadSpec {
  return {
    json,
    admits: (actor) => mayBeAdmitted(rules, actor),
    files: [
      { part: 'report', role: 'report', maxCount: 1, description: 'The test report itself: a PDF.' },
      { part: 'annexes', role: 'annex', maxCount: MAX_FILES, description: 'Annexes: PDF, PNG or JPEG.' },
    ],
  };
}

/** The noun with its indefinite article: "an agreement", "a test report". */
function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function answer(status: number, body: Resource, extra: Record<string, string> = {}): ApiResponse {
  return { status, body, headers: { ETag: etagOf(body.version), ...extra } };
}

/** Create, list, read, send an event, read the history: the routes of one workflow resource. */
export function workflowRoutes(kind: Kind): RouteSpec[] {
  const workflow = workflows[kind];
  const noun = workflow.noun;
  const tag = kind;
  const listQuery = workflowSchemas[kind].list;
  const events = Object.values(workflowSchemas[kind].events);
  const documents = workflow.documents;
  return [
    route<Record<string, never>, Record<string, unknown>>({
      method: 'post',
      path: `/${kind}`,
      summary: `Create ${withArticle(noun)}`,
      tag,
      access: 'principal',
      query: noQuery,
      body: { schema: workflowSchemas[kind].create },
      ...(documents?.onCreate ? { upload: uploadSpec('body', workflow.create) } : {}),
      responses: { 201: { description: `The new ${noun}`, schema: resource }, ...problems([400, 401, 403, 409, 413, 415, 422, ...(documents?.onCreate ? [503] : [])]) },
      async handle({ actor, body, files }, { engine }) {
        const created = await engine.create(kind, body, actor!, files.length > 0 ? { documents: await readUploads(files) } : {});
        return answer(201, created, { Location: `/${kind}/${created.id}` });
      },
    }),
    route<{ state?: string; limit?: number; cursor?: string; q?: string } & Record<string, string | undefined>>({
      method: 'get',
      path: `/${kind}`,
      summary: `List ${kind.replace('-', ' ')}`,
      tag,
      access: 'principal',
      query: listQuery,
      responses: { 200: { description: `A page of ${kind.replace('-', ' ')}, oldest first`, schema: page(resource) }, ...problems([400, 401]) },
      async handle({ actor, query }, { engine }) {
        const { state, limit, cursor, q, ...where } = query;
        const filters = Object.fromEntries(Object.entries(where).filter((e): e is [string, string] => typeof e[1] === 'string'));
        const list = await engine.list(
          kind,
          {
            ...(state === undefined ? {} : { states: state.split(',') }),
            where: filters,
            ...(q === undefined ? {} : { q }),
            ...(limit === undefined ? {} : { limit }),
            cursor: cursor ?? null,
          },
          actor!,
        );
        return { status: 200, body: list };
      },
    }),
    route({
      method: 'get',
      path: `/${kind}/{id}`,
      summary: `Read ${withArticle(noun)}`,
      tag,
      access: 'principal',
      query: noQuery,
      responses: { 200: { description: `The ${noun}, with ETag: "<version>"`, schema: resource }, ...problems([400, 401, 404]) },
      async handle({ actor, params }, { engine }) {
        return answer(200, await engine.get(kind, params['id']!, actor!));
      },
    }),
    route({
      method: 'post',
      path: `/${kind}/{id}/events`,
      summary: `Send an event to ${withArticle(noun)}`,
      tag,
      access: 'principal',
      query: noQuery,
      headers: [{ name: 'If-Match', description: 'The ETag you saw ("3"); a stale one answers 409.' }],
      body: {
        schema: { oneOf: events, discriminator: { propertyName: 'type' } },
        validatedBy: 'engine',
        description: `{ "type": "EVENT", ...payload }: one of ${Object.keys(workflowSchemas[kind].events).join(', ')}${
          documents && documents.events.length > 0 ? `; with files (multipart/form-data, the event in the "event" part): ${documents.events.join(', ')}` : ''
        }`,
      },
      ...(documents && documents.events.length > 0 ? { upload: uploadSpec('event', Object.values(workflow.events).flat()) } : {}),
      responses: {
        200: { description: `The ${noun} after the transition`, schema: resource },
        ...problems([400, 401, 403, 404, 409, 413, 415, 422, ...(documents && documents.events.length > 0 ? [503] : [])]),
      },
      async handle({ actor, params, body, header, files }, { engine }) {
        const version = expectedVersion(header('If-Match'));
        const sent = await engine.send(kind, params['id']!, body, actor!, {
          ...(version === undefined ? {} : { expectedVersion: version }),
          ...(files.length > 0 ? { documents: await readUploads(files) } : {}),
        });
        return answer(200, sent);
      },
    }),
    route<{ limit?: number; cursor?: string }>({
      method: 'get',
      path: `/${kind}/{id}/history`,
      summary: `Read the history of ${withArticle(noun)}`,
      tag,
      access: 'principal',
      query: historyQuery,
      responses: { 200: { description: 'Every transition, oldest first', schema: page(historyEntry) }, ...problems([400, 401, 404]) },
      async handle({ actor, params, query }, { engine }) {
        const history = await engine.history(kind, params['id']!, actor!, {
          ...(query.cursor === undefined ? {} : { afterSeq: Number(query.cursor) }),
          ...(query.limit === undefined ? {} : { limit: query.limit }),
        });
        return { status: 200, body: history };
      },
    }),
  ];
}

