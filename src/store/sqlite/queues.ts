/* eslint-disable @typescript-eslint/require-await -- better-sqlite3 is synchronous and the port is not: these methods answer settled promises on purpose. */
/**
 * The outbox and the timers (state deadlines and cascade tasks, in the `deadlines` table) in
 * SQLite: work items claimed under a lease, so that several processes (or several dispatchers in
 * one) can share them without doing any twice.
 */
import type { Database, Transaction } from 'better-sqlite3';
import type { Kind } from '../../kinds/types.js';
import type { AccountMail, CascadeTask, Lease, OutboxMessage, OutboxResult, OutboxStatus, OutboxStore, Page, StateDeadline, Timer, TimerQueue, TimerSource } from '../port.js';
import { ACCOUNT_MAIL_KIND } from './access.js';
import { NOTIFICATION_COLUMNS, notificationOf, type NotificationColumns } from './mail-rows.js';
import { decodeCursor, encodeCursor, parseJson } from './rows.js';

interface OutboxRow extends NotificationColumns {
  id: string;
  /** JSON text, or packed (packed-json.ts). */
  recipient: string | Uint8Array;
  body: string | null;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  response: string | null;
  created_at: string;
}

interface DeadlineRow {
  id: string;
  kind: string;
  instance_id: string;
  event: string;
  due_at: string;
  source: TimerSource;
  payload: string | null;
  status: Timer['status'];
  attempts: number;
  last_error: string | null;
  created_at: string;
}

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    recipient: parseJson(row.recipient),
    ...(row.kind === ACCOUNT_MAIL_KIND ? { notification: null, account: parseJson<AccountMail>(row.body!) } : { notification: notificationOf(row) }),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    sentAt: row.sent_at,
    response: row.response,
    createdAt: row.created_at,
  };
}

/** A row of the `deadlines` table as the timer it holds (a state deadline or a cascade task). */
function toTimer(row: DeadlineRow): Timer {
  return {
    id: row.id,
    kind: row.kind as Kind,
    instanceId: row.instance_id,
    event: row.event,
    dueAt: row.due_at,
    source: row.source,
    ...(row.payload === null ? {} : { payload: parseJson(row.payload) }),
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}

function leaseUntil(lease: Lease): string {
  return new Date(Date.parse(lease.now) + lease.leaseMs).toISOString();
}

export class OutboxTable implements OutboxStore {
  readonly #sql;
  readonly #claim: Transaction<(lease: Lease) => OutboxRow[]>;
  readonly #record: Transaction<(owner: string, results: readonly OutboxResult[]) => string[]>;

  constructor(db: Database) {
    const claim = db.prepare(
      `UPDATE outbox SET lease_owner = @owner, lease_until = @until
       WHERE id IN (
         SELECT id FROM outbox
         WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
         ORDER BY next_attempt_at, id LIMIT @limit)
       RETURNING id`,
    ).pluck();
    const withBodies = db.prepare(
      `SELECT o.*, ${NOTIFICATION_COLUMNS} FROM outbox o LEFT JOIN history h ON h.kind = o.kind AND h.id = o.instance_id AND h.seq = o.seq
       WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY o.next_attempt_at, o.id`,
    );
    // Claiming and reading the claimed messages with their notifications is one transaction.
    this.#claim = db.transaction((lease: Lease) => {
      const ids = claim.all({ owner: lease.owner, until: leaseUntil(lease), now: lease.now, limit: lease.limit }) as string[];
      return ids.length === 0 ? [] : (withBodies.all(JSON.stringify(ids)) as OutboxRow[]);
    });
    const sql = {
      sent: db.prepare(
        `UPDATE outbox SET status = 'sent', sent_at = @at, response = @response, attempts = attempts + 1,
           lease_owner = NULL, lease_until = NULL
         WHERE id = @id AND lease_owner = @owner AND status = 'pending'`,
      ),
      failed: db.prepare(
        `UPDATE outbox SET status = CASE WHEN @retryAt IS NULL THEN 'dead' ELSE 'pending' END,
           next_attempt_at = COALESCE(@retryAt, next_attempt_at), last_error = @error, attempts = attempts + 1,
           lease_owner = NULL, lease_until = NULL
         WHERE id = @id AND lease_owner = @owner AND status = 'pending'`,
      ),
      counts: db.prepare(`SELECT status, n FROM outbox_counts`),
      releaseLeases: db.prepare(`UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND status = 'pending'`),
      requeue: db.prepare(
        `UPDATE outbox SET status = 'pending', next_attempt_at = @at, attempts = 0, lease_owner = NULL, lease_until = NULL
         WHERE id = @id AND status = 'dead'`,
      ),
      one: db.prepare(
        `SELECT o.*, ${NOTIFICATION_COLUMNS} FROM outbox o LEFT JOIN history h ON h.kind = o.kind AND h.id = o.instance_id AND h.seq = o.seq
         WHERE o.id = ?`,
      ),
      // By status through outbox_due (what the admin view lists); unfiltered, in due order.
      listOf: db.prepare(
        `SELECT o.*, ${NOTIFICATION_COLUMNS} FROM outbox o LEFT JOIN history h ON h.kind = o.kind AND h.id = o.instance_id AND h.seq = o.seq
         WHERE o.status = @status AND (@afterAt IS NULL OR (o.next_attempt_at, o.id) > (@afterAt, @afterId))
         ORDER BY o.next_attempt_at, o.id LIMIT @limit`,
      ),
      listAll: db.prepare(
        `SELECT o.*, ${NOTIFICATION_COLUMNS} FROM outbox o LEFT JOIN history h ON h.kind = o.kind AND h.id = o.instance_id AND h.seq = o.seq
         WHERE (@afterAt IS NULL OR (o.next_attempt_at, o.id) > (@afterAt, @afterId))
         ORDER BY o.next_attempt_at, o.id LIMIT @limit`,
      ),
    };
    this.#sql = sql;
    // A batch's results are one transaction: one WAL flush for all of them, not one per message.
    this.#record = db.transaction((owner: string, results: readonly OutboxResult[]) =>
      results
        .filter((result) =>
          'sent' in result
            ? sql.sent.run({ id: result.id, owner, ...result.sent }).changes === 0
            : sql.failed.run({ id: result.id, owner, error: result.failed.error, retryAt: result.failed.retryAt }).changes === 0,
        )
        .map((result) => result.id),
    );
  }

  async recordOutboxResults(owner: string, results: readonly OutboxResult[]): Promise<string[]> {
    return results.length === 0 ? [] : this.#record.immediate(owner, results);
  }

  async claimOutbox(lease: Lease): Promise<OutboxMessage[]> {
    return this.#claim.immediate(lease).map(toMessage);
  }

  async releaseOutboxLeases(owner: string): Promise<number> {
    return this.#sql.releaseLeases.run(owner).changes;
  }

  async markSent(id: string, owner: string, result: { at: string; response: string }): Promise<boolean> {
    return this.#sql.sent.run({ id, owner, ...result }).changes === 1;
  }

  async markFailed(id: string, owner: string, failure: { at: string; error: string; retryAt: string | null }): Promise<boolean> {
    return this.#sql.failed.run({ id, owner, error: failure.error, retryAt: failure.retryAt }).changes === 1;
  }

  async outboxCounts(): Promise<Record<OutboxStatus, number>> {
    const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, dead: 0 };
    for (const row of this.#sql.counts.all() as Array<{ status: OutboxStatus; n: number }>) counts[row.status] = row.n;
    return counts;
  }

  async listOutbox(query: { status?: OutboxStatus; limit: number; cursor?: string | null }): Promise<Page<OutboxMessage>> {
    const [afterAt, afterId] = query.cursor ? decodeCursor(query.cursor) : [null, null];
    const rows = (
      query.status === undefined
        ? this.#sql.listAll.all({ afterAt, afterId, limit: query.limit + 1 })
        : this.#sql.listOf.all({ status: query.status, afterAt, afterId, limit: query.limit + 1 })
    ) as OutboxRow[];
    const items = rows.slice(0, query.limit).map(toMessage);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.nextAttemptAt, last.id]) : null };
  }

  async getOutboxMessage(id: string): Promise<OutboxMessage | null> {
    const row = this.#sql.one.get(id) as OutboxRow | undefined;
    return row ? toMessage(row) : null;
  }

  async requeueOutbox(id: string, at: string): Promise<boolean> {
    return this.#sql.requeue.run({ id, at }).changes === 1;
  }
}

/** The `deadlines` table: every timer, a state's deadline or a cascade's task (`source`). */
export class DeadlineTable implements TimerQueue {
  readonly #sql;

  constructor(db: Database) {
    this.#sql = {
      pending: db.prepare(
        `SELECT * FROM deadlines WHERE kind = ? AND instance_id = ? AND source = ? AND status = 'pending' ORDER BY due_at, id`,
      ),
      claim: db.prepare(
        `UPDATE deadlines SET lease_owner = @owner, lease_until = @until
         WHERE id IN (
           SELECT id FROM deadlines
           WHERE status = 'pending' AND due_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
           ORDER BY due_at, id LIMIT @limit)
         RETURNING *`,
      ),
      claimOne: db.prepare(
        `UPDATE deadlines SET lease_owner = @owner, lease_until = @until
         WHERE id = @id AND status = 'pending' AND (lease_until IS NULL OR lease_until <= @now)
         RETURNING *`,
      ),
      complete: db.prepare(
        `UPDATE deadlines SET status = 'done', completed_at = @at, lease_owner = NULL, lease_until = NULL
         WHERE id = @id AND lease_owner = @owner AND status = 'pending'`,
      ),
      // The lease is kept until retryAt, so nobody claims the deadline again before then.
      release: db.prepare(
        `UPDATE deadlines SET lease_owner = NULL, lease_until = @retryAt, attempts = attempts + 1, last_error = @error
         WHERE id = @id AND lease_owner = @owner AND status = 'pending'`,
      ),
      releaseLeases: db.prepare(`UPDATE deadlines SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND status = 'pending'`),
    };
  }

  async releaseDeadlineLeases(owner: string): Promise<number> {
    return this.#sql.releaseLeases.run(owner).changes;
  }

  pendingDeadlines(kind: Kind, id: string, source?: 'state'): Promise<StateDeadline[]>;
  pendingDeadlines(kind: Kind, id: string, source: 'cascade'): Promise<CascadeTask[]>;
  async pendingDeadlines(kind: Kind, id: string, source: TimerSource = 'state'): Promise<Timer[]> {
    return (this.#sql.pending.all(kind, id, source) as DeadlineRow[]).map(toTimer);
  }

  async claimDueDeadlines(lease: Lease): Promise<Timer[]> {
    const rows = this.#sql.claim.all({ owner: lease.owner, until: leaseUntil(lease), now: lease.now, limit: lease.limit }) as DeadlineRow[];
    return rows.map(toTimer).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
  }

  async claimDeadline(id: string, lease: Omit<Lease, 'limit'>): Promise<Timer | null> {
    const row = this.#sql.claimOne.get({ id, owner: lease.owner, until: leaseUntil({ ...lease, limit: 1 }), now: lease.now }) as
      | DeadlineRow
      | undefined;
    return row ? toTimer(row) : null;
  }

  async completeDeadline(id: string, owner: string, at: string): Promise<boolean> {
    return this.#sql.complete.run({ id, owner, at }).changes === 1;
  }

  async releaseDeadline(id: string, owner: string, failure: { error: string; retryAt: string }): Promise<boolean> {
    return this.#sql.release.run({ id, owner, ...failure }).changes === 1;
  }
}
