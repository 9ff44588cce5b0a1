/**
 * The web pages in a real browser: the whole service as `npm start` runs it (demo seed, real
 * SQLite file in a temp folder, port 0), and Debian's Chromium driven by playwright-core. One
 * browser for the whole suite (a fresh, empty profile that Playwright makes in the temp folder);
 * each person gets a context of their own (their own cookies). Never downloads a browser.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'chai';
import { pino } from 'pino';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { signInLinksSettled } from '../../src/access/sign-in.js';
import { loadConfig } from '../../src/config.js';
import { startService, type Service } from '../../src/service.js';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

export class BrowserWorld {
  readonly service: Service;
  readonly browser: Browser;
  readonly #dir: string;
  /** Every axe violation of impact serious or critical, with the page it was found on. */
  readonly violations: string[] = [];

  private constructor(service: Service, browser: Browser, dir: string) {
    this.service = service;
    this.browser = browser;
    this.#dir = dir;
  }

  static available(): boolean {
    return existsSync(CHROMIUM);
  }

  /**
   * The world of a suite, from its `before` hook; where Chromium is not installed the suite says
   * so loudly and is skipped: never a pass. `.ci/run` installs Debian's chromium, so CI runs it.
   */
  static async forSuite(suite: Mocha.Context, env: Record<string, string> = {}): Promise<BrowserWorld> {
    if (!BrowserWorld.available()) {
      console.error('SKIPPED: /usr/bin/chromium is not installed (apt-get install -y chromium); the browser suite did not run');
      suite.skip();
    }
    return BrowserWorld.create(env);
  }

  /** The service of `npm start` on the demo seed; `env` adds settings (an SMTP server that refuses, say). */
  static async create(env: Record<string, string> = {}): Promise<BrowserWorld> {
    const dir = mkdtempSync(join(tmpdir(), 'mra-web-'));
    const config = loadConfig({
      PORT: '0',
      MRA_DB_PATH: join(dir, 'mra.sqlite'),
      MRA_MAIL_DIR: join(dir, 'mail'),
      MRA_SEED: 'demo',
      MRA_SQLITE_SYNCHRONOUS: 'NORMAL',
      ...env,
    });
    const service = await startService(config, pino({ level: 'silent' }));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return new BrowserWorld(service, browser, dir);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.service.stop();
    rmSync(this.#dir, { recursive: true, force: true });
  }

  url(path: string): string {
    return `${this.service.url}${path}`;
  }

  /** A person's own browser context: their language, JavaScript on or off. */
  async person(options: { language: 'en' | 'vi'; javaScript?: boolean }): Promise<Page> {
    const context: BrowserContext = await this.browser.newContext({
      locale: options.language === 'vi' ? 'vi-VN' : 'en-GB',
      extraHTTPHeaders: { 'Accept-Language': options.language === 'vi' ? 'vi-VN,vi;q=0.9' : 'en-GB,en;q=0.9' },
      javaScriptEnabled: options.javaScript ?? true,
      viewport: { width: 1280, height: 900 },
    });
    // A step that cannot happen fails in 20 s with the selector it waited for, not at mocha's timeout.
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    // Any script that runs from page content would open a dialog: fail loudly if one does.
    page.on('dialog', (dialog) => {
      throw new Error(`a dialog opened: ${dialog.message()}`);
    });
    return page;
  }

  /** Signs in with an API key through the sign-in page, by clicks. */
  async signIn(page: Page, key: string): Promise<void> {
    await page.goto(this.url('/'));
    await page.click('header a[href^="/sign-in"]');
    await page.fill('#field-key', key);
    await page.click('main form[action="/sign-in"] button');
    await page.waitForURL(/\/work/);
  }

  /**
   * On the sign-in page the browser is on: asks for an e-mail link, opens the link the outbox
   * holds for `principalId` (as the person would from their mailbox) and presses its button.
   */
  async signInByEmail(page: Page, email: string, principalId: string): Promise<void> {
    await page.fill('#field-email', email);
    await page.click('main form[action="/sign-in/link"] button');
    await page.locator('main .notice').waitFor();
    await signInLinksSettled();
    const mail = (await this.service.store.listOutbox({ limit: 500 })).items.filter((m) => m.account?.principalId === principalId).at(-1);
    if (!mail?.account) throw new Error(`no sign-in link was e-mailed to ${principalId}`);
    const link = new URL(mail.account.link);
    await page.goto(this.url(link.pathname + link.search));
    await page.click('main form[action="/sign-in/email"] button');
  }

  /** Runs axe on the page as it is now and keeps every serious or critical violation. */
  async checkAccessibility(page: Page): Promise<void> {
    const results = await new AxeBuilder({ page }).analyze();
    for (const v of results.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') {
        this.violations.push(`${page.url()}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
    }
  }

  async screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }
}

/** The days before today, as a date input takes them. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

export async function expectState(page: Page, words: string): Promise<void> {
  expect(await page.locator('.state-line .tag').innerText()).to.equal(words);
}
