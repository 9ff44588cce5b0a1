/**
 * The administrator's view of the outbox (the API serves it as `GET /admin/outbox` and
 * `POST /admin/outbox/{id}/requeue`): how many messages are pending, sent and dead, which ones
 * are dead and why, and a way to put a dead one back in the queue once the cause is fixed.
 */
import type { Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { OutboxStatus, OutboxStore, Page } from '../../store/port.js';
import type { MessageComposer } from './composer.js';

/** A message given up: to whom, about what, and why. */
export interface DeadLetter {
  id: string;
  recipient: { address: string; name: string; language: 'en' | 'vi'; party: string };
  /** The subject line, as the recipient would have read it. */
  subject: string;
  kind: string;
  instanceId: string;
  event: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

export interface OutboxAdminOptions {
  store: OutboxStore;
  composer: MessageComposer;
  clock: Clock;
}

const MAX_PAGE = 200;

export class OutboxAdmin {
  readonly #o: OutboxAdminOptions;

  constructor(options: OutboxAdminOptions) {
    this.#o = options;
  }

  /** How many messages are in each status. */
  counts(): Promise<Record<OutboxStatus, number>> {
    return this.#o.store.outboxCounts();
  }

  /**
   * The dead messages, a page at a time, oldest first.
   *
   * @throws AppError VALIDATION_FAILED for a limit outside 1..200 or a cursor this service did not issue.
   */
  async dead(query: { limit?: number; cursor?: string | null } = {}): Promise<Page<DeadLetter>> {
    const limit = query.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
      throw new AppError({
        code: 'VALIDATION_FAILED',
        detail: `limit must be a whole number from 1 to ${MAX_PAGE}, not ${limit}.`,
        errors: [{ pointer: '/limit', message: `must be from 1 to ${MAX_PAGE}` }],
      });
    }
    const page = await this.#o.store.listOutbox({ status: 'dead', limit, cursor: query.cursor ?? null });
    const items = await Promise.all(
      page.items.map(async (m) => ({
        id: m.id,
        recipient: { ...m.recipient },
        subject: await this.#o.composer.subject(m),
        // An account e-mail (a sign-in link) is about a principal, not a workflow instance.
        kind: m.notification?.kind ?? 'account',
        instanceId: m.notification?.instanceId ?? m.account?.principalId ?? '',
        event: m.notification?.event ?? m.account?.type ?? '',
        attempts: m.attempts,
        lastError: m.lastError,
        createdAt: m.createdAt,
      })),
    );
    return { items, nextCursor: page.nextCursor };
  }

  /**
   * Puts a dead message back in the queue, due now, with its attempts counted from zero again.
   * It keeps its id, so the e-mail keeps its Message-ID.
   *
   * @throws AppError NOT_FOUND if there is no such message; EVENT_NOT_ACCEPTED if it is not dead.
   */
  async requeue(id: string): Promise<{ id: string; status: 'pending'; nextAttemptAt: string }> {
    const { store, clock } = this.#o;
    const message = await store.getOutboxMessage(id);
    if (!message) throw new AppError({ code: 'NOT_FOUND', detail: `There is no outbox message "${id}".` });
    const at = clock.now().toISOString();
    if (message.status !== 'dead' || !(await store.requeueOutbox(id, at))) {
      const status = message.status === 'dead' ? 'pending' : message.status;
      throw new AppError({
        code: 'EVENT_NOT_ACCEPTED',
        detail: `Outbox message ${id} is ${status}: only a dead message can be re-queued.`,
        publicFields: { status },
      });
    }
    return { id, status: 'pending', nextAttemptAt: at };
  }
}
