/**
 * The lists on the pages at more than a page's worth of a register: 2,100 test reports (more than
 * the 2,000 the pages once read into memory), loaded through the engine's bulk path. Every list is
 * answered by the store's `find`, newest first with a cursor: the first page shows the newest,
 * the links page to the oldest, and the filters (state, economy on either side, text) are the
 * store's. My work reads a bounded page and says when there is more.
 */
import { expect } from 'chai';
import { KINDS, PRINCIPAL_ROLES, type Actor, type PrincipalRole } from '../../src/kinds/types.js';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { workflows } from '../../src/kinds/index.js';
import { searchIndexVersionOf } from '../../src/engine/reindex.js';
import { searchFields } from '../../src/engine/search-keys.js';
import { workSlices } from '../../src/http/web/records.js';
import { ApiWorld } from '../helpers/api.js';
import { PagePerson } from '../helpers/people.js';

const SENT = { at: '2026-01-05T09:00:00.000Z', response: 'not sent: loaded in bulk' };
const REPORTS = 2100;
const ACCEPTED = 30;

/** The report numbers a list page shows, in its order (each row's link text starts with one). */
function numbersOn(html: string): string[] {
  return [...html.matchAll(/<a href="\/records\/test-reports\/[^"]+">(RF-[^ <]+)/g)].map((m) => m[1]!);
}

function nextLink(html: string): string | null {
  const match = /<a href="([^"]+)" rel="next">/.exec(html);
  return match ? match[1]!.replace(/&amp;/g, '&') : null;
}

describe('web lists at the size of a register', function () {
  this.timeout(120_000);
  let api: ApiWorld;
  let regulator: PagePerson;
  /** Report numbers, oldest first. */
  const numbers: string[] = [];

  before(async () => {
    api = await ApiWorld.create();
    const world = api.world;
    const { lab } = await world.recognizedLab();
    world.advanceDays(3);
    const made: string[] = [];
    for (let start = 0; start < REPORTS; start += 500) {
      const bodies = Array.from({ length: Math.min(500, REPORTS - start) }, (_, i) =>
        world.reportBody(start + i === REPORTS - 1 ? { equipment: { manufacturer: 'Công ty Điện tử Đặc Biệt', model: 'ZX-9000', category: 'router' } } : {}),
      );
      // Each batch a second later, so that creation order is the order of the numbers.
      world.clock.advance(1000);
      const reports = await world.engine.createMany('test-reports', bodies, lab, { mailSent: SENT });
      numbers.push(...reports.map((r) => String(r.data['reportNumber'])));
      made.push(...reports.map((r) => r.id));
    }
    await world.engine.sendMany('test-reports', made.slice(0, ACCEPTED).map((id) => ({ id, body: { type: 'ACCEPT' } })), world.as('kr-regulator'));
    regulator = await PagePerson.signIn(api, 'demo-kr-regulator-key');
  });
  after(async () => {
    await api.close();
  });

  /** Every report number of a list, following its next links to the end. */
  async function walk(path: string): Promise<{ numbers: string[]; pages: number }> {
    const seen: string[] = [];
    let pages = 0;
    for (let at: string | null = path; at !== null; pages += 1) {
      const page = await regulator.get(at);
      expect(page.status, at).to.equal(200);
      seen.push(...numbersOn(page.text));
      at = nextLink(page.text);
    }
    return { numbers: seen, pages };
  }

  it('shows the newest report first and pages by cursor to the oldest, each exactly once', async () => {
    const started = performance.now();
    const first = await regulator.get('/records/test-reports');
    const firstMs = performance.now() - started;
    expect(numbersOn(first.text)).to.deep.equal([...numbers].reverse().slice(0, 25));
    expect(nextLink(first.text)).to.match(/^\/records\/test-reports\?cursor=/);

    const all = await walk('/records/test-reports');
    expect(all.numbers).to.deep.equal([...numbers].reverse());
    expect(all.pages).to.equal(Math.ceil(REPORTS / 25));
    console.error(`      ${REPORTS} reports: the first page in ${firstMs.toFixed(0)} ms, all ${all.pages} pages walked`);
  });

  it('filters by state, by economy on either side and by text, through the store', async () => {
    const accepted = await walk('/records/test-reports?state=accepted');
    expect(accepted.numbers).to.deep.equal(numbers.slice(0, ACCEPTED).reverse());

    // KR is the importing economy, VN (the lab's) the exporting one: both find the reports.
    for (const economy of ['KR', 'vn']) {
      const page = await regulator.get(`/records/test-reports?economy=${economy}`);
      expect(numbersOn(page.text), economy).to.deep.equal([...numbers].reverse().slice(0, 25));
    }
    const none = await regulator.get('/records/test-reports?economy=JP');
    expect(numbersOn(none.text)).to.deep.equal([]);
    expect(none.text).to.contain(pageTexts.en.list.empty);

    const typed = await regulator.get(`/records/test-reports?q=${encodeURIComponent('dac biet zx-9000')}`);
    expect(numbersOn(typed.text)).to.deep.equal([numbers.at(-1)]);
    const both = await walk('/records/test-reports?state=accepted&economy=VN&q=phuong+nam');
    expect(both.numbers).to.deep.equal(numbers.slice(0, ACCEPTED).reverse());
  });

  it('filters every kind by economy and text', async () => {
    const agreements = await regulator.get('/records/agreements?economy=VN');
    expect(agreements.status).to.equal(200);
    expect(agreements.text).to.contain('/records/agreements/');
    const recognitions = await regulator.get('/records/recognitions?economy=VN');
    expect(recognitions.text).to.contain('/records/recognitions/');
    const elsewhere = await regulator.get('/records/recognitions?economy=JP');
    expect(elsewhere.text).to.not.contain('/records/recognitions/');
    const accreditations = await regulator.get('/records/accreditations?q=17025');
    expect(accreditations.text).to.contain('/records/accreditations/');
  });

  it('My work reads a bounded page, the soonest deadline first, and links to the full list', async () => {
    const work = await regulator.get('/work');
    expect(work.status).to.equal(200);
    const shown = numbersOn(work.text);
    expect(work.text.match(/<td><a href="\/records\//g), 'rows on the page').to.have.length(25);
    expect(shown.length).to.be.greaterThan(0);
    expect(work.text).to.contain(pageTexts.en.work.more).and.to.contain('href="/records/test-reports"');
    // What has waited longest comes first among equal deadlines: the oldest reports.
    expect(numbers.slice(0, 100)).to.include.members(shown);
    const filtered = await regulator.get('/work?kind=test-reports&economy=VN');
    expect(filtered.text).to.contain('href="/records/test-reports?economy=VN"');
  });

  it('answers text too short to search by with a hint beside the field, not a search', async () => {
    for (const path of ['/records/test-reports?q=pn', '/work?kind=test-reports&q=pn']) {
      const page = await regulator.get(path);
      expect(page.status, path).to.equal(200);
      expect(page.text, path).to.contain(`<p class="error-message" id="error-q">${pageTexts.en.lookup.tooShort}</p>`).and.to.contain('aria-describedby="error-q"');
      expect(numbersOn(page.text), path).to.deep.equal([]);
    }
  });

  it('answers a bad filter or cursor with an error page, not a 500', async () => {
    for (const path of ['/records/test-reports?cursor=not-a-cursor', '/records/test-reports?state=nope']) {
      const page = await regulator.get(path);
      expect(page.status, path).to.equal(400);
      expect(page.text, path).to.contain('<html');
    }
  });
});

describe('My work: where each role may act, through the index', () => {
  it("every rule's party field is a search field, so each kind is read under the person's own value", () => {
    const actor = (role: PrincipalRole): Actor => ({ id: `${role}-1`, role, economy: 'VN', cabId: 'cab-1', organisation: 'org-1' });
    for (const role of PRINCIPAL_ROLES) {
      for (const kind of KINDS) {
        for (const slice of workSlices(kind, actor(role))) {
          expect(Object.keys(slice.where), `${role} in ${kind}: ${JSON.stringify(slice)}`).to.not.deep.equal([]);
          expect(slice.states, `${role} in ${kind}`).to.not.deep.equal([]);
        }
      }
    }
    expect(workSlices('test-reports', actor('regulator'))).to.deep.equal([
      { where: { importingEconomy: 'VN' }, states: ['under_review', 'info_requested', 'on_hold', 'accepted'] },
    ]);
    expect(workSlices('test-reports', actor('importer'))).to.deep.equal([]);
  });
});

describe('the economy field of every kind', () => {
  it('lists the economies a record names, each once, and a change of its paths re-indexes', () => {
    for (const kind of KINDS) expect(workflows[kind].search, kind).to.have.property('economy');
    const report = { importingEconomy: 'KR', exportingEconomy: 'VN' };
    expect(searchFields(workflows['test-reports'], 'under_review', report)['economy']).to.deep.equal(['KR', 'VN']);
    expect(searchFields(workflows.recognitions, 'pending', { importingEconomy: 'KR', exportingEconomy: 'KR' })['economy']).to.equal('KR');
    const changed = { ...workflows, 'test-reports': { ...workflows['test-reports'], search: { ...workflows['test-reports'].search, economy: { anyOf: ['importingEconomy'] } } } };
    expect(searchIndexVersionOf(changed)).to.not.equal(searchIndexVersionOf());
  });
});
