/**
 * Every deadline every workflow table declares, generated from `workflows[kind].deadlines` so a
 * new one cannot be left untested, each with a way through the engine into its state (the machine
 * graph's shortest path) and an event that leaves the state before the deadline is due.
 */
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { KINDS, workflows } from '../../src/kinds/index.js';
import { readPath } from '../../src/engine/paths.js';
import type { DeadlineRule, Kind } from '../../src/kinds/types.js';
import type { Resource } from '../../src/engine/resource.js';
import type { TimerStatus } from '../../src/store/port.js';
import { fixtures, reachSource, type Bindings, type Fixture } from './engine-fixtures.js';
import { edges, graphModels, type Edge, type MachineEvent } from './graph-models.js';
import { BASE, daysFrom, type World } from './world.js';

export interface DeadlineCase {
  kind: Kind;
  state: string;
  rule: DeadlineRule;
  /** An edge out of `state` taken by a principal: its path reaches the state, its last event leaves it. Null if the graph has none. */
  leave: Edge | null;
}

const edgesByKind = new Map<Kind, Edge[]>();
/** The graph's edges, walked once per kind. */
function edgesOf(kind: Kind): Edge[] {
  let found = edgesByKind.get(kind);
  if (!found) edgesByKind.set(kind, (found = edges(graphModels[kind])));
  return found;
}

/** The bare machine after `path`, with what the engine's rules fill into each event. */
function walk(kind: Kind, variant: string, path: readonly MachineEvent[]): AnyMachineSnapshot {
  const model = graphModels[kind];
  const machine = workflows[kind].machine;
  let [snapshot] = initialTransition(machine, model.inputs[variant]) as [AnyMachineSnapshot, unknown];
  for (const event of path) {
    [snapshot] = transition(machine, snapshot, { ...event, ...model.filled?.(String(snapshot.value), event) }) as [AnyMachineSnapshot, unknown];
  }
  return snapshot;
}

/** Whether the deadline's anchor is set once the edge's path (but its last event) is walked. */
function anchorSet(kind: Kind, edge: Edge, rule: DeadlineRule): boolean {
  if (!('at' in rule)) return true;
  return typeof readPath(walk(kind, edge.variant, edge.path.slice(0, -1)).context as Record<string, unknown>, rule.at) === 'string';
}

/**
 * The edge to leave `state` by: not a deadline's own event, from where the deadline's anchor is
 * set, and preferably into a state that does not set the same deadline again. Where the anchor is
 * set on some walks into the state only (a renewal beside a listing), one of those walks is
 * followed by a leaving edge's event.
 */
function leavingEdge(kind: Kind, state: string, rule: DeadlineRule): Edge | null {
  const ownEvents = new Set((workflows[kind].deadlines[state] ?? []).map((r) => r.event));
  const all = edgesOf(kind);
  const leaving = all.filter((e) => e.from === state && e.to !== state && !ownEvents.has(e.event));
  const setsSameAgain = (edge: Edge) => (workflows[kind].deadlines[edge.to] ?? []).some((r) => r.event === rule.event);
  const pick = (candidates: Edge[]) => candidates.find((e) => !setsSameAgain(e)) ?? candidates[0] ?? null;
  const direct = leaving.filter((e) => anchorSet(kind, e, rule));
  if (direct.length > 0) return pick(direct);
  const composed: Edge[] = [];
  for (const into of all.filter((e) => e.from === state && anchorSet(kind, e, rule))) {
    for (const leave of leaving) {
      const path = [...into.path.slice(0, -1), leave.path.at(-1)!];
      const to = String(walk(kind, into.variant, path).value);
      if (to !== state) composed.push({ ...leave, variant: into.variant, to, path });
    }
    if (composed.length > 0) break;
  }
  return pick(composed);
}

export function deadlineCases(): DeadlineCase[] {
  return KINDS.flatMap((kind) =>
    Object.entries(workflows[kind].deadlines).flatMap(([state, rules]) =>
      rules.map((rule) => ({ kind, state, rule, leave: leavingEdge(kind, state, rule) })),
    ),
  );
}

/**
 * Recognitions as the graph fixture makes them, but with an accreditation valid for four years:
 * the stock one ends after 700 days and its lapse would end the recognition before its listing
 * (three years) could expire.
 */
const longLivedRecognitions: Fixture = {
  ...fixtures.recognitions,
  async create(world, _variant, shared) {
    const lab = await world.addLab();
    const accreditation = await world.accreditation(lab.cabId!, { validFrom: daysFrom(BASE, -1), validUntil: daysFrom(BASE, 4 * 365) });
    const resource = await world.recognition(shared['$agreement']!, lab.cabId!, { recognize: false });
    return { resource, bindings: { ...shared, $accreditation: accreditation.id, $cab: lab.cabId!, $designation: resource.data['designationId'] as string } };
  },
};

/** A new instance of the case's kind, walked through the engine into the case's state. */
export async function reachState(world: World, c: DeadlineCase): Promise<{ resource: Resource; bindings: Bindings }> {
  if (!c.leave) throw new Error(`No edge of the ${c.kind} graph leaves ${c.state}: add its event to test/helpers/graph-models.ts`);
  const fixture = c.kind === 'recognitions' ? longLivedRecognitions : fixtures[c.kind];
  const shared = await fixture.setup(world);
  return reachSource(world, c.kind, c.leave, shared, fixture);
}

/** A deadline as stored, whatever its status, read through the store's probe. */
export async function deadlineRow(world: World, id: string): Promise<{ status: TimerStatus; attempts: number; lastError: string | null } | undefined> {
  const found = (await world.probe.deadlines()).find((d) => d.id === id);
  return found && { status: found.status, attempts: found.attempts, lastError: found.lastError };
}
