/**
 * People and keys on the pages, through the same services as `/principals` and
 * `/principals/{id}/keys` (`src/access/`): who may create, disable, mint or revoke is decided
 * there, for the pages and the API alike; the pages only leave out the forms a person may not use.
 * A minted key is shown on the answer to the POST itself, once (pages are `no-store`).
 */
import type { Request, Response, Router } from 'express';
import { createApiKey, createPrincipal as createPrincipalSchema, disablePrincipal as disableSchema, type CreateApiKey, type CreatePrincipal, type DisablePrincipal } from '../../../schemas/access.js';
import type { Actor } from '../../../kinds/types.js';
import { keyView, mintApiKey, revokeApiKey } from '../../../access/api-keys.js';
import { mayManage, mayRead } from '../../../access/principal-rules.js';
import { createPrincipal, disablePrincipal, readPrincipal } from '../../../access/principal-registry.js';
import type { ApiDeps } from '../../api/deps.js';
import { AppError } from '../../../errors.js';
import { context } from '../context.js';
import { PeoplePage, PrincipalPage, type PrincipalView } from '../pages/people.js';
import { onRefusal } from '../form-refusals.js';
import { refusalOf } from '../refusal.js';
import { sendPage } from '../render.js';
import { bodyFromForm, fieldsOf, formValues } from '../schema-fields.js';

/** The fields a person fills; an admin's extras (organisation, serves) stay with the API. */
const CREATE_FIELDS = fieldsOf(createPrincipalSchema).filter((f) => ['name', 'role', 'email', 'language', 'economy', 'cabId'].includes(f.path));
const MINT_FIELDS = fieldsOf(createApiKey);
const DISABLE_FIELDS = fieldsOf(disableSchema);
const CREATORS = ['admin', 'regulator', 'designating_authority', 'accreditation_body'];

function signedIn(response: Response): Actor {
  const actor = context(response).actor;
  if (!actor) throw new AppError({ code: 'UNAUTHENTICATED', detail: 'Sign in to see this page.' });
  return actor;
}

function form(request: Request): Record<string, unknown> {
  return (request.body ?? {}) as Record<string, unknown>;
}

export function peopleRoutes(router: Router, deps: ApiDeps): void {
  const { store, clock, validator } = deps;

  const showPeople = async (response: Response, actor: Actor, extra: { values?: Record<string, string>; error?: AppError; created?: string } = {}) => {
    const page = context(response);
    const found = await store.listPrincipals({ ...(actor.role === 'admin' ? {} : { organisation: actor.organisation ?? actor.id }), limit: 200, cursor: null });
    const principals = [];
    for (const p of found.items) if (await mayRead(store, actor, p)) principals.push(p);
    const create = CREATORS.includes(actor.role) ? { fields: CREATE_FIELDS, values: extra.values ?? {}, refusal: extra.error ? refusalOf(page, extra.error) : null } : null;
    sendPage(response, page, {
      title: page.text.people.title,
      ...(extra.error ? { status: extra.error.status } : {}),
      body: <PeoplePage context={page} view={{ principals, create, ...(extra.created ? { created: extra.created } : {}) }} />,
    });
  };

  const showPrincipal = async (response: Response, actor: Actor, id: string, extra: Partial<Pick<PrincipalView, 'minted' | 'notice' | 'mintRefusal' | 'disableValues' | 'disableRefusal'>> & { status?: number } = {}) => {
    const page = context(response);
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
    sendPage(response, page, { title: principal.name, ...(status === undefined ? {} : { status }), body: <PrincipalPage context={page} view={view} /> });
  };

  router.get('/people', async (request, response) => {
    const created = typeof request.query['created'] === 'string' ? request.query['created'].slice(0, 200) : undefined;
    await showPeople(response, signedIn(response), created ? { created } : {});
  });

  router.post('/people', async (request, response) => {
    const actor = signedIn(response);
    onRefusal(response, (refused) => showPeople(response, actor, { values: formValues(form(request)), error: refused }));
    const body = validator.validate<CreatePrincipal>(createPrincipalSchema.$id, bodyFromForm(CREATE_FIELDS, form(request)), 'The form');
    const created = await createPrincipal(store, body, actor, clock.now());
    response.redirect(303, `/people?created=${encodeURIComponent(created.name)}`);
  });

  router.get('/people/:id', async (request, response) => {
    const notice = request.query['done'];
    await showPrincipal(response, signedIn(response), request.params['id'], notice === 'revoked' || notice === 'disabled' ? { notice } : {});
  });

  router.post('/people/:id/keys', async (request, response) => {
    const actor = signedIn(response);
    const id = request.params['id'];
    onRefusal(response, (refused) => showPrincipal(response, actor, id, { mintRefusal: refusalOf(context(response), refused), status: refused.status }));
    const body = validator.validate<CreateApiKey>(createApiKey.$id, bodyFromForm(MINT_FIELDS, form(request)), 'The form');
    const minted = await mintApiKey({ store, hasher: deps.credentials.hasher, now: clock.now() }, await readPrincipal(store, id, actor), actor, body);
    await showPrincipal(response, actor, id, { minted: minted.key, status: 201 });
  });

  router.post('/people/:id/keys/:keyId/revoke', async (request, response) => {
    const actor = signedIn(response);
    const id = request.params['id'];
    await revokeApiKey({ store, now: clock.now() }, await readPrincipal(store, id, actor), request.params['keyId'], actor);
    response.redirect(303, `/people/${encodeURIComponent(id)}?done=revoked`);
  });

  router.post('/people/:id/disable', async (request, response) => {
    const actor = signedIn(response);
    const id = request.params['id'];
    onRefusal(response, (refused) => showPrincipal(response, actor, id, { disableValues: formValues(form(request)), disableRefusal: refusalOf(context(response), refused), status: refused.status }));
    const body = validator.validate<DisablePrincipal>(disableSchema.$id, bodyFromForm(DISABLE_FIELDS, form(request)), 'The form');
    await disablePrincipal(store, id, actor, clock.now(), body.reason);
    response.redirect(303, `/people/${encodeURIComponent(id)}?done=disabled`);
  });
}
