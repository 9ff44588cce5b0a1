/**
 * Registers page specs on the pages' router. For every page, in this order: the CSRF check of a
 * POST (unless the spec says its form changes nothing; on a page that takes files, after its body
 * is read, see below), the spec's limiter, someone signed in
 * (else the sign-in page, and back) with a role the spec admits (else the 403 page), the refused
 * form's page registered with `form-refusals.ts`, the query's text checked
 * (`src/http/common/query-text.ts`), the form read and validated against its schema,
 * then the handler; its answer is written as a
 * page, a 303 or a CSV or XLSX download. Nothing here catches: the pages' error middleware maps failures.
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
import { XLSX_TYPE } from '../api/xlsx.js';
import { refuseControlsInQuery } from '../common/query-text.js';
import { isMultipart } from '../common/multipart.js';
import { signInWithKey, signInWithToken, signOut } from './session.js';
import { documentsOf, fileToVerify, pageUploadParser } from './uploads.js';
import type { Actor } from '../../kinds/types.js';

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

async function pageRequest(request: Request, response: Response, deps: ApiDeps, spec: PageSpec): Promise<PageRequest> {
  const page = context(response);
  return {
    page,
    actor: page.actor,
    path: request.path,
    params: request.params as Record<string, string>,
    query: request.query,
    form: (request.body ?? {}) as Record<string, unknown>,
    documents: spec.files === 'documents' ? await documentsOf(request) : [],
    fileToVerify: spec.files === 'verify' ? fileToVerify(request) : null,
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
  } else if ('xlsx' in answer.download) {
    response.type(XLSX_TYPE).setHeader('Content-Disposition', `attachment; filename="${answer.download.filename}"`).send(answer.download.xlsx);
  } else {
    response.type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${answer.download.filename}"`).send(answer.download.csv);
  }
  return true;
}

/** Someone signed in, with a role the spec admits, where it says so: from the session alone, before any body. */
function admit(spec: PageSpec, actor: Actor | null): void {
  if (spec.access === 'public') return;
  if (!actor) throw new AppError({ code: 'UNAUTHENTICATED', detail: 'Sign in to see this page.' });
  if (spec.roles && !spec.roles.includes(actor.role)) throw new AppError({ code: 'FORBIDDEN', detail: `Only ${spec.roles.join(' or ')} principals may open ${spec.path}.` });
}

/** The request as the spec's handler takes it: someone signed in, with a role it admits, where it says so. */
function admitted(spec: PageSpec, request: PageRequest): PageRequest {
  admit(spec, request.actor);
  return request;
}

export function mountPage(router: Router, spec: PageSpec, deps: ApiDeps, limiters: Limiters): void {
  // One spec's handler and refusal page, typed by its access; `admitted` has checked the actor.
  const handle = spec.handle as (request: PageRequest) => PageAnswer | Promise<PageAnswer>;
  const refused = spec.refused as ((request: PageRequest, refused: AppError) => PageAnswer | Promise<PageAnswer>) | undefined;
  const form = spec.form;
  const fields = form && fieldsOf(form.schema).filter((field) => form.fields?.includes(field.path) ?? true);
  const handler: RequestHandler = async (request, response, next) => {
    const asked = admitted(spec, await pageRequest(request, response, deps, spec));
    refuseControlsInQuery(asked.query);
    if (refused) {
      onRefusal(response, async (error) => {
        write(request, response, await refused(asked, error));
      });
    }
    if (form && fields) asked.body = deps.validator.validate(form.schema.$id, bodyFromForm(fields, asked.form), 'The form');
    if (!write(request, response, await handle(asked))) next('router');
  };
  const csrfCheck = spec.method === 'post' && spec.csrf !== false ? [checkCsrf(deps.access.cookieSecret, deps.clock)] : [];
  const limit = spec.limit ? [limiters[spec.limit]] : [];
  if (!spec.files) {
    router[spec.method](expressPath(spec.path), ...csrfCheck, ...limit, handler);
    return;
  }
  // A form with files carries its CSRF token in the multipart body, so the token can only be
  // checked once the body is read. Reading it for anyone would let a stranger fill memory or disk
  // (the first finding of the security probe), so the order is: the limit, then someone signed in
  // with a role the page admits (from the session cookie alone; else the sign-in page, the body
  // never read), then the body read onto disk under the upload limits, then the token, and only
  // then are the files read or used. A forged cross-site form of a signed-in reader costs at most
  // one request's limit of disk, gone with the answer, and changes nothing. (A token in the query
  // string would be checked first, but would put it in logs and the history; a header is not
  // something a plain form can send.) The public verification page takes no token: anyone may use it.
  const beforeBody: RequestHandler = (request, response, next) => {
    const actor = context(response).actor;
    admit(spec, actor);
    if (actor && isMultipart(request) && spec.admitsFiles && !spec.admitsFiles(actor, request.params as Record<string, string>)) {
      throw new AppError({ code: 'FORBIDDEN', detail: `A ${actor.role} may not send files to ${spec.path}.` });
    }
    next();
  };
  // A form sent urlencoded (no files) has its token read already: checked first, as on every page.
  const csrfUnlessMultipart: RequestHandler[] = csrfCheck.map((check) => (request, response, next) => (isMultipart(request) ? next() : check(request, response, next)));
  router[spec.method](expressPath(spec.path), ...csrfUnlessMultipart, ...limit, beforeBody, ...pageUploadParser(spec.files, deps), ...csrfCheck, handler);
}
