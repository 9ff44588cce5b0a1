/**
 * The demo story by clicks in a real Chromium, once in Vietnamese and once in English: a lab
 * submits a report, the regulator asks for information, the lab answers, the regulator accepts,
 * and an importer finds it by typing the model and the manufacturer without diacritics. On the way:
 * axe on every page, screenshots of the main pages, a version conflict, keyboard-only use,
 * pages and forms with JavaScript off, hostile names shown as text, and HTML error pages.
 */
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { wordings } from '../../src/i18n/index.js';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { BrowserWorld, daysAgo, expectState } from '../helpers/browser.js';
import { pdfBytes } from '../helpers/documents.js';

const LAB_KEY = 'demo-lab-song-hong-key';
const REGULATOR_KEY = 'demo-kr-regulator-key';
const MANUFACTURER = 'Công ty Cổ phần Thiết bị Mạng Phương Nam';

const byId = (id: string) => `[id="${id}"]`;

describe('web pages in Chromium (npm run test:browser)', function () {
  this.timeout(180_000);
  let world: BrowserWorld;

  before(async function () {
    world = await BrowserWorld.forSuite(this);
  });

  after(async () => {
    await world?.close();
  });


  /** Fills the form of one event on a record's page and sends it. */
  async function sendEvent(page: Page, event: string, fields: Record<string, string>): Promise<void> {
    const form = page.locator(`form:has(input[name="type"][value="${event}"])`);
    const details = page.locator(`details.action:has(input[name="type"][value="${event}"])`);
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    for (const [name, value] of Object.entries(fields)) await form.locator(byId(`field-${event}-${name}`)).fill(value);
    await form.locator('button').click();
  }

  for (const language of ['vi', 'en'] as const) {
    const text = pageTexts[language];
    const words = wordings[language];
    const state = (s: string) => words.states['test-reports'][s]!;
    const model = `PN-AX9${language === 'vi' ? '100' : '200'}`;
    const reportNumber = `SHT-WEB-${language.toUpperCase()}-1`;
    // axe is slow (seconds a page): each kind of page is checked once, in the Vietnamese walk.
    const check = (page: Page) => (language === 'vi' ? world.checkAccessibility(page) : Promise.resolve());

    it(`walks the demo story by clicks (${language})`, async function () {
      // axe on every kind of page takes minutes on a shared 2-core machine.
      this.timeout(480_000);
      const lab = await world.person({ language });
      const regulator = await world.person({ language });
      const importer = await world.person({ language });

      // The lab submits a report.
      await world.signIn(lab, LAB_KEY);
      await check(lab);
      await lab.click(`header a[href="/records/test-reports"]`);
      await lab.click(`main a[href="/records/test-reports/new"]`);
      await check(lab);
      await lab.fill(byId('field-reportNumber'), reportNumber);
      await lab.fill(byId('field-importingEconomy'), 'KR');
      await lab.fill(byId('field-regulations'), 'KR:KN 32\nKR:KN 301 489');
      await lab.fill(byId('field-equipment.manufacturer'), MANUFACTURER);
      await lab.fill(byId('field-equipment.model'), model);
      await lab.fill(byId('field-equipment.category'), 'Wi-Fi router');
      await lab.fill(byId('field-testedAt'), daysAgo(10));
      await lab.fill(byId('field-issuedAt'), daysAgo(8));
      await lab.fill(byId('field-importerId'), 'importer-hanbit');
      const pdf = pdfBytes(`Test report ${reportNumber}`);
      await lab.setInputFiles(byId('field-report'), { name: `${reportNumber}.pdf`, mimeType: 'application/pdf', buffer: pdf });
      await lab.click(`main form button:text("${text.create.submit}")`);
      await lab.waitForURL(/done=created/);
      await expectState(lab, state('under_review'));
      expect(await lab.locator('.notice').innerText()).to.equal(text.instance.created);
      expect(await lab.locator('.documents').innerText()).to.contain(`${reportNumber}.pdf`);
      const recordPath = new URL(lab.url()).pathname;

      // The regulator opens the record from the link of its e-mail: sign-in by e-mail link first,
      // then the record. It asks for information.
      await regulator.goto(world.url(recordPath));
      expect(new URL(regulator.url()).pathname).to.equal('/sign-in');
      await check(regulator);
      await world.screenshot(regulator, `${language}-sign-in`);
      await world.signInByEmail(regulator, 'mra@rra.kr.example', 'kr-regulator');
      await regulator.waitForURL((url) => url.pathname === recordPath);
      await regulator.click('header a[href="/work"]');
      await check(regulator);
      await world.screenshot(regulator, `${language}-my-work`);
      await regulator.click(`main a:text("${reportNumber} – ${model}")`);
      await check(regulator);
      await sendEvent(regulator, 'REQUEST_INFO', { request: 'Vui lòng gửi kết quả phát xạ giả băng tần 5 GHz.' });
      await regulator.waitForURL(/done=sent/);
      await expectState(regulator, state('info_requested'));

      // The lab answers, from its own My work.
      await lab.click('header a[href="/work"]');
      await lab.click(`main a:text("${reportNumber} – ${model}")`);
      await lab.setInputFiles(byId('field-PROVIDE_INFO-annexes'), { name: 'phu-luc-B.pdf', mimeType: 'application/pdf', buffer: pdfBytes(`Annex B ${reportNumber}`) });
      await sendEvent(lab, 'PROVIDE_INFO', { response: 'Đã bổ sung kết quả đo phát xạ giả, phụ lục B.' });
      await lab.waitForURL(/done=sent/);
      await expectState(lab, state('under_review'));

      // The regulator accepts, from a page opened before the lab answered? No: a fresh one; a
      // second tab opened now and sent after the acceptance meets a conflict.
      await regulator.goto(world.url(recordPath));
      const secondTab = await regulator.context().newPage();
      await secondTab.goto(world.url(recordPath));
      await sendEvent(regulator, 'ACCEPT', { comment: 'Chấp nhận theo MRA VN–KR.' });
      await regulator.waitForURL(/done=sent/);
      await expectState(regulator, state('accepted'));
      await check(regulator);
      await world.screenshot(regulator, `${language}-record`);
      await sendEvent(secondTab, 'ACCEPT', {});
      expect(await secondTab.locator('#conflict').innerText()).to.contain(text.instance.conflict).and.to.contain(words.events['test-reports']['ACCEPT']!);

      // An importer, not signed in, finds it by typing without diacritics.
      await importer.goto(world.url('/'));
      await check(importer);
      await world.screenshot(importer, `${language}-home`);
      await importer.click('header a[href="/lookup"]');
      await importer.selectOption(byId('field-economy'), 'KR');
      await importer.fill(byId('field-q'), `phuong nam ${model.toLowerCase()}`);
      await importer.click(`main form button:text("${text.lookup.search}")`);
      await importer.waitForURL(/q=phuong/);
      const row = importer.locator('#results tbody tr');
      expect(await row.count()).to.equal(1);
      expect(await row.innerText()).to.contain(reportNumber).and.to.contain(MANUFACTURER).and.to.contain(state('accepted'));
      await check(importer);
      await world.screenshot(importer, `${language}-lookup`);

      // The importer checks the PDF the lab gave it.
      await importer.click('main a[href="/verify"]');
      await importer.setInputFiles(byId('field-file'), { name: 'given.pdf', mimeType: 'application/pdf', buffer: pdf });
      await importer.click(`main form[enctype="multipart/form-data"] button`);
      expect(await importer.locator('#verification').innerText()).to.contain(text.verify.verified).and.to.contain(reportNumber);
      await check(importer);
      await world.screenshot(importer, `${language}-verify`);

      // The public pages around it.
      await importer.click('header a[href="/lookup"]');
      await importer.click(`main a[href="/statuses"]`);
      expect(await importer.locator('h1').innerText()).to.equal(text.statuses.title);
      await check(importer);
      await importer.goto(world.url('/register?importing=KR&exporting=VN'));
      await check(importer);
      expect(await importer.locator('tbody').innerText()).to.contain('VN0001');
      await world.screenshot(importer, `${language}-register`);
      await importer.goto(world.url('/how-it-works/test-reports'));
      await check(importer);
      await world.screenshot(importer, `${language}-machine`);
      for (const page of [lab, regulator, importer]) await page.context().close();
    });
  }

  it('follows Accept-Language, switches language on request and remembers the choice', async () => {
    const page = await world.person({ language: 'en' });
    await page.goto(world.url('/lookup'));
    expect(await page.locator('html').getAttribute('lang')).to.equal('en');
    await page.click(`header a:text("${pageTexts.en.language.switchTo}")`);
    expect(new URL(page.url()).pathname).to.equal('/lookup');
    expect(await page.locator('html').getAttribute('lang')).to.equal('vi');
    expect(await page.locator('h1').innerText()).to.equal(pageTexts.vi.lookup.title);
    await page.goto(world.url('/register'));
    expect(await page.locator('h1').innerText()).to.equal(pageTexts.vi.register.title);
    await page.context().close();
  });

  it('is usable by keyboard alone: skip link, search, sign-in, an event form', async () => {
    const page = await world.person({ language: 'en' });
    await page.goto(world.url('/lookup'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).to.equal('skip-link');
    await page.keyboard.press('Enter');
    const tabTo = async (id: string) => {
      for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.id)) !== id; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).to.equal(id);
    };
    await tabTo('field-q');
    await page.keyboard.type('pn-ax3000');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=pn-ax3000/);
    expect(await page.locator('#results tbody tr').count()).to.equal(1);

    await page.goto(world.url('/sign-in'));
    await tabTo('field-key');
    await page.keyboard.type(REGULATOR_KEY);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/work/);
    await page.goto(world.url('/records/test-reports/tr-sh-0002'));
    const summary = page.locator('details.action:has(input[value="REQUEST_INFO"]) summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await tabTo('field-REQUEST_INFO-request');
    await page.keyboard.type('Keyboard only: please send the 5 GHz results.');
    // On through the form's other fields to its button.
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.tagName)) !== 'BUTTON'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=sent/);
    await expectState(page, wordings.en.states['test-reports']['info_requested']!);
    await page.context().close();
  });

  it('works with JavaScript off: look-up, sign-in, and a refused form that says why beside the field', async () => {
    const page = await world.person({ language: 'vi', javaScript: false });
    await page.goto(world.url('/lookup?economy=KR'));
    await page.fill(byId('field-q'), 'phuong nam');
    await page.click('main form button');
    expect(await page.locator('#results tbody tr').count()).to.be.greaterThan(0);
    await world.signIn(page, REGULATOR_KEY);
    await page.goto(world.url('/records/test-reports/tr-sh-0002'));
    // A <details> opens without script too; the REJECT form is sent with its reason left empty.
    await sendEvent(page, 'REJECT', {});
    const error = page.locator(byId('error-REJECT-reason'));
    expect(await error.innerText()).to.equal(pageTexts.vi.fieldErrors['required']);
    expect(await page.locator(`${byId('field-REJECT-reason')}`).getAttribute('aria-describedby')).to.contain('error-REJECT-reason');
    await page.context().close();
    // axe runs in the page as a script, so the refused form is checked again with JavaScript on.
    const checked = await world.person({ language: 'vi' });
    await world.signIn(checked, REGULATOR_KEY);
    await checked.goto(world.url('/records/test-reports/tr-sh-0002'));
    await sendEvent(checked, 'REJECT', {});
    await world.checkAccessibility(checked);
    await checked.context().close();
  });

  it('shows a hostile name as text on every page where it appears', async () => {
    const script = '<script>alert(1)</script>';
    const formula = '=HYPERLINK("http://example.invalid","click")';
    const lab = await world.person({ language: 'en' });
    await world.signIn(lab, LAB_KEY);
    await lab.goto(world.url('/records/test-reports/new'));
    await lab.fill(byId('field-reportNumber'), 'SHT-WEB-XSS-1');
    await lab.fill(byId('field-importingEconomy'), 'KR');
    await lab.fill(byId('field-regulations'), 'KR:KN 32');
    await lab.fill(byId('field-equipment.manufacturer'), formula);
    await lab.fill(byId('field-equipment.model'), script);
    await lab.fill(byId('field-equipment.category'), '<img src=x onerror=alert(2)>');
    await lab.fill(byId('field-testedAt'), daysAgo(5));
    await lab.fill(byId('field-issuedAt'), daysAgo(4));
    await lab.click('main form button:text("Create")');
    await lab.waitForURL(/done=created/);
    expect(await lab.locator('h1').innerText()).to.equal(`SHT-WEB-XSS-1 – ${script}`);
    expect(await lab.locator('main').innerText()).to.contain(formula).and.to.contain('<img src=x onerror=alert(2)>');
    expect(await lab.locator('main script, main img').count()).to.equal(0);

    const regulator = await world.person({ language: 'en' });
    await world.signIn(regulator, REGULATOR_KEY);
    expect(await regulator.locator('main').innerText()).to.contain(script);
    await regulator.click(`main a:text("SHT-WEB-XSS-1")`);
    await sendEvent(regulator, 'REJECT', { reason: script });
    await regulator.waitForURL(/done=sent/);
    expect(await regulator.locator('.timeline').innerText()).to.contain(script);

    const importer = await world.person({ language: 'en' });
    await importer.goto(world.url('/lookup?economy=KR&q=hyperlink'));
    expect(await importer.locator('#results tbody').innerText()).to.contain(formula).and.to.contain(script);
    expect(await importer.locator('main script').count()).to.equal(0);
    for (const page of [lab, regulator, importer]) await page.context().close();
  });

  it('answers HTML error pages: 404 for what is not there, 403 for what is not yours, sign-in first for the rest', async () => {
    const page = await world.person({ language: 'vi' });
    await page.goto(world.url('/records/test-reports/no-such-report'));
    expect(new URL(page.url()).pathname).to.equal('/sign-in');
    expect(new URL(page.url()).searchParams.get('back')).to.equal('/records/test-reports/no-such-report');
    await world.signIn(page, LAB_KEY);
    const notFound = await page.goto(world.url('/records/test-reports/no-such-report'));
    expect(notFound?.status()).to.equal(404);
    expect(await page.locator('h1').innerText()).to.equal(pageTexts.vi.notFound.title);
    await world.checkAccessibility(page);
    const forbidden = await page.goto(world.url('/outbox'));
    expect(forbidden?.status()).to.equal(403);
    expect(await page.locator('h1').innerText()).to.equal(pageTexts.vi.forbidden.title);
    const nowhere = await page.goto(world.url('/no/such/page'));
    expect(nowhere?.status()).to.equal(404);
    expect(await nowhere?.headerValue('content-type')).to.contain('text/html');
    await page.context().close();
  });

  it('has no serious or critical accessibility violation on any page visited', () => {
    expect(world.violations).to.deep.equal([]);
  });
});
