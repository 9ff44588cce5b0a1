/**
 * Everything one transition writes, gathered into one `Commit` (docs/architecture.md, "Atomic transitions"): the new
 * snapshot, its search keys and history entry, the transition's notification, and whatever the
 * registered commit contributors add (an outbox message per party and per watcher, the deadlines
 * the new state sets and the old state's cleared, the cascade tasks started, one webhook delivery per
 * endpoint that wants the transition).
 */
import type { Workflow } from '../kinds/types.js';
import type { Commit, StateDeadlineDraft, TimerDraft, TransitionRecord } from '../store/port.js';
import { newId } from '../ids.js';
import { gatherContributions, type CommitContributor, type CommittedTransition, type ContributorReads } from './contributors.js';
import { searchFields, searchText, uniqueKeys } from './search-keys.js';

/**
 * What the engine decided, before it is planned into a `Commit`: the transition record's actor,
 * facts and cause, with what only the engine has (the workflow, the instance before and after,
 * the instant as a `Date`); `planCommit` turns it into the record's other facts.
 */
export interface Step extends Pick<TransitionRecord, 'actor' | 'facts' | 'cause'> {
  workflow: Workflow;
  id: string;
  /** The instance before the step; null for a creation. */
  before: { state: string; context: Record<string, unknown>; version: number; createdAt: string } | null;
  after: { state: string; context: Record<string, unknown> };
  event: { type: TransitionRecord['event']; payload: TransitionRecord['payload'] };
  at: Date;
  /** The deadline this step fires, completed in the same commit. */
  completesDeadline?: string;
}

export interface Plan {
  commit: Commit;
  /** The instance's pending state deadlines once the commit is in. */
  deadlines: StateDeadlineDraft[];
}

/** Whether the timer is a state deadline (not a cascade task). */
function isStateDeadline(timer: TimerDraft): timer is StateDeadlineDraft {
  return timer.source === 'state';
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Plans the step's commit: the instance's new snapshot, search keys and history entry, then what
 * each contributor adds (recipients, deadlines, cascade tasks, webhook deliveries), reading
 * through `store`; nothing is written here.
 */
export async function planCommit(step: Step, contributors: readonly CommitContributor[], reads: ContributorReads): Promise<Plan> {
  const { workflow, id, before, after } = step;
  const at = step.at.toISOString();
  const seq = (before?.version ?? 0) + 1;
  const entered = before === null || before.state !== after.state;

  const fields = searchFields(workflow, after.state, after.context);
  const fieldsChanged = before === null || !sameJson(fields, searchFields(workflow, before.state, before.context));
  const text = searchText(workflow, after.context);
  const textChanged = before === null || !sameJson(text, searchText(workflow, before.context));
  const history = {
    at,
    type: step.event.type,
    actor: step.actor,
    from: before?.state ?? null,
    to: after.state,
    payload: step.event.payload,
    ...(step.facts === undefined ? {} : { facts: step.facts }),
    ...(step.cause === undefined ? {} : { cause: step.cause }),
  };
  const transition: CommittedTransition = {
    workflow,
    id,
    seq,
    event: step.event,
    from: history.from,
    to: after.state,
    entered,
    data: after.context,
    before: before?.context ?? null,
    fields,
    actor: step.actor,
    at: step.at,
  };
  const added = await gatherContributions(contributors, transition, reads);
  // The state deadlines pending once the commit is in: the new state's, or (the state kept) those
  // already set, but those whose anchor moved, which are set again at their new instant.
  const pending = entered
    ? added.timers.filter(isStateDeadline)
    : [
        ...(await reads.store.pendingDeadlines(workflow.kind, id)).filter(
          (d) => d.id !== step.completesDeadline && !added.cancelStateDeadlinesOf.includes(d.event),
        ),
        ...added.timers.filter(isStateDeadline),
      ];
  const notification = {
    kind: workflow.kind,
    instanceId: id,
    seq,
    event: step.event.type,
    from: history.from,
    to: after.state,
    at,
    actor: step.actor,
    payload: step.event.payload,
    data: after.context,
    deadlines: pending.map((d) => ({ type: d.event, dueAt: d.dueAt })),
    ...(step.cause === undefined ? {} : { cause: step.cause }),
  };

  return {
    commit: {
      kind: workflow.kind,
      id,
      expectedVersion: before?.version ?? 0,
      state: after.state,
      context: after.context,
      machineVersion: workflow.version,
      at,
      ...(fieldsChanged ? { fields, uniqueKeys: uniqueKeys(workflow, fields) } : {}),
      ...(textChanged ? { text } : {}),
      history,
      // UUIDv7 ids: time-ordered, so a commit's rows land on the table's last page, shared by the batch.
      outbox: { notification, messages: added.recipients.map((recipient) => ({ id: newId(), recipient })) },
      timers: {
        cancelStateDeadlines: added.cancelStateDeadlines,
        ...(added.cancelStateDeadlinesOf.length === 0 ? {} : { cancelStateDeadlinesOf: added.cancelStateDeadlinesOf }),
        add: added.timers,
        ...(step.completesDeadline === undefined ? {} : { complete: step.completesDeadline }),
      },
      ...(added.webhooks.length === 0 ? {} : { webhooks: added.webhooks }),
    },
    deadlines: pending,
  };
}
