/**
 * Authorisation as data (docs/architecture.md, "Authorisation is data"): the workflow tables say which roles may act,
 * and for which economy, CAB or principal; this module only reads them.
 */
import type { Actor, Rule } from '../kinds/types.js';
import { stringsAt } from './paths.js';

/**
 * The data fields a rule binds, each with the actor's own value it must hold (undefined when the
 * actor has none: then the rule admits nobody).
 */
export function ruleBindings(rule: Rule, actor: Actor): Array<[path: string, mine: string | undefined]> {
  const bindings: Array<[string | undefined, string | undefined]> = [
    [rule.economy, actor.economy],
    [rule.cab, actor.cabId],
    [rule.principal, actor.organisation ?? actor.id],
  ];
  return bindings.filter((binding): binding is [string, string | undefined] => binding[0] !== undefined);
}

/** Whether one rule admits the actor for an instance with this data. */
export function ruleAdmits(rule: Rule, actor: Actor, data: Record<string, unknown>): boolean {
  if (rule.role !== actor.role) return false;
  return ruleBindings(rule, actor).every(([path, mine]) => mine !== undefined && stringsAt(data, path).includes(mine));
}

/** Whether any of the rules admits the actor; no rules admit nobody. */
export function admits(rules: readonly Rule[] | undefined, actor: Actor, data: Record<string, unknown>): boolean {
  return (rules ?? []).some((rule) => ruleAdmits(rule, actor, data));
}

/**
 * Whether the rules could admit the actor for some instance: one of them names its role, and the
 * actor holds a value for each field it binds. What a page offers before any data exists (a create
 * form) is asked here, so that it never offers what `admits` will refuse.
 *
 * @example mayBeAdmitted(workflows['test-reports'].create, admin) // false: no rule names the admin
 */
export function mayBeAdmitted(rules: readonly Rule[] | undefined, actor: Actor): boolean {
  return (rules ?? []).some((rule) => rule.role === actor.role && ruleBindings(rule, actor).every(([, mine]) => mine !== undefined));
}
