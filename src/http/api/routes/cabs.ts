/** `/cabs`: conformity assessment bodies; readable by every principal, registered by a designating authority. */
import { cabsQuery, noQuery } from '../../../schemas/queries.js';
import { cab, createCab, type CreateCab } from '../../../schemas/reference.js';
import { registerCab } from '../../../directory/cab-registry.js';
import { AppError } from '../../../errors.js';
import { page, problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

export const cabRoutes: RouteSpec[] = [
  route<{ economy?: string; limit?: number; cursor?: string }>({
    method: 'get',
    path: '/cabs',
    summary: 'List conformity assessment bodies',
    tag: 'reference',
    access: 'principal',
    query: cabsQuery,
    responses: { 200: { description: 'A page of CABs', schema: page(cab) }, ...problems([400, 401]) },
    async handle({ query }, { store }) {
      const { economy: code, limit, cursor } = query;
      return { status: 200, body: await store.listCabs({ ...(code === undefined ? {} : { economy: code }), limit: limit ?? 50, cursor: cursor ?? null }) };
    },
  }),
  route({
    method: 'get',
    path: '/cabs/{id}',
    summary: 'Read a CAB',
    tag: 'reference',
    access: 'principal',
    query: noQuery,
    responses: { 200: { description: 'The CAB', schema: cab }, ...problems([400, 401, 404]) },
    async handle({ params }, { store }) {
      const found = await store.getCab(params['id']!);
      if (!found) throw new AppError({ code: 'NOT_FOUND', detail: `There is no CAB "${params['id']}".` });
      return { status: 200, body: found };
    },
  }),
  route<Record<string, never>, CreateCab>({
    method: 'post',
    path: '/cabs',
    summary: 'Register a CAB',
    tag: 'reference',
    access: 'principal',
    roles: ['designating_authority', 'admin'],
    query: noQuery,
    body: { schema: createCab },
    responses: { 201: { description: 'The new CAB', schema: cab }, ...problems([400, 401, 403, 413, 415, 422]) },
    async handle({ actor, body }, { store }) {
      const created = await registerCab(store, body, actor!);
      return { status: 201, body: created, headers: { Location: `/cabs/${created.id}` } };
    },
  }),
];
