/** Which deadlines a state sets, from the workflow's table, as rows contributed to the commit that enters it. */
import type { DeadlineRule, Workflow } from '../../kinds/types.js';
import { shift } from '../../durations.js';
import { newId } from '../../ids.js';
import type { StateDeadlineDraft } from '../../store/port.js';
import type { Durations } from '../../kinds/durations-table.js';
import type { CommitContributor } from '../../engine/contributors.js';
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

/** The instant a deadline anchored on a field falls at for `data`, or undefined when the field is absent. */
function anchoredDue(workflow: Workflow, rule: Extract<DeadlineRule, { at: string }>, data: Record<string, unknown>, durations: Durations): string | undefined {
  const anchor = readPath(data, rule.at);
  if (typeof anchor !== 'string') return undefined;
  const due = new Date(anchor);
  return (rule.before === undefined ? due : shift(due, durations.get(workflow.kind, rule.before), -1)).toISOString();
}

/**
 * The deadlines of the state a transition enters, and the end of those of the state it left. A
 * transition that stays in its state keeps its deadlines as they are, but those anchored on a
 * field it changed (a listing extended, a renewal applied for): they move with the field, set
 * when it appears and cancelled when it goes.
 */
export const stateDeadlinesContributor: CommitContributor = {
  name: 'deadlines',
  contribute(t, _soFar, { durations }) {
    if (t.entered) {
      return Promise.resolve({
        timers: deadlinesOnEntry(t.workflow, t.to, t.data, t.at, durations),
        cancelStateDeadlines: t.from !== null,
      });
    }
    const moved = (t.workflow.deadlines[t.to] ?? [])
      .filter((rule): rule is Extract<DeadlineRule, { at: string }> => 'at' in rule)
      .map((rule) => ({ rule, due: anchoredDue(t.workflow, rule, t.data, durations) }))
      .filter(({ rule, due }) => t.before !== null && due !== anchoredDue(t.workflow, rule, t.before, durations));
    if (moved.length === 0) return Promise.resolve({});
    return Promise.resolve({
      cancelStateDeadlinesOf: moved.map(({ rule }) => rule.event),
      timers: moved.flatMap(({ rule, due }) => (due === undefined ? [] : [{ id: newId(), event: rule.event, dueAt: due, source: 'state' as const }])),
    });
  },
};
