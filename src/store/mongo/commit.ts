/**
 * One transition written to MongoDB in one multi-document transaction: the instance (by
 * compare-and-swap on its version), its unique keys, its history entry, its e-mails and its
 * deadline changes, all or nothing.
 *
 * `runTransaction` (transaction.ts) starts, commits and aborts, and retries as the driver's
 * `withTransaction` documents, within the store's operation bound: the whole callback again on a
 * `TransientTransactionError` (another transaction wrote the same instance first: the retry then
 * finds the version moved and answers VERSION_CONFLICT), the commit again on an
 * `UnknownTransactionCommitResult`. The callback is idempotent for that
 * reason: it decides everything from the commit and what it reads inside the transaction.
 */
import type { Connection, ClientSession } from 'mongoose';
import type { WriteConcern } from 'mongodb';
import { AppError } from '../../errors.js';
import type { Kind } from '../../kinds/types.js';
import type { Commit, CommitFaults, MailAlreadySent, SearchIndexEntry } from '../port.js';
import type { InstanceDoc, UniqueKeyDoc } from './shapes.js';
import * as q from './queries.js';
import { isDuplicateKey, type Runner } from './run.js';
import { boundsOf, type Bounds } from './timeouts.js';
import { runTransaction } from './transaction.js';

/** A unique key was taken: found inside the transaction, named once it has been aborted. */
class KeyTaken extends Error {
  constructor(readonly key: string, cause: unknown) {
    super(`unique key ${key} is taken`, { cause });
  }
}

export class MongoCommitter {
  readonly #connection: Connection;
  readonly #run: Runner;
  readonly #writeConcern: WriteConcern;
  readonly #faults: CommitFaults;

  readonly #bounds: Bounds['transaction'];

  constructor(connection: Connection, run: Runner, writeConcern: WriteConcern, faults: CommitFaults = {}, bounds: Bounds['transaction'] = boundsOf({}).transaction) {
    this.#connection = connection;
    this.#run = run;
    this.#writeConcern = writeConcern;
    this.#faults = faults;
    this.#bounds = bounds;
  }

  async commit(c: Commit): Promise<void> {
    await this.#transaction(c.kind, (session) => this.#write(c, session));
  }

  /** Many commits in one transaction, all or none (InstanceStore.commitMany); a refusal names the first commit's kind. */
  async commitMany(commits: readonly Commit[], mailSent?: MailAlreadySent): Promise<void> {
    const first = commits[0];
    if (first === undefined) return;
    await this.#transaction(first.kind, async (session) => {
      for (const c of commits) await this.#write(c, session, mailSent);
    });
  }

  /** An instance's index entries rewritten in one transaction, while it is at `entry.version` (SearchIndexStore). */
  async reindex(kind: Kind, id: string, entry: SearchIndexEntry): Promise<boolean> {
    let moved = false;
    await this.#transaction(kind, async (session) => {
      moved = !(await this.#run.updateOne(q.reindexInstance(kind, id, entry), session));
      if (!moved) await this.#replaceUniqueKeys(kind, id, entry.uniqueKeys, session);
    });
    return !moved;
  }

  async #transaction(kind: Kind, work: (session: ClientSession) => Promise<void>): Promise<void> {
    const session = await this.#connection.startSession();
    try {
      // Retried as withTransaction would, within the store's bound rather than 120 s (transaction.ts).
      const options = { readConcern: { level: 'snapshot' as const }, writeConcern: this.#writeConcern, readPreference: 'primary' as const, maxCommitTimeMS: this.#bounds.maxCommitTimeMS };
      await runTransaction(session, () => work(session), options, { budgetMs: this.#bounds.budgetMs });
    } catch (error) {
      if (error instanceof KeyTaken) throw await this.#keyTaken(kind, error);
      throw error;
    } finally {
      await session.endSession();
    }
  }

  async #replaceUniqueKeys(kind: Kind, id: string, uniqueKeys: string[], session: ClientSession): Promise<void> {
    await this.#run.deleteMany(q.uniqueKeysOf(kind, id), session);
    for (const doc of q.uniqueKeyDocs({ kind, id, uniqueKeys })) {
      try {
        await this.#run.insert('unique_keys', [doc], session);
      } catch (error) {
        if (isDuplicateKey(error)) throw new KeyTaken(doc.key, error);
        throw error;
      }
    }
  }

  async #write(c: Commit, session: ClientSession, mailSent?: MailAlreadySent): Promise<void> {
    const run = this.#run;
    if (c.expectedVersion === 0) {
      try {
        await run.insert('instances', [q.newInstance(c)], session);
      } catch (error) {
        if (isDuplicateKey(error)) throw new AppError({ code: 'DUPLICATE', detail: `${c.kind} ${c.id} already exists.`, cause: error });
        throw error;
      }
    } else if ((await run.update<InstanceDoc>(q.transitionInstance(c), session)) === null) {
      const current = await run.one<InstanceDoc>(q.instanceById(c.kind, c.id), session);
      if (current === null) throw new AppError({ code: 'NOT_FOUND', detail: `${c.kind} ${c.id} does not exist.` });
      throw new AppError({
        code: 'VERSION_CONFLICT',
        detail: `${c.kind} ${c.id} is at version ${current.version}, not ${c.expectedVersion}: reload it and try again.`,
        publicFields: { currentVersion: current.version },
      });
    }
    if (c.uniqueKeys) await this.#replaceUniqueKeys(c.kind, c.id, c.uniqueKeys, session);
    await run.insert('history', [q.historyDoc(c)], session);
    await run.insert('outbox', q.outboxDocs(c, mailSent), session);
    if (c.timers.complete !== undefined && !(await run.updateOne(q.completeFiredDeadline(c.timers.complete, c.at), session))) {
      throw new AppError({
        code: 'DEADLINE_HANDLED',
        detail: `Deadline ${c.timers.complete} has already been handled.`,
        internalFields: { deadlineId: c.timers.complete },
      });
    }
    if (c.timers.cancelStateDeadlines) await run.updateMany(q.cancelStateDeadlines(c.kind, c.id, c.at), session);
    for (const event of c.timers.cancelStateDeadlinesOf ?? []) await run.updateMany(q.cancelStateDeadlinesOf(c.kind, c.id, event, c.at), session);
    await run.insert('deadlines', q.deadlineDocs(c), session);
    await run.insert('webhook_deliveries', q.webhookDeliveryDocs(c), session);
    this.#faults.beforeCommitEnds?.(c);
  }

  /** The duplicate-key refusal, naming the record that holds the key (read after the abort). */
  async #keyTaken(kind: Kind, taken: KeyTaken): Promise<AppError> {
    const owner = await this.#run.one<UniqueKeyDoc>(q.uniqueKeyOwner(kind, taken.key));
    return new AppError({
      code: 'DUPLICATE',
      detail: `Another ${kind} record (${owner?.instanceId ?? 'unknown'}) already has ${taken.key}.`,
      publicFields: { existingId: owner?.instanceId ?? null },
      cause: taken.cause,
    });
  }
}
