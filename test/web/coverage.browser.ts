/**
 * The coverage page in Chromium, on the demo seed, with JavaScript off (the form is a plain GET):
 * in both languages, "phuong nam" + PN-AX1800 in the United States is covered by certificate
 * TL-2026-0001 with a link to it; a model nothing covers is "not covered", with what to do. axe
 * finds no serious or critical violation at 1280 and 375 pixels wide.
 */
import { expect } from 'chai';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { BrowserWorld } from '../helpers/browser.js';

describe('the coverage page in Chromium (npm run test:browser)', function () {
  this.timeout(180_000);
  let world: BrowserWorld;
  before(async function () {
    world = await BrowserWorld.forSuite(this);
  });
  after(async () => world?.close());

  for (const language of ['en', 'vi'] as const) {
    const text = pageTexts[language].coverage;
    it(`answers covered by TL-2026-0001, then not covered with what to do, from the form without JavaScript (${language})`, async () => {
      const page = await world.person({ language, javaScript: false });
      await page.goto(world.url('/coverage'));
      await page.selectOption('#field-economy', 'US');
      await page.fill('#field-manufacturer', 'phuong nam');
      await page.fill('#field-model', 'pn-ax1800');
      await page.click('main form button');
      const answer = page.locator('#coverage');
      expect(await answer.locator('h2').innerText()).to.contain(text.byCertificate('pn-ax1800', '').split(' ')[0]!);
      const link = answer.locator('a', { hasText: 'TL-2026-0001' });
      expect(await link.getAttribute('href')).to.equal('/register/certificates/cert-tl-0001');
      await page.fill('#field-model', 'PN-NOTHING-1');
      await page.click('main form button');
      expect(await answer.innerText()).to.contain(text.whatToDo).and.to.contain(text.notCovered('PN-NOTHING-1', 'phuong nam', '').split(':')[0]!);
      expect(await answer.locator('a[href="/register?importing=US"]').count()).to.equal(1);
      await page.context().close();
    });

    it(`axe: the covered and the not-covered answer at 1280 and 375 pixels wide (${language})`, async () => {
      // axe runs in the page as a script: JavaScript on.
      const page = await world.person({ language });
      for (const model of ['PN-AX1800', 'PN-NOTHING-1']) {
        await page.goto(world.url(`/coverage?economy=US&manufacturer=phuong+nam&model=${model}`));
        for (const width of [1280, 375]) {
          await page.setViewportSize({ width, height: 900 });
          await world.checkAccessibility(page);
        }
      }
      await page.context().close();
      expect(world.violations).to.deep.equal([]);
    });
  }
});
