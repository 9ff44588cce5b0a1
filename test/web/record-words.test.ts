/**
 * A record's page says everything in words: no field name (`attachedWith`, `inForceOnTestDate`),
 * no coded value (`review`, `report`, `CREATE`, `on_hold`, `true`) reaches the person reading it.
 * Every record of the demo (every kind, with facts, causes, requests for information) and a report
 * with its PDF and an annex is opened by the admin in both languages over real HTTP. In Vietnamese
 * no text may equal any key or coded value the record holds; in English, none may look like a code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { Parser } from 'htmlparser2';
import { pino } from 'pino';
import { KINDS } from '../../src/kinds/types.js';
import { loadConfig } from '../../src/config.js';
import { wordings } from '../../src/i18n/index.js';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { startService, type Service } from '../../src/service.js';
import { pdfBytes } from '../helpers/documents.js';
import { cookieOf, csrfTokenOf } from '../helpers/people.js';

const HTML = { Accept: 'text/html' };
/** `on_hold`, `REQUEST_INFO`, `CREATE`, `inForceOnTestDate`: what a code looks like. */
const CODE_LIKE = /^(?:[a-z]+(?:_[a-z]+)+|[A-Z]{3,}(?:_[A-Z]+)*|[A-Z]+(?:_[A-Z]+)+|[a-z]+(?:[A-Z][a-z0-9]*)+|true|false)$/;
const ECONOMY = /^[A-Z]{2}$/;

/** The text nodes a person reads in a page's `<main>` (not a `<code>` such as a SHA-256). */
function textsOf(html: string): string[] {
  const texts: string[] = [];
  let inMain = 0;
  let inCode = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'main') inMain++;
        if (name === 'code') inCode++;
      },
      onclosetag(name) {
        if (name === 'main') inMain--;
        if (name === 'code') inCode--;
      },
      ontext(text) {
        if (inMain > 0 && inCode === 0 && text.trim()) texts.push(text.trim());
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return texts;
}

/** Every key, and every string that looks like a code, anywhere in `value`. */
function codesIn(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) codesIn(v, into);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (!ECONOMY.test(key)) into.add(key);
      codesIn(v, into);
    }
  } else if (typeof value === 'string' && CODE_LIKE.test(value)) into.add(value);
  else if (typeof value === 'boolean') into.add(String(value));
  return into;
}

describe('a record page words every code (both languages)', function () {
  this.timeout(60_000);
  let dir: string;
  let service: Service;

  async function signIn(key: string): Promise<string> {
    const form = await fetch(`${service.url}/sign-in`, { headers: HTML });
    const body = new URLSearchParams({ _csrf: csrfTokenOf(await form.text()), back: '/work', key });
    const signed = await fetch(`${service.url}/sign-in`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookieOf(form.headers), 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    expect(signed.status).to.equal(303);
    return cookieOf(signed.headers);
  }

  async function page(cookie: string, path: string, language = 'en'): Promise<string> {
    const answer = await fetch(`${service.url}${path}`, { headers: { ...HTML, Cookie: cookie, 'Accept-Language': language } });
    expect(answer.status, path).to.equal(200);
    return answer.text();
  }

  /** Posts a record page's form of `event` as multipart, with the page's token and version. */
  async function sendEvent(cookie: string, path: string, event: string, fields: Record<string, string>, annex?: Buffer): Promise<void> {
    const html = await page(cookie, path);
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    const form = new FormData();
    form.append('_csrf', csrfTokenOf(html));
    form.append('type', event);
    form.append('version', version);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (annex) form.append('annexes', new Blob([new Uint8Array(annex)], { type: 'application/pdf' }), 'phu-luc-B.pdf');
    const sent = await fetch(`${service.url}${path}/events`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie }, body: form });
    expect(sent.status, await sent.clone().text()).to.equal(303);
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mra-words-'));
    const config = loadConfig({ PORT: '0', MRA_DB_PATH: join(dir, 'mra.sqlite'), MRA_MAIL_DIR: join(dir, 'mail'), MRA_SEED: 'demo', MRA_SQLITE_SYNCHRONOUS: 'NORMAL' });
    service = await startService(config, pino({ level: 'silent' }));

    // A report with its PDF; the regulator asks for information, to be closed without an answer;
    // the lab answers with an annex.
    const lab = await signIn('demo-lab-song-hong-key');
    const create = await page(lab, '/records/test-reports/new');
    const form = new FormData();
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    const fields: Record<string, string> = {
      _csrf: csrfTokenOf(create),
      reportNumber: 'SHT-WORDS-1',
      importingEconomy: 'KR',
      regulations: 'KR:KN 32',
      'equipment.manufacturer': 'Công ty Cổ phần Thiết bị Mạng Phương Nam',
      'equipment.model': 'PN-WORDS',
      'equipment.category': 'Wi-Fi router',
      testedAt: day(10),
      issuedAt: day(8),
      importerId: 'importer-hanbit',
    };
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('report', new Blob([new Uint8Array(pdfBytes('SHT-WORDS-1'))], { type: 'application/pdf' }), 'SHT-WORDS-1.pdf');
    const created = await fetch(`${service.url}/records/test-reports`, { method: 'POST', redirect: 'manual', headers: { Cookie: lab }, body: form });
    expect(created.status, await created.clone().text()).to.equal(303);
    const path = created.headers.get('location')!.split('?')[0]!;
    const regulator = await signIn('demo-kr-regulator-key');
    await sendEvent(regulator, path, 'REQUEST_INFO', { request: 'Vui lòng gửi kết quả đo.', onNoAnswer: 'close' });
    await sendEvent(lab, path, 'PROVIDE_INFO', { response: 'Đã gửi phụ lục B.' }, pdfBytes('Annex B'));
  });

  after(async () => {
    await service?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows no field name or coded value on any record of any kind', async () => {
    const admin = await signIn('demo-admin-api-key');
    const auth = { Authorization: 'Bearer demo-admin-api-key' };
    const found: string[] = [];
    let pages = 0;
    for (const kind of KINDS) {
      const list = (await (await fetch(`${service.url}/${kind}?limit=100`, { headers: auth })).json()) as { items: Array<{ id: string; data: unknown; state: string }> };
      for (const record of list.items) {
        const history = (await (await fetch(`${service.url}/${kind}/${record.id}/history`, { headers: auth })).json()) as { items: unknown[] };
        const codes = codesIn([record.data, history.items], new Set(['review', 'close', 'report', 'annex', ...Object.keys(wordings.en.states[kind]), ...Object.keys(wordings.en.events[kind])]));
        codes.delete('type'); // the key of every history entry's payload; never shown as such
        const path = `/records/${kind}/${encodeURIComponent(record.id)}`;
        for (const text of textsOf(await page(admin, path, 'vi'))) {
          const tokens = text.split(/[\s,;:()·→–]+/);
          if (codes.has(text) || tokens.some((t) => CODE_LIKE.test(t) && codes.has(t))) found.push(`vi ${path}: ${text}`);
        }
        for (const text of textsOf(await page(admin, path, 'en'))) {
          if (text.split(/[\s,;:()·→–]+/).some((t) => CODE_LIKE.test(t) && codes.has(t))) found.push(`en ${path}: ${text}`);
        }
        pages += 2;
      }
    }
    expect(pages).to.be.greaterThan(30);
    expect(found, found.slice(0, 400).join("\n")).to.deep.equal([]);
  });

  it('names a document’s role, the event it came with, and what happens without an answer', async () => {
    const admin = await signIn('demo-admin-api-key');
    const list = (await (await fetch(`${service.url}/test-reports?limit=100`, { headers: { Authorization: 'Bearer demo-admin-api-key' } })).json()) as { items: Array<{ id: string; data: { reportNumber: string } }> };
    const id = list.items.find((r) => r.data.reportNumber === 'SHT-WORDS-1')!.id;
    for (const language of ['vi', 'en'] as const) {
      const texts = textsOf(await page(admin, `/records/test-reports/${id}`, language));
      const words = wordings[language];
      expect(texts, language).to.include(words.events['test-reports']['CREATE']!).and.to.include(words.events['test-reports']['PROVIDE_INFO']!);
      expect(texts, language).to.include(pageTexts[language].files.roles.report).and.to.include(pageTexts[language].files.roles.annex);
      expect(texts, language).to.include(pageTexts[language].values.onNoAnswer.close);
    }
  });

  it('offers a form’s choices in words: what happens without an answer', async () => {
    const regulator = await signIn('demo-kr-regulator-key');
    for (const language of ['vi', 'en'] as const) {
      const html = await page(regulator, '/records/test-reports/tr-sh-0002', language);
      const options = [...html.matchAll(/<option value="(review|close)"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]);
      expect(options, language).to.deep.equal([
        ['review', pageTexts[language].values.onNoAnswer.review],
        ['close', pageTexts[language].values.onNoAnswer.close],
      ]);
    }
  });
});
