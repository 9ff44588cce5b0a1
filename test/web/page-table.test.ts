/**
 * Every page is a row of one table (`allPages`, `src/http/web/page-route.ts`) mounted by one
 * mounter (`src/http/web/mount-page.ts`): over real HTTP, each page that needs someone signed in
 * sends a visitor to the sign-in page and back, and each form that changes something is refused
 * without its CSRF token, whichever file declares it.
 */
import { expect } from 'chai';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { allPages } from '../../src/http/web/index.js';
import { ApiWorld, apiDeps } from '../helpers/api.js';

const HTML = { Accept: 'text/html' };

/** A path of the table with each `{param}` filled in. */
function concrete(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => (name === 'kind' ? 'test-reports' : 'x'));
}

describe('web pages: one table, one mounter', () => {
  let api: ApiWorld;
  before(async () => {
    api = await ApiWorld.create();
  });
  after(async () => {
    await api.close();
  });

  it('declares every page once, by method and path', () => {
    const keys = allPages(apiDeps(api.world)).map((spec) => `${spec.method} ${spec.path}`);
    expect(keys.length).to.be.at.least(30);
    expect(new Set(keys).size).to.equal(keys.length);
  });

  it('sends someone not signed in from each signed-in page to the sign-in page, and back', async () => {
    for (const spec of allPages(apiDeps(api.world)).filter((s) => s.access === 'signed-in' && s.method === 'get')) {
      const path = concrete(spec.path);
      const answer = await fetch(`${api.server.url}${path}`, { redirect: 'manual', headers: HTML });
      expect(answer.status, path).to.equal(303);
      expect(answer.headers.get('location'), path).to.equal(`/sign-in?back=${encodeURIComponent(path)}`);
    }
  });

  it('refuses each form without its CSRF token, but the verification form, which changes nothing', async () => {
    for (const spec of allPages(apiDeps(api.world)).filter((s) => s.method === 'post')) {
      const path = concrete(spec.path);
      const answer = await api.request('POST', path, { headers: { ...HTML, 'Content-Type': 'application/x-www-form-urlencoded' }, raw: 'a=b' });
      if (spec.csrf === false) {
        expect(answer.status, path).to.not.equal(403);
      } else {
        expect(answer.status, path).to.equal(403);
        expect(answer.text, path).to.contain(pageTexts.en.errors['CSRF']);
      }
    }
  });
});
