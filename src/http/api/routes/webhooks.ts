/**
 * `/webhooks`: an organisation's endpoints and their deliveries. Every principal of the
 * organisation manages them, an admin any; to anyone else they do not exist (404).
 */
import { createWebhook, deliveriesQuery, rotateWebhook, webhookDelivery, webhookEndpoint, webhookWithSecret, type CreateWebhook, type RotateWebhook } from '../../../schemas/watches-and-webhooks.js';
import { noQuery } from '../../../schemas/queries.js';
import type { WebhookDelivery, WebhookDeliveryStatus } from '../../../store/port.js';
import { endpointView } from '../../../effects/webhooks/endpoints.js';
import { page, problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

/** A delivery as listed: its body stays with us (the receiver has it). */
function deliveryView(delivery: WebhookDelivery): Omit<WebhookDelivery, 'body'> {
  const { body: _body, ...view } = delivery;
  return view;
}

const DEFAULT_OVERLAP_MINUTES = 24 * 60;

export const webhookRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/webhooks',
    summary: 'List your organisation\'s webhook endpoints',
    tag: 'webhooks',
    access: 'principal',
    query: noQuery,
    responses: { 200: { description: 'Its endpoints, disabled ones included, oldest first (an admin: every endpoint)', schema: { type: 'object', properties: { items: { type: 'array', items: webhookEndpoint } } } }, ...problems([401, 429]) },
    async handle({ actor }, { webhooks, clock }) {
      return { status: 200, body: { items: (await webhooks.list(actor!)).map((e) => endpointView(e, clock.now())) } };
    },
  }),
  route<Record<string, never>, CreateWebhook>({
    method: 'post',
    path: '/webhooks',
    summary: 'Register a webhook endpoint',
    tag: 'webhooks',
    access: 'principal',
    query: noQuery,
    body: { schema: createWebhook, description: 'For your organisation: every transition it may read that matches is delivered, signed.' },
    responses: {
      201: { description: 'The endpoint and its signing secret, shown this once', schema: webhookWithSecret },
      ...problems([400, 401, 413, 415, 422, 429]),
    },
    async handle({ actor, body }, { webhooks, clock }) {
      const { endpoint, secret } = await webhooks.register(actor!, { ...body, kinds: body.kinds });
      return { status: 201, body: { secret, endpoint: endpointView(endpoint, clock.now()) }, headers: { Location: `/webhooks/${endpoint.id}`, 'Cache-Control': 'no-store' } };
    },
  }),
  route({
    method: 'get',
    path: '/webhooks/{id}',
    summary: 'Read a webhook endpoint',
    tag: 'webhooks',
    access: 'principal',
    query: noQuery,
    responses: { 200: { description: 'The endpoint; never its secret', schema: webhookEndpoint }, ...problems([401, 404, 429]) },
    async handle({ actor, params }, { webhooks, clock }) {
      return { status: 200, body: endpointView(await webhooks.get(actor!, params['id']!), clock.now()) };
    },
  }),
  route<Record<string, never>, RotateWebhook>({
    method: 'post',
    path: '/webhooks/{id}/rotate-secret',
    summary: 'Rotate a webhook endpoint\'s secret',
    tag: 'webhooks',
    access: 'principal',
    query: noQuery,
    body: { schema: rotateWebhook, description: 'Deliveries are signed with both secrets until the overlap ends.' },
    responses: { 200: { description: 'The new secret, shown this once', schema: webhookWithSecret }, ...problems([400, 401, 404, 413, 415, 422, 429]) },
    async handle({ actor, params, body }, { webhooks, clock }) {
      const { endpoint, secret } = await webhooks.rotate(actor!, params['id']!, body.overlapMinutes ?? DEFAULT_OVERLAP_MINUTES);
      return { status: 200, body: { secret, endpoint: endpointView(endpoint, clock.now()) }, headers: { 'Cache-Control': 'no-store' } };
    },
  }),
  route({
    method: 'post',
    path: '/webhooks/{id}/disable',
    summary: 'Disable a webhook endpoint',
    tag: 'webhooks',
    access: 'principal',
    query: noQuery,
    responses: { 200: { description: 'Disabled: nothing more is delivered to it; its pending deliveries end dead', schema: webhookEndpoint }, ...problems([401, 404, 422, 429]) },
    async handle({ actor, params }, { webhooks, clock }) {
      return { status: 200, body: endpointView(await webhooks.disable(actor!, params['id']!), clock.now()) };
    },
  }),
  route<{ status?: WebhookDeliveryStatus; limit?: number; cursor?: string }>({
    method: 'get',
    path: '/webhooks/{id}/deliveries',
    summary: 'List a webhook endpoint\'s deliveries',
    tag: 'webhooks',
    access: 'principal',
    query: deliveriesQuery,
    responses: { 200: { description: 'Newest first, each with its attempts and last error', schema: page(webhookDelivery) }, ...problems([400, 401, 404, 429]) },
    async handle({ actor, params, query }, { webhooks }) {
      const found = await webhooks.deliveries(actor!, params['id']!, query);
      return { status: 200, body: { items: found.items.map(deliveryView), nextCursor: found.nextCursor } };
    },
  }),
  route({
    method: 'post',
    path: '/webhooks/{id}/deliveries/{deliveryId}/requeue',
    summary: 'Re-queue a dead webhook delivery',
    tag: 'webhooks',
    access: 'principal',
    query: noQuery,
    responses: { 200: { description: 'Pending again, due now, under the same webhook-id', schema: webhookDelivery }, ...problems([401, 404, 422, 429]) },
    async handle({ actor, params }, { webhooks }) {
      return { status: 200, body: deliveryView(await webhooks.requeue(actor!, params['id']!, params['deliveryId']!)) };
    },
  }),
];
