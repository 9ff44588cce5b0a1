/**
 * The cascades a transition starts (docs/architecture.md, "Cascades are events"), written into
 * its commit as cascade tasks (`cascade` timers) due at once: the engine runs each right after the commit, and
 * should the process die first, the scheduler finds it due and runs it then.
 */
import type { CascadeRule } from '../../kinds/types.js';
import type { CommitContributor, CommittedTransition } from '../../engine/contributors.js';
import type { CascadeMeta } from '../../engine/cascades.js';
import { newId } from '../../ids.js';
import type { CascadeTaskDraft } from '../../store/port.js';

/** The cascades the transition starts: by the state it enters, or by its event whatever the state. */
export function cascadesStarted(t: CommittedTransition): CascadeTaskDraft[] {
  const byEntry = (rule: CascadeRule) =>
    t.entered && (rule.onEnter ?? []).includes(t.to) && (rule.from === undefined || (t.from !== null && rule.from.includes(t.from)));
  const byEvent = (rule: CascadeRule) => (rule.onEvent ?? []).includes(t.event.type);
  return t.workflow.cascades
    .filter((rule) => byEntry(rule) || byEvent(rule))
    .map((rule) => {
      const meta: CascadeMeta = { seq: t.seq, from: t.from, to: t.to, event: t.event.type };
      return { id: newId(), event: rule.name, dueAt: t.at.toISOString(), source: 'cascade' as const, payload: { ...meta } };
    });
}

export const cascadesContributor: CommitContributor = {
  name: 'cascades',
  contribute(t) {
    return Promise.resolve({ timers: cascadesStarted(t) });
  },
};
