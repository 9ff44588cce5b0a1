/**
 * What every job of the engine (commands, queries, timers, bulk) shares: its parts as configured,
 * and the small steps they all take (loading a record the actor may read, the rules' context,
 * viewing a record as a resource, the files a step attaches). The `Engine` class builds one and
 * hands it to each job.
 */
import { counterparts, workflows } from '../kinds/index.js';
import type { Actor, Kind } from '../kinds/types.js';
import type { Durations } from '../kinds/durations-table.js';
import type { Policies } from '../kinds/policies.js';
import type { RuleContext } from '../kinds/kit/rules.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { CascadeTask, InstanceRecord, Store } from '../store/port.js';
import type { Validator } from '../validation.js';
import type { DocumentUpload } from '../documents/inspect.js';
import type { CommitContributor } from './contributors.js';
import type { DocumentKeeper, KeptDocuments } from './documents.js';
import { mayRead } from './read-access.js';
import { nextEventsFor, toResource, type Resource } from './resource.js';
import { snapshotOf, upgrade } from './upgrade.js';

export interface EngineCore {
  readonly store: Store;
  readonly clock: Clock;
  readonly validator: Validator;
  readonly durations: Durations;
  readonly policies: Policies;
  readonly nodeId: string;
  readonly documents: DocumentKeeper | null;
  /** The effects each commit carries, asked in this order (`contributors.ts`). */
  readonly contributors: readonly CommitContributor[];
  readonly reportError: (error: unknown, context: Record<string, unknown>) => void;
  /** Counts a commit of each kind (`Engine.commitsOf`). */
  readonly counted: (kinds: readonly Kind[]) => void;
  /** Runs a cascade task a commit started and claimed (the timers' job, given to the commit that starts one). */
  readonly cascadeAfterCommit: (task: CascadeTask) => Promise<void>;
}

export function ruleContext(core: EngineCore, actor: Actor): RuleContext {
  return {
    store: core.store,
    actor,
    readable: async (kind, id) => {
      const record = await core.store.load(kind, id);
      return record && mayRead(workflows[kind], actor, record.context) ? record : null;
    },
    now: core.clock.now(),
    durations: core.durations,
    policies: core.policies,
    current: (record) => upgrade(workflows[record.kind], record),
    counterparts: counterparts(),
  };
}

/** The record, upgraded to its machine's version; NOT_FOUND if it does not exist or `actor` may not read it. */
export async function loadReadable(core: EngineCore, kind: Kind, id: string, actor: Actor): Promise<InstanceRecord> {
  const workflow = workflows[kind];
  const record = await core.store.load(kind, id);
  if (!record || !mayRead(workflow, actor, record.context)) {
    // A record this principal may not read is answered as one that does not exist, so that its
    // existence is not given away; only the log may know the difference.
    throw new AppError({ code: 'NOT_FOUND', detail: `There is no ${workflow.noun} "${id}".`, internalFields: record ? { exists: true } : {} });
  }
  return upgrade(workflow, record);
}

/** The record as `actor` sees it: with its pending deadlines and the events `actor` may send now. */
export async function view(core: EngineCore, record: InstanceRecord, actor: Actor): Promise<Resource> {
  const workflow = workflows[record.kind];
  const deadlines = await core.store.pendingDeadlines(record.kind, record.id);
  const nextEvents = nextEventsFor(workflow, snapshotOf(workflow, record), actor, core.clock.now().toISOString());
  return toResource(record, nextEvents, deadlines);
}

/** Checks files offered with `event` (`CREATE` for a creation); null when there are none. */
export async function inspectUploads(core: EngineCore, kind: Kind, event: string, uploads: readonly DocumentUpload[] | undefined) {
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
  if (!core.documents) throw new AppError({ code: 'INTERNAL', detail: 'This engine has no place to keep files.' });
  return core.documents.inspect(uploads);
}

/** Runs a commit that may have stored files, and lets the files know whether it went in. */
export async function settling<T>(kept: KeptDocuments | null | (() => KeptDocuments | null), work: () => Promise<T>): Promise<T> {
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
