/* eslint-disable @typescript-eslint/require-await -- better-sqlite3 is synchronous and the port is not: these methods answer settled promises on purpose. */
/** The queue figures monitoring scrapes (port: `queueFigures`), each one an index lookup. */
import type { Database, Statement } from 'better-sqlite3';
import type { QueueFigures, QueueFigureStore } from '../port.js';

/** Exported so a test can check each statement's query plan uses an index. */
export const QUEUE_FIGURE_SQL = {
  outboxCount: `SELECT count(*) FROM outbox WHERE status = ?`,
  oldestPending: `SELECT min(created_at) FROM outbox WHERE status = 'pending'`,
  deadlinesDue: `SELECT count(*) FROM deadlines WHERE status = 'pending' AND due_at <= ?`,
  deadlinesFailing: `SELECT count(*) AS failing, count(*) FILTER (WHERE source = 'cascade') AS cascades
                     FROM deadlines WHERE status = 'pending' AND attempts > 0`,
} as const;

export class QueueFigureQueries implements QueueFigureStore {
  readonly #sql: { [K in keyof typeof QUEUE_FIGURE_SQL]: Statement };

  constructor(db: Database) {
    this.#sql = {
      outboxCount: db.prepare(QUEUE_FIGURE_SQL.outboxCount).pluck(),
      oldestPending: db.prepare(QUEUE_FIGURE_SQL.oldestPending).pluck(),
      deadlinesDue: db.prepare(QUEUE_FIGURE_SQL.deadlinesDue).pluck(),
      deadlinesFailing: db.prepare(QUEUE_FIGURE_SQL.deadlinesFailing),
    };
  }

  async queueFigures(now: string): Promise<QueueFigures> {
    const failing = this.#sql.deadlinesFailing.get() as { failing: number; cascades: number };
    return {
      outbox: {
        pending: this.#sql.outboxCount.get('pending') as number,
        dead: this.#sql.outboxCount.get('dead') as number,
        oldestPendingAt: (this.#sql.oldestPending.get() as string | null) ?? null,
      },
      deadlines: { due: this.#sql.deadlinesDue.get(now) as number, failing: failing.failing, failingCascades: failing.cascades },
    };
  }
}
