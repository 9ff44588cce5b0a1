/** Which deadlines a state sets, from the workflow's table, as rows contributed to the commit that enters it. */
import type { Workflow } from '../../kinds/types.js';
import { shift } from '../../durations.js';
import { newId } from '../../ids.js';
import type { StateDeadlineDraft, TimerQueue } from '../../store/port.js';
import type { Durations } from '../../kinds/durations-table.js';
import type { CommitContributor, CommittedTransition } from '../../engine/contributors.js';
import { readPath } from '../../engine/paths.js';

/**
 * The deadlines of `state` for an instance with `data` that entered it at `enteredAt`.
 * A deadline anchored on a field the data lacks is not set.
 */
export function deadlinesOnEntry(
  workflow: Workflow,
  state: string,
  data: Record<string, unknown>,
  enteredAt: Date,
  durations: Durations,
): StateDeadlineDraft[] {
  const drafts: StateDeadlineDraft[] = [];
  for (const rule of workflow.deadlines[state] ?? []) {
    let due: Date;
    if ('after' in rule) {
      due = shift(enteredAt, durations.get(workflow.kind, rule.after));
    } else {
      const anchor = readPath(data, rule.at);
      if (typeof anchor !== 'string') continue;
      due = new Date(anchor);
      if (rule.before !== undefined) due = shift(due, durations.get(workflow.kind, rule.before), -1);
    }
    drafts.push({ id: newId(), event: rule.event, dueAt: due.toISOString(), source: 'state' });
  }
  return drafts;
}

/**
 * The deadlines of a kept state once a transition moved the instant one of them is anchored on
 * (an accreditation's next on-site visit, due again two years after the visit just recorded), or
 * null when none moved. The deadline the transition itself fires (its event) is not set again;
 * a reminder already past is not set again either.
 */
async function movedDeadlines(t: CommittedTransition, store: Pick<TimerQueue, 'pendingDeadlines'>, durations: Durations): Promise<StateDeadlineDraft[] | null> {
  const anchored = (t.workflow.deadlines[t.to] ?? []).filter((rule) => 'at' in rule);
  if (anchored.length === 0) return null;
  const now = t.at.getTime();
  const time = (at: string | undefined) => (at === undefined ? undefined : Date.parse(at));
  // The transition's own event is the deadline it fires (completed by this commit), never one to move.
  const pending = (await store.pendingDeadlines(t.workflow.kind, t.id)).filter((d) => d.event !== t.event.type);
  const wanted = deadlinesOnEntry(t.workflow, t.to, t.data, t.at, durations).filter((d) => anchored.some((rule) => rule.event === d.event));
  const moved = anchored.filter((rule) => {
    const was = time(pending.find((d) => d.event === rule.event)?.dueAt);
    const due = time(wanted.find((d) => d.event === rule.event)?.dueAt);
    return was === undefined ? due !== undefined && due > now : due !== was;
  });
  if (moved.length === 0) return null;
  const isMoved = (event: string) => moved.some((rule) => rule.event === event);
  const kept = pending.filter((d) => !isMoved(d.event)).map((d) => ({ id: newId(), event: d.event, dueAt: d.dueAt, source: 'state' as const }));
  return [...kept, ...wanted.filter((d) => isMoved(d.event))];
}

/**
 * The deadlines of the state a transition enters, and the end of those of the state it left; a
 * transition that stays in its state keeps its deadlines as they are, unless it moved the instant
 * one is anchored on: then the state's deadlines are set again, the moved one at its new time.
 */
export const stateDeadlinesContributor: CommitContributor = {
  name: 'deadlines',
  async contribute(t, _soFar, { store, durations }) {
    if (!t.entered) {
      const timers = await movedDeadlines(t, store, durations);
      return timers === null ? {} : { timers, cancelStateDeadlines: true };
    }
    return {
      timers: deadlinesOnEntry(t.workflow, t.to, t.data, t.at, durations),
      cancelStateDeadlines: t.from !== null,
    };
  },
};
