/** The outbox, for administrators: how many messages stand where, the dead ones and why, a re-queue. */
import { noQuery, outboxQuery } from '../../../schemas/queries.js';
import { page, problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

const deadLetter = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    recipient: { type: 'object' },
    subject: { type: 'string' },
    kind: { type: 'string' },
    instanceId: { type: 'string' },
    event: { type: 'string' },
    attempts: { type: 'integer' },
    lastError: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const adminOutboxRoutes: RouteSpec[] = [
  route<{ limit?: number; cursor?: string }>({
    method: 'get',
    path: '/admin/outbox',
    summary: 'See the outbox',
    tag: 'admin',
    access: 'principal',
    roles: ['admin'],
    query: outboxQuery,
    responses: {
      200: {
        description: 'Counts by status, and a page of the dead messages with their last error',
        schema: {
          type: 'object',
          properties: {
            counts: { type: 'object', properties: { pending: { type: 'integer' }, sent: { type: 'integer' }, dead: { type: 'integer' } } },
            dead: page(deadLetter),
          },
        },
      },
      ...problems([400, 401, 403]),
    },
    async handle({ query }, { outboxAdmin }) {
      const [counts, dead] = await Promise.all([outboxAdmin.counts(), outboxAdmin.dead({ limit: query.limit ?? 50, cursor: query.cursor ?? null })]);
      return { status: 200, body: { counts, dead } };
    },
  }),
  route({
    method: 'post',
    path: '/admin/outbox/{id}/requeue',
    summary: 'Re-queue a dead message',
    tag: 'admin',
    access: 'principal',
    roles: ['admin'],
    query: noQuery,
    responses: {
      200: { description: 'Pending again, due now; it keeps its Message-ID', schema: { type: 'object' } },
      ...problems([401, 403, 404, 422]),
    },
    async handle({ params }, { outboxAdmin }) {
      return { status: 200, body: await outboxAdmin.requeue(params['id']!) };
    },
  }),
];
