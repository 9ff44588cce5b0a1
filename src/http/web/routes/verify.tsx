/**
 * The verification page. Its POST changes nothing (the file is hashed and forgotten) and is for
 * anyone, signed in or not, so it sits before the CSRF check: a visitor needs no session to use
 * it. Both forms are under the public rate limit, as the API's verification routes are.
 */
import type { RequestHandler, Router } from 'express';
import type { ApiDeps } from '../../api/deps.js';
import { verifyDocumentFile, verifyDocumentHash } from '../../../public/verify.js';
import { SHA256_HEX } from '../../../store/blobs.js';
import { context } from '../context.js';
import { VerifyPage, type VerifyView } from '../pages/verify.js';
import { sendPage } from '../render.js';
import { fileToVerify } from '../uploads.js';

export function verifyRoutes(router: Router, deps: ApiDeps, publicLimit: RequestHandler): void {
  const show = (response: Parameters<typeof sendPage>[0], view: VerifyView) => {
    const page = context(response);
    sendPage(response, page, { title: page.text.verify.title, status: view.problem ? 400 : 200, body: <VerifyPage context={page} view={view} /> });
  };

  router.get('/verify', publicLimit, async (request, response) => {
    const page = context(response);
    const typed = typeof request.query['sha256'] === 'string' ? request.query['sha256'].trim().toLowerCase() : '';
    if (typed === '') return show(response, { hash: '', result: null, problem: null });
    if (!SHA256_HEX.test(typed)) return show(response, { hash: typed.slice(0, 200), result: null, problem: page.text.verify.badHash });
    show(response, { hash: typed, result: await verifyDocumentHash(deps.engine, deps.store, typed, page.language), problem: null });
  });

  router.post('/verify', publicLimit, async (request, response) => {
    const page = context(response);
    const bytes = fileToVerify(request);
    if (bytes === null) return show(response, { hash: '', result: null, problem: page.text.verify.noFile });
    show(response, { hash: '', result: await verifyDocumentFile(deps.engine, deps.store, bytes, page.language), problem: null });
  });
}
