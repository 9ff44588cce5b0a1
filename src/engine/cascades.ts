/**
 * Cascades (docs/architecture.md, "Cascades are events"): when an instance enters a state that affects others (an
 * agreement terminated, an accreditation lapsed, a recognition ended), each affected instance
 * receives an event through the engine, with the system as actor and the cause in its history.
 *
 * The commit that enters the state also writes a cascade task (a `cascade` timer), due at once
 * (contributed by `src/effects/deadlines/cascade-tasks.ts`); the engine runs it right after the
 * commit (`timers.ts`), and if the process dies first, the scheduler finds it due and runs it then. Running one twice is harmless: instances already moved no longer take the event.
 */
import { workflows, type CascadeRule, type Kind } from '../kinds/index.js';
import type { CascadeTask, InstanceRecord, InstanceStore, Page } from '../store/port.js';
import { stringsAt } from './paths.js';
import { searchQuery } from './search-keys.js';

export interface CascadeMeta {
  seq: number;
  from: string | null;
  to: string;
  event: string;
}

export type Deliver = (
  kind: Kind,
  id: string,
  body: Record<string, unknown> & { type: string },
  cause: Record<string, unknown>,
) => Promise<'applied' | 'skipped' | 'missing' | 'already-handled'>;

export interface CascadeReport {
  rule: string;
  applied: number;
  skipped: number;
}

/** The target instances' search values this source instance selects, or null if it lacks one. */
function selection(rule: CascadeRule, source: InstanceRecord): Record<string, string> | null {
  const where: Record<string, string> = {};
  for (const [targetField, sourcePath] of Object.entries(rule.where)) {
    const value = sourcePath === '$id' ? source.id : stringsAt(source.context, sourcePath)[0];
    if (value === undefined) return null;
    where[targetField] = value;
  }
  return searchQuery(workflows[rule.target], where);
}

/** Sends the cascade's event to every instance it reaches. */
export async function runCascade(store: InstanceStore, task: CascadeTask, deliver: Deliver): Promise<CascadeReport> {
  const rule = workflows[task.kind].cascades.find((r) => r.name === task.event);
  const source = await store.load(task.kind, task.instanceId);
  const report: CascadeReport = { rule: task.event, applied: 0, skipped: 0 };
  if (!rule || !source) return report;
  const where = selection(rule, source);
  if (!where) return report;
  const meta = task.payload as unknown as CascadeMeta;
  const body = { type: rule.event, ...(rule.payload?.({ id: source.id, state: meta.to, data: source.context }) ?? {}) };
  const cause = { kind: source.kind, id: source.id, seq: meta.seq, event: meta.event, state: meta.to, cascade: rule.name };

  let cursor: string | null = null;
  do {
    const page: Page<InstanceRecord> = await store.find(rule.target, { states: rule.inStates, where, limit: 100, cursor });
    for (const target of page.items) {
      const outcome = await deliver(rule.target, target.id, body, cause);
      if (outcome === 'applied') report.applied += 1;
      else report.skipped += 1;
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return report;
}
