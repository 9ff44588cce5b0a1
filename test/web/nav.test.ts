/**
 * The nav is derived from the registry of kinds (`src/kinds/index.ts`): a signed-in person finds
 * the list of every kind the engine runs, named in the page's language.
 */
import { expect } from 'chai';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { workflows } from '../../src/kinds/index.js';
import type { Kind } from '../../src/kinds/types.js';
import { ApiWorld } from '../helpers/api.js';
import { PagePerson } from '../helpers/people.js';

/** The links of the page's nav: href -> words. */
function navLinks(html: string): Map<string, string> {
  const nav = /<nav[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  return new Map([...nav.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((match) => [match[1]!, match[2]!]));
}

describe('web pages: the nav lists every kind', () => {
  let api: ApiWorld;
  before(async () => {
    api = await ApiWorld.create();
  });
  after(async () => {
    await api.close();
  });

  for (const language of ['en', 'vi'] as const) {
    it(`links the list of each of the ${Object.keys(workflows).length} kinds, named in ${language}`, async () => {
      const person = await PagePerson.signIn(api, 'demo-kr-regulator-key', language);
      const links = navLinks((await person.get('/work')).text);
      const kinds = Object.keys(workflows) as Kind[];
      expect(kinds).to.have.length(7);
      for (const kind of kinds) expect(links.get(`/records/${kind}`), kind).to.equal(pageTexts[language].kinds[kind]);
    });
  }

  it('shows no list of records to someone not signed in', async () => {
    const links = navLinks((await api.request('GET', '/lookup', { headers: { Accept: 'text/html' } })).text);
    expect([...links.keys()].filter((href) => href.startsWith('/records/'))).to.deep.equal([]);
  });
});
