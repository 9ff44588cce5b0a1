/**
 * The web pages: a second entry point into the same app, beside the JSON API, calling the same
 * engine, after the app's session middleware. Order: cookies and urlencoded form bodies (a page
 * that takes files reads its multipart body itself, after its sign-in check), the reader's context
 * (language, who is signed in, the forms' CSRF token: the session's, or for someone not signed in
 * one that stores nothing), the pages (`PageSpec`s, each mounted by
 * `mount-page.ts` with its CSRF check, limit and sign-in), then HTML error pages for what went
 * wrong on a page. Requests for anything else fall through to the API.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type RequestHandler, type Router } from 'express';
import type { ApiDeps } from '../api/deps.js';
import type { Limiters } from '../common/limits.js';
import { context, contextFor } from './context.js';
import { languageOf } from './language.js';
import { notFoundPage, webErrors } from './routes/errors.js';
import { sendPage } from './render.js';
import { mountPage } from './mount-page.js';
import type { PageSpec } from './page-route.js';
import { accountPages } from './routes/account.js';
import { adminPages } from './routes/admin.js';
import { coveragePages } from './routes/coverage.js';
import { directoryPages } from './routes/directory.js';
import { publicPages } from './routes/public.js';
import { publicRecordPages } from './routes/public-records.js';
import { peoplePages } from './routes/people.js';
import { watchingPages } from './routes/watching.js';
import { recordPages } from './routes/records.js';
import { statisticsPages } from './routes/statistics.js';
import { verifyPages } from './routes/verify.js';
import { formToken } from '../common/csrf.js';
import { signedIn } from './session.js';

const require = createRequire(import.meta.url);
const HTMX = require.resolve('htmx.org/dist/htmx.min.js');
const ASSETS = new URL('./assets/', import.meta.url).pathname;

/** The paths the pages answer; anything else is the API's. */
const PAGE_PATHS = ['/', '/language', '/sign-in', '/auth/sign-in', '/sign-out', '/lookup', '/statuses', '/register', '/register.csv', '/register.xlsx', '/how-it-works', '/work', '/records', '/directory', '/outbox', '/verify', '/people', '/coverage', '/statistics', '/statistics.csv', '/watching'];

export function isPagePath(path: string): boolean {
  return PAGE_PATHS.some((prefix) => path === prefix || (prefix !== '/' && path.startsWith(`${prefix}/`)));
}

/** Every page the app serves, as data: mounted in this order (a literal path before a `{param}` one). */
export function allPages(deps: ApiDeps): PageSpec[] {
  return [
    ...verifyPages(deps),
    ...coveragePages(deps),
    ...statisticsPages(deps),
    ...publicPages(deps),
    ...publicRecordPages(deps),
    ...accountPages(deps),
    ...recordPages(deps),
    ...directoryPages(deps),
    ...adminPages(deps),
    ...peoplePages(deps),
    ...watchingPages(deps),
  ];
}

export interface WebRouters {
  /** The pages and their assets; every other path goes on to the API. */
  pages: Router;
  /** After the API: a path nobody answers gets an HTML 404 page when a browser asked for it. */
  notFound: RequestHandler;
}

export function webRouter(deps: ApiDeps, limiters: Limiters): WebRouters {
  const router = express.Router();
  router.use('/assets/htmx', express.static(dirname(HTMX), { maxAge: '1d', fallthrough: false, index: false }));
  router.use('/assets', express.static(ASSETS, { maxAge: '1h', fallthrough: false }));

  const pages = express.Router();
  const readerContext: RequestHandler = async (request, response, next) => {
    const actor = await signedIn(request, deps);
    const csrfToken = () => formToken(request, response, deps.access.cookieSecret, deps.clock.now());
    response.locals['page'] = contextFor(languageOf(request), { actor, csrfToken, here: request.originalUrl });
    next();
  };

  pages.use(cookieParser());
  pages.use(express.urlencoded({ extended: false, limit: '100kb' }));
  pages.use(readerContext);
  for (const spec of allPages(deps)) mountPage(pages, spec, deps, limiters);
  webErrors(pages, deps);

  router.use((request, response, next) => (isPagePath(request.path) ? pages(request, response, next) : next()));

  const missing = express.Router();
  missing.use((request, _response, next) => (request.method === 'GET' && request.accepts(['json', 'html']) === 'html' ? next() : next('router')));
  missing.use(cookieParser(), readerContext, (_request, response) => sendPage(response, context(response), notFoundPage(context(response))));
  return { pages: router, notFound: missing };
}
