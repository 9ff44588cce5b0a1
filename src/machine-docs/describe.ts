/**
 * Each machine described from its own definition and table, for people and for clients:
 * states, transitions with their guards, who may send each event, deadlines, durations and
 * cascades. Nothing here is written by hand, so it cannot disagree with what the engine runs.
 */
import type { AnyStateMachine } from 'xstate';
import type { Kind, Rule, Workflow } from '../kinds/types.js';

export interface TransitionView {
  event: string;
  /** Null when the transition keeps the state (it records, or reminds). */
  target: string | null;
  guard: string | null;
}

export interface StateView {
  name: string;
  final: boolean;
  transitions: TransitionView[];
  deadlines: Array<{ event: string; when: string }>;
}

export interface MachineDescription {
  kind: Kind;
  noun: string;
  version: number;
  initial: string;
  states: StateView[];
  events: Record<string, { sentBy: readonly Rule[] }>;
  parties: Workflow['parties'];
  durations: Workflow['durations'];
  cascades: Array<{
    name: string;
    onEnter?: readonly string[];
    onEvent?: readonly string[];
    from?: readonly string[];
    target: Kind;
    event: string;
    inStates: readonly string[];
  }>;
}

/** A guard's name: `isUnsignedParty`, or `a and b` for xstate's `and([...])`. */
export function guardName(guard: unknown): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && 'type' in guard) return String((guard).type);
  const parts = (guard as { guards?: unknown[] }).guards;
  return Array.isArray(parts) ? parts.map((g) => guardName(g)).join(' and ') : 'condition';
}

function transitionsOf(machine: AnyStateMachine, state: string): TransitionView[] {
  const node = machine.states[state]!;
  const always = (node.always ?? []).map((t) => ({ event: '(on entry)', target: t.target?.[0]?.key ?? null, guard: guardName(t.guard) }));
  const onEvents = [...node.transitions.entries()].flatMap(([event, candidates]) =>
    candidates.map((t) => ({ event, target: t.target?.[0]?.key ?? null, guard: guardName(t.guard) })),
  );
  return [...always, ...onEvents];
}

function deadlinesOf(workflow: Workflow, state: string): StateView['deadlines'] {
  return (workflow.deadlines[state] ?? []).map((rule) => ({
    event: rule.event,
    when:
      'after' in rule
        ? `${workflow.durations[rule.after]?.default ?? rule.after} after entering`
        : rule.before
          ? `${workflow.durations[rule.before]?.default ?? rule.before} before ${rule.at}`
          : `at ${rule.at}`,
  }));
}

export function describeMachine(workflow: Workflow): MachineDescription {
  const { machine } = workflow;
  return {
    kind: workflow.kind,
    noun: workflow.noun,
    version: workflow.version,
    initial: machine.config.initial as string,
    states: Object.keys(machine.states).map((name) => ({
      name,
      final: machine.states[name]!.type === 'final',
      transitions: transitionsOf(machine, name),
      deadlines: deadlinesOf(workflow, name),
    })),
    events: Object.fromEntries(Object.entries(workflow.events).map(([event, rules]) => [event, { sentBy: rules }])),
    parties: workflow.parties,
    durations: workflow.durations,
    cascades: workflow.cascades.map(({ name, onEnter, onEvent, from, target, event, inStates }) => ({
      name,
      ...(onEnter === undefined ? {} : { onEnter }),
      ...(onEvent === undefined ? {} : { onEvent }),
      ...(from === undefined ? {} : { from }),
      target,
      event,
      inStates,
    })),
  };
}
