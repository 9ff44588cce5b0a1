/**
 * The webhook deliveries a transition writes in its own commit: one per active endpoint that
 * wants its kind, one of its economies and its event, and whose registering principal may read
 * the instance (a test report reaches only its lab's, regulator's and importer's systems). The
 * body is frozen here, so every attempt sends the same bytes under the same `webhook-id`.
 */
import { workflows } from '../../kinds/index.js';
import { mayRead } from '../../engine/read-access.js';
import { newId } from '../../ids.js';
import { actorOf } from '../../principals.js';
import type { DirectoryStore, SearchFields, TransitionRecord, WebhookDeliveryDraft, WebhookEndpointRecord, WebhookEndpointStore } from '../../store/port.js';
import type { WatchedTransition } from '../watches/targets.js';

/** The transition, as much of it as a delivery's body says, with the instance's data and searchable fields after it. */
export interface DeliveredTransition extends WatchedTransition, Pick<TransitionRecord, 'seq' | 'event' | 'at' | 'actor'> {
  fields: SearchFields;
}

/** The searchable fields that name an economy of the instance. */
const ECONOMY_FIELDS = ['economy', 'importingEconomy', 'exportingEconomy', 'proposingEconomy', 'partnerEconomy'];

export function economiesOf(fields: SearchFields): string[] {
  return ECONOMY_FIELDS.flatMap((name) => {
    const value = fields[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  });
}

/** `test-reports.accepted` when the state changed; `test-reports.REVIEW_OVERDUE` (the event) when it stayed. */
export function eventType(t: Pick<DeliveredTransition, 'kind' | 'event' | 'from' | 'to'>): string {
  return t.from === t.to ? `${t.kind}.${t.event}` : `${t.kind}.${t.to}`;
}

function wants(endpoint: WebhookEndpointRecord, t: DeliveredTransition, economies: readonly string[]): boolean {
  return (
    endpoint.kinds.includes(t.kind) &&
    (endpoint.events.length === 0 || endpoint.events.includes(t.event)) &&
    (endpoint.economies.length === 0 || endpoint.economies.some((e) => economies.includes(e)))
  );
}

/** The JSON every receiver gets, in the Standard Webhooks shape `{ type, timestamp, data }`. */
export function deliveryBody(t: DeliveredTransition): string {
  return JSON.stringify({
    type: eventType(t),
    timestamp: t.at,
    data: {
      kind: t.kind,
      id: t.id,
      seq: t.seq,
      event: t.event,
      from: t.from,
      to: t.to,
      at: t.at,
      actor: { role: t.actor.role, ...(t.actor.economy === undefined ? {} : { economy: t.actor.economy }) },
      record: t.data,
    },
  });
}

export async function webhookDeliveries(t: DeliveredTransition, store: WebhookEndpointStore & DirectoryStore): Promise<WebhookDeliveryDraft[]> {
  const economies = economiesOf(t.fields);
  const endpoints = (await store.listWebhookEndpoints({ activeOnly: true })).filter((e) => wants(e, t, economies));
  if (endpoints.length === 0) return [];
  const body = deliveryBody(t);
  const drafts: WebhookDeliveryDraft[] = [];
  for (const endpoint of endpoints) {
    const owner = await store.getPrincipal(endpoint.principalId);
    if (!owner || owner.disabledAt !== undefined || !mayRead(workflows[t.kind], actorOf(owner), t.data)) continue;
    drafts.push({ id: newId(), endpointId: endpoint.id, type: eventType(t), body });
  }
  return drafts;
}
