/**
 * Signing in and out. An e-mailed link (`/auth/sign-in?token=…&next=…`, the address "People and
 * keys" sends) opened by a browser shows a page with one button; pressing it uses the token up and
 * opens `next`. A JSON client opening the same address gets the API's answer (the route in
 * `src/http/api/routes/auth.ts`): the page answers only a request that asks for HTML.
 */
import type { Request, Router } from 'express';
import { sendSignInLink } from '../../../access/sign-in.js';
import type { ApiDeps } from '../../api/deps.js';
import type { Limiters } from '../../api/mount.js';
import { context, localPath } from '../context.js';
import { SignInFromLinkPage, SignInPage, type SignInNotice } from '../pages/sign-in.js';
import { sendPage } from '../render.js';
import { signInWithKey, signInWithToken, signOut } from '../session.js';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const EMAIL = /^[^\s@]{1,200}@[^\s@]{1,200}$/;

function field(request: Request, name: string): string {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** Where to go once signed in: the page asked for, or "My work" rather than the home or sign-in page. */
function afterSignIn(back: string): string {
  return back === '/' || back.startsWith('/sign-in') || back.startsWith('/auth/') ? '/work' : back;
}

export function accountRoutes(router: Router, deps: ApiDeps, limiters: Limiters): void {
  const minutes = deps.access.signInLinkMinutes;
  const signInPage = (request: Request, response: Parameters<typeof sendPage>[0], back: string, notice: SignInNotice, status = 200) => {
    const page = context(response);
    sendPage(response, page, { title: page.text.signIn.title, status, body: <SignInPage context={page} back={back} notice={notice} minutes={minutes} /> });
  };

  router.get('/sign-in', (request, response) => signInPage(request, response, localPath(request.query['back']), 'none'));

  router.post('/sign-in', limiters.credentialFailures, async (request, response) => {
    const back = localPath(field(request, 'back'));
    const key = field(request, 'key');
    const actor = key === '' ? null : await signInWithKey(request, key, deps);
    if (!actor) return signInPage(request, response, back, 'wrong-key', 401);
    response.redirect(303, afterSignIn(back));
  });

  router.post('/sign-in/link', limiters.everyCredentialRequest, async (request, response) => {
    const back = localPath(field(request, 'back'));
    const email = field(request, 'email');
    // The same answer whether or not the address is known, as the API gives.
    if (EMAIL.test(email)) await sendSignInLink({ ...deps, publicUrl: deps.access.publicUrl, linkMinutes: minutes }, email, afterSignIn(back));
    signInPage(request, response, back, 'link-sent');
  });

  router.get('/auth/sign-in', (request, response, next) => {
    if (request.accepts(['json', 'html']) !== 'html') return next('router');
    const page = context(response);
    const token = typeof request.query['token'] === 'string' ? request.query['token'] : '';
    const back = localPath(request.query['next']);
    if (!TOKEN.test(token)) return signInPage(request, response, back, 'link-refused', 401);
    sendPage(response, page, { title: page.text.signIn.fromLink, body: <SignInFromLinkPage context={page} token={token} back={back} /> });
  });

  router.post('/sign-in/email', limiters.credentialFailures, async (request, response) => {
    const back = localPath(field(request, 'back'));
    const token = field(request, 'token');
    const actor = TOKEN.test(token) ? await signInWithToken(request, token, deps) : null;
    if (!actor) return signInPage(request, response, back, 'link-refused', 401);
    response.redirect(303, afterSignIn(back));
  });

  router.post('/sign-out', async (request, response) => {
    await signOut(request);
    response.clearCookie('mra.sid', { path: '/' });
    response.redirect(303, '/');
  });
}
