/**
 * Who may read what (docs/api.md, "Who may read and do what"): most workflows are readable by every principal; a
 * workflow with `readers` (test reports) only by those its rules admit. To anyone else an
 * instance does not exist, and a list shows them none of it.
 */
import type { Actor, Workflow } from '../kinds/types.js';
import { admits, ruleBindings } from './authorize.js';

export function mayRead(workflow: Workflow, actor: Actor, data: Record<string, unknown>): boolean {
  return !workflow.readers || admits(workflow.readers, actor, data);
}

/**
 * The filters that restrict a list to what `actor` may read: `{}` for everything, null for
 * nothing. A reader rule's bindings name search fields of the same name (`cabId`, `importerId`).
 */
export function readScope(workflow: Workflow, actor: Actor): Record<string, string> | null {
  if (!workflow.readers) return {};
  const rule = workflow.readers.find((r) => r.role === actor.role);
  if (!rule) return null;
  const scope: Record<string, string> = {};
  for (const [field, value] of ruleBindings(rule, actor)) {
    if (value === undefined) return null;
    scope[field] = value;
  }
  return scope;
}
