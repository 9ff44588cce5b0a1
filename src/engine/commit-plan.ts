/**
 * Everything one transition writes, gathered into one `Commit` (docs/architecture.md, "Atomic transitions"): the new
 * snapshot, its history entry, one outbox message per party and per watcher, the deadlines the
 * new state sets (and the old state's cleared), the cascades the new state starts, and one
 * webhook delivery per endpoint that wants the transition.
 */
import type { CascadeRule, Workflow } from '../kinds/types.js';
import type { Commit, DeadlineDraft, DirectoryStore, TimerQueue, TransitionRecord, WatchStore, WebhookEndpointStore } from '../store/port.js';
import { newId } from '../ids.js';
import { deadlinesOnEntry } from './deadline-plan.js';
import type { Durations } from './durations-table.js';
import { recipientsFor } from './parties.js';
import { searchFields, searchText, uniqueKeys } from './search-keys.js';
import { watcherRecipients } from '../effects/watches/recipients.js';
import { webhookDeliveries } from '../effects/webhooks/delivery-plan.js';

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
  deadlines: DeadlineDraft[];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The cascades the step starts: by the state it enters, or by its event whatever the state. */
function cascadesStarted(step: Step, seq: number, entered: boolean): DeadlineDraft[] {
  const from = step.before?.state ?? null;
  const byEntry = (rule: CascadeRule) =>
    entered && (rule.onEnter ?? []).includes(step.after.state) && (rule.from === undefined || (from !== null && rule.from.includes(from)));
  const byEvent = (rule: CascadeRule) => (rule.onEvent ?? []).includes(step.event.type);
  return step.workflow.cascades
    .filter((rule) => byEntry(rule) || byEvent(rule))
    .map((rule) => ({
      id: newId(),
      event: rule.name,
      dueAt: step.at.toISOString(),
      source: 'cascade' as const,
      payload: { seq, from, to: step.after.state, event: step.event.type },
    }));
}

export async function planCommit(step: Step, store: TimerQueue & DirectoryStore & WatchStore & WebhookEndpointStore, durations: Durations): Promise<Plan> {
  const { workflow, id, before, after } = step;
  const at = step.at.toISOString();
  const seq = (before?.version ?? 0) + 1;
  const entered = before === null || before.state !== after.state;

  const entryDeadlines = entered ? deadlinesOnEntry(workflow, after.state, after.context, step.at, durations) : [];
  const pending = entered
    ? entryDeadlines
    : (await store.pendingDeadlines(workflow.kind, id)).filter((d) => d.id !== step.completesDeadline);

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
  const parties = await recipientsFor(workflow.parties, after.context, store);
  const transition = { kind: workflow.kind, id, from: history.from, to: after.state, data: after.context };
  const recipients = [...parties, ...(await watcherRecipients(transition, parties, store))];
  const webhooks = await webhookDeliveries({ ...transition, seq, event: step.event.type, at, actor: step.actor, fields }, store);
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
      outbox: { notification, messages: recipients.map((recipient) => ({ id: newId(), recipient })) },
      deadlines: {
        cancelStateDeadlines: entered && before !== null,
        add: [...entryDeadlines, ...cascadesStarted(step, seq, entered)],
        ...(step.completesDeadline === undefined ? {} : { complete: step.completesDeadline }),
      },
      ...(webhooks.length === 0 ? {} : { webhooks }),
    },
    deadlines: pending,
  };
}
