/** Signing in and out. */
import type { Router } from 'express';
import type { ApiDeps } from '../../api/deps.js';
import { context, localPath } from '../context.js';
import { SignInPage } from '../pages/sign-in.js';
import { sendPage } from '../render.js';
import { signIn, signOut } from '../session.js';

export function accountRoutes(router: Router, deps: ApiDeps & { secureCookies: boolean }): void {
  router.get('/sign-in', (request, response) => {
    const page = context(response);
    sendPage(response, page, { title: page.text.signIn.title, body: <SignInPage context={page} back={localPath(request.query['back'])} wrong={false} /> });
  });

  router.post('/sign-in', async (request, response) => {
    const page = context(response);
    const form = (request.body ?? {}) as Record<string, unknown>;
    const back = localPath(form['back']);
    const key = typeof form['key'] === 'string' ? form['key'] : '';
    const actor = key === '' ? null : await signIn(response, key, deps.store, deps.secureCookies);
    if (!actor) {
      sendPage(response, page, { title: page.text.signIn.title, status: 401, body: <SignInPage context={page} back={back} wrong /> });
      return;
    }
    response.redirect(303, back === '/' || back.startsWith('/sign-in') ? '/work' : back);
  });

  router.post('/sign-out', (_request, response) => {
    signOut(response, deps.secureCookies);
    response.redirect(303, '/');
  });
}
