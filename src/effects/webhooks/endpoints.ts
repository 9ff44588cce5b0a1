/**
 * Webhook endpoints of organisations: registered, rotated, disabled, and their deliveries listed
 * and re-queued. Every principal of the organisation manages its endpoints (an admin any);
 * to anyone else an endpoint does not exist. Registration checks the address policy and sends
 * one signed `webhook.ping`, which the endpoint must answer itself: a redirect is refused, never
 * followed, and so is no answer at all, or none complete within the delivery deadline
 * (`MRA_WEBHOOK_TIMEOUT_MS`). Any other status is taken (a receiver that verifies
 * signatures answers the ping 401, since it cannot have the secret yet). The secret is in the
 * answer once, never again.
 */
import type { Actor, Kind } from '../../kinds/types.js';
import { systemClock, type Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { InstanceStore, Page, WebhookDelivery, WebhookDeliveryQueue, WebhookDeliveryStatus, WebhookEndpointRecord, WebhookEndpointStore } from '../../store/port.js';
import type { AddressPolicy } from './address-policy.js';
import { Deadline, DeadlineExceeded } from './deadline.js';
import { postPinned } from './http-post.js';
import { liveSecrets, newSigningSecret, signedHeaders, type SecretBox } from './signing.js';

export interface EndpointRequest {
  url: string;
  kinds: Kind[];
  economies?: string[];
  events?: string[];
}

export interface WebhookEndpointsOptions {
  store: WebhookEndpointStore & WebhookDeliveryQueue & InstanceStore;
  policy: AddressPolicy;
  box: SecretBox;
  /** The service clock: when things are recorded. */
  clock: Clock;
  /** The real time, for `webhook-timestamp` (receivers check it against theirs). */
  wallClock?: Clock;
  /** The total time the test delivery may take, resolving the name included. */
  timeoutMs: number;
}

/** What the API shows of an endpoint: never a secret. */
export function endpointView(e: WebhookEndpointRecord, now: Date) {
  const previous = liveSecrets(e.secrets, now).find((s) => s.expiresAt !== null);
  return {
    id: e.id,
    organisation: e.organisation,
    principalId: e.principalId,
    url: e.url,
    kinds: e.kinds,
    economies: e.economies,
    events: e.events,
    createdAt: e.createdAt,
    disabledAt: e.disabledAt,
    previousSecretExpiresAt: previous?.expiresAt ?? null,
  };
}

const MAX_ENDPOINTS_PER_ORGANISATION = 20;

export class WebhookEndpoints {
  readonly #o: Required<WebhookEndpointsOptions>;

  constructor(options: WebhookEndpointsOptions) {
    this.#o = { wallClock: systemClock, ...options };
  }

  /** @throws AppError ENDPOINT_REFUSED (address, redirect, no answer to the ping), NOT_ELIGIBLE (too many). */
  async register(actor: Actor, request: EndpointRequest): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
    const { store, box, clock } = this.#o;
    const organisation = actor.organisation ?? actor.id;
    const held = (await store.listWebhookEndpoints({ organisation })).filter((e) => e.disabledAt === null);
    if (held.length >= MAX_ENDPOINTS_PER_ORGANISATION) {
      throw new AppError({ code: 'NOT_ELIGIBLE', detail: `An organisation may have ${MAX_ENDPOINTS_PER_ORGANISATION} active endpoints; disable one first.` });
    }
    const id = newId();
    const secret = newSigningSecret();
    await this.#ping(id, request.url, secret);
    const now = clock.now().toISOString();
    const endpoint: WebhookEndpointRecord = {
      id,
      organisation,
      principalId: actor.id,
      url: request.url,
      kinds: [...new Set(request.kinds)],
      economies: [...new Set(request.economies ?? [])],
      events: [...new Set(request.events ?? [])],
      secrets: [{ sealed: box.seal(secret), createdAt: now, expiresAt: null }],
      createdAt: now,
      disabledAt: null,
    };
    await store.putWebhookEndpoint(endpoint);
    return { endpoint, secret };
  }

  async get(actor: Actor, id: string): Promise<WebhookEndpointRecord> {
    const endpoint = await this.#o.store.getWebhookEndpoint(id);
    if (!endpoint || (actor.role !== 'admin' && endpoint.organisation !== (actor.organisation ?? actor.id))) {
      throw new AppError({ code: 'NOT_FOUND', detail: `There is no webhook endpoint "${id}".` });
    }
    return endpoint;
  }

  list(actor: Actor): Promise<WebhookEndpointRecord[]> {
    return this.#o.store.listWebhookEndpoints(actor.role === 'admin' ? {} : { organisation: actor.organisation ?? actor.id });
  }

  /**
   * A new secret; the old one keeps signing (beside the new) for `overlapMinutes`, so receivers
   * can switch without losing a delivery.
   */
  async rotate(actor: Actor, id: string, overlapMinutes: number): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
    const endpoint = await this.#active(actor, id);
    const now = this.#o.clock.now();
    const until = new Date(now.getTime() + overlapMinutes * 60_000).toISOString();
    const secret = newSigningSecret();
    const current = endpoint.secrets.find((s) => s.expiresAt === null);
    const rotated: WebhookEndpointRecord = {
      ...endpoint,
      secrets: [
        { sealed: this.#o.box.seal(secret), createdAt: now.toISOString(), expiresAt: null },
        ...(current && overlapMinutes > 0 ? [{ ...current, expiresAt: until }] : []),
      ],
    };
    await this.#o.store.putWebhookEndpoint(rotated);
    return { endpoint: rotated, secret };
  }

  async disable(actor: Actor, id: string): Promise<WebhookEndpointRecord> {
    const endpoint = await this.#active(actor, id);
    const disabled = { ...endpoint, disabledAt: this.#o.clock.now().toISOString() };
    await this.#o.store.putWebhookEndpoint(disabled);
    return disabled;
  }

  async deliveries(actor: Actor, id: string, query: { status?: WebhookDeliveryStatus; limit?: number; cursor?: string | null }): Promise<Page<WebhookDelivery>> {
    await this.get(actor, id);
    return this.#o.store.listWebhookDeliveries({ endpointId: id, limit: query.limit ?? 50, cursor: query.cursor ?? null, ...(query.status ? { status: query.status } : {}) });
  }

  /** @throws AppError NOT_FOUND, EVENT_NOT_ACCEPTED (the delivery is not dead). */
  async requeue(actor: Actor, id: string, deliveryId: string): Promise<WebhookDelivery> {
    await this.#active(actor, id);
    const delivery = await this.#o.store.getWebhookDelivery(deliveryId);
    if (!delivery || delivery.endpointId !== id) throw new AppError({ code: 'NOT_FOUND', detail: `Endpoint ${id} has no delivery "${deliveryId}".` });
    if (!(await this.#o.store.requeueWebhookDelivery(deliveryId, this.#o.clock.now().toISOString()))) {
      throw new AppError({ code: 'EVENT_NOT_ACCEPTED', detail: `Delivery ${deliveryId} is ${delivery.status}: only a dead delivery is re-queued.` });
    }
    return (await this.#o.store.getWebhookDelivery(deliveryId))!;
  }

  async #active(actor: Actor, id: string): Promise<WebhookEndpointRecord> {
    const endpoint = await this.get(actor, id);
    if (endpoint.disabledAt !== null) throw new AppError({ code: 'EVENT_NOT_ACCEPTED', detail: `Webhook endpoint ${id} is disabled.` });
    return endpoint;
  }

  /**
   * The registration's signed test delivery; refuses the endpoint unless it answers, itself,
   * without a redirect, within the same total deadline as a delivery (resolving the name
   * included), so a receiver that trickles its answer cannot hold the registration request.
   */
  async #ping(endpointId: string, url: string, secret: string): Promise<void> {
    const deadline = new Deadline(this.#o.timeoutMs);
    const target = await deadline.race(this.#o.policy.check(url), 'the name was still being resolved').catch((error: unknown) => {
      if (error instanceof DeadlineExceeded) throw new AppError({ code: 'ENDPOINT_REFUSED', detail: `${url} could not be checked in time: ${error.message}.`, cause: error });
      throw error;
    });
    const id = newId();
    const timestamp = this.#o.wallClock.now();
    const body = JSON.stringify({ type: 'webhook.ping', timestamp: timestamp.toISOString(), data: { endpointId } });
    let answer;
    try {
      answer = await postPinned(target, signedHeaders({ id, timestamp, body, secrets: [secret] }), body, deadline);
    } catch (error) {
      throw new AppError({ code: 'ENDPOINT_REFUSED', detail: `${url} did not answer the test delivery (${(error as Error).message}).`, cause: error });
    }
    if (answer.status >= 300 && answer.status < 400) {
      throw new AppError({
        code: 'ENDPOINT_REFUSED',
        detail: `${url} answered the test delivery with a redirect (HTTP ${answer.status}${answer.location === null ? '' : ` to ${answer.location}`}); redirects are not followed: register the final address.`,
      });
    }
  }
}
