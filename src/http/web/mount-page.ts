/**
 * Registers page specs on the pages' router. For every page, in this order: the CSRF check of a
 * POST (unless the spec says its form changes nothing), the spec's limiter, someone signed in
 * (else the sign-in page, and back) with a role the spec admits (else the 403 page), the refused
 * form's page registered with `form-refusals.ts`, the query's text checked
 * (`src/http/common/query-text.ts`), the form read and validated against its schema,
 * then the handler; its answer is written as a
 * page, a 303 or a CSV download. Nothing here catches: the pages' error middleware maps failures.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import { AppError } from '../../errors.js';
import type { Limiters } from '../common/limits.js';
import { expressPath } from '../common/paths.js';
import type { ApiDeps } from '../api/deps.js';
import { context } from './context.js';
import { onRefusal } from './form-refusals.js';
import { rememberLanguage } from './language.js';
import type { PageAnswer, PageRequest, PageSession, PageSpec } from './page-route.js';
import { sendPage } from './render.js';
import { bodyFromForm, fieldsOf } from './schema-fields.js';
import { checkCsrf } from '../common/csrf.js';
import { refuseControlsInQuery } from '../common/query-text.js';
import { signInWithKey, signInWithToken, signOut } from './session.js';
import { documentsOf, fileToVerify } from './uploads.js';

function sessionOf(request: Request, response: Response, deps: ApiDeps): PageSession {
  return {
    signInWithKey: (key) => signInWithKey(request, key, deps),
    signInWithToken: (token) => signInWithToken(request, token, deps),
    signOut: async () => {
      await signOut(request);
      response.clearCookie('mra.sid', { path: '/' });
    },
  };
}

function pageRequest(request: Request, response: Response, deps: ApiDeps): PageRequest {
  const page = context(response);
  return {
    page,
    actor: page.actor,
    path: request.path,
    params: request.params as Record<string, string>,
    query: request.query,
    form: (request.body ?? {}) as Record<string, unknown>,
    documents: documentsOf(request),
    fileToVerify: fileToVerify(request),
    body: undefined,
    wantsHtml: request.accepts(['json', 'html']) === 'html',
    session: sessionOf(request, response, deps),
  };
}

/** Writes an answer; false when it is the API's to give. */
function write(request: Request, response: Response, answer: PageAnswer): boolean {
  if ('toApi' in answer) return false;
  if ('page' in answer) {
    sendPage(response, context(response), answer.page);
  } else if ('redirect' in answer) {
    if (answer.language) rememberLanguage(response, answer.language, request.secure);
    response.redirect(303, answer.redirect);
  } else {
    response.type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${answer.download.filename}"`).send(answer.download.csv);
  }
  return true;
}

/** The request as the spec's handler takes it: someone signed in, with a role it admits, where it says so. */
function admitted(spec: PageSpec, request: PageRequest): PageRequest {
  if (spec.access === 'public') return request;
  if (!request.actor) throw new AppError({ code: 'UNAUTHENTICATED', detail: 'Sign in to see this page.' });
  if (spec.roles && !spec.roles.includes(request.actor.role)) throw new AppError({ code: 'FORBIDDEN', detail: `Only ${spec.roles.join(' or ')} principals may open ${spec.path}.` });
  return request;
}

export function mountPage(router: Router, spec: PageSpec, deps: ApiDeps, limiters: Limiters): void {
  // One spec's handler and refusal page, typed by its access; `admitted` has checked the actor.
  const handle = spec.handle as (request: PageRequest) => PageAnswer | Promise<PageAnswer>;
  const refused = spec.refused as ((request: PageRequest, refused: AppError) => PageAnswer | Promise<PageAnswer>) | undefined;
  const form = spec.form;
  const fields = form && fieldsOf(form.schema).filter((field) => form.fields?.includes(field.path) ?? true);
  const handler: RequestHandler = async (request, response, next) => {
    const asked = admitted(spec, pageRequest(request, response, deps));
    refuseControlsInQuery(asked.query);
    if (refused) {
      onRefusal(response, async (error) => {
        write(request, response, await refused(asked, error));
      });
    }
    if (form && fields) asked.body = deps.validator.validate(form.schema.$id, bodyFromForm(fields, asked.form), 'The form');
    if (!write(request, response, await handle(asked))) next('router');
  };
  const chain = [...(spec.method === 'post' && spec.csrf !== false ? [checkCsrf(deps.access.cookieSecret, deps.clock)] : []), ...(spec.limit ? [limiters[spec.limit]] : []), handler];
  router[spec.method](expressPath(spec.path), ...chain);
}
