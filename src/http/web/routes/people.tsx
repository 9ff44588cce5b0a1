/**
 * People and keys on the pages, through the same services as `/principals` and
 * `/principals/{id}/keys` (`src/access/`): who may create, disable, mint or revoke is decided
 * there, for the pages and the API alike; the pages only leave out the forms a person may not use.
 * A minted key is shown on the answer to the POST itself, once (pages are `no-store`).
 */
import { createApiKey, createPrincipal as createPrincipalSchema, disablePrincipal as disableSchema, type CreateApiKey, type CreatePrincipal, type DisablePrincipal } from '../../../schemas/access.js';
import type { Actor } from '../../../kinds/types.js';
import { keyView, mintApiKey, revokeApiKey } from '../../../access/api-keys.js';
import { mayManage, mayRead } from '../../../access/principal-rules.js';
import { createPrincipal, disablePrincipal, readPrincipal } from '../../../access/principal-registry.js';
import type { ApiDeps } from '../../api/deps.js';
import { AppError } from '../../../errors.js';
import type { PageContext } from '../context.js';
import type { PageAnswer, PageSpec } from '../page-route.js';
import { PeoplePage, PrincipalPage, type PrincipalView } from '../pages/people.js';
import { refusalOf } from '../refusal.js';
import { fieldsOf, formValues } from '../schema-fields.js';

/** The fields a person fills; an admin's extras (organisation, serves) stay with the API. */
const CREATE_FIELDS = fieldsOf(createPrincipalSchema).filter((f) => ['name', 'role', 'email', 'language', 'economy', 'cabId'].includes(f.path));
const MINT_FIELDS = fieldsOf(createApiKey);
const DISABLE_FIELDS = fieldsOf(disableSchema);
const CREATORS = ['admin', 'regulator', 'designating_authority', 'accreditation_body'];

export function peoplePages(deps: ApiDeps): PageSpec[] {
  const { store, clock } = deps;

  const showPeople = async (page: PageContext, actor: Actor, extra: { values?: Record<string, string>; error?: AppError; created?: string } = {}): Promise<PageAnswer> => {
    const found = await store.listPrincipals({ ...(actor.role === 'admin' ? {} : { organisation: actor.organisation ?? actor.id }), limit: 200, cursor: null });
    const principals = [];
    for (const p of found.items) if (await mayRead(store, actor, p)) principals.push(p);
    const create = CREATORS.includes(actor.role) ? { fields: CREATE_FIELDS, values: extra.values ?? {}, refusal: extra.error ? refusalOf(page, extra.error) : null } : null;
    return {
      page: {
        title: page.text.people.title,
        ...(extra.error ? { status: extra.error.status } : {}),
        body: <PeoplePage context={page} view={{ principals, create, ...(extra.created ? { created: extra.created } : {}) }} />,
      },
    };
  };

  const showPrincipal = async (
    page: PageContext,
    actor: Actor,
    id: string,
    extra: Partial<Pick<PrincipalView, 'minted' | 'notice' | 'mintRefusal' | 'disableValues' | 'disableRefusal'>> & { status?: number } = {},
  ): Promise<PageAnswer> => {
    const principal = await readPrincipal(store, id, actor);
    const self = principal.id === actor.id;
    const manages = !self && (await mayManage(store, actor, principal));
    if (!self && !manages) throw new AppError({ code: 'FORBIDDEN', detail: `You may not manage ${principal.id}.` });
    const { status, ...shown } = extra;
    const view: PrincipalView = {
      principal,
      keys: (await store.listApiKeys({ principalId: principal.id })).map(keyView),
      mayMint: self && principal.disabledAt === undefined,
      mayRevoke: self || manages,
      mayDisable: manages && principal.disabledAt === undefined,
      mintFields: MINT_FIELDS,
      disableFields: DISABLE_FIELDS,
      mintRefusal: null,
      ...shown,
    };
    return { page: { title: principal.name, ...(status === undefined ? {} : { status }), body: <PrincipalPage context={page} view={view} /> } };
  };

  return [
    {
      method: 'get',
      path: '/people',
      access: 'signed-in',
      handle: ({ page, actor, query }) => {
        const created = typeof query['created'] === 'string' ? query['created'].slice(0, 200) : undefined;
        return showPeople(page, actor, created ? { created } : {});
      },
    },
    {
      method: 'post',
      path: '/people',
      access: 'signed-in',
      form: { schema: createPrincipalSchema, fields: CREATE_FIELDS.map((field) => field.path) },
      refused: ({ page, actor, form }, refused) => showPeople(page, actor, { values: formValues(form), error: refused }),
      handle: async ({ actor, body }) => {
        const created = await createPrincipal(store, body as CreatePrincipal, actor, clock.now());
        return { redirect: `/people?created=${encodeURIComponent(created.name)}` };
      },
    },
    {
      method: 'get',
      path: '/people/{id}',
      access: 'signed-in',
      handle: ({ page, actor, params, query }) => {
        const notice = query['done'];
        return showPrincipal(page, actor, params['id']!, notice === 'revoked' || notice === 'disabled' ? { notice } : {});
      },
    },
    {
      method: 'post',
      path: '/people/{id}/keys',
      access: 'signed-in',
      form: { schema: createApiKey },
      refused: ({ page, actor, params }, refused) => showPrincipal(page, actor, params['id']!, { mintRefusal: refusalOf(page, refused), status: refused.status }),
      handle: async ({ page, actor, params, body }) => {
        const id = params['id']!;
        const minted = await mintApiKey({ store, hasher: deps.credentials.hasher, now: clock.now() }, await readPrincipal(store, id, actor), actor, body as CreateApiKey);
        return showPrincipal(page, actor, id, { minted: minted.key, status: 201 });
      },
    },
    {
      method: 'post',
      path: '/people/{id}/keys/{keyId}/revoke',
      access: 'signed-in',
      handle: async ({ actor, params }) => {
        const id = params['id']!;
        await revokeApiKey({ store, now: clock.now() }, await readPrincipal(store, id, actor), params['keyId']!, actor);
        return { redirect: `/people/${encodeURIComponent(id)}?done=revoked` };
      },
    },
    {
      method: 'post',
      path: '/people/{id}/disable',
      access: 'signed-in',
      form: { schema: disableSchema },
      refused: ({ page, actor, params, form }, refused) =>
        showPrincipal(page, actor, params['id']!, { disableValues: formValues(form), disableRefusal: refusalOf(page, refused), status: refused.status }),
      handle: async ({ actor, params, body }) => {
        const id = params['id']!;
        await disablePrincipal(store, id, actor, clock.now(), (body as DisablePrincipal).reason);
        return { redirect: `/people/${encodeURIComponent(id)}?done=disabled` };
      },
    },
  ];
}
