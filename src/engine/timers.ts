/**
 * What the engine does when time, not a person, moves an instance: a due state deadline's event
 * sent as the system, and the cascade tasks a commit started, each sent on to the instances it
 * reaches.
 */
import { workflows } from '../kinds/index.js';
import { SYSTEM_ACTOR, type Kind } from '../kinds/types.js';
import type { EventBody } from '../kinds/kit/rules.js';
import { isAppError } from '../errors.js';
import type { CascadeTask, StateDeadline, Timer } from '../store/port.js';
import { runCascade, type CascadeReport } from './cascades.js';
import { applyEvent } from './commands.js';
import type { EngineCore } from './core.js';
import { giveBackFailed } from './timer-retry.js';
import { validateEventBody } from './requests.js';
import { retryOnConflict } from './retry-on-conflict.js';
import { upgrade } from './upgrade.js';

/** What became of a timer: its deadline's event applied (or not), or its cascade run. */
export type TimerOutcome = 'applied' | 'skipped' | 'missing' | 'already-handled' | 'cascaded';

/**
 * Fires a claimed timer: a cascade task is run to its end; a state deadline sends its event, and
 * the commit of that event completes it (one whose event no longer applies is completed here).
 */
export async function fireTimer(core: EngineCore, timer: Timer, owner: string): Promise<TimerOutcome> {
  if (timer.source === 'cascade') {
    await cascade(core, timer, owner);
    return 'cascaded';
  }
  const deadline: StateDeadline = timer;
  const cause = { deadline: { id: deadline.id, event: deadline.event, dueAt: deadline.dueAt } };
  const outcome = await deliver(core, deadline.kind, deadline.instanceId, { type: deadline.event }, cause, deadline.id);
  if (outcome === 'skipped' || outcome === 'missing') {
    await core.store.completeDeadline(deadline.id, owner, core.clock.now().toISOString());
  }
  return outcome;
}

/**
 * Runs the cascade task a commit started. The commit stands whatever happens here, so a failure
 * is not the caller's: it is reported and the task given back for the scheduler to retry.
 */
export async function cascadeAfterCommit(core: EngineCore, task: CascadeTask): Promise<void> {
  try {
    await cascade(core, task, core.nodeId);
  } catch (error) {
    core.reportError(error, { cascade: task.event, kind: task.kind, id: task.instanceId });
    // Should the store refuse this too, the lease runs out and the task is due again then.
    await giveBackFailed(core.store, task, core.nodeId, error, core.clock.now()).catch((releaseError: unknown) =>
      core.reportError(releaseError, { cascade: task.event, kind: task.kind, id: task.instanceId, giveBack: true }),
    );
  }
}

/** Runs a claimed cascade task to its end and completes it; a failure is thrown, the task still claimed. */
async function cascade(core: EngineCore, task: CascadeTask, owner: string): Promise<CascadeReport> {
  const report = await runCascade(core.store, task, (kind, id, body, cause) => deliver(core, kind, id, body, cause));
  await core.store.completeDeadline(task.id, owner, core.clock.now().toISOString());
  return report;
}

/**
 * Sends an event as the system. A target that no longer takes it is skipped; a concurrent
 * change is retried on the fresh record.
 */
async function deliver(
  core: EngineCore,
  kind: Kind,
  id: string,
  body: EventBody,
  cause: Record<string, unknown>,
  completesDeadline?: string,
): Promise<'applied' | 'skipped' | 'missing' | 'already-handled'> {
  const event = validateEventBody(core.validator, kind, body);
  return retryOnConflict(async () => {
    const stored = await core.store.load(kind, id);
    if (!stored) return 'missing';
    try {
      await applyEvent(core, upgrade(workflows[kind], stored), event, SYSTEM_ACTOR, {
        cause,
        ...(completesDeadline === undefined ? {} : { completesDeadline }),
      });
      return 'applied';
    } catch (error) {
      if (isAppError(error, 'EVENT_NOT_ACCEPTED')) return 'skipped';
      if (isAppError(error, 'DEADLINE_HANDLED')) return 'already-handled';
      throw error;
    }
  });
}
