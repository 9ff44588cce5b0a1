/**
 * The engine: the only writer of workflow state. Each step validates, authorises, gathers facts,
 * computes the transition with xstate's pure `transition()`, then writes everything the step
 * implies in one store commit, compare-and-swap on the instance version. Nothing here knows of
 * HTTP or of a particular database.
 */
import { initialTransition } from 'xstate';
import { workflows } from '../kinds/index.js';
import { SYSTEM_ACTOR, type Actor, type Kind } from '../kinds/types.js';
import { workflowSchemas } from '../schemas/index.js';
import { systemClock, type Clock } from '../clock.js';
import { AppError, isAppError } from '../errors.js';
import { newId } from '../ids.js';
import type { Deadline, FindOrder, HistoryEntry, InstanceRecord, MailAlreadySent, Page, Store } from '../store/port.js';
import { Validator } from '../validation.js';
import type { DocumentUpload } from '../documents/inspect.js';
import type { DocumentKeeper} from './documents.js';
import { type KeptDocuments } from './documents.js';
import { admits } from './authorize.js';
import { runCascade, type CascadeReport } from './cascades.js';
import { planCommit, type Plan, type Step } from './commit-plan.js';
import { readThrough } from './read-through.js';
import { giveBackFailed } from './deadline-retry.js';
import { mayRead, readScope } from './read-access.js';
import { mayNotCreate, mayNotSend, notAccepted, staleVersion } from './refusals.js';
import { checkListQuery, textConditions, validateEventBody } from './requests.js';
import { pureTransition } from './pure-transition.js';
import { Durations } from './durations-table.js';
import { DEFAULT_POLICIES, type Policies } from './policies.js';
import { nextEventsFor, toResource, type Resource } from './resource.js';
import { snapshotOf, upgrade } from './upgrade.js';
import { kindRules } from '../kinds/index.js';
import type { EventBody, RuleContext } from '../kinds/kit/rules.js';
import { searchQuery } from './search-keys.js';
import { ownValue } from '../own.js';

export interface EngineOptions {
  store: Store;
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

export interface ListQuery {
  states?: readonly string[];
  /** Search field -> value, matched exactly; a free-text field -> what was typed, matched in part, without case or accents. */
  where?: Readonly<Record<string, string>>;
  /** A search box: what was typed, found in any free-text field. */
  q?: string;
  /** Oldest first (the default) or newest first. */
  order?: FindOrder;
  limit?: number;
  cursor?: string | null;
}

export type DeadlineOutcome = 'applied' | 'skipped' | 'missing' | 'already-handled' | 'cascaded';

interface StepOptions {
  /** Stores the files the event attaches, once it is known to be allowed; answers their records. */
  attach?: () => Promise<KeptDocuments>;
  facts?: Record<string, unknown>;
  cause?: Record<string, unknown>;
  completesDeadline?: string;
}

/** How long the engine holds a cascade it runs inline before the scheduler may take it over. */
const CASCADE_LEASE_MS = 5 * 60_000;
/** How often a step that lost a race to a concurrent commit is judged again on the fresh record. */
const RACE_RETRIES = 3;

export class Engine {
  readonly store: Store;
  readonly clock: Clock;
  readonly validator: Validator;
  readonly durations: Durations;
  readonly policies: Policies;
  readonly nodeId: string;
  readonly documents: DocumentKeeper | null;
  readonly #reportError: NonNullable<EngineOptions['reportError']>;
  readonly #commitsByKind = new Map<Kind, number>();

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.validator = options.validator ?? new Validator();
    this.durations = options.durations ?? new Durations();
    this.policies = options.policies ?? DEFAULT_POLICIES;
    this.nodeId = options.nodeId ?? `engine-${newId()}`;
    this.documents = options.documents ?? null;
    this.#reportError = options.reportError ?? ((error, context) => console.error('engine background failure', context, error));
  }

  /**
   * Creates an instance of `kind` from a create body, as `actor`.
   *
   * @param options.id a chosen id (seed data); otherwise a UUIDv7 is minted.
   * @param options.documents files to attach (a test report's PDF and annexes), stored with the creation or not at all.
   * @throws AppError VALIDATION_FAILED, FORBIDDEN, UNKNOWN_REFERENCE, NOT_ELIGIBLE, DUPLICATE; PAYLOAD_TOO_LARGE and UNSUPPORTED_MEDIA_TYPE for a file.
   * @example await engine.create('agreements', { economies: ['VN', 'KR'], phase: 'I', scope }, vnRegulator)
   */
  async create(kind: Kind, body: unknown, actor: Actor, options: { id?: string; documents?: readonly DocumentUpload[] } = {}): Promise<Resource> {
    const { step, kept } = await this.#creation(kind, body, actor, this.#ruleContext(actor), options);
    return this.#settling(kept, () => this.#commit(step, actor));
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
  async createMany(kind: Kind, bodies: readonly unknown[], actor: Actor, options: { mailSent?: MailAlreadySent } = {}): Promise<Resource[]> {
    const context = { ...this.#ruleContext(actor), store: readThrough(this.store) };
    const steps: Step[] = [];
    for (const body of bodies) steps.push((await this.#creation(kind, body, actor, context)).step);
    return this.#commitMany(steps, actor, context.store, options);
  }

  /**
   * Sends events to many instances of `kind` as `actor` in one store commit, all or none: each is
   * loaded, authorised and applied exactly as `send` does it (without an expected version and
   * without files). An instance may appear once per call. For a bulk load (`npm run load`).
   *
   * @param options.mailSent writes the e-mails as already sent (nobody is meant to receive them).
   * @throws AppError as `send` does, for the first event refused (a VERSION_CONFLICT when an instance moved meanwhile); nothing is written then.
   */
  async sendMany(
    kind: Kind,
    events: ReadonlyArray<{ id: string; body: unknown }>,
    actor: Actor,
    options: { mailSent?: MailAlreadySent } = {},
  ): Promise<Resource[]> {
    const context = { ...this.#ruleContext(actor), store: readThrough(this.store) };
    const steps: Step[] = [];
    for (const { id, body } of events) {
      const event = validateEventBody(this.validator, kind, body);
      steps.push(await this.#prepareStep(await this.#load(kind, id, actor), event, actor, {}, context));
    }
    return this.#commitMany(steps, actor, context.store, options);
  }

  /** Everything `create` does before its commit: the checks, the rules, the facts and the first snapshot. */
  async #creation(
    kind: Kind,
    body: unknown,
    actor: Actor,
    context: RuleContext,
    options: { id?: string; documents?: readonly DocumentUpload[] } = {},
  ): Promise<{ step: Step; kept: KeptDocuments | null }> {
    const workflow = workflows[kind];
    const rules = kindRules[kind];
    const validated = this.validator.validate<Record<string, unknown>>(workflowSchemas[kind].create.$id, body, `The new ${workflow.noun}`);
    const uploads = await this.#inspect(kind, 'CREATE', options.documents);
    const derived = rules.derive ? await rules.derive(validated, context) : validated;
    if (!admits(workflow.create, actor, derived)) {
      throw mayNotCreate(workflow, actor);
    }
    const { input, facts } = rules.assess ? await rules.assess(derived, context) : { input: derived, facts: undefined };
    const kept = uploads ? await this.documents!.keep(kind, uploads, context.now.toISOString(), 'CREATE') : null;
    const attached = kept ? { documents: kept.documents } : {};
    const [snapshot] = initialTransition(workflow.machine, { ...input, ...attached });
    const step: Step = {
      workflow,
      id: options.id ?? newId(),
      before: null,
      after: { state: String(snapshot.value), context: snapshot.context as Record<string, unknown> },
      event: { type: 'CREATE', payload: { ...validated, ...attached } },
      actor,
      at: context.now,
      ...(facts === undefined ? {} : { facts }),
    };
    return { step, kept };
  }

  /**
   * Sends an event (`{ type, ...payload }`) to an instance, as `actor`.
   *
   * @param options.expectedVersion the version the sender saw (`If-Match`); a stale one is a conflict.
   * @param options.documents files the event attaches (a lab's answer to a request for information).
   * @throws AppError VALIDATION_FAILED, NOT_FOUND, VERSION_CONFLICT, FORBIDDEN, EVENT_NOT_ACCEPTED, NOT_ELIGIBLE; PAYLOAD_TOO_LARGE and UNSUPPORTED_MEDIA_TYPE for a file.
   */
  async send(
    kind: Kind,
    id: string,
    body: unknown,
    actor: Actor,
    options: { expectedVersion?: number; documents?: readonly DocumentUpload[] } = {},
  ): Promise<Resource> {
    const event = validateEventBody(this.validator, kind, body);
    const uploads = await this.#inspect(kind, event.type, options.documents);
    let kept: KeptDocuments | null = null;
    const attach = uploads
      ? async () => (kept ??= await this.documents!.keep(kind, uploads, this.clock.now().toISOString(), event.type))
      : undefined;
    return this.#settling(
      () => kept,
      async () => {
        for (let attempt = 1; ; attempt += 1) {
          const record = await this.#load(kind, id, actor);
          if (options.expectedVersion !== undefined && options.expectedVersion !== record.version) {
            throw staleVersion(workflows[kind], record, options.expectedVersion);
          }
          try {
            return await this.#step(record, event, actor, attach ? { attach } : {});
          } catch (error) {
            // Without an expected version the sender meant "whatever the state is now": a commit that
            // lost a race is judged again on the fresh record. With one, the conflict is theirs to see.
            const retry = options.expectedVersion === undefined && isAppError(error, 'VERSION_CONFLICT') && attempt < RACE_RETRIES;
            if (!retry) throw error;
          }
        }
      },
    );
  }

  /** The instance as `actor` sees it; NOT_FOUND if it does not exist or `actor` may not read it. */
  async get(kind: Kind, id: string, actor: Actor): Promise<Resource> {
    const record = await this.#load(kind, id, actor);
    return this.#view(record, actor);
  }

  /** Instances `actor` may read, oldest (or newest) first, by state, searchable fields and text. */
  async list(kind: Kind, query: ListQuery, actor: Actor): Promise<Page<Resource>> {
    const page = await this.records(kind, query, actor);
    const items = await Promise.all(page.items.map((record) => this.#view(record, actor)));
    return { items, nextCursor: page.nextCursor };
  }

  /**
   * The records `list` answers with, without what makes them a resource (the pending deadlines and
   * the events `actor` may send): for a reader that needs only their data, state and times, such
   * as the public register.
   */
  async records(kind: Kind, query: ListQuery, actor: Actor): Promise<Page<InstanceRecord>> {
    const workflow = workflows[kind];
    checkListQuery(workflow, query);
    const scope = readScope(workflow, actor);
    if (scope === null) return { items: [], nextCursor: null };
    const exact: Record<string, string> = {};
    const typed: Record<string, string> = {};
    for (const [field, value] of Object.entries(query.where ?? {})) (field in workflow.search ? exact : typed)[field] = value;
    const text = textConditions(typed, query.q);
    const page = await this.store.find(kind, {
      ...(query.states === undefined ? {} : { states: query.states }),
      where: searchQuery(workflow, { ...exact, ...scope }),
      ...(text.length > 0 ? { text } : {}),
      ...(query.order === undefined ? {} : { order: query.order }),
      limit: query.limit ?? 50,
      cursor: query.cursor ?? null,
    });
    return { items: page.items.map((record) => upgrade(workflow, record)), nextCursor: page.nextCursor };
  }

  /** The instance's history, oldest first; history is append-only (docs/architecture.md). */
  async history(kind: Kind, id: string, actor: Actor, options: { afterSeq?: number; limit?: number } = {}): Promise<Page<HistoryEntry>> {
    await this.#load(kind, id, actor);
    return this.store.history(kind, id, { limit: options.limit ?? 200, ...(options.afterSeq === undefined ? {} : { afterSeq: options.afterSeq }) });
  }

  /**
   * Fires a claimed deadline: sends its event as the system, completing the deadline in the same
   * commit, or runs its cascade. A deadline whose event no longer applies is completed unfired.
   * A failure (of the event or of the cascade) is thrown, the deadline still claimed: the caller
   * gives it back through the deadline retry policy (`deadline-retry.ts`).
   */
  async fireDeadline(deadline: Deadline, owner: string): Promise<DeadlineOutcome> {
    if (deadline.source === 'cascade') {
      await this.#cascade(deadline, owner);
      return 'cascaded';
    }
    const cause = { deadline: { id: deadline.id, event: deadline.event, dueAt: deadline.dueAt } };
    const outcome = await this.#deliver(deadline.kind, deadline.instanceId, { type: deadline.event }, cause, deadline.id);
    if (outcome === 'skipped' || outcome === 'missing') {
      await this.store.completeDeadline(deadline.id, owner, this.clock.now().toISOString());
    }
    return outcome;
  }

  /** Checks files offered with `event` (`CREATE` for a creation); null when there are none. */
  async #inspect(kind: Kind, event: string, uploads: readonly DocumentUpload[] | undefined) {
    if (uploads === undefined || uploads.length === 0) return null;
    const rule = workflows[kind].documents;
    const allowed = rule !== undefined && (event === 'CREATE' ? rule.onCreate : rule.events.includes(event));
    if (!allowed) {
      throw new AppError({
        code: 'VALIDATION_FAILED',
        detail: `Files cannot be attached to ${event === 'CREATE' ? `a new ${workflows[kind].noun}` : event}.`,
        errors: [{ pointer: '/files', message: 'not accepted here' }],
      });
    }
    if (!this.documents) throw new AppError({ code: 'INTERNAL', detail: 'This engine has no place to keep files.' });
    return this.documents.inspect(uploads);
  }

  /** Runs a commit that may have stored files, and lets the files know whether it went in. */
  async #settling<T>(kept: KeptDocuments | null | (() => KeptDocuments | null), work: () => Promise<T>): Promise<T> {
    const current = () => (typeof kept === 'function' ? kept() : kept);
    try {
      const result = await work();
      await current()?.settle(true);
      return result;
    } catch (error) {
      await current()?.settle(false);
      throw error;
    }
  }

  #ruleContext(actor: Actor): RuleContext {
    return { store: this.store, actor, now: this.clock.now(), durations: this.durations, policies: this.policies };
  }

  async #load(kind: Kind, id: string, actor: Actor): Promise<InstanceRecord> {
    const workflow = workflows[kind];
    const record = await this.store.load(kind, id);
    if (!record || !mayRead(workflow, actor, record.context)) {
      // A record this principal may not read is answered as one that does not exist, so that its
      // existence is not given away; only the log may know the difference.
      throw new AppError({ code: 'NOT_FOUND', detail: `There is no ${workflow.noun} "${id}".`, internalFields: record ? { exists: true } : {} });
    }
    return upgrade(workflow, record);
  }

  async #view(record: InstanceRecord, actor: Actor): Promise<Resource> {
    const workflow = workflows[record.kind];
    const deadlines = await this.store.pendingDeadlines(record.kind, record.id);
    const nextEvents = nextEventsFor(workflow, snapshotOf(workflow, record), actor, this.clock.now().toISOString());
    return toResource(record, nextEvents, deadlines);
  }

  /** Authorises and applies one event to a loaded (and upgraded) record. */
  async #step(record: InstanceRecord, body: EventBody, actor: Actor, options: StepOptions): Promise<Resource> {
    return this.#commit(await this.#prepareStep(record, body, actor, options, this.#ruleContext(actor)), actor);
  }

  /** Everything `#step` does before its commit: authorisation, the event's preparation and the pure transition. */
  async #prepareStep(record: InstanceRecord, body: EventBody, actor: Actor, options: StepOptions, context: RuleContext): Promise<Step> {
    const workflow = workflows[record.kind];
    if (!admits(ownValue(workflow.events, body.type), actor, record.context)) throw mayNotSend(workflow, record, body.type, actor);
    const at = context.now;
    const snapshot = snapshotOf(workflow, record);
    // Checked before preparing the event: preparation reads the store and may take a sequence
    // number, and a refused event must change nothing. Guards never read the payload.
    if (workflow.machine.getTransitionData(snapshot, { ...body, at: at.toISOString(), actor }).length === 0) {
      throw notAccepted(workflow, record, body.type);
    }
    const prepared = kindRules[record.kind].prepareEvent
      ? await kindRules[record.kind].prepareEvent!(record, body, context)
      : { event: body };
    const kept = options.attach ? await options.attach() : null;
    const event = kept ? { ...prepared.event, documents: kept.documents } : prepared.event;
    const next = pureTransition(workflow.machine, snapshot, { ...event, at: at.toISOString(), actor });
    if (next.status === 'error') {
      throw new AppError({ code: 'INTERNAL', detail: `The ${workflow.kind} machine failed on ${body.type}.`, cause: next.error });
    }
    const { type, ...payload } = event;
    const facts = prepared.facts ?? options.facts;
    return {
      workflow,
      id: record.id,
      before: { state: record.state, context: record.context, version: record.version, createdAt: record.createdAt },
      after: { state: String(next.value), context: next.context as Record<string, unknown> },
      event: { type, payload },
      actor,
      at,
      ...(facts === undefined ? {} : { facts }),
      ...(options.cause === undefined ? {} : { cause: options.cause }),
      ...(options.completesDeadline === undefined ? {} : { completesDeadline: options.completesDeadline }),
    };
  }

  /** Writes the step in one commit, then runs the cascades it started. */
  async #commit(step: Step, actor: Actor): Promise<Resource> {
    const plan = await planCommit(step, this.store, this.durations);
    await this.store.commit(plan.commit);
    this.#counted([plan.commit.kind]);
    return this.#committed(step, plan, actor);
  }

  /** Plans every step (reading through `reads`), writes them in one commit, then runs the cascades they started. */
  async #commitMany(steps: readonly Step[], actor: Actor, reads: Store, options: { mailSent?: MailAlreadySent }): Promise<Resource[]> {
    const plans: Plan[] = [];
    for (const step of steps) plans.push(await planCommit(step, reads, this.durations));
    await this.store.commitMany(
      plans.map((plan) => plan.commit),
      options,
    );
    this.#counted(plans.map((plan) => plan.commit.kind));
    const resources: Resource[] = [];
    for (const [i, plan] of plans.entries()) resources.push(await this.#committed(steps[i]!, plan, actor));
    return resources;
  }

  /**
   * How many commits of `kind` this engine has made. A reader that remembers what it read of that
   * kind (the public register's lab designations) knows it may be stale once this moves; commits by
   * other processes it cannot see, so such a reader also forgets within a short time.
   */
  commitsOf(kind: Kind): number {
    return this.#commitsByKind.get(kind) ?? 0;
  }

  #counted(kinds: readonly Kind[]): void {
    for (const kind of kinds) this.#commitsByKind.set(kind, this.commitsOf(kind) + 1);
  }

  /** After a step's commit: the cascades it started, then the instance as `actor` sees it. */
  async #committed(step: Step, plan: Plan, actor: Actor): Promise<Resource> {
    const c = plan.commit;
    const record: InstanceRecord = {
      kind: c.kind,
      id: c.id,
      state: c.state,
      context: c.context,
      version: c.expectedVersion + 1,
      machineVersion: c.machineVersion,
      createdAt: step.before?.createdAt ?? c.at,
      updatedAt: c.at,
    };
    for (const cascade of c.deadlines.add.filter((d) => d.source === 'cascade')) {
      const claimed = await this.store.claimDeadline(cascade.id, { owner: this.nodeId, now: c.at, leaseMs: CASCADE_LEASE_MS });
      if (claimed) await this.#cascadeAfterCommit(claimed);
    }
    const workflow = workflows[c.kind];
    return toResource(record, nextEventsFor(workflow, snapshotOf(workflow, record), actor, c.at), plan.deadlines);
  }

  /** Runs a claimed cascade to its end and completes it; a failure is thrown, the cascade still claimed. */
  async #cascade(deadline: Deadline, owner: string): Promise<CascadeReport> {
    const report = await runCascade(this.store, deadline, (kind, id, body, cause) => this.#deliver(kind, id, body, cause));
    await this.store.completeDeadline(deadline.id, owner, this.clock.now().toISOString());
    return report;
  }

  /**
   * Runs the cascade a commit started. The commit stands whatever happens here, so a failure is
   * not the caller's: it is reported and the cascade given back for the scheduler to retry.
   */
  async #cascadeAfterCommit(deadline: Deadline): Promise<void> {
    try {
      await this.#cascade(deadline, this.nodeId);
    } catch (error) {
      this.#reportError(error, { cascade: deadline.event, kind: deadline.kind, id: deadline.instanceId });
      // Should the store refuse this too, the lease runs out and the cascade is due again then.
      await giveBackFailed(this.store, deadline, this.nodeId, error, this.clock.now()).catch((releaseError: unknown) =>
        this.#reportError(releaseError, { cascade: deadline.event, kind: deadline.kind, id: deadline.instanceId, giveBack: true }),
      );
    }
  }

  /**
   * Sends an event as the system. A target that no longer takes it is skipped; a concurrent
   * change is retried on the fresh record.
   */
  async #deliver(
    kind: Kind,
    id: string,
    body: EventBody,
    cause: Record<string, unknown>,
    completesDeadline?: string,
  ): Promise<'applied' | 'skipped' | 'missing' | 'already-handled'> {
    const event = validateEventBody(this.validator, kind, body);
    for (let attempt = 1; ; attempt += 1) {
      const stored = await this.store.load(kind, id);
      if (!stored) return 'missing';
      try {
        await this.#step(upgrade(workflows[kind], stored), event, SYSTEM_ACTOR, {
          cause,
          ...(completesDeadline === undefined ? {} : { completesDeadline }),
        });
        return 'applied';
      } catch (error) {
        if (isAppError(error, 'EVENT_NOT_ACCEPTED')) return 'skipped';
        if (isAppError(error, 'DEADLINE_HANDLED')) return 'already-handled';
        if (isAppError(error, 'VERSION_CONFLICT') && attempt < RACE_RETRIES) continue;
        throw error;
      }
    }
  }
}
