/** Pages anyone may read: home, language switch, look-up, statuses, register (and its CSV), processes. */
import type { RequestHandler, Router } from 'express';
import { isKind, kindNames, workflows } from '../../../kinds/index.js';
import type { Kind } from '../../../kinds/types.js';
import type { ApiDeps } from '../../api/deps.js';
import { toCsv } from '../../api/csv.js';
import { describeMachine } from '../../../machine-docs/describe.js';
import { findPublicRecognitions, type PublicRecognition } from '../../../public/recognition-register.js';
import { context, localPath } from '../context.js';
import { isLanguage, rememberLanguage } from '../language.js';
import { HomePage } from '../pages/home.js';
import { LookupPage } from '../pages/lookup.js';
import { MachinePage, MachinesPage } from '../pages/machines.js';
import { RegisterPage } from '../pages/register.js';
import { StatusesPage } from '../pages/statuses.js';
import { sendPage } from '../render.js';
import { lookUpReports } from '../report-lookup.js';
import { notFoundPage } from './errors.js';

function param(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, 200) : '';
}

export function publicRoutes(router: Router, deps: ApiDeps, publicLimit: RequestHandler): void {
  const { engine, store } = deps;

  router.get('/', (_request, response) => {
    const page = context(response);
    sendPage(response, page, { title: page.text.nav.home, body: <HomePage context={page} /> });
  });

  router.get('/language/:language', (request, response) => {
    const language = request.params['language'];
    if (isLanguage(language)) rememberLanguage(response, language, request.secure);
    response.redirect(303, localPath(request.query['back']));
  });

  router.get('/lookup', publicLimit, async (request, response) => {
    const page = context(response);
    const economies = await store.listEconomies();
    const economy = economies.some((e) => e.code === param(request.query['economy'])) ? param(request.query['economy']) : (economies.find((e) => e.code === 'KR') ?? economies[0])?.code ?? '';
    const text = param(request.query['q']);
    const results = text === '' ? null : await lookUpReports(engine, store, { economy, text, language: page.language });
    sendPage(response, page, { title: page.text.lookup.title, body: <LookupPage context={page} view={{ economies, economy, text, results }} /> });
  });

  router.get('/statuses', (_request, response) => {
    const page = context(response);
    const states = describeMachine(workflows['test-reports']).states.map((s) => s.name);
    sendPage(response, page, { title: page.text.statuses.title, body: <StatusesPage context={page} states={states} /> });
  });

  const registerQuery = async (query: Record<string, unknown>) => {
    const economies = await store.listEconomies();
    const known = (code: string) => economies.some((e) => e.code === code);
    const importing = known(param(query['importing'])) ? param(query['importing']) : 'KR';
    const exporting = known(param(query['exporting'])) ? param(query['exporting']) : '';
    const rows = await findPublicRecognitions(engine, store, { importing, ...(exporting ? { exporting } : {}) });
    return { economies, importing, exporting, rows };
  };

  router.get('/register', publicLimit, async (request, response) => {
    const page = context(response);
    const view = await registerQuery(request.query);
    sendPage(response, page, { title: page.text.register.title, body: <RegisterPage context={page} view={view} /> });
  });

  router.get('/register.csv', publicLimit, async (request, response) => {
    const page = context(response);
    const { importing, exporting, rows } = await registerQuery(request.query);
    const c = page.text.register.columns;
    const columns = [
      [c.designationNumber, (r: PublicRecognition) => r.designationNumber],
      [c.cab, (r: PublicRecognition) => r.cab.name],
      [c.type, (r: PublicRecognition) => page.text.cab.types[r.cab.type as 'lab'] ?? r.cab.type],
      [c.exporting, (r: PublicRecognition) => r.exportingEconomy],
      [c.scope, (r: PublicRecognition) => r.scope],
      [c.state, (r: PublicRecognition) => page.wording.states.recognitions[r.status] ?? r.status],
      [c.since, (r: PublicRecognition) => r.recognizedSince.slice(0, 10)],
      [c.until, (r: PublicRecognition) => r.validUntil.slice(0, 10)],
    ] as const;
    response
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="register-${importing}${exporting ? `-${exporting}` : ''}.csv"`)
      .send(toCsv(columns, rows));
  });

  router.get('/how-it-works', (_request, response) => {
    const page = context(response);
    sendPage(response, page, { title: page.text.machines.title, body: <MachinesPage context={page} kinds={kindNames()} /> });
  });

  router.get('/how-it-works/:kind', (request, response) => {
    const page = context(response);
    const kind = request.params['kind'] as Kind;
    if (!isKind(kind)) return sendPage(response, page, notFoundPage(page));
    sendPage(response, page, { title: page.text.kinds[kind], body: <MachinePage context={page} machine={describeMachine(workflows[kind])} /> });
  });
}
