/**
 * What a page shows when it cannot show what was asked: a 404 or 403 page in the reader's
 * language, the sign-in page when a page needs someone signed in, and an expired-form page for a
 * failed CSRF check. Nothing here is JSON; the API keeps its problem+json answers.
 */
import type { ErrorRequestHandler, Router } from 'express';
import type { ApiDeps } from '../../api/deps.js';
import { isAppError } from '../../../errors.js';
import { refusalTexts } from '../../../i18n/pages/refusals.js';
import { fromUpload } from '../../common/multipart.js';
import type { PageContext } from '../context.js';
import { formRefusals } from '../form-refusals.js';
import { sendPage } from '../render.js';

export function notFoundPage(context: PageContext, status = 404) {
  const { text } = context;
  return {
    title: text.notFound.title,
    status,
    body: (
      <>
        <h1>{text.notFound.title}</h1>
        <p>{text.notFound.body}</p>
        <p>
          <a href="/">{text.notFound.home}</a>
        </p>
      </>
    ),
  };
}

function messagePage(title: string, body: string, status: number) {
  return {
    title,
    status,
    body: (
      <>
        <h1>{title}</h1>
        <p>{body}</p>
      </>
    ),
  };
}

export function webErrors(router: Router, deps: ApiDeps): void {
  router.use((_request, response) => sendPage(response, response.locals['page'] as PageContext, notFoundPage(response.locals['page'] as PageContext)));
  const handler: ErrorRequestHandler = (thrown: unknown, request, response, _next) => {
    // A file too large or a broken multipart form: the API's problem for it, shown as a page.
    const error: unknown = fromUpload(thrown, deps.uploadMaxBytes) ?? thrown;
    const context = response.locals['page'] as PageContext | undefined;
    if (!context) throw error;
    const { text } = context;
    if ((error as { code?: string }).code === 'EBADCSRFTOKEN') {
      sendPage(response, context, messagePage(text.errors['CSRF']!, text.errors['CSRF']!, 403));
    } else if (isAppError(error, 'UNAUTHENTICATED')) {
      response.redirect(303, `/sign-in?back=${encodeURIComponent(request.originalUrl)}`);
    } else if (isAppError(error, 'NOT_FOUND')) {
      sendPage(response, context, notFoundPage(context));
    } else if (isAppError(error, 'FORBIDDEN')) {
      sendPage(response, context, messagePage(text.forbidden.title, text.forbidden.body, 403));
    } else if (isAppError(error) && (error.status < 500 || error.code === 'UNAVAILABLE')) {
      // A refusal, or too many uploads at once (503 with Retry-After): the reader's to act on, not a failure of ours.
      // The engine's sentence is English: a reader of another language gets the page's own words.
      const refusal = refusalTexts[context.language];
      const title = text.errors[error.code] ?? (refusal.showsEngineSentence ? error.title : refusal.whatNow);
      sendPage(response, context, messagePage(title, refusal.showsEngineSentence ? error.detail : refusal.whatNow, error.status));
    } else {
      deps.log.error({ err: error, requestId: request.id }, 'page failed');
      sendPage(response, context, messagePage(text.errors['INTERNAL']!, `${text.errors['INTERNAL']!} (${JSON.stringify(request.id)})`, 500));
    }
  };
  // A refused form is shown again first (`form-refusals.ts`); what it does not take comes here.
  router.use(formRefusals, handler);
}
