/**
 * Every deadline every workflow table declares, generated from `workflows[kind].deadlines` so a
 * new one cannot be left untested, each with a way through the engine into its state (the machine
 * graph's shortest path) and an event that leaves the state before the deadline is due.
 */
import { KINDS, workflows } from '../../src/kinds/index.js';
import type { DeadlineRule, Kind } from '../../src/kinds/types.js';
import type { Resource } from '../../src/engine/resource.js';
import type { TimerStatus } from '../../src/store/port.js';
import { fixtures, reachSource, type Bindings, type Fixture } from './engine-fixtures.js';
import { edges, graphModels, type Edge } from './graph-models.js';
import { BASE, daysFrom, type World } from './world.js';

export interface DeadlineCase {
  kind: Kind;
  state: string;
  rule: DeadlineRule;
  /** An edge out of `state` taken by a principal: its path reaches the state, its last event leaves it. Null if the graph has none. */
  leave: Edge | null;
}

/** The edge to leave `state` by: not a deadline's own event, and preferably into a state that does not set the same deadline again. */
function leavingEdge(kind: Kind, state: string, rule: DeadlineRule): Edge | null {
  const ownEvents = new Set((workflows[kind].deadlines[state] ?? []).map((r) => r.event));
  const candidates = edges(graphModels[kind]).filter((e) => e.from === state && e.to !== state && !ownEvents.has(e.event));
  const setsSameAgain = (edge: Edge) => (workflows[kind].deadlines[edge.to] ?? []).some((r) => r.event === rule.event);
  return candidates.find((e) => !setsSameAgain(e)) ?? candidates[0] ?? null;
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
