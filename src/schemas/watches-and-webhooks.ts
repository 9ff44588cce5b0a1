/** Watches and webhooks (docs/watches-and-webhooks.md): what a principal watches, an organisation's endpoints, their deliveries. */
import type { FromSchema } from 'json-schema-to-ts';
import { SCHEMA_BASE, cursor, economyCode, instant, limit, recordId } from './common.js';
import { KINDS } from '../kinds/types.js';

const kind = { type: 'string', enum: KINDS } as const;
/** A manufacturer or a model: one line (`x-text`, src/schemas/common.ts). */
const name = { type: 'string', minLength: 1, maxLength: 200, 'x-text': 'line' } as const;
const id = { type: 'string', minLength: 1, maxLength: 64 } as const;

/** `POST /watches`: one of three targets. */
export const createWatch = {
  $id: `${SCHEMA_BASE}watches/create`,
  title: 'New watch',
  type: 'object',
  properties: {
    target: {
      oneOf: [
        {
          type: 'object',
          description: 'One agreement, accreditation, recognition or test report, by id: you hear of each change of its status.',
          properties: { type: { const: 'instance' }, kind, id: { ...id, pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$' } },
          required: ['type', 'kind', 'id'],
          additionalProperties: false,
        },
        {
          type: 'object',
          description: 'An equipment model of a manufacturer in an importing economy: you hear when a report for it is accepted, and when an accepted one is revoked or expires.',
          properties: { type: { const: 'model' }, economy: economyCode, manufacturer: name, model: name },
          required: ['type', 'economy', 'manufacturer', 'model'],
          additionalProperties: false,
        },
        {
          type: 'object',
          description: "A CAB's recognition by an importing economy: you hear of each change of its status.",
          properties: { type: { const: 'recognition' }, cabId: recordId, economy: economyCode },
          required: ['type', 'cabId', 'economy'],
          additionalProperties: false,
        },
      ],
    },
  },
  required: ['target'],
  additionalProperties: false,
} as const;

export const watch = {
  $id: `${SCHEMA_BASE}watches/watch`,
  type: 'object',
  properties: { id: { type: 'string' }, principalId: { type: 'string' }, target: { type: 'object' }, createdAt: instant },
  required: ['id', 'principalId', 'target', 'createdAt'],
} as const;

/** `POST /webhooks` */
export const createWebhook = {
  $id: `${SCHEMA_BASE}webhooks/create`,
  title: 'New webhook endpoint',
  type: 'object',
  properties: {
    url: { type: 'string', minLength: 8, maxLength: 2000, description: 'An https: URL on a public address. It must answer a signed `webhook.ping` itself (any status but a redirect): redirects are not followed.' },
    kinds: { type: 'array', items: kind, minItems: 1, maxItems: KINDS.length, uniqueItems: true },
    economies: { type: 'array', items: economyCode, maxItems: 50, uniqueItems: true, description: 'Only instances of these economies; empty or absent: every economy.' },
    events: {
      type: 'array',
      items: { type: 'string', pattern: '^[A-Z][A-Z_]{1,40}$' },
      maxItems: 50,
      uniqueItems: true,
      description: 'Only these events (`CREATE`, `ACCEPT`, `REVOKE`, …); empty or absent: every event.',
    },
  },
  required: ['url', 'kinds'],
  additionalProperties: false,
} as const;

export const webhookEndpoint = {
  $id: `${SCHEMA_BASE}webhooks/endpoint`,
  type: 'object',
  properties: {
    id: { type: 'string' },
    organisation: { type: 'string' },
    principalId: { type: 'string' },
    url: { type: 'string' },
    kinds: { type: 'array', items: kind },
    economies: { type: 'array', items: { type: 'string' } },
    events: { type: 'array', items: { type: 'string' } },
    createdAt: instant,
    disabledAt: { type: ['string', 'null'], format: 'date-time' },
    previousSecretExpiresAt: { type: ['string', 'null'], format: 'date-time', description: 'During a rotation: until when the old secret signs too.' },
  },
  required: ['id', 'organisation', 'principalId', 'url', 'kinds', 'economies', 'events', 'createdAt', 'disabledAt', 'previousSecretExpiresAt'],
} as const;

export const webhookWithSecret = {
  $id: `${SCHEMA_BASE}webhooks/with-secret`,
  type: 'object',
  properties: {
    secret: { type: 'string', description: 'The signing secret (`whsec_…`), shown this once: give it to your Standard Webhooks library.' },
    endpoint: webhookEndpoint,
  },
  required: ['secret', 'endpoint'],
} as const;

/** `POST /webhooks/{id}/rotate-secret` */
export const rotateWebhook = {
  $id: `${SCHEMA_BASE}webhooks/rotate`,
  type: 'object',
  properties: {
    overlapMinutes: { type: 'integer', minimum: 0, maximum: 10080, description: 'How long the old secret keeps signing beside the new one (default 1440: a day; at most a week).' },
  },
  additionalProperties: false,
} as const;

export const webhookDelivery = {
  $id: `${SCHEMA_BASE}webhooks/delivery`,
  type: 'object',
  properties: {
    id: { type: 'string', description: 'The `webhook-id` header: the same on every attempt.' },
    endpointId: { type: 'string' },
    kind,
    instanceId: { type: 'string' },
    seq: { type: 'integer' },
    type: { type: 'string' },
    status: { type: 'string', enum: ['pending', 'delivered', 'dead'] },
    attempts: { type: 'integer' },
    nextAttemptAt: instant,
    lastError: { type: ['string', 'null'] },
    lastStatus: { type: ['integer', 'null'] },
    deliveredAt: { type: ['string', 'null'], format: 'date-time' },
    createdAt: instant,
  },
  required: ['id', 'endpointId', 'kind', 'instanceId', 'seq', 'type', 'status', 'attempts', 'nextAttemptAt', 'lastError', 'lastStatus', 'deliveredAt', 'createdAt'],
} as const;

export const watchesQuery = {
  $id: `${SCHEMA_BASE}queries/watches`,
  type: 'object',
  properties: { limit, cursor },
  additionalProperties: false,
} as const;

export const deliveriesQuery = {
  $id: `${SCHEMA_BASE}queries/webhook-deliveries`,
  type: 'object',
  properties: { status: { type: 'string', enum: ['pending', 'delivered', 'dead'] }, limit, cursor },
  additionalProperties: false,
} as const;

export type CreateWatch = FromSchema<typeof createWatch>;
export type CreateWebhook = FromSchema<typeof createWebhook>;
export type RotateWebhook = FromSchema<typeof rotateWebhook>;

export const hookSchemas = { createWatch, watch, createWebhook, webhookEndpoint, webhookWithSecret, rotateWebhook, webhookDelivery, watchesQuery, deliveriesQuery } as const;
