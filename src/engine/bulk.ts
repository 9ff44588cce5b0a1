/**
 * Many steps in one store commit, all or none (`npm run load`): each is prepared exactly as one
 * step alone is, reading through a store that remembers what the batch read (`read-through.ts`).
 */
import type { Actor, Kind } from '../kinds/types.js';
import type { MailAlreadySent } from '../store/port.js';
import type { Step } from './commit-plan.js';
import { commitSteps } from './commit.js';
import { loadReadable, ruleContext, type EngineCore } from './core.js';
import { readThrough } from './read-through.js';
import { validateEventBody } from './requests.js';
import type { Resource } from './resource.js';
import { prepareCreation, prepareStep } from './step.js';

export async function createMany(
  core: EngineCore,
  kind: Kind,
  bodies: readonly unknown[],
  actor: Actor,
  options: { mailSent?: MailAlreadySent },
): Promise<Resource[]> {
  const context = { ...ruleContext(core, actor), store: readThrough(core.store) };
  const steps: Step[] = [];
  for (const body of bodies) steps.push((await prepareCreation(core, kind, body, actor, context)).step);
  return commitSteps(core, steps, actor, context.store, options);
}

export async function sendMany(
  core: EngineCore,
  kind: Kind,
  events: ReadonlyArray<{ id: string; body: unknown }>,
  actor: Actor,
  options: { mailSent?: MailAlreadySent },
): Promise<Resource[]> {
  const context = { ...ruleContext(core, actor), store: readThrough(core.store) };
  const steps: Step[] = [];
  for (const { id, body } of events) {
    const event = validateEventBody(core.validator, kind, body);
    steps.push(await prepareStep(await loadReadable(core, kind, id, actor), event, actor, {}, context));
  }
  return commitSteps(core, steps, actor, context.store, options);
}
