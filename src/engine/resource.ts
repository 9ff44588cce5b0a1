/** The shape of a workflow instance in answers (docs/api.md, "Workflow resources"). */
import type { AnyMachineSnapshot } from 'xstate';
import type { Actor, Kind, Workflow } from '../kinds/types.js';
import type { InstanceRecord } from '../store/port.js';
import { admits } from './authorize.js';

export interface Resource {
  id: string;
  kind: Kind;
  state: string;
  version: number;
  machineVersion: number;
  data: Record<string, unknown>;
  /** The events this principal may send now. */
  nextEvents: string[];
  /** The pending deadlines. */
  deadlines: Array<{ type: string; dueAt: string }>;
  createdAt: string;
  updatedAt: string;
}

/**
 * The events `actor` may send to the instance now: allowed by the workflow's table, handled by the
 * current state, and with their conditions met at `at`. System events are never offered.
 */
export function nextEventsFor(workflow: Workflow, snapshot: AnyMachineSnapshot, actor: Actor, at: string): string[] {
  if (actor.role === 'system') return [];
  const data = snapshot.context as Record<string, unknown>;
  return Object.entries(workflow.events)
    .filter(([, rules]) => admits(rules, actor, data))
    .map(([type]) => type)
    .filter((type) => workflow.machine.getTransitionData(snapshot, { type, at, actor }).length > 0);
}

export function toResource(
  record: InstanceRecord,
  nextEvents: string[],
  deadlines: ReadonlyArray<{ event: string; dueAt: string }>,
): Resource {
  return {
    id: record.id,
    kind: record.kind,
    state: record.state,
    version: record.version,
    machineVersion: record.machineVersion,
    data: record.context,
    nextEvents,
    deadlines: deadlines.map((d) => ({ type: d.event, dueAt: d.dueAt })),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
