/**
 * The statistics page in Chromium on the demo seed: the period's form works with JavaScript off
 * (a date typed, Enter, the figures of that period), and axe finds no serious or critical
 * violation at 1280 and 375 pixels wide, in Vietnamese and in English.
 */
import { expect } from 'chai';
import { statisticsTexts } from '../../src/i18n/pages/statistics.js';
import { BrowserWorld } from '../helpers/browser.js';

describe('the statistics page in a browser (npm run test:browser)', function () {
  this.timeout(180_000);
  let world: BrowserWorld;

  before(async function () {
    world = await BrowserWorld.forSuite(this);
  });
  after(async () => {
    await world?.close();
  });

  it('asks for a period with JavaScript off and shows the demo’s figures for it', async () => {
    const page = await world.person({ language: 'vi', javaScript: false });
    await page.goto(world.url('/statistics'));
    const reports = page.locator('table', { has: page.locator(`caption:text-is("${statisticsTexts.vi.reportsCaption}")`) });
    // The demo's last twelve months: Korea accepted and rejected reports of Vietnamese labs.
    expect(await reports.locator('tbody th[scope="row"]').allInnerTexts()).to.include('Việt Nam → Hàn Quốc');
    const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.fill('#field-from', to);
    await page.fill('#field-to', to);
    await Promise.all([page.waitForURL(/from=/), page.locator('#field-to').press('Enter')]);
    expect(new URL(page.url()).searchParams.get('from')).to.equal(to);
    expect(await page.locator('main').innerText()).to.contain(statisticsTexts.vi.none);
    await page.context().close();
  });

  it('has no serious or critical accessibility violation at 1280 and 375 pixels wide, in both languages', async () => {
    for (const language of ['vi', 'en'] as const) {
      const page = await world.person({ language });
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(world.url('/statistics'));
        await world.checkAccessibility(page);
      }
      await page.context().close();
    }
    expect(world.violations).to.deep.equal([]);
  });
});
