/* eslint-disable @typescript-eslint/require-await -- better-sqlite3 is synchronous and the port is not: these methods answer settled promises on purpose. */
/**
 * Webhook endpoints and webhook deliveries in SQLite. Deliveries are written by the transition's
 * commit (`instances.ts` calls `deliveryWriter`'s function inside it) and claimed under a lease
 * like the outbox, so several nodes share them without delivering one twice at once.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Kind } from '../../kinds/types.js';
import type {
  Commit,
  Page,
  WebhookDelivery,
  WebhookDeliveryQueue,
  WebhookLease,
  WebhookDeliveryStatus,
  WebhookEndpointRecord,
  WebhookEndpointStore,
} from '../port.js';
import { decodeCursor, encodeCursor, parseJson } from './rows.js';

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  kind: string;
  instance_id: string;
  seq: number;
  type: string;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  last_status: number | null;
  delivered_at: string | null;
  created_at: string;
}

export function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    kind: row.kind as Kind,
    instanceId: row.instance_id,
    seq: row.seq,
    type: row.type,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    lastStatus: row.last_status,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}

/** Writes a commit's deliveries; called inside the commit's transaction. */
export function deliveryWriter(db: Database): (c: Commit) => void {
  const insert = db.prepare(
    `INSERT INTO webhook_deliveries (id, endpoint_id, kind, instance_id, seq, type, body, status, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
  );
  return (c) => {
    for (const d of c.webhooks ?? []) insert.run(d.id, d.endpointId, c.kind, c.id, c.expectedVersion + 1, d.type, d.body, c.at, c.at);
  };
}

export class WebhookEndpointTable implements WebhookEndpointStore {
  readonly #sql: Record<string, Statement>;

  constructor(db: Database) {
    this.#sql = {
      putEndpoint: db.prepare(
        `INSERT INTO webhook_endpoints (id, organisation, active, created_at, data) VALUES (@id, @organisation, @active, @createdAt, @data)
         ON CONFLICT (id) DO UPDATE SET organisation = excluded.organisation, active = excluded.active, data = excluded.data`,
      ),
      // One statement per shape, so each walks its own index (an OR of optional filters would scan).
      endpointsOfOrganisation: db.prepare(
        `SELECT data FROM webhook_endpoints WHERE organisation = @organisation AND (@active IS NULL OR active = @active) ORDER BY created_at, id`,
      ),
      endpoint: db.prepare(`SELECT data FROM webhook_endpoints WHERE id = ?`),
      activeEndpoints: db.prepare(`SELECT data FROM webhook_endpoints WHERE active = 1 ORDER BY created_at, id`),
      allEndpoints: db.prepare(`SELECT data FROM webhook_endpoints ORDER BY created_at, id`),
    };
  }

  async putWebhookEndpoint(endpoint: WebhookEndpointRecord): Promise<void> {
    this.#sql['putEndpoint']!.run({
      id: endpoint.id,
      organisation: endpoint.organisation,
      active: endpoint.disabledAt === null ? 1 : 0,
      createdAt: endpoint.createdAt,
      data: JSON.stringify(endpoint),
    });
  }

  async getWebhookEndpoint(id: string): Promise<WebhookEndpointRecord | null> {
    const text = this.#sql['endpoint']!.pluck().get(id) as string | undefined;
    return text === undefined ? null : parseJson<WebhookEndpointRecord>(text);
  }

  async listWebhookEndpoints(query: { organisation?: string; activeOnly?: boolean }): Promise<WebhookEndpointRecord[]> {
    const active = query.activeOnly === true ? 1 : null;
    const rows =
      query.organisation !== undefined
        ? this.#sql['endpointsOfOrganisation']!.pluck().all({ organisation: query.organisation, active })
        : active === 1
          ? this.#sql['activeEndpoints']!.pluck().all()
          : this.#sql['allEndpoints']!.pluck().all();
    return (rows as string[]).map((text) => parseJson<WebhookEndpointRecord>(text));
  }
}

export class WebhookDeliveryTable implements WebhookDeliveryQueue {
  readonly #db: Database;
  readonly #sql: Record<string, Statement>;

  constructor(db: Database) {
    this.#db = db;
    this.#sql = {
      claim: db.prepare(
        `UPDATE webhook_deliveries SET lease_owner = @owner, lease_until = @until
         WHERE id IN (
           SELECT id FROM webhook_deliveries
           WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
           ORDER BY next_attempt_at, id LIMIT @limit)
         RETURNING *`,
      ),
      // What each endpoint holds now, and the claimable deliveries in due order, read one by one
      // until the claim is full: a claim within `perEndpoint` passes over the endpoints that hold
      // their share, and takes what it chose in one update, all in one write transaction.
      heldByEndpoint: db.prepare(
        `SELECT endpoint_id, count(*) AS n FROM webhook_deliveries
         WHERE lease_owner IS NOT NULL AND status = 'pending' AND lease_until > @now GROUP BY endpoint_id`,
      ),
      claimable: db.prepare(
        `SELECT id, endpoint_id FROM webhook_deliveries
         WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
         ORDER BY next_attempt_at, id`,
      ),
      take: db.prepare(`UPDATE webhook_deliveries SET lease_owner = @owner, lease_until = @until WHERE id IN (SELECT value FROM json_each(@ids)) RETURNING *`),
      delivered: db.prepare(
        `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = @at, last_status = @status, last_error = NULL,
           attempts = attempts + 1, lease_owner = NULL, lease_until = NULL
         WHERE id = @id AND lease_owner = @owner AND status = 'pending'`,
      ),
      failed: db.prepare(
        `UPDATE webhook_deliveries SET status = CASE WHEN @retryAt IS NULL THEN 'dead' ELSE 'pending' END,
           next_attempt_at = COALESCE(@retryAt, next_attempt_at), last_error = @error, last_status = @status,
           attempts = attempts + 1, lease_owner = NULL, lease_until = NULL
         WHERE id = @id AND lease_owner = @owner AND status = 'pending'`,
      ),
      releaseLeases: db.prepare(`UPDATE webhook_deliveries SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND status = 'pending'`),
      deliveries: db.prepare(
        `SELECT * FROM webhook_deliveries WHERE endpoint_id = @endpointId AND (@status IS NULL OR status = @status)
           AND (@before IS NULL OR id < @before)
         ORDER BY id DESC LIMIT @limit`,
      ),
      delivery: db.prepare(`SELECT * FROM webhook_deliveries WHERE id = ?`),
      requeue: db.prepare(
        `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = @at, attempts = 0, lease_owner = NULL, lease_until = NULL
         WHERE id = @id AND status = 'dead'`,
      ),
    };
  }

  async claimWebhookDeliveries(lease: WebhookLease): Promise<WebhookDelivery[]> {
    const until = new Date(Date.parse(lease.now) + lease.leaseMs).toISOString();
    const { perEndpoint } = lease;
    const claim = this.#db.transaction((): DeliveryRow[] => {
      if (perEndpoint === undefined) return this.#sql['claim']!.all({ owner: lease.owner, until, now: lease.now, limit: lease.limit }) as DeliveryRow[];
      const held = new Map((this.#sql['heldByEndpoint']!.all({ now: lease.now }) as Array<{ endpoint_id: string; n: number }>).map((r) => [r.endpoint_id, r.n]));
      const ids: string[] = [];
      for (const row of this.#sql['claimable']!.iterate({ now: lease.now }) as IterableIterator<{ id: string; endpoint_id: string }>) {
        if (ids.length >= lease.limit) break;
        const holds = held.get(row.endpoint_id) ?? 0;
        if (holds >= perEndpoint) continue;
        held.set(row.endpoint_id, holds + 1);
        ids.push(row.id);
      }
      return ids.length === 0 ? [] : (this.#sql['take']!.all({ owner: lease.owner, until, ids: JSON.stringify(ids) }) as DeliveryRow[]);
    });
    return claim
      .immediate()
      .map(toDelivery)
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.id.localeCompare(b.id));
  }

  async markWebhookDelivered(id: string, owner: string, result: { at: string; status: number }): Promise<boolean> {
    return this.#sql['delivered']!.run({ id, owner, ...result }).changes === 1;
  }

  async markWebhookFailed(id: string, owner: string, failure: { at: string; error: string; status: number | null; retryAt: string | null }): Promise<boolean> {
    return this.#sql['failed']!.run({ id, owner, error: failure.error, status: failure.status, retryAt: failure.retryAt }).changes === 1;
  }

  async releaseWebhookLeases(owner: string): Promise<number> {
    return this.#sql['releaseLeases']!.run(owner).changes;
  }

  async listWebhookDeliveries(query: { endpointId: string; status?: WebhookDeliveryStatus; limit: number; cursor?: string | null }): Promise<Page<WebhookDelivery>> {
    const before = query.cursor ? (decodeCursor(query.cursor)[0] ?? null) : null;
    const rows = this.#sql['deliveries']!.all({ endpointId: query.endpointId, status: query.status ?? null, before, limit: query.limit + 1 }) as DeliveryRow[];
    const items = rows.slice(0, query.limit).map(toDelivery);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null };
  }

  async getWebhookDelivery(id: string): Promise<WebhookDelivery | null> {
    const row = this.#sql['delivery']!.get(id) as DeliveryRow | undefined;
    return row ? toDelivery(row) : null;
  }

  async requeueWebhookDelivery(id: string, at: string): Promise<boolean> {
    return this.#sql['requeue']!.run({ id, at }).changes === 1;
  }
}
