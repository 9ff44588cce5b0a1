/**
 * What the engine does when time, not a person, moves an instance: a due deadline's event sent as
 * the system, and the cascades a commit started, each sent on to the instances it reaches.
 */
import { workflows } from '../kinds/index.js';
import { SYSTEM_ACTOR, type Kind } from '../kinds/types.js';
import type { EventBody } from '../kinds/kit/rules.js';
import { isAppError } from '../errors.js';
import type { Deadline } from '../store/port.js';
import { runCascade, type CascadeReport } from './cascades.js';
import { applyEvent } from './commands.js';
import type { EngineCore } from './core.js';
import { giveBackFailed } from './deadline-retry.js';
import { validateEventBody } from './requests.js';
import { retryOnConflict } from './retry-on-conflict.js';
import { upgrade } from './upgrade.js';

export type DeadlineOutcome = 'applied' | 'skipped' | 'missing' | 'already-handled' | 'cascaded';

export async function fireDeadline(core: EngineCore, deadline: Deadline, owner: string): Promise<DeadlineOutcome> {
  if (deadline.source === 'cascade') {
    await cascade(core, deadline, owner);
    return 'cascaded';
  }
  const cause = { deadline: { id: deadline.id, event: deadline.event, dueAt: deadline.dueAt } };
  const outcome = await deliver(core, deadline.kind, deadline.instanceId, { type: deadline.event }, cause, deadline.id);
  if (outcome === 'skipped' || outcome === 'missing') {
    await core.store.completeDeadline(deadline.id, owner, core.clock.now().toISOString());
  }
  return outcome;
}

/**
 * Runs the cascade a commit started. The commit stands whatever happens here, so a failure is
 * not the caller's: it is reported and the cascade given back for the scheduler to retry.
 */
export async function cascadeAfterCommit(core: EngineCore, deadline: Deadline): Promise<void> {
  try {
    await cascade(core, deadline, core.nodeId);
  } catch (error) {
    core.reportError(error, { cascade: deadline.event, kind: deadline.kind, id: deadline.instanceId });
    // Should the store refuse this too, the lease runs out and the cascade is due again then.
    await giveBackFailed(core.store, deadline, core.nodeId, error, core.clock.now()).catch((releaseError: unknown) =>
      core.reportError(releaseError, { cascade: deadline.event, kind: deadline.kind, id: deadline.instanceId, giveBack: true }),
    );
  }
}

/** Runs a claimed cascade to its end and completes it; a failure is thrown, the cascade still claimed. */
async function cascade(core: EngineCore, deadline: Deadline, owner: string): Promise<CascadeReport> {
  const report = await runCascade(core.store, deadline, (kind, id, body, cause) => deliver(core, kind, id, body, cause));
  await core.store.completeDeadline(deadline.id, owner, core.clock.now().toISOString());
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
