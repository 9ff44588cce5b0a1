/**
 * Signing in and out. An e-mailed link (`/auth/sign-in?token=…&next=…`, the address "People and
 * keys" sends) opened by a browser shows a page with one button; pressing it uses the token up and
 * opens `next`. A JSON client opening the same address gets the API's answer (the route in
 * `src/http/api/routes/auth.ts`): the page answers only a request that asks for HTML.
 */
import { requestSignInLink } from '../../../access/sign-in.js';
import type { ApiDeps } from '../../api/deps.js';
import { localPath, type PageContext } from '../context.js';
import type { PageAnswer, PageSpec } from '../page-route.js';
import { SignInFromLinkPage, SignInPage, type SignInNotice } from '../pages/sign-in.js';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const EMAIL = /^[^\s@]{1,200}@[^\s@]{1,200}$/;

function field(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** Where to go once signed in: the page asked for, or "My work" rather than the home or sign-in page. */
function afterSignIn(back: string): string {
  return back === '/' || back.startsWith('/sign-in') || back.startsWith('/auth/') ? '/work' : back;
}

export function accountPages(deps: ApiDeps): PageSpec[] {
  const minutes = deps.access.signInLinkMinutes;
  const signInPage = (page: PageContext, back: string, notice: SignInNotice, status = 200): PageAnswer => ({
    page: { title: page.text.signIn.title, status, body: <SignInPage context={page} back={back} notice={notice} minutes={minutes} /> },
  });

  return [
    {
      method: 'get',
      path: '/sign-in',
      access: 'public',
      handle: ({ page, query }) => signInPage(page, localPath(query['back']), 'none'),
    },
    {
      method: 'post',
      path: '/sign-in',
      access: 'public',
      limit: 'credentialFailures',
      handle: async ({ page, form, session }) => {
        const back = localPath(field(form, 'back'));
        const key = field(form, 'key');
        const actor = key === '' ? null : await session.signInWithKey(key);
        if (!actor) return signInPage(page, back, 'wrong-key', 401);
        return { redirect: afterSignIn(back) };
      },
    },
    {
      method: 'post',
      path: '/sign-in/link',
      access: 'public',
      limit: 'everyCredentialRequest',
      handle: ({ page, form }) => {
        const back = localPath(field(form, 'back'));
        const email = field(form, 'email');
        // The same answer, in the same time, whether or not the address is known, as the API gives.
        if (EMAIL.test(email)) {
          requestSignInLink({ ...deps, publicUrl: deps.access.publicUrl, linkMinutes: minutes }, email, afterSignIn(back), (error) => deps.log.error({ err: error }, 'sign-in link not sent'));
        }
        return signInPage(page, back, 'link-sent');
      },
    },
    {
      method: 'get',
      path: '/auth/sign-in',
      access: 'public',
      handle: ({ page, query, wantsHtml }) => {
        if (!wantsHtml) return { toApi: true };
        const token = typeof query['token'] === 'string' ? query['token'] : '';
        const back = localPath(query['next']);
        if (!TOKEN.test(token)) return signInPage(page, back, 'link-refused', 401);
        return { page: { title: page.text.signIn.fromLink, body: <SignInFromLinkPage context={page} token={token} back={back} /> } };
      },
    },
    {
      method: 'post',
      path: '/sign-in/email',
      access: 'public',
      limit: 'credentialFailures',
      handle: async ({ page, form, session }) => {
        const back = localPath(field(form, 'back'));
        const token = field(form, 'token');
        const actor = TOKEN.test(token) ? await session.signInWithToken(token) : null;
        if (!actor) return signInPage(page, back, 'link-refused', 401);
        return { redirect: afterSignIn(back) };
      },
    },
    {
      method: 'post',
      path: '/sign-out',
      access: 'public',
      handle: async ({ session }) => {
        await session.signOut();
        return { redirect: '/' };
      },
    },
  ];
}
