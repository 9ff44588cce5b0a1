/**
 * The outbox and the deadlines in SQLite: work items claimed under a lease, so that several
 * processes (or several dispatchers in one) can share them without doing any twice.
 */
import type { Database, Transaction } from 'better-sqlite3';
import type { Kind } from '../../kinds/types.js';
import type { AccountMail, Deadline, DeadlineSource, Lease, OutboxMessage, OutboxResult, OutboxStatus, Page } from '../port.js';
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
  source: DeadlineSource;
  payload: string | null;
  status: Deadline['status'];
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

function toDeadline(row: DeadlineRow): Deadline {
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

export class OutboxTable {
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

  record(owner: string, results: readonly OutboxResult[]): string[] {
    return results.length === 0 ? [] : this.#record.immediate(owner, results);
  }

  claim(lease: Lease): OutboxMessage[] {
    return this.#claim.immediate(lease).map(toMessage);
  }

  releaseLeases(owner: string): number {
    return this.#sql.releaseLeases.run(owner).changes;
  }

  markSent(id: string, owner: string, result: { at: string; response: string }): boolean {
    return this.#sql.sent.run({ id, owner, ...result }).changes === 1;
  }

  markFailed(id: string, owner: string, failure: { at: string; error: string; retryAt: string | null }): boolean {
    return this.#sql.failed.run({ id, owner, error: failure.error, retryAt: failure.retryAt }).changes === 1;
  }

  counts(): Record<OutboxStatus, number> {
    const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, dead: 0 };
    for (const row of this.#sql.counts.all() as Array<{ status: OutboxStatus; n: number }>) counts[row.status] = row.n;
    return counts;
  }

  list(query: { status?: OutboxStatus; limit: number; cursor?: string | null }): Page<OutboxMessage> {
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

  get(id: string): OutboxMessage | null {
    const row = this.#sql.one.get(id) as OutboxRow | undefined;
    return row ? toMessage(row) : null;
  }

  requeue(id: string, at: string): boolean {
    return this.#sql.requeue.run({ id, at }).changes === 1;
  }
}

export class DeadlineTable {
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

  releaseLeases(owner: string): number {
    return this.#sql.releaseLeases.run(owner).changes;
  }

  pending(kind: Kind, id: string, source: DeadlineSource): Deadline[] {
    return (this.#sql.pending.all(kind, id, source) as DeadlineRow[]).map(toDeadline);
  }

  claim(lease: Lease): Deadline[] {
    const rows = this.#sql.claim.all({ owner: lease.owner, until: leaseUntil(lease), now: lease.now, limit: lease.limit }) as DeadlineRow[];
    return rows.map(toDeadline).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
  }

  claimOne(id: string, lease: Omit<Lease, 'limit'>): Deadline | null {
    const row = this.#sql.claimOne.get({ id, owner: lease.owner, until: leaseUntil({ ...lease, limit: 1 }), now: lease.now }) as
      | DeadlineRow
      | undefined;
    return row ? toDeadline(row) : null;
  }

  complete(id: string, owner: string, at: string): boolean {
    return this.#sql.complete.run({ id, owner, at }).changes === 1;
  }

  release(id: string, owner: string, failure: { error: string; retryAt: string }): boolean {
    return this.#sql.release.run({ id, owner, ...failure }).changes === 1;
  }
}
