/**
 * The verification page. Its POST changes nothing (the file is hashed and forgotten) and is for
 * anyone, signed in or not, so it needs no CSRF token: a visitor needs no session to use it. Both
 * forms are under the public rate limit, as the API's verification routes are.
 */
import type { ApiDeps } from '../../api/deps.js';
import { verifyDocumentFile, verifyDocumentHash } from '../../../public/verify.js';
import { SHA256_HEX } from '../../../store/blobs.js';
import type { PageContext } from '../context.js';
import type { PageAnswer, PageSpec } from '../page-route.js';
import { VerifyPage, type VerifyView } from '../pages/verify.js';

export function verifyPages(deps: ApiDeps): PageSpec[] {
  const show = (page: PageContext, view: VerifyView): PageAnswer => ({
    page: { title: page.text.verify.title, status: view.problem ? 400 : 200, body: <VerifyPage context={page} view={view} /> },
  });

  return [
    {
      method: 'get',
      path: '/verify',
      access: 'public',
      limit: 'public',
      handle: async ({ page, query }) => {
        const typed = typeof query['sha256'] === 'string' ? query['sha256'].trim().toLowerCase() : '';
        if (typed === '') return show(page, { hash: '', result: null, problem: null });
        if (!SHA256_HEX.test(typed)) return show(page, { hash: typed.slice(0, 200), result: null, problem: page.text.verify.badHash });
        return show(page, { hash: typed, result: await verifyDocumentHash(deps.engine, deps.store, typed, page.language), problem: null });
      },
    },
    {
      method: 'post',
      path: '/verify',
      access: 'public',
      limit: 'public',
      csrf: false,
      files: 'verify',
      handle: async ({ page, fileToVerify }) => {
        if (fileToVerify === null) return show(page, { hash: '', result: null, problem: page.text.verify.noFile });
        return show(page, { hash: '', result: await verifyDocumentFile(deps.engine, deps.store, fileToVerify, page.language), problem: null });
      },
    },
  ];
}
