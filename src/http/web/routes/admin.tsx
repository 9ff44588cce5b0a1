/** Administration pages: the outbox (counts, dead letters with their error, re-queue). */
import type { Response, Router } from 'express';
import type { ApiDeps } from '../../api/deps.js';
import { AppError } from '../../../errors.js';
import { context } from '../context.js';
import { OutboxPage } from '../pages/outbox.js';
import { sendPage } from '../render.js';

function mustBeAdmin(response: Response): void {
  const actor = context(response).actor;
  if (!actor) throw new AppError({ code: 'UNAUTHENTICATED', detail: 'Sign in to see this page.' });
  if (actor.role !== 'admin') throw new AppError({ code: 'FORBIDDEN', detail: 'Only administrators may read the outbox.' });
}

export function adminRoutes(router: Router, deps: ApiDeps): void {
  router.get('/outbox', async (request, response) => {
    mustBeAdmin(response);
    const page = context(response);
    const [counts, dead] = await Promise.all([deps.outboxAdmin.counts(), deps.outboxAdmin.dead({ limit: 50 })]);
    const view = { counts, dead: dead.items };
    sendPage(response, page, { title: page.text.outbox.title, body: <OutboxPage context={page} view={view} requeued={request.query['requeued'] === '1'} /> });
  });

  router.post('/outbox/:id/requeue', async (request, response) => {
    mustBeAdmin(response);
    await deps.outboxAdmin.requeue(request.params['id']);
    response.redirect(303, '/outbox?requeued=1');
  });
}
