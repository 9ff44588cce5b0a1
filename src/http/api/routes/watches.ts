/** `/watches`: what a principal watches. Only its owner lists and removes a watch; to anyone else it does not exist. */
import { createWatch, watch, watchesQuery, type CreateWatch } from '../../../schemas/watches-and-webhooks.js';
import { noQuery } from '../../../schemas/queries.js';
import { addWatch, listWatches, removeWatch, watchView } from '../../../effects/watches/watches.js';
import { page, problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

export const watchRoutes: RouteSpec[] = [
  route<{ limit?: number; cursor?: string }>({
    method: 'get',
    path: '/watches',
    summary: 'List your watches',
    tag: 'watches',
    access: 'principal',
    query: watchesQuery,
    responses: { 200: { description: 'Your watches, oldest first; never anyone else\'s', schema: page(watch) }, ...problems([400, 401, 429]) },
    async handle({ actor, query }, { store }) {
      const found = await listWatches(store, actor!, query);
      return { status: 200, body: { items: found.items.map(watchView), nextCursor: found.nextCursor } };
    },
  }),
  route<Record<string, never>, CreateWatch>({
    method: 'post',
    path: '/watches',
    summary: 'Watch something',
    tag: 'watches',
    access: 'principal',
    query: noQuery,
    body: { schema: createWatch, description: 'You are e-mailed, in your language, when it changes.' },
    responses: {
      201: { description: 'The watch', schema: watch },
      ...problems([400, 401, 409, 413, 415, 422, 429]),
    },
    async handle({ actor, body }, { store, clock }) {
      const created = await addWatch(store, actor!, body.target, clock.now());
      return { status: 201, body: watchView(created), headers: { Location: `/watches/${created.id}` } };
    },
  }),
  route({
    method: 'post',
    path: '/watches/{id}/remove',
    summary: 'Remove one of your watches',
    tag: 'watches',
    access: 'principal',
    query: noQuery,
    responses: { 204: { description: 'Removed: no more e-mail from it' }, ...problems([401, 404, 429]) },
    async handle({ actor, params }, { store }) {
      await removeWatch(store, actor!, params['id']!);
      return { status: 204 };
    },
  }),
];
