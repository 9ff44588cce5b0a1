/**
 * `/principals/{id}/keys`: a principal's API keys. A principal mints keys for its own machines
 * (the key is in the answer once, never again); it, an admin or whoever manages it lists and
 * revokes them.
 */
import { apiKey, createApiKey, mintedApiKey, type CreateApiKey } from '../../../schemas/access.js';
import { noQuery } from '../../../schemas/queries.js';
import { keyView, mintApiKey, revokeApiKey } from '../../../access/api-keys.js';
import { requireManageable } from '../../../access/principal-rules.js';
import { readPrincipal } from '../../../access/principal-registry.js';
import { problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

export const apiKeyRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/principals/{id}/keys',
    summary: 'List the API keys of a principal',
    tag: 'people',
    access: 'principal',
    query: noQuery,
    responses: {
      200: { description: 'Its keys, revoked and expired ones included, oldest first; never the keys themselves', schema: { type: 'object', properties: { items: { type: 'array', items: apiKey } } } },
      ...problems([401, 403, 404, 429]),
    },
    async handle({ actor, params }, { store }) {
      const owner = await readPrincipal(store, params['id']!, actor!);
      if (owner.id !== actor!.id) await requireManageable(store, actor!, owner, 'see the keys of');
      return { status: 200, body: { items: (await store.listApiKeys({ principalId: owner.id })).map(keyView) } };
    },
  }),
  route<Record<string, never>, CreateApiKey>({
    method: 'post',
    path: '/principals/{id}/keys',
    summary: 'Mint an API key',
    tag: 'people',
    access: 'principal',
    query: noQuery,
    body: { schema: createApiKey, description: 'Only for yourself: a principal mints keys for its own machines.' },
    responses: {
      201: { description: 'The key, shown this once, and its record', schema: mintedApiKey },
      ...problems([400, 401, 403, 404, 413, 415, 429]),
    },
    async handle({ actor, params, body }, { store, clock, credentials }) {
      const owner = await readPrincipal(store, params['id']!, actor!);
      const minted = await mintApiKey({ store, hasher: credentials.hasher, now: clock.now() }, owner, actor!, body);
      return {
        status: 201,
        body: { key: minted.key, apiKey: minted.record },
        headers: { Location: `/principals/${owner.id}/keys`, 'Cache-Control': 'no-store' },
      };
    },
  }),
  route({
    method: 'post',
    path: '/principals/{id}/keys/{keyId}/revoke',
    summary: 'Revoke an API key',
    tag: 'people',
    access: 'principal',
    query: noQuery,
    responses: { 200: { description: 'The key, revoked: refused from now on', schema: apiKey }, ...problems([401, 403, 404, 422, 429]) },
    async handle({ actor, params }, { store, clock }) {
      const owner = await readPrincipal(store, params['id']!, actor!);
      return { status: 200, body: await revokeApiKey({ store, now: clock.now() }, owner, params['keyId']!, actor!) };
    },
  }),
];
