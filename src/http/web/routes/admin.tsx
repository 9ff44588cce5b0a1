/** Administration pages: the outbox (counts, dead letters with their error, re-queue). */
import type { ApiDeps } from '../../api/deps.js';
import type { PageSpec } from '../page-route.js';
import { OutboxPage } from '../pages/outbox.js';

export function adminPages(deps: ApiDeps): PageSpec[] {
  return [
    {
      method: 'get',
      path: '/outbox',
      access: 'signed-in',
      roles: ['admin'],
      handle: async ({ page, query }) => {
        const [counts, dead] = await Promise.all([deps.outboxAdmin.counts(), deps.outboxAdmin.dead({ limit: 50 })]);
        const view = { counts, dead: dead.items };
        return { page: { title: page.text.outbox.title, body: <OutboxPage context={page} view={view} requeued={query['requeued'] === '1'} /> } };
      },
    },
    {
      method: 'post',
      path: '/outbox/{id}/requeue',
      access: 'signed-in',
      roles: ['admin'],
      handle: async ({ params }) => {
        await deps.outboxAdmin.requeue(params['id']!);
        return { redirect: '/outbox?requeued=1' };
      },
    },
  ];
}
