/** Pages anyone may read: home, language switch, look-up, statuses, register (and its CSV), processes. */
import { isKind, kindNames, workflows } from '../../../kinds/index.js';
import type { Kind } from '../../../kinds/types.js';
import type { ApiDeps } from '../../api/deps.js';
import { toCsv } from '../../api/csv.js';
import { describeMachine } from '../../../machine-docs/describe.js';
import { findPublicRecognitions, type PublicRecognition } from '../../../public/recognition-register.js';
import { localPath } from '../context.js';
import { isLanguage } from '../language.js';
import { HomePage } from '../pages/home.js';
import { LookupPage } from '../pages/lookup.js';
import { MachinePage, MachinesPage } from '../pages/machines.js';
import { RegisterPage } from '../pages/register.js';
import { StatusesPage } from '../pages/statuses.js';
import type { PageSpec } from '../page-route.js';
import { lookUpReports } from '../report-lookup.js';
import { notFoundPage } from './errors.js';

function param(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, 200) : '';
}

export function publicPages(deps: ApiDeps): PageSpec[] {
  const { engine, store } = deps;

  const registerQuery = async (query: Record<string, unknown>) => {
    const economies = await store.listEconomies();
    const known = (code: string) => economies.some((e) => e.code === code);
    const importing = known(param(query['importing'])) ? param(query['importing']) : 'KR';
    const exporting = known(param(query['exporting'])) ? param(query['exporting']) : '';
    // A malformed or future date is refused by the register (an error page, 400).
    const asOf = param(query['asOf']);
    const rows = await findPublicRecognitions(engine, store, { importing, ...(exporting ? { exporting } : {}), ...(asOf ? { asOf } : {}) });
    return { economies, importing, exporting, asOf, rows };
  };

  return [
    {
      method: 'get',
      path: '/',
      access: 'public',
      handle: ({ page }) => ({ page: { title: page.text.nav.home, body: <HomePage context={page} /> } }),
    },
    {
      method: 'get',
      path: '/language/{language}',
      access: 'public',
      handle: ({ params, query }) => {
        const language = params['language'];
        return { redirect: localPath(query['back']), ...(isLanguage(language) ? { language } : {}) };
      },
    },
    {
      method: 'get',
      path: '/lookup',
      access: 'public',
      limit: 'public',
      handle: async ({ page, query }) => {
        const economies = await store.listEconomies();
        const economy = economies.some((e) => e.code === param(query['economy'])) ? param(query['economy']) : (economies.find((e) => e.code === 'KR') ?? economies[0])?.code ?? '';
        const text = param(query['q']);
        const results = text === '' ? null : await lookUpReports(engine, store, { economy, text, language: page.language });
        return { page: { title: page.text.lookup.title, body: <LookupPage context={page} view={{ economies, economy, text, results }} /> } };
      },
    },
    {
      method: 'get',
      path: '/statuses',
      access: 'public',
      handle: ({ page }) => {
        const states = describeMachine(workflows['test-reports']).states.map((s) => s.name);
        return { page: { title: page.text.statuses.title, body: <StatusesPage context={page} states={states} /> } };
      },
    },
    {
      method: 'get',
      path: '/register',
      access: 'public',
      limit: 'public',
      handle: async ({ page, query }) => {
        const view = await registerQuery(query);
        return { page: { title: page.text.register.title, body: <RegisterPage context={page} view={view} /> } };
      },
    },
    {
      method: 'get',
      path: '/register.csv',
      access: 'public',
      limit: 'public',
      handle: async ({ page, query }) => {
        const { importing, exporting, rows } = await registerQuery(query);
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
        return { download: { filename: `register-${importing}${exporting ? `-${exporting}` : ''}.csv`, csv: toCsv(columns, rows) } };
      },
    },
    {
      method: 'get',
      path: '/how-it-works',
      access: 'public',
      handle: ({ page }) => ({ page: { title: page.text.machines.title, body: <MachinesPage context={page} kinds={kindNames()} /> } }),
    },
    {
      method: 'get',
      path: '/how-it-works/{kind}',
      access: 'public',
      handle: ({ page, params }) => {
        const kind = params['kind'] as Kind;
        if (!isKind(kind)) return { page: notFoundPage(page) };
        return { page: { title: page.text.kinds[kind], body: <MachinePage context={page} machine={describeMachine(workflows[kind])} /> } };
      },
    },
  ];
}
