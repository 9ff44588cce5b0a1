/** Pages anyone may read: home, language switch, look-up, statuses, register (and its CSV and XLSX), processes. */
import { isKind, kindNames, workflows } from '../../../kinds/index.js';
import type { Kind } from '../../../kinds/types.js';
import type { ApiDeps } from '../../api/deps.js';
import { csvColumns, toCsv } from '../../api/csv.js';
import { toXlsx } from '../../api/xlsx.js';
import { pageTexts } from '../../../i18n/pages/index.js';
import type { Language } from '../../../i18n/index.js';
import { registerColumns, registerLines } from '../../../public/register-table.js';
import { describeMachine } from '../../../machine-docs/describe.js';
import { findPublicRecognitions } from '../../../public/recognition-register.js';
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

/** A download's language: `?lang=` when it names one, else the page's (the links carry it). */
function downloadLanguage(query: Record<string, unknown>, pageLanguage: Language): Language {
  return isLanguage(query['lang']) ? query['lang'] : pageLanguage;
}

function registerFileName(importing: string, exporting: string): string {
  return `register-${importing}${exporting ? `-${exporting}` : ''}`;
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
        const columns = csvColumns(registerColumns(downloadLanguage(query, page.language)));
        return { download: { filename: `${registerFileName(importing, exporting)}.csv`, csv: toCsv(columns, registerLines(rows)) } };
      },
    },
    {
      method: 'get',
      path: '/register.xlsx',
      access: 'public',
      limit: 'public',
      handle: async ({ page, query }) => {
        const { importing, exporting, rows } = await registerQuery(query);
        const language = downloadLanguage(query, page.language);
        const xlsx = await toXlsx(pageTexts[language].register.title, registerColumns(language), registerLines(rows));
        return { download: { filename: `${registerFileName(importing, exporting)}.xlsx`, xlsx } };
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
