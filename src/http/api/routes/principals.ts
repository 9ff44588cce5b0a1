/**
 * `/principals`: the people and machines who act, each for an organisation; created and disabled
 * by whoever manages them (`src/access/principal-rules.ts`), never deleted.
 */
import { createPrincipal as createPrincipalSchema, disablePrincipal as disableSchema, principal, type CreatePrincipal, type DisablePrincipal } from '../../../schemas/access.js';
import { noQuery, principalsQuery } from '../../../schemas/queries.js';
import { mayRead } from '../../../access/principal-rules.js';
import { createPrincipal, disablePrincipal, readPrincipal } from '../../../access/principal-registry.js';
import { page, problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

export const principalRoutes: RouteSpec[] = [
  route<{ organisation?: string; economy?: string; limit?: number; cursor?: string }>({
    method: 'get',
    path: '/principals',
    summary: 'List principals',
    tag: 'people',
    access: 'principal',
    query: principalsQuery,
    responses: {
      200: { description: 'A page of the principals you may see (your organisation by default; admins see all), disabled ones included', schema: page(principal) },
      ...problems([400, 401, 429]),
    },
    async handle({ actor, query }, { store }) {
      const me = actor!;
      // Without a filter, a non-admin lists its own organisation.
      const organisation = query.organisation ?? (me.role === 'admin' || query.economy !== undefined ? undefined : me.organisation);
      const found = await store.listPrincipals({
        ...(organisation === undefined ? {} : { organisation }),
        ...(query.economy === undefined ? {} : { economy: query.economy }),
        limit: query.limit ?? 50,
        cursor: query.cursor ?? null,
      });
      const visible = [];
      for (const item of found.items) if (await mayRead(store, me, item)) visible.push(item);
      return { status: 200, body: { items: visible, nextCursor: found.nextCursor } };
    },
  }),
  route({
    method: 'get',
    path: '/principals/{id}',
    summary: 'Read a principal',
    tag: 'people',
    access: 'principal',
    query: noQuery,
    responses: { 200: { description: 'The principal', schema: principal }, ...problems([401, 404, 429]) },
    async handle({ actor, params }, { store }) {
      return { status: 200, body: await readPrincipal(store, params['id']!, actor!) };
    },
  }),
  route<Record<string, never>, CreatePrincipal>({
    method: 'post',
    path: '/principals',
    summary: 'Create a principal',
    tag: 'people',
    access: 'principal',
    roles: ['admin', 'regulator', 'designating_authority', 'accreditation_body'],
    query: noQuery,
    body: {
      schema: createPrincipalSchema,
      description:
        'An admin creates any principal; a designating authority the principals of its own economy\'s CABs (role lab); a regulator, ' +
        'designating authority or accreditation body the officers of its own organisation (its own role). The new principal signs in ' +
        'by e-mail link and mints its own API keys.',
    },
    responses: { 201: { description: 'The new principal', schema: principal }, ...problems([400, 401, 403, 409, 413, 415, 422, 429]) },
    async handle({ actor, body }, { store, clock }) {
      const created = await createPrincipal(store, body, actor!, clock.now());
      return { status: 201, body: created, headers: { Location: `/principals/${created.id}` } };
    },
  }),
  route<Record<string, never>, DisablePrincipal>({
    method: 'post',
    path: '/principals/{id}/disable',
    summary: 'Disable a principal',
    tag: 'people',
    access: 'principal',
    roles: ['admin', 'regulator', 'designating_authority', 'accreditation_body'],
    query: noQuery,
    body: { schema: disableSchema, description: 'At once its keys and sessions stop working; history keeps naming it.' },
    responses: { 200: { description: 'The principal, disabled', schema: principal }, ...problems([400, 401, 403, 404, 413, 415, 422, 429]) },
    async handle({ actor, params, body }, { store, clock }) {
      return { status: 200, body: await disablePrincipal(store, params['id']!, actor!, clock.now(), body.reason) };
    },
  }),
];
