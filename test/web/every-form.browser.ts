/**
 * Every form of the pages, used by keyboard alone in a Chromium with JavaScript off: Tab to each
 * field (the focus ring visible on each), type, Enter; never a click. Sign-in by key and by e-mail
 * link, sign-out, the language switch, the look-up, the register, the verification by hash and by
 * file, My work's filters, the create forms (agreement, accreditation, recognition, test report with
 * its PDF, CAB), event forms (with a file), the people forms (add a person, mint a key, revoke it,
 * disable a person) and the outbox's re-queue. Then axe visits, with JavaScript on, every page
 * `story.browser.ts` does not: People, a principal, the outbox, every list and create form, the
 * CAB form, the processes, the sign-in link's page, the 403 page.
 */
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { signInLinksSettled } from '../../src/access/sign-in.js';
import { wordings } from '../../src/i18n/index.js';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { BrowserWorld, daysAgo, expectState } from '../helpers/browser.js';
import { pdfBytes } from '../helpers/documents.js';

const en = pageTexts.en;
const states = wordings.en.states;

/** Presses Tab until the element `selector` names has the focus, and checks the focus is visible. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      const visible = await page.evaluate(() => {
        const element = document.activeElement!;
        const style = getComputedStyle(element);
        return element.matches(':focus-visible') && (style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 191, 71)');
      });
      expect(visible, `focus ring on ${selector}`).to.equal(true);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector} on ${page.url()}`);
}

/** Tabs to a field and types into it (a textarea takes a line per "\n"). */
async function type(page: Page, selector: string, value: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(value);
}

/**
 * A date typed as a person types it into Chromium's date field: its segments follow the browser's
 * own language (headless Chromium here: month, day, year), whatever the page's language.
 */
async function typeDate(page: Page, selector: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await type(page, selector, `${month}${day}${year}`);
  expect(await page.locator(selector).inputValue(), `the date typed into ${selector}`).to.equal(iso);
}

/** Tabs to a select and moves with the arrow keys until `value` is chosen. */
async function choose(page: Page, selector: string, value: string): Promise<void> {
  await tabTo(page, selector);
  for (let i = 0; i < 40 && (await page.locator(selector).inputValue()) !== value; i++) await page.keyboard.press('ArrowDown');
  expect(await page.locator(selector).inputValue()).to.equal(value);
}

/** Tabs to a button and presses Enter; waits for the page it loads. */
async function press(page: Page, selector: string): Promise<void> {
  await tabTo(page, selector);
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
}

/**
 * Tabs to a file input, opens its chooser with the space bar and picks `file`. Playwright starts
 * intercepting choosers when one is awaited, a round trip to the browser that a key press can
 * overtake (seen once in CI: no chooser event); so a press that opened none is tried again, twice.
 */
async function pickFile(page: Page, selector: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await tabTo(page, selector);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5_000 }).catch(() => null), page.keyboard.press('Space')]);
    if (chooser) return chooser.setFiles(file);
    if (attempt === 3) throw new Error(`The space bar opened no file chooser on ${selector} in three tries`);
  }
}

const byId = (id: string) => `[id="${id}"]`;

describe('every form by keyboard alone with JavaScript off, and axe on every other page (npm run test:browser)', function () {
  this.timeout(180_000);
  let world: BrowserWorld;

  before(async function () {
    // No mail server listens on port 1 of the loopback: every e-mail is given up after one try,
    // so the outbox has dead letters for the admin to send again.
    world = await BrowserWorld.forSuite(this, { SMTP_URL: 'smtp://127.0.0.1:1', MRA_MAIL_MAX_ATTEMPTS: '1' });
  });

  after(async () => {
    await world?.close();
  });

  /** A person with JavaScript off, on `path`, the focus at the top of the page. */
  async function keyboardPerson(path: string): Promise<Page> {
    const page = await world.person({ language: 'en', javaScript: false });
    await page.goto(world.url(path));
    expect(await page.evaluate(() => typeof (window as { htmx?: unknown }).htmx)).to.equal('undefined');
    return page;
  }

  async function signInByKeyboard(page: Page, key: string): Promise<void> {
    await page.goto(world.url('/sign-in'));
    await type(page, '#field-key', key);
    await Promise.all([page.waitForURL(/\/work/), page.keyboard.press('Enter')]);
  }

  it('public forms: the language switch, the look-up, the register, verification by hash and by file', async () => {
    const page = await keyboardPerson('/lookup');
    await press(page, 'a.language-switch');
    expect(await page.locator('html').getAttribute('lang')).to.equal('vi');
    await press(page, 'a.language-switch');
    expect(await page.locator('html').getAttribute('lang')).to.equal('en');

    await choose(page, '#field-economy', 'KR');
    await type(page, '#field-q', 'phuong nam pn-ax3000');
    await Promise.all([page.waitForURL(/q=phuong/), page.keyboard.press('Enter')]);
    expect(await page.locator('#results tbody tr').count()).to.equal(1);

    await page.goto(world.url('/register'));
    await choose(page, '#field-importing', 'KR');
    await choose(page, '#field-exporting', 'VN');
    await press(page, 'main form[action="/register"] button');
    expect(new URL(page.url()).searchParams.get('importing')).to.equal('KR');
    expect(await page.locator('tbody').innerText()).to.contain('VN0001');

    await page.goto(world.url('/verify'));
    await type(page, '#field-sha256', '0'.repeat(64));
    await Promise.all([page.waitForURL(/sha256=/), page.keyboard.press('Enter')]);
    expect(await page.locator('#verification h2').innerText()).to.equal(en.verify.notVerified);
    await pickFile(page, '#field-file', { name: 'any.pdf', mimeType: 'application/pdf', buffer: pdfBytes('Not in the register') });
    await press(page, 'main form[enctype="multipart/form-data"] button');
    expect(await page.locator('#verification h2').innerText()).to.equal(en.verify.notVerified);
    await page.context().close();
  });

  it('sign-in by e-mail link and by key, My work’s filters, sign-out', async () => {
    const page = await keyboardPerson('/sign-in');
    await type(page, '#field-email', 'mra@rra.kr.example');
    await press(page, 'main form[action="/sign-in/link"] button');
    expect(await page.locator('main .notice').count()).to.equal(1);
    await signInLinksSettled();
    const mail = (await world.service.store.listOutbox({ limit: 500 })).items.filter((m) => m.account?.principalId === 'kr-regulator').at(-1)!;
    const link = new URL(mail.account!.link);
    await page.goto(world.url(link.pathname + link.search));
    await press(page, 'main form[action="/sign-in/email"] button');
    expect(new URL(page.url()).pathname).to.equal('/work');

    await choose(page, '#field-kind', 'test-reports');
    await type(page, '#field-q', 'HH-STB4K');
    await Promise.all([page.waitForURL(/q=HH-STB4K/), page.keyboard.press('Enter')]);
    expect(await page.locator('main tbody tr').count()).to.equal(1);

    await press(page, 'form[action="/sign-out"] button');
    expect(await page.locator('header a[href^="/sign-in"]').count()).to.equal(1);

    await signInByKeyboard(page, 'demo-kr-regulator-key');
    expect(await page.locator('header .who').innerText()).to.contain('RRA');
    await page.context().close();
  });

  it('create forms: an agreement, an accreditation, a recognition told why not, a test report with its PDF, a CAB', async () => {
    const page = await keyboardPerson('/');
    await signInByKeyboard(page, 'demo-vn-regulator-key');
    await page.goto(world.url('/records/agreements/new'));
    await type(page, byId('field-economies'), 'VN\nCA');
    await choose(page, byId('field-phase'), 'I');
    await type(page, byId('field-scope'), 'VN:QCVN 54:2020/BTTTT\nCA:RSS-Gen Issue 5');
    await type(page, byId('field-title'), 'MRA Việt Nam – Canada');
    await press(page, 'main form[action="/records/agreements"] button');
    expect(page.url()).to.contain('done=created');
    await expectState(page, states.agreements['negotiating']!);

    await signInByKeyboard(page, 'demo-vn-accreditation-body-key');
    await page.goto(world.url('/records/accreditations/new'));
    await type(page, byId('field-cabId'), 'vn-lab-sai-gon');
    await choose(page, byId('field-standard'), 'ISO/IEC 17025');
    await type(page, byId('field-certificateNumber'), 'VILAS 9901');
    await type(page, byId('field-scope'), 'VN:QCVN 54:2020/BTTTT');
    await typeDate(page, byId('field-validFrom'), daysAgo(1));
    await typeDate(page, byId('field-validUntil'), daysAgo(-1000));
    await press(page, 'main form[action="/records/accreditations"] button');
    expect(page.url(), await page.locator('main').innerText()).to.contain('done=created');
    await expectState(page, states.accreditations['active']!);

    // The agreement with Japan is still negotiated: the engine refuses, and the form says why.
    await signInByKeyboard(page, 'demo-vn-designating-authority-key');
    await page.goto(world.url('/records/recognitions/new'));
    await type(page, byId('field-agreementId'), 'agr-vn-jp');
    await type(page, byId('field-cabId'), 'vn-lab-sai-gon');
    await type(page, byId('field-importingEconomy'), 'JP');
    await type(page, byId('field-scope'), 'JP:Radio Law technical regulations for specified radio equipment');
    await press(page, 'main form[action="/records/recognitions"] button');
    expect(await page.locator('.error-summary').innerText()).to.contain(en.errors['NOT_ELIGIBLE']!);
    expect(await page.locator(byId('field-agreementId')).inputValue()).to.equal('agr-vn-jp');

    await page.goto(world.url('/directory/cabs/new'));
    await type(page, byId('field-name'), 'Phòng thử nghiệm Bàn Phím');
    await type(page, byId('field-economy'), 'VN');
    await choose(page, byId('field-type'), 'lab');
    await type(page, byId('field-email'), 'lab@banphim.vn.example');
    await choose(page, byId('field-language'), 'vi');
    await press(page, 'main form[action="/directory/cabs"] button');
    expect(await page.locator('main .notice').innerText()).to.equal(en.cab.created('Phòng thử nghiệm Bàn Phím'));

    await signInByKeyboard(page, 'demo-lab-song-hong-key');
    await page.goto(world.url('/records/test-reports/new'));
    await type(page, byId('field-reportNumber'), 'SHT-KEY-1');
    await type(page, byId('field-importingEconomy'), 'KR');
    await type(page, byId('field-regulations'), 'KR:KN 32');
    await type(page, byId('field-equipment.manufacturer'), 'Công ty Bàn Phím');
    await type(page, byId('field-equipment.model'), 'BP-1');
    await type(page, byId('field-equipment.category'), 'Wi-Fi router');
    await typeDate(page, byId('field-testedAt'), daysAgo(6));
    await typeDate(page, byId('field-issuedAt'), daysAgo(5));
    await pickFile(page, byId('field-report'), { name: 'SHT-KEY-1.pdf', mimeType: 'application/pdf', buffer: pdfBytes('SHT-KEY-1') });
    await press(page, 'main form[action="/records/test-reports"] button');
    expect(page.url()).to.contain('done=created');
    await expectState(page, states['test-reports']['under_review']!);
    expect(await page.locator('.documents').innerText()).to.contain('SHT-KEY-1.pdf');
    await page.context().close();
  });

  it('event forms: the regulator accepts, the lab answers a request with an annex', async () => {
    const page = await keyboardPerson('/');
    await signInByKeyboard(page, 'demo-kr-regulator-key');
    await page.goto(world.url('/records/test-reports/tr-sh-0002'));
    await tabTo(page, 'details.action:has(input[value="ACCEPT"]) summary');
    await page.keyboard.press('Enter');
    await type(page, byId('field-ACCEPT-comment'), 'Accepted by keyboard.');
    await press(page, 'form:has(input[value="ACCEPT"]) button');
    expect(page.url()).to.contain('done=sent');
    await expectState(page, states['test-reports']['accepted']!);

    await signInByKeyboard(page, 'demo-lab-song-hong-key');
    await page.goto(world.url('/records/test-reports/tr-sh-0003'));
    await tabTo(page, 'details.action:has(input[value="PROVIDE_INFO"]) summary');
    if ((await page.locator('details.action:has(input[value="PROVIDE_INFO"])').getAttribute('open')) === null) await page.keyboard.press('Enter');
    await type(page, byId('field-PROVIDE_INFO-response'), 'Photos attached.');
    await pickFile(page, byId('field-PROVIDE_INFO-annexes'), { name: 'photos.pdf', mimeType: 'application/pdf', buffer: pdfBytes('Photos') });
    await press(page, 'form:has(input[value="PROVIDE_INFO"]) button');
    expect(page.url()).to.contain('done=sent');
    await expectState(page, states['test-reports']['under_review']!);
    expect(await page.locator('.documents').innerText()).to.contain('photos.pdf');
    await page.context().close();
  });

  it('people forms: add a person, mint a key, revoke it, disable the person', async () => {
    const page = await keyboardPerson('/');
    await signInByKeyboard(page, 'demo-kr-regulator-key');
    await page.goto(world.url('/people'));
    await type(page, byId('field-name'), 'Park Keyboard');
    await choose(page, byId('field-role'), 'regulator');
    await type(page, byId('field-email'), 'park@rra.kr.example');
    await choose(page, byId('field-language'), 'en');
    await press(page, 'main form[action="/people"] button');
    expect(await page.locator('main .notice').innerText()).to.contain('Park Keyboard');

    await page.goto(world.url('/people/kr-regulator'));
    await type(page, byId('field-key-name'), 'Keyboard key');
    await press(page, 'main form[action="/people/kr-regulator/keys"] button');
    expect(await page.locator('#minted code').innerText()).to.have.length.greaterThan(20);
    await page.goto(world.url('/people/kr-regulator'));
    await press(page, 'main form[action*="/revoke"]:has(button[aria-label*="Keyboard key"]) button');
    expect(await page.locator('main .notice').innerText()).to.equal(en.people.revoked);

    const park = (await world.service.store.principalByEmail('park@rra.kr.example'))!;
    await page.goto(world.url(`/people/${park.id}`));
    await type(page, '#field-disable-reason', 'Left the agency.');
    await press(page, `main form[action="/people/${park.id}/disable"] button`);
    expect((await world.service.store.getPrincipal(park.id))!.disabledAt).to.be.a('string');
    await page.context().close();
  });

  it('the outbox: the admin sends a dead letter again', async () => {
    const store = world.service.store;
    const deadLetter = async () => (await store.listOutbox({ status: 'dead', limit: 1 })).items[0];
    for (let i = 0; i < 100 && !(await deadLetter()); i++) await new Promise((resolve) => setTimeout(resolve, 200));
    const message = await deadLetter();
    if (!message) throw new Error('the refusing mail server made no letter dead in 20 s');
    const page = await keyboardPerson('/');
    await signInByKeyboard(page, 'demo-admin-api-key');
    await page.goto(world.url('/outbox'));
    await press(page, `main form[action="/outbox/${encodeURIComponent(message.id)}/requeue"] button`);
    expect(await page.locator('main .notice').innerText()).to.equal(en.outbox.requeued);
    await page.context().close();
  });

  it('axe: People, a principal, the outbox, every list and create form, the CAB form, the processes, the sign-in link, 403', async function () {
    this.timeout(480_000);
    const visit = async (page: Page, path: string) => {
      const answer = await page.goto(world.url(path));
      expect(answer?.status(), path).to.be.oneOf([200, 403]);
      await world.checkAccessibility(page);
    };
    const regulator = await world.person({ language: 'en' });
    await world.signIn(regulator, 'demo-kr-regulator-key');
    for (const path of ['/people', '/people/kr-regulator', '/records/test-reports', '/records/recognitions', '/records/accreditations', '/records/agreements', '/records/agreements/new', '/work?kind=test-reports&q=pn', '/how-it-works', '/outbox']) {
      await visit(regulator, path);
    }
    expect(await regulator.locator('h1').innerText()).to.equal(en.forbidden.title);
    const minted = regulator.locator('main form[action="/people/kr-regulator/keys"]');
    await regulator.goto(world.url('/people/kr-regulator'));
    await minted.locator(byId('field-key-name')).fill('axe key');
    await minted.locator('button').click();
    await world.checkAccessibility(regulator);

    const admin = await world.person({ language: 'en' });
    await world.signIn(admin, 'demo-admin-api-key');
    for (const path of ['/outbox', '/people', '/records/accreditations/new', '/records/recognitions/new', '/directory/cabs/new']) await visit(admin, path);
    const lab = await world.person({ language: 'en' });
    await world.signIn(lab, 'demo-lab-song-hong-key');
    await visit(lab, '/records/test-reports/new');

    const visitor = await world.person({ language: 'en' });
    await visitor.goto(world.url('/sign-in'));
    await visitor.fill('#field-email', 'compliance@hanbit.kr.example');
    await visitor.click('main form[action="/sign-in/link"] button');
    await signInLinksSettled();
    const mail = (await world.service.store.listOutbox({ limit: 500 })).items.filter((m) => m.account?.principalId === 'importer-hanbit').at(-1)!;
    const link = new URL(mail.account!.link);
    await visit(visitor, link.pathname + link.search);
    for (const page of [regulator, admin, lab, visitor]) await page.context().close();
    expect(world.violations).to.deep.equal([]);
  });
});
