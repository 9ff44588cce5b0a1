/**
 * Helpers for tests of people and keys: what the access tables hold (read through the port), the
 * sign-in link last e-mailed to a principal, and a browser-like session that keeps its cookie.
 */
import { signInLinksSettled } from '../../src/access/sign-in.js';
import type { Store } from '../../src/store/port.js';
import { expect } from 'chai';
import type { Answer, ApiWorld, RequestOptions } from './api.js';

/** Principals, keys (without their last use, which a refused caller's own key may update) and audit entries. */
export async function accessSnapshot(store: Store): Promise<string> {
  const principals = (await store.listPrincipals({ limit: 200 })).items;
  const keys = [];
  for (const principal of principals) keys.push(...(await store.listApiKeys({ principalId: principal.id })).map(({ lastUsedAt: _used, ...key }) => key));
  const audit = (await store.listAudit({ limit: 200 })).items;
  const mail = (await store.listOutbox({ limit: 200 })).items.map((m) => m.id);
  return JSON.stringify({ principals, keys, audit, mail });
}

/** The sign-in link most recently queued for a principal, or null, once every link asked for is queued (after the answer). */
export async function lastSignInLink(store: Store, principalId: string): Promise<string | null> {
  await signInLinksSettled();
  const messages = (await store.listOutbox({ limit: 200 })).items.filter((m) => m.account?.principalId === principalId);
  return messages.at(-1)?.account?.link ?? null;
}

/** A browser: it keeps the session cookie it is given and sends it back. */
export class Browser {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(readonly api: ApiWorld) {}

  async request<T = Record<string, unknown>>(method: string, path: string, options: RequestOptions & { csrf?: boolean } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers['Cookie'] = this.cookie;
    if (options.csrf && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    const answer = await this.api.request<T>(method, path, { ...options, headers });
    const set = answer.headers.get('set-cookie');
    if (set) this.cookie = /Max-Age=0/i.test(set) ? null : set.split(';')[0]!;
    return answer;
  }

  /** Asks for a link for `email`, opens the one e-mailed to `principalId`, keeps the session. */
  async signIn(email: string, principalId: string): Promise<Answer> {
    await this.request('POST', '/auth/sign-in-link', { body: { email } });
    const link = await lastSignInLink(this.api.world.store, principalId);
    if (!link) throw new Error(`No sign-in link was e-mailed to ${principalId}`);
    const answer = await this.request('GET', new URL(link).pathname + new URL(link).search);
    this.csrfToken = (answer.body['csrfToken'] as string | undefined) ?? null;
    return answer;
  }
}

const HTML = { Accept: 'text/html' };
const FORM = { ...HTML, 'Content-Type': 'application/x-www-form-urlencoded' };

/** The cookie header a browser sends back, from an answer's Set-Cookie lines. */
export function cookieOf(headers: Headers): string {
  return headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
}

export function csrfTokenOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field in the page');
  return match[1]!;
}

/** A person on the pages, signed in with a key through the sign-in form: its cookie and language. */
export class PagePerson {
  private constructor(
    readonly api: ApiWorld,
    readonly cookie: string,
    readonly language: 'en' | 'vi',
  ) {}

  static async signIn(api: ApiWorld, key: string, language: 'en' | 'vi' = 'en'): Promise<PagePerson> {
    const form = await api.request('GET', '/sign-in', { headers: HTML });
    const cookie = cookieOf(form.headers);
    const body = new URLSearchParams({ _csrf: csrfTokenOf(form.text), back: '/people', key });
    const signed = await fetch(`${api.server.url}/sign-in`, { method: 'POST', redirect: 'manual', headers: { ...FORM, Cookie: cookie }, body });
    expect(signed.status).to.equal(303);
    return new PagePerson(api, cookieOf(signed.headers), language);
  }

  get(path: string) {
    return this.api.request('GET', path, { headers: { ...HTML, Cookie: this.cookie, 'Accept-Language': this.language } });
  }

  /** Opens `from`, takes its token, and posts the form to `to` without following the redirect. */
  async post(from: string, to: string, fields: Record<string, string>): Promise<Response> {
    const page = await this.get(from);
    const body = new URLSearchParams({ _csrf: csrfTokenOf(page.text), ...fields });
    return fetch(`${this.api.server.url}${to}`, { method: 'POST', redirect: 'manual', headers: { ...FORM, Cookie: this.cookie, 'Accept-Language': this.language }, body });
  }
}
