/**
 * The coverage page, `/coverage?economy=&manufacturer=&model=`: anyone, under the public rate limit,
 * as its JSON twin `/public/coverage` is. The form's own mistakes (a name too short to look up, text
 * longer than the API takes, an economy not in the list) are shown on the form as a 400, and
 * nothing is looked up; control characters were refused before (`src/http/common/query-text.ts`).
 */
import type { ApiDeps } from '../../api/deps.js';
import { findCoverage } from '../../../public/coverage.js';
import { publicCoverageQuery } from '../../../schemas/queries.js';
import { searchFragments } from '../../../search/fold.js';
import type { PageContext } from '../context.js';
import type { PageAnswer, PageSpec } from '../page-route.js';
import { CoveragePage, type CoverageForm, type CoverageView } from '../pages/coverage.js';

/** The longest text the JSON twin takes in a field; the page takes no more. */
const MAX_TEXT = publicCoverageQuery.properties.model.maxLength;

function field(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** What is wrong with the question, or null when it can be answered. */
function problemOf(page: PageContext, form: CoverageForm, known: boolean): string | null {
  if ([form.manufacturer, form.model].some((v) => v.length > MAX_TEXT)) return page.text.coverage.tooLong(MAX_TEXT);
  if (!known) return page.text.coverage.unknownEconomy;
  if (form.manufacturer === '' || form.model === '') return page.text.coverage.missing;
  if (searchFragments(form.manufacturer).length === 0) return page.text.coverage.tooShort;
  return null;
}

export function coveragePages(deps: ApiDeps): PageSpec[] {
  const { engine, store } = deps;
  const show = (page: PageContext, view: CoverageView): PageAnswer => ({
    page: { title: page.text.coverage.title, status: view.problem ? 400 : 200, body: <CoveragePage context={page} view={view} /> },
  });

  return [
    {
      method: 'get',
      path: '/coverage',
      access: 'public',
      limit: 'public',
      handle: async ({ page, query }) => {
        const economies = await store.listEconomies();
        const asked = { economy: field(query['economy']), manufacturer: field(query['manufacturer']), model: field(query['model']) };
        const known = economies.some((e) => e.code === asked.economy);
        const fallback = (economies.find((e) => e.code === 'US') ?? economies[0])?.code ?? '';
        // A problem is shown beside what was typed, cut to what the form can hold again.
        const shown = { economy: known ? asked.economy : fallback, manufacturer: asked.manufacturer.slice(0, MAX_TEXT), model: asked.model.slice(0, MAX_TEXT) };
        if (Object.values(asked).every((v) => v === '')) return show(page, { economies, form: shown, result: null, problem: null });
        const problem = problemOf(page, asked, known);
        if (problem !== null) return show(page, { economies, form: shown, result: null, problem });
        return show(page, { economies, form: shown, result: await findCoverage(engine, store, asked), problem: null });
      },
    },
  ];
}
