/**
 * Writes planned steps: one store commit (compare-and-swap on the instance version) carrying the
 * step and everything its contributors added, then the cascades the commit started, then the
 * instance as the actor sees it.
 */
import { workflows } from '../kinds/index.js';
import type { Actor } from '../kinds/types.js';
import type { InstanceRecord, MailAlreadySent, Store } from '../store/port.js';
import { planCommit, type Plan, type Step } from './commit-plan.js';
import type { EngineCore } from './core.js';
import { nextEventsFor, toResource, type Resource } from './resource.js';
import { snapshotOf } from './upgrade.js';

/** How long the engine holds a cascade it runs inline before the scheduler may take it over. */
const CASCADE_LEASE_MS = 5 * 60_000;

/** Writes the step in one commit, then runs the cascades it started. */
export async function commitStep(core: EngineCore, step: Step, actor: Actor): Promise<Resource> {
  const plan = await planCommit(step, core.contributors, { store: core.store, durations: core.durations });
  await core.store.commit(plan.commit);
  core.counted([plan.commit.kind]);
  return committed(core, step, plan, actor);
}

/** Plans every step (reading through `reads`), writes them in one commit, then runs the cascades they started. */
export async function commitSteps(
  core: EngineCore,
  steps: readonly Step[],
  actor: Actor,
  reads: Store,
  options: { mailSent?: MailAlreadySent },
): Promise<Resource[]> {
  const plans: Plan[] = [];
  for (const step of steps) plans.push(await planCommit(step, core.contributors, { store: reads, durations: core.durations }));
  await core.store.commitMany(
    plans.map((plan) => plan.commit),
    options,
  );
  core.counted(plans.map((plan) => plan.commit.kind));
  const resources: Resource[] = [];
  for (const [i, plan] of plans.entries()) resources.push(await committed(core, steps[i]!, plan, actor));
  return resources;
}

/** After a step's commit: the cascades it started, then the instance as `actor` sees it. */
async function committed(core: EngineCore, step: Step, plan: Plan, actor: Actor): Promise<Resource> {
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
  for (const task of c.timers.add.filter((timer) => timer.source === 'cascade')) {
    const claimed = await core.store.claimDeadline(task.id, { owner: core.nodeId, now: c.at, leaseMs: CASCADE_LEASE_MS });
    if (claimed?.source === 'cascade') await core.cascadeAfterCommit(claimed);
  }
  const workflow = workflows[c.kind];
  return toResource(record, nextEventsFor(workflow, snapshotOf(workflow, record), actor, c.at), plan.deadlines);
}
