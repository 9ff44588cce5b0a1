/**
 * Every filter, update, sort and pipeline the MongoDB store sends, built by pure functions from
 * the port's arguments. The adapter only runs what these return, so the tests can evaluate each
 * one with mingo against documents in memory (no server), and can check that an index serves it.
 *
 * `sanitizeFilter` is on for the connection: any object with `$` keys inside a filter would be
 * turned into an `$eq` match, so the operators written here are marked `trusted`. Values from
 * callers (ids, states, field values) are never trusted, so one that smuggles an operator in
 * stays a literal.
 */
import escapeStringRegexp from 'escape-string-regexp';
import mongoose from 'mongoose';
import type { Kind } from '../../kinds/types.js';
import type { Commit, FindQuery, Lease, MailAlreadySent, OutboxResult, OutboxStatus, SearchIndexEntry, SearchText, TextCondition, TimerSource, WebhookDeliveryStatus } from '../port.js';
import { AppError } from '../../errors.js';
import { decodeCursor } from '../cursor.js';
import { leaseEndedOnServer, takeLeasePipeline } from './leases.js';
import { instanceCursor } from './page.js';
import { emailKeyOf } from './principals.js';
import {
  ALL_TEXT,
  COLLECTIONS,
  fieldKeysOf,
  historyKey,
  instanceKey,
  type CollectionName,
  type DeadlineDoc,
  type HistoryDoc,
  type InstanceDoc,
  type OutboxDoc,
  type UniqueKeyDoc,
  textGramsOf,
  textOf,
  trigramsOf,
  type WebhookDeliveryDoc,
} from './shapes.js';

export type Filter = Record<string, unknown>;
export type Sort = Record<string, 1 | -1>;
export type UpdateDoc = Record<string, Record<string, unknown>>;
/** An update with an aggregation pipeline (`leases.ts`: the server's clock is read there). */
export type UpdatePipeline = Array<{ $set: Record<string, unknown> }>;

/** A read: which collection, which documents, in which order, how many. */
export interface Read {
  collection: CollectionName;
  filter: Filter;
  sort?: Sort;
  limit?: number;
  /**
   * The index that must select the candidates (its name in `indexes.ts`), when the planner could
   * otherwise pick a worse one: free text is selected by its trigrams, never by a field or a state.
   */
  hint?: string;
  /** How long the server may work on it before answering MaxTimeMSExpired (a search, bounded). */
  maxTimeMs?: number;
}

/** A write to the documents a filter matches. */
export interface Write {
  collection: CollectionName;
  filter: Filter;
  update: UpdateDoc | UpdatePipeline;
}

const op = <T extends object>(operator: T): T => mongoose.trusted(operator);

// ---------------------------------------------------------------- instances

/** The one instance. */
export function instanceById(kind: Kind, id: string): Read {
  return { collection: COLLECTIONS.instances, filter: { _id: instanceKey(kind, id) } };
}

/** A new instance at version 1. */
export function newInstance(c: Commit): InstanceDoc {
  return {
    _id: instanceKey(c.kind, c.id),
    kind: c.kind,
    id: c.id,
    state: c.state,
    context: c.context,
    version: 1,
    machineVersion: c.machineVersion,
    createdAt: c.at,
    updatedAt: c.at,
    fieldKeys: fieldKeysOf(c.fields ?? {}),
    ...(c.text ? textDoc(c.text) : {}),
  };
}

/** The stored text and its trigrams, written together so the index never disagrees with the text. */
function textDoc(text: SearchText): Pick<InstanceDoc, 'text' | 'textGrams'> {
  return { text: textOf(text), textGrams: textGramsOf(text) };
}

/**
 * The compare-and-swap of a transition: matches the instance only at the version the sender
 * saw, and moves it one version on. A stale version matches nothing.
 */
export function transitionInstance(c: Commit): Write {
  return {
    collection: COLLECTIONS.instances,
    filter: { _id: instanceKey(c.kind, c.id), version: c.expectedVersion },
    update: {
      $set: {
        state: c.state,
        context: c.context,
        machineVersion: c.machineVersion,
        updatedAt: c.at,
        ...(c.fields ? { fieldKeys: fieldKeysOf(c.fields) } : {}),
        ...(c.text ? textDoc(c.text) : {}),
      },
      $inc: { version: 1 },
    },
  };
}

/**
 * Re-indexing (SearchIndexStore): the instance's fields and text replaced, only while it is at
 * the version they were computed from; nothing else of it changes.
 */
export function reindexInstance(kind: Kind, id: string, entry: SearchIndexEntry): Write {
  return {
    collection: COLLECTIONS.instances,
    filter: { _id: instanceKey(kind, id), version: entry.version },
    update: { $set: { fieldKeys: fieldKeysOf(entry.fields), ...textDoc(entry.text) } },
  };
}

/** The index free text is selected through (`indexes.ts`). */
export const TEXT_INDEX = 'instances_by_text';

/** A text field's name as a path: only plain names, so a field can never reach another path. */
function textPath(condition: TextCondition): string {
  const field = condition.field ?? ALL_TEXT;
  if (field !== ALL_TEXT && !/^[A-Za-z][A-Za-z0-9_]*$/.test(field)) {
    throw new AppError({ code: 'VALIDATION_FAILED', detail: `"${field}" is not a text field.` });
  }
  return `text.${field}`;
}

/**
 * What a find with free text needs to know beside the query: how common each trigram is (counted
 * through the trigram index, no further than a bound: `trigramCount`), and whether the trigram
 * index exists (a hint naming a missing index is a server error, so a store without it scans).
 */
export interface TextPlan {
  /** Instances holding each trigram (`field:abc`), as far as counted; a trigram not counted is taken as common. */
  counts?: ReadonlyMap<string, number>;
  /** False when `instances_by_text` is missing: no hint then. */
  textIndex?: boolean;
}

/** Every trigram a find's text conditions need, each under its field (`model:pn-`, `*:phu`), once. */
export function searchGrams(conditions: readonly TextCondition[]): string[] {
  const grams = new Set<string>();
  for (const c of conditions) {
    textPath(c);
    for (const gram of trigramsOf(c.fragment)) grams.add(`${c.field ?? ALL_TEXT}:${gram}`);
  }
  return [...grams];
}

/**
 * How many instances of a kind hold one trigram, counting index keys of `instances_by_text` and
 * stopping at `limit`: cheap, and enough to tell a rare trigram from a common one.
 */
export function trigramCount(kind: Kind, gram: string, limit: number): Read {
  return { collection: COLLECTIONS.instances, filter: { kind, textGrams: gram }, limit, hint: TEXT_INDEX };
}

/**
 * The trigrams in the order the scan should use them: the rarest first. MongoDB bounds a scan of a
 * multikey index by one element of an `$all` (the first), and filters the fetched documents by the
 * others, so the rarest first reads the fewest index keys; a common first trigram (`*:ong` in
 * Vietnamese names) would read most of the collection.
 */
export function rarestFirst(grams: readonly string[], counts: ReadonlyMap<string, number> = new Map()): string[] {
  const countOf = (gram: string) => counts.get(gram) ?? Number.MAX_SAFE_INTEGER;
  return [...grams].sort((a, b) => countOf(a) - countOf(b));
}

/**
 * The free-text part of a find (docs/search-and-documents.md, "For the MongoDB adapter"): every
 * fragment's trigrams, rarest first, select the candidates through `instances_by_text`, then every
 * fragment (trigrams alone do not prove the order of the letters) must occur in its field: a
 * regular expression of the escaped fragment, run on the candidates only.
 */
function textFilter(conditions: readonly TextCondition[], counts: TextPlan['counts']): Filter {
  const grams = searchGrams(conditions);
  if (grams.length === 0) {
    throw new AppError({ code: 'VALIDATION_FAILED', detail: 'Type at least three characters to search free text.' });
  }
  return {
    textGrams: op({ $all: rarestFirst(grams, counts) }),
    $and: conditions.map((c) => ({ [textPath(c)]: op({ $regex: escapeStringRegexp(c.fragment) }) })),
  };
}

/** Instances of a kind by state, searchable fields and free text, oldest (or newest) first, one more than a page. */
export function findInstances(kind: Kind, query: FindQuery, plan: TextPlan = {}): Read {
  const text = query.text ?? [];
  const filter: Filter = { kind, ...(text.length > 0 ? textFilter(text, plan.counts) : {}) };
  if (query.states && query.states.length > 0) filter['state'] = op({ $in: [...query.states] });
  const where = Object.entries(query.where ?? {});
  if (where.length > 0) filter['fieldKeys'] = op({ $all: fieldKeysOf(Object.fromEntries(where)) });
  // Newest first walks the same indexes backwards.
  const direction = query.order === 'newest' ? -1 : 1;
  if (query.cursor) {
    const [createdAt, id] = instanceCursor(query.cursor);
    const beyond = direction === 1 ? '$gt' : '$lt';
    filter['$or'] = [{ createdAt: op({ [beyond]: createdAt }) }, { createdAt, id: op({ [beyond]: id }) }];
    // The same bound once more, beside the `$or`: the planner turns it into bounds on the index's
    // `createdAt`, so a later page starts where the last one ended instead of at the beginning.
    filter['createdAt'] = op({ [direction === 1 ? '$gte' : '$lte']: createdAt });
  }
  return {
    collection: COLLECTIONS.instances,
    filter,
    sort: { createdAt: direction, id: direction },
    limit: query.limit + 1,
    // Two arrays (fieldKeys, textGrams) cannot share one compound index: the trigrams select.
    ...(text.length > 0 && plan.textIndex !== false ? { hint: TEXT_INDEX } : {}),
  };
}

// ---------------------------------------------------------------- unique keys

export function uniqueKeysOf(kind: Kind, id: string): Read {
  return { collection: COLLECTIONS.uniqueKeys, filter: { kind, instanceId: id } };
}

export function uniqueKeyDocs(c: Pick<Commit, 'kind' | 'id' | 'uniqueKeys'>): UniqueKeyDoc[] {
  return (c.uniqueKeys ?? []).map((key) => ({ _id: `${c.kind}:${key}`, kind: c.kind, key, instanceId: c.id }));
}

/** Who holds a unique key (asked after a duplicate-key refusal, to name the other record). */
export function uniqueKeyOwner(kind: Kind, key: string): Read {
  return { collection: COLLECTIONS.uniqueKeys, filter: { _id: `${kind}:${key}` } };
}

// ---------------------------------------------------------------- history

export function historyDoc(c: Commit): HistoryDoc {
  const seq = c.expectedVersion + 1;
  const h = c.history;
  return {
    _id: historyKey(c.kind, c.id, seq),
    kind: c.kind,
    instanceId: c.id,
    seq,
    at: h.at,
    type: h.type,
    actor: h.actor,
    from: h.from,
    to: h.to,
    payload: h.payload,
    ...(h.facts === undefined ? {} : { facts: h.facts }),
    ...(h.cause === undefined ? {} : { cause: h.cause }),
  };
}

/** An instance's history after `afterSeq`, oldest first, one more than a page. */
export function historyPage(kind: Kind, id: string, options: { afterSeq?: number; limit: number }): Read {
  return {
    collection: COLLECTIONS.history,
    filter: { kind, instanceId: id, seq: op({ $gt: options.afterSeq ?? 0 }) },
    sort: { seq: 1 },
    limit: options.limit + 1,
  };
}

/**
 * An instance's history newest first, before `beforeSeq` when given: where the last step at or
 * before an instant is looked for (`stepAt`), along `history_by_instance`; the time is checked on
 * the entries read, as an instance's history is short and its newest steps come first.
 */
export function historyBackwards(kind: Kind, id: string, options: { beforeSeq?: number; limit: number }): Read {
  return {
    collection: COLLECTIONS.history,
    filter: { kind, instanceId: id, ...(options.beforeSeq === undefined ? {} : { seq: op({ $lt: options.beforeSeq }) }) },
    sort: { seq: -1 },
    limit: options.limit,
  };
}

// ---------------------------------------------------------------- leases (outbox and deadlines)

export function leaseUntil(lease: Pick<Lease, 'now' | 'leaseMs'>): string {
  return new Date(Date.parse(lease.now) + lease.leaseMs).toISOString();
}

/** Nobody holds it at `now`: never leased, released, or the lease ran out. */
function unleased(now: string): Filter['$or'] {
  return [{ leaseUntil: null }, { leaseUntil: op({ $lte: now }) }];
}

/** Takes the lease, by the server's clock as well as the node's (`leases.ts`). */
function takeLease(lease: Pick<Lease, 'owner' | 'now' | 'leaseMs'>): UpdatePipeline {
  return takeLeasePipeline(lease);
}

/** Held by `owner` and still pending: a node that lost its lease to another matches nothing. */
function heldBy(id: string, owner: string): Filter {
  return { _id: id, leaseOwner: owner, status: 'pending' };
}

const LET_GO = { leaseOwner: null, leaseUntil: null };

// ---------------------------------------------------------------- outbox

export function outboxDocs(c: Commit, mailSent?: MailAlreadySent): OutboxDoc[] {
  const seq = c.expectedVersion + 1;
  return c.outbox.messages.map((m) => ({
    _id: m.id,
    kind: c.kind,
    instanceId: c.id,
    seq,
    recipient: m.recipient,
    notification: c.outbox.notification,
    // A bulk load's e-mails are written as sent: nobody is meant to receive them (commitMany).
    status: mailSent ? 'sent' : 'pending',
    attempts: 0,
    nextAttemptAt: c.at,
    leaseOwner: null,
    leaseUntil: null,
    lastError: null,
    sentAt: mailSent?.at ?? null,
    response: mailSent?.response ?? null,
    createdAt: c.at,
  }));
}

/** Rows of a leased queue (the outbox, webhook deliveries) a claimer may take now, in the order they are due. */
function claimableIn(collection: CollectionName, lease: Lease): Read {
  return {
    collection,
    filter: { status: 'pending', nextAttemptAt: op({ $lte: lease.now }), $or: unleased(lease.now) },
    sort: { nextAttemptAt: 1, _id: 1 },
    limit: lease.limit,
  };
}

/** Takes one row of a leased queue if it is still claimable: two claimers racing for it, one matches. */
function claimOneIn(collection: CollectionName, id: string, lease: Lease): Write {
  const { filter } = claimableIn(collection, lease);
  return { collection, filter: { _id: id, ...filter, ...leaseEndedOnServer() }, update: takeLease(lease) };
}

/** Messages a claimer may take now, in the order they are due. */
export function claimableOutbox(lease: Lease): Read {
  return claimableIn(COLLECTIONS.outbox, lease);
}

/** Takes one message if it is still claimable: two claimers racing for it, one matches. */
export function claimOutboxMessage(id: string, lease: Lease): Write {
  return claimOneIn(COLLECTIONS.outbox, id, lease);
}

export function markSent(id: string, owner: string, result: { at: string; response: string }): Write {
  return {
    collection: COLLECTIONS.outbox,
    filter: heldBy(id, owner),
    update: { $set: { status: 'sent', sentAt: result.at, response: result.response, ...LET_GO }, $inc: { attempts: 1 } },
  };
}

/** A failed attempt: due again at `retryAt`, or `dead` when there is none. */
export function markFailed(id: string, owner: string, failure: { error: string; retryAt: string | null }): Write {
  const next = failure.retryAt === null ? { status: 'dead' } : { status: 'pending', nextAttemptAt: failure.retryAt };
  return {
    collection: COLLECTIONS.outbox,
    filter: heldBy(id, owner),
    update: { $set: { ...next, lastError: failure.error, ...LET_GO }, $inc: { attempts: 1 } },
  };
}

/** Of these messages, those `owner` still holds: the ones whose results it may record. */
export function outboxHeldBy(ids: readonly string[], owner: string): Read {
  return { collection: COLLECTIONS.outbox, filter: { _id: op({ $in: [...ids] }), leaseOwner: owner, status: 'pending' } };
}

/** A batch's results, each written as `markSent` or `markFailed` would (one bulk write for all). */
export function outboxResults(owner: string, results: readonly OutboxResult[]): Write[] {
  return results.map((result) => ('sent' in result ? markSent(result.id, owner, result.sent) : markFailed(result.id, owner, result.failed)));
}

export function requeueOutbox(id: string, at: string): Write {
  return {
    collection: COLLECTIONS.outbox,
    filter: { _id: id, status: 'dead' },
    update: { $set: { status: 'pending', nextAttemptAt: at, attempts: 0, ...LET_GO } },
  };
}

export function outboxById(id: string): Read {
  return { collection: COLLECTIONS.outbox, filter: { _id: id } };
}

/** Messages by status, in due order, one more than a page. */
export function listOutbox(query: { status?: OutboxStatus; limit: number; cursor?: string | null }): Read {
  const filter: Filter = query.status ? { status: query.status } : {};
  if (query.cursor) {
    const [nextAttemptAt, id] = decodeCursor(query.cursor);
    filter['$or'] = [{ nextAttemptAt: op({ $gt: nextAttemptAt }) }, { nextAttemptAt, _id: op({ $gt: id }) }];
  }
  return { collection: COLLECTIONS.outbox, filter, sort: { nextAttemptAt: 1, _id: 1 }, limit: query.limit + 1 };
}

/** `[{ _id: status, n }]` for every status that has messages. */
// ---------------------------------------------------------------- deadlines

export function deadlineDocs(c: Commit): DeadlineDoc[] {
  return c.timers.add.map((d) => ({
    _id: d.id,
    kind: c.kind,
    instanceId: c.id,
    event: d.event,
    dueAt: d.dueAt,
    source: d.source,
    ...(d.payload === undefined ? {} : { payload: d.payload }),
    status: 'pending',
    attempts: 0,
    leaseOwner: null,
    leaseUntil: null,
    lastError: null,
    createdAt: c.at,
    completedAt: null,
  }));
}

export function pendingDeadlines(kind: Kind, id: string, source: TimerSource): Read {
  return {
    collection: COLLECTIONS.deadlines,
    filter: { kind, instanceId: id, status: 'pending', source },
    sort: { dueAt: 1, _id: 1 },
  };
}

/** The commit that fires a deadline completes it, whoever holds it; one already handled matches nothing. */
export function completeFiredDeadline(id: string, at: string): Write {
  return {
    collection: COLLECTIONS.deadlines,
    filter: { _id: id, status: 'pending' },
    update: { $set: { status: 'done', completedAt: at, ...LET_GO } },
  };
}

/** Leaving a state cancels the deadlines it set; cascades stay. */
export function cancelStateDeadlines(kind: Kind, id: string, at: string): Write {
  return {
    collection: COLLECTIONS.deadlines,
    filter: { kind, instanceId: id, status: 'pending', source: 'state' },
    update: { $set: { status: 'cancelled', completedAt: at, ...LET_GO } },
  };
}

/** A transition that keeps its state moves the deadlines anchored on a field it changed: those of `event` are cancelled. */
export function cancelStateDeadlinesOf(kind: Kind, id: string, event: string, at: string): Write {
  return {
    collection: COLLECTIONS.deadlines,
    filter: { kind, instanceId: id, status: 'pending', source: 'state', event },
    update: { $set: { status: 'cancelled', completedAt: at, ...LET_GO } },
  };
}

/** Deadlines a claimer may take now, oldest due first. */
export function claimableDeadlines(lease: Lease): Read {
  return {
    collection: COLLECTIONS.deadlines,
    filter: { status: 'pending', dueAt: op({ $lte: lease.now }), $or: unleased(lease.now) },
    sort: { dueAt: 1, _id: 1 },
    limit: lease.limit,
  };
}

/** Takes one due deadline if it is still claimable. */
export function claimDueDeadline(id: string, lease: Lease): Write {
  const { filter } = claimableDeadlines(lease);
  return { collection: COLLECTIONS.deadlines, filter: { _id: id, ...filter, ...leaseEndedOnServer() }, update: takeLease(lease) };
}

/** Takes one pending deadline by id if nobody holds it, due or not (a cascade run right after its commit). */
export function claimDeadlineById(id: string, lease: Omit<Lease, 'limit'>): Write {
  return {
    collection: COLLECTIONS.deadlines,
    filter: { _id: id, status: 'pending', $or: unleased(lease.now), ...leaseEndedOnServer() },
    update: takeLease(lease),
  };
}

export function completeClaimedDeadline(id: string, owner: string, at: string): Write {
  return { collection: COLLECTIONS.deadlines, filter: heldBy(id, owner), update: { $set: { status: 'done', completedAt: at, ...LET_GO } } };
}

/** Hands a deadline back; the lease stays until `retryAt`, so nobody claims it before then. */
export function releaseDeadline(id: string, owner: string, failure: { error: string; retryAt: string }): Write {
  return {
    collection: COLLECTIONS.deadlines,
    filter: heldBy(id, owner),
    update: { $set: { leaseOwner: null, leaseUntil: failure.retryAt, lastError: failure.error }, $inc: { attempts: 1 } },
  };
}

// ---------------------------------------------------------------- leases given back, queue figures

/** Every pending message `owner` holds, let go so another node may send it at once (attempts unchanged). */
export function releaseOutboxLeases(owner: string): Write {
  return { collection: COLLECTIONS.outbox, filter: { status: 'pending', leaseOwner: owner }, update: { $set: LET_GO } };
}

/**
 * Every pending deadline `owner` holds, let go (attempts unchanged). One waiting out a failure's
 * backoff has no owner (`releaseDeadline` clears it) and so keeps its wait.
 */
export function releaseDeadlineLeases(owner: string): Write {
  return { collection: COLLECTIONS.deadlines, filter: { status: 'pending', leaseOwner: owner }, update: { $set: LET_GO } };
}

/** Messages of one status, to count. */
export function outboxOfStatus(status: OutboxStatus): Read {
  return { collection: COLLECTIONS.outbox, filter: { status } };
}

/** The oldest message still pending. */
export function oldestPendingOutbox(): Read {
  return { collection: COLLECTIONS.outbox, filter: { status: 'pending' }, sort: { createdAt: 1 }, limit: 1 };
}

/** Pending deadlines due by `now`, to count. */
export function dueDeadlines(now: string): Read {
  return { collection: COLLECTIONS.deadlines, filter: { status: 'pending', dueAt: op({ $lte: now }) } };
}

/** Pending deadlines that failed at least once (of `source`, when given), to count. */
export function failingDeadlines(source?: TimerSource): Read {
  return {
    collection: COLLECTIONS.deadlines,
    filter: { status: 'pending', attempts: op({ $gt: 0 }), ...(source === undefined ? {} : { source }) },
  };
}

// ---------------------------------------------------------------- directory

export function byId(collection: CollectionName, id: string): Read {
  return { collection, filter: { _id: id } };
}

export function anyOf(collection: CollectionName): Read {
  return { collection, filter: {}, limit: 1 };
}

export function allEconomies(): Read {
  return { collection: COLLECTIONS.economies, filter: {}, sort: { _id: 1 } };
}

export function regulationsByIds(ids: readonly string[]): Read {
  return { collection: COLLECTIONS.regulations, filter: { _id: op({ $in: [...ids] }) }, sort: { _id: 1 } };
}

export function regulationsOf(query: { economy?: string }): Read {
  return { collection: COLLECTIONS.regulations, filter: query.economy === undefined ? {} : { economy: query.economy }, sort: { _id: 1 } };
}

export function cabsPage(query: { economy?: string; limit: number; cursor?: string | null }): Read {
  const filter: Filter = query.economy === undefined ? {} : { economy: query.economy };
  if (query.cursor) filter['_id'] = op({ $gt: decodeCursor(query.cursor)[0] ?? '' });
  return { collection: COLLECTIONS.cabs, filter, sort: { _id: 1 }, limit: query.limit + 1 };
}

/** Principals with this address, as SQLite compares it (`principals.ts`): one equality on an index. */
export function principalsByEmail(email: string): Read {
  return { collection: COLLECTIONS.principals, filter: { emailKey: emailKeyOf(email) }, sort: { _id: 1 } };
}

/** The principals of an organisation; the disabled ones are left out by the caller. */
export function principalsOf(organisation: string): Read {
  return { collection: COLLECTIONS.principals, filter: { organisation }, sort: { _id: 1 } };
}

export function principalsPage(query: { organisation?: string; economy?: string; limit: number; cursor?: string | null }): Read {
  const filter: Filter = {};
  if (query.organisation !== undefined) filter['organisation'] = query.organisation;
  if (query.economy !== undefined) filter['economy'] = query.economy;
  if (query.cursor) filter['_id'] = op({ $gt: decodeCursor(query.cursor)[0] ?? '' });
  return { collection: COLLECTIONS.principals, filter, sort: { _id: 1 }, limit: query.limit + 1 };
}

/** Principals of a role; the economies (a handful) are chosen from them by the caller, as SQLite does. */
export function principalsOfRole(role: string): Read {
  return { collection: COLLECTIONS.principals, filter: { role }, sort: { _id: 1 } };
}

/** The next number of a sequence, created at 1. */
export function nextSequence(name: string): Write {
  return { collection: COLLECTIONS.sequences, filter: { _id: name }, update: { $inc: { value: 1 } } };
}

// ---------------------------------------------------------------- keys, sign-in, sessions, audit

export function apiKeyByHash(hash: string): Read {
  return { collection: COLLECTIONS.apiKeys, filter: { hash } };
}

export function apiKeysOf(query: { principalId?: string; hashScheme?: string }): Read {
  const filter: Filter = {};
  if (query.principalId !== undefined) filter['principalId'] = query.principalId;
  if (query.hashScheme !== undefined) filter['hashScheme'] = query.hashScheme;
  return { collection: COLLECTIONS.apiKeys, filter, sort: { createdAt: 1, _id: 1 } };
}

export function touchApiKey(id: string, at: string): Write {
  return { collection: COLLECTIONS.apiKeys, filter: { _id: id }, update: { $set: { lastUsedAt: at } } };
}

/** Takes an unused token: only one taker can match `usedAt: null`. */
export function useSignInToken(hash: string, at: string): Write {
  return { collection: COLLECTIONS.signInTokens, filter: { _id: hash, usedAt: null }, update: { $set: { usedAt: at } } };
}

export function liveSession(id: string, at: string): Read {
  return { collection: COLLECTIONS.sessions, filter: { _id: id, expiresAt: op({ $gt: at }) } };
}

export function sessionsOf(principalId: string): Read {
  return { collection: COLLECTIONS.sessions, filter: { principalId } };
}

/** Sessions that have expired at `at`. */
export function expiredSessions(at: string): Read {
  // By `expireAt`, the date the TTL index holds: MongoDB's own monitor removes these within a
  // minute or so, and this sweep finds what is left through the same index.
  return { collection: COLLECTIONS.sessions, filter: { expireAt: op({ $lte: new Date(at) }) } };
}

/** Sign-in tokens that have expired at `at`, used or not. */
export function expiredSignInTokens(at: string): Read {
  return { collection: COLLECTIONS.signInTokens, filter: { expireAt: op({ $lte: new Date(at) }) } };
}

/** Audit entries newest first (their ids are time-ordered), of one organisation or all. */
export function auditPage(query: { organisation?: string; limit: number; cursor?: string | null }): Read {
  const filter: Filter = query.organisation === undefined ? {} : { organisation: query.organisation };
  if (query.cursor) filter['_id'] = op({ $lt: decodeCursor(query.cursor)[0] ?? '' });
  return { collection: COLLECTIONS.audit, filter, sort: { _id: -1 }, limit: query.limit + 1 };
}

// ---------------------------------------------------------------- settings of the store

/** Sets a setting of the store, creating it the first time. */
export function recordSetting(name: string, value: string): Write {
  return { collection: COLLECTIONS.settings, filter: { _id: name }, update: { $set: { value } } };
}

// ---------------------------------------------------------------- watches and webhooks

/** A principal's watches, oldest first, one more than a page. */
export function watchesPage(query: { principalId: string; limit: number; cursor?: string | null }): Read {
  const filter: Filter = { principalId: query.principalId };
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor);
    filter['$or'] = [{ createdAt: op({ $gt: createdAt }) }, { createdAt, _id: op({ $gt: id }) }];
  }
  return { collection: COLLECTIONS.watches, filter, sort: { createdAt: 1, _id: 1 }, limit: query.limit + 1 };
}

/** One watch, only if `principalId` owns it (to remove it). */
export function watchOf(id: string, principalId: string): Read {
  return { collection: COLLECTIONS.watches, filter: { _id: id, principalId } };
}

/** Every watch on any of the keys a transition has. */
export function watchesOn(keys: readonly string[]): Read {
  return { collection: COLLECTIONS.watches, filter: { key: op({ $in: [...keys] }) }, sort: { key: 1, createdAt: 1 } };
}

/** Endpoints of an organisation (or all), only the active ones if asked, oldest first. */
export function webhookEndpoints(query: { organisation?: string; activeOnly?: boolean }): Read {
  const filter: Filter = {};
  if (query.organisation !== undefined) filter['organisation'] = query.organisation;
  if (query.activeOnly === true) filter['disabledAt'] = null;
  return { collection: COLLECTIONS.webhookEndpoints, filter, sort: { createdAt: 1, _id: 1 } };
}

export function webhookDeliveryDocs(c: Commit): WebhookDeliveryDoc[] {
  return (c.webhooks ?? []).map((d) => ({
    _id: d.id,
    endpointId: d.endpointId,
    kind: c.kind,
    instanceId: c.id,
    seq: c.expectedVersion + 1,
    type: d.type,
    body: d.body,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: c.at,
    leaseOwner: null,
    leaseUntil: null,
    lastError: null,
    lastStatus: null,
    deliveredAt: null,
    createdAt: c.at,
  }));
}

/** Deliveries a claimer may take now, in the order they are due, none of the endpoints in `full` (those holding their share). */
export function claimableWebhookDeliveries(lease: Lease, full: readonly string[] = []): Read {
  const read = claimableIn(COLLECTIONS.webhookDeliveries, lease);
  return full.length === 0 ? read : { ...read, filter: { ...read.filter, endpointId: op({ $nin: [...full] }) } };
}

/** The deliveries held under a lease that has not run out (a few: at most the places in flight of every node); a given-back lease is null. */
export function heldWebhookDeliveries(now: string): Read {
  return { collection: COLLECTIONS.webhookDeliveries, filter: { status: 'pending', leaseUntil: op({ $gt: now }) } };
}

/** Takes one delivery if it is still claimable. */
export function claimWebhookDelivery(id: string, lease: Lease): Write {
  return claimOneIn(COLLECTIONS.webhookDeliveries, id, lease);
}

export function markWebhookDelivered(id: string, owner: string, result: { at: string; status: number }): Write {
  return {
    collection: COLLECTIONS.webhookDeliveries,
    filter: heldBy(id, owner),
    update: { $set: { status: 'delivered', deliveredAt: result.at, lastStatus: result.status, lastError: null, ...LET_GO }, $inc: { attempts: 1 } },
  };
}

export function markWebhookFailed(id: string, owner: string, failure: { error: string; status: number | null; retryAt: string | null }): Write {
  const next = failure.retryAt === null ? { status: 'dead' } : { status: 'pending', nextAttemptAt: failure.retryAt };
  return {
    collection: COLLECTIONS.webhookDeliveries,
    filter: heldBy(id, owner),
    update: { $set: { ...next, lastError: failure.error, lastStatus: failure.status, ...LET_GO }, $inc: { attempts: 1 } },
  };
}

export function releaseWebhookLeases(owner: string): Write {
  return { collection: COLLECTIONS.webhookDeliveries, filter: { status: 'pending', leaseOwner: owner }, update: { $set: LET_GO } };
}

/** An endpoint's deliveries, newest first (ids are time-ordered), one more than a page. */
export function webhookDeliveriesPage(query: { endpointId: string; status?: WebhookDeliveryStatus; limit: number; cursor?: string | null }): Read {
  const filter: Filter = { endpointId: query.endpointId };
  if (query.status !== undefined) filter['status'] = query.status;
  if (query.cursor) filter['_id'] = op({ $lt: decodeCursor(query.cursor)[0] ?? '' });
  return { collection: COLLECTIONS.webhookDeliveries, filter, sort: { _id: -1 }, limit: query.limit + 1 };
}

export function requeueWebhookDelivery(id: string, at: string): Write {
  return {
    collection: COLLECTIONS.webhookDeliveries,
    filter: { _id: id, status: 'dead' },
    update: { $set: { status: 'pending', nextAttemptAt: at, attempts: 0, ...LET_GO } },
  };
}

// ---------------------------------------------------------------- transfer (store:copy)

/** A page of a whole collection in `_id` order, one more than asked. */
export function exportPage(collection: CollectionName, page: { limit: number; cursor?: string | null }): Read {
  const filter: Filter = page.cursor ? { _id: op({ $gt: decodeCursor(page.cursor)[0] ?? '' }) } : {};
  return { collection, filter, sort: { _id: 1 }, limit: page.limit + 1 };
}

