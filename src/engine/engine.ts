/**
 * The engine: the only writer of workflow state. Each step validates, authorises, gathers facts,
 * computes the transition with xstate's pure `transition()`, asks the registered commit
 * contributors what the transition adds, then writes all of it in one store commit,
 * compare-and-swap on the instance version. Nothing here knows of HTTP, of a particular database
 * or of a particular effect (`README.md` beside this file).
 *
 * This class is the engine's one door: each method hands over to the module that does that job
 * (`commands.ts`, `bulk.ts`, `queries.ts`, `timers.ts`).
 */
import type { Actor, Kind } from '../kinds/types.js';
import { DEFAULT_POLICIES, type Policies } from '../kinds/policies.js';
import { Durations } from '../kinds/durations-table.js';
import { systemClock, type Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { HistoryEntry, InstanceRecord, MailAlreadySent, Page, Store, Timer } from '../store/port.js';
import { Validator } from '../validation.js';
import type { DocumentUpload } from '../documents/inspect.js';
import * as bulk from './bulk.js';
import * as commands from './commands.js';
import type { CommitContributor } from './contributors.js';
import type { EngineCore } from './core.js';
import type { DocumentKeeper } from './documents.js';
import * as queries from './queries.js';
import type { ListQuery } from './queries.js';
import type { Resource } from './resource.js';
import * as timers from './timers.js';
import type { TimerOutcome } from './timers.js';

export type { ListQuery } from './queries.js';
export type { TimerOutcome } from './timers.js';

export interface EngineOptions {
  store: Store;
  /**
   * What each commit carries beyond the instance (e-mail, watches, webhooks, deadlines,
   * cascades), asked in this order; the service registers `commitContributors()` of
   * `src/effects/contributors.ts`. An empty list commits the instance and its history only.
   */
  contributors: readonly CommitContributor[];
  clock?: Clock;
  validator?: Validator;
  durations?: Durations;
  /** Choices left to each economy (docs/domain.md); our defaults unless configured. */
  policies?: Policies;
  /** Names this engine in leases it takes (cascades run right after their commit). */
  nodeId?: string;
  /** Where attached files are kept; without it, a transition with files is refused. */
  documents?: DocumentKeeper;
  /** Where failures of background work go (a cascade that could not finish); never thrown to the caller. */
  reportError?: (error: unknown, context: Record<string, unknown>) => void;
}

export class Engine {
  readonly store: Store;
  readonly clock: Clock;
  readonly validator: Validator;
  readonly durations: Durations;
  readonly policies: Policies;
  readonly nodeId: string;
  readonly documents: DocumentKeeper | null;
  readonly #core: EngineCore;
  readonly #commitsByKind = new Map<Kind, number>();

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.validator = options.validator ?? new Validator();
    this.durations = options.durations ?? new Durations();
    this.policies = options.policies ?? DEFAULT_POLICIES;
    this.nodeId = options.nodeId ?? `engine-${newId()}`;
    this.documents = options.documents ?? null;
    const core: EngineCore = {
      store: this.store,
      clock: this.clock,
      validator: this.validator,
      durations: this.durations,
      policies: this.policies,
      nodeId: this.nodeId,
      documents: this.documents,
      contributors: [...options.contributors],
      reportError: options.reportError ?? ((error, context) => console.error('engine background failure', context, error)),
      counted: (kinds) => {
        for (const kind of kinds) this.#commitsByKind.set(kind, this.commitsOf(kind) + 1);
      },
      cascadeAfterCommit: (task) => timers.cascadeAfterCommit(core, task),
    };
    this.#core = core;
  }

  /**
   * Creates an instance of `kind` from a create body, as `actor`.
   *
   * @param options.id a chosen id (seed data); otherwise a UUIDv7 is minted.
   * @param options.documents files to attach (a test report's PDF and annexes), stored with the creation or not at all.
   * @throws AppError VALIDATION_FAILED, FORBIDDEN, UNKNOWN_REFERENCE, NOT_ELIGIBLE, DUPLICATE; PAYLOAD_TOO_LARGE and UNSUPPORTED_MEDIA_TYPE for a file.
   * @example await engine.create('agreements', { economies: ['VN', 'KR'], phase: 'I', scope }, vnRegulator)
   */
  create(kind: Kind, body: unknown, actor: Actor, options: { id?: string; documents?: readonly DocumentUpload[] } = {}): Promise<Resource> {
    return commands.create(this.#core, kind, body, actor, options);
  }

  /**
   * Creates many instances of `kind` as `actor` in one store commit, all or none: each body is
   * checked, screened and planned exactly as `create` does it (history, deadlines, e-mails,
   * search index), then every plan is written in one transaction (`Store.commitMany`). What the
   * bodies refer to is read once per call: the store is as it was when the call began, as it is
   * for every body of one commit. For a bulk load (`npm run load`), a few hundred at a time.
   *
   * @param options.mailSent writes the e-mails as already sent (nobody is meant to receive them).
   * @throws AppError as `create` does, for the first body refused; nothing is written then.
   * @example await engine.createMany('test-reports', bodies, lab, { mailSent: { at, response: 'not sent: loaded in bulk' } })
   */
  createMany(kind: Kind, bodies: readonly unknown[], actor: Actor, options: { mailSent?: MailAlreadySent } = {}): Promise<Resource[]> {
    return bulk.createMany(this.#core, kind, bodies, actor, options);
  }

  /**
   * Sends events to many instances of `kind` as `actor` in one store commit, all or none: each is
   * loaded, authorised and applied exactly as `send` does it (without an expected version and
   * without files). An instance may appear once per call. For a bulk load (`npm run load`).
   *
   * @param options.mailSent writes the e-mails as already sent (nobody is meant to receive them).
   * @throws AppError as `send` does, for the first event refused (a VERSION_CONFLICT when an instance moved meanwhile); nothing is written then.
   */
  sendMany(
    kind: Kind,
    events: ReadonlyArray<{ id: string; body: unknown }>,
    actor: Actor,
    options: { mailSent?: MailAlreadySent } = {},
  ): Promise<Resource[]> {
    return bulk.sendMany(this.#core, kind, events, actor, options);
  }

  /**
   * Sends an event (`{ type, ...payload }`) to an instance, as `actor`.
   *
   * @param options.expectedVersion the version the sender saw (`If-Match`); a stale one is a conflict.
   * @param options.documents files the event attaches (a lab's answer to a request for information).
   * @throws AppError VALIDATION_FAILED, NOT_FOUND, VERSION_CONFLICT, FORBIDDEN, EVENT_NOT_ACCEPTED, NOT_ELIGIBLE; PAYLOAD_TOO_LARGE and UNSUPPORTED_MEDIA_TYPE for a file.
   */
  send(
    kind: Kind,
    id: string,
    body: unknown,
    actor: Actor,
    options: { expectedVersion?: number; documents?: readonly DocumentUpload[] } = {},
  ): Promise<Resource> {
    return commands.send(this.#core, kind, id, body, actor, options);
  }

  /** The instance as `actor` sees it; NOT_FOUND if it does not exist or `actor` may not read it. */
  get(kind: Kind, id: string, actor: Actor): Promise<Resource> {
    return queries.get(this.#core, kind, id, actor);
  }

  /** Instances `actor` may read, oldest (or newest) first, by state, searchable fields and text. */
  list(kind: Kind, query: ListQuery, actor: Actor): Promise<Page<Resource>> {
    return queries.list(this.#core, kind, query, actor);
  }

  /**
   * The records `list` answers with, without what makes them a resource (the pending deadlines and
   * the events `actor` may send): for a reader that needs only their data, state and times, such
   * as the public register.
   */
  records(kind: Kind, query: ListQuery, actor: Actor): Promise<Page<InstanceRecord>> {
    return queries.records(this.#core, kind, query, actor);
  }

  /** The instance's history, oldest first; history is append-only (docs/architecture.md). */
  history(kind: Kind, id: string, actor: Actor, options: { afterSeq?: number; limit?: number } = {}): Promise<Page<HistoryEntry>> {
    return queries.history(this.#core, kind, id, actor, options);
  }

  /**
   * Fires a claimed timer: a state deadline sends its event as the system, completing the deadline
   * in the same commit (one whose event no longer applies is completed unfired); a cascade task
   * runs its cascade. A failure (of the event or of the cascade) is thrown, the timer still
   * claimed: the caller gives it back through the timers' retry policy (`timer-retry.ts`).
   */
  fireTimer(timer: Timer, owner: string): Promise<TimerOutcome> {
    return timers.fireTimer(this.#core, timer, owner);
  }

  /**
   * How many commits of `kind` this engine has made. A reader that remembers what it read of that
   * kind (the public register's lab designations) knows it may be stale once this moves; commits by
   * other processes it cannot see, so such a reader also forgets within a short time.
   */
  commitsOf(kind: Kind): number {
    return this.#commitsByKind.get(kind) ?? 0;
  }
}
