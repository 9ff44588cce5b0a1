/** The engine's refusals of a step, worded for the person who asked. */
import type { Actor, Reason, Workflow } from '../kinds/types.js';
import { AppError } from '../errors.js';
import type { InstanceRecord } from '../store/port.js';
import { ownValue } from '../own.js';

function who(actor: Actor): string {
  return `A ${actor.role.replace('_', ' ')}${actor.economy ? ` of ${actor.economy}` : ''}`;
}

export function mayNotCreate(workflow: Workflow, actor: Actor): AppError {
  return new AppError({ code: 'FORBIDDEN', detail: `${who(actor)} may not create this ${workflow.noun}.` });
}

export function mayNotSend(workflow: Workflow, record: InstanceRecord, type: string, actor: Actor): AppError {
  return new AppError({ code: 'FORBIDDEN', detail: `${who(actor)} may not send ${type} to ${workflow.noun} ${record.id}.` });
}

/**
 * Says whether the state does not take the event at all, or its conditions are not met now; with
 * the kind's reason, when its rules give one (`KindRules.whyNotAccepted`).
 */
export function notAccepted(workflow: Workflow, record: InstanceRecord, type: string, reason?: Reason): AppError {
  const handled = Object.keys(ownValue(workflow.machine.states, record.state)?.on ?? {});
  const why = handled.includes(type)
    ? 'its conditions are not met now'
    : `in state ${record.state} it takes ${handled.length > 0 ? handled.join(', ') : 'no events'}`;
  return new AppError({
    code: 'EVENT_NOT_ACCEPTED',
    detail: `${workflow.noun} ${record.id} is ${record.state}: ${type} is not possible (${reason === undefined ? why : reason.detail}).`,
    publicFields: { state: record.state, ...(reason === undefined ? {} : { reasons: [reason] }) },
  });
}

export function staleVersion(workflow: Workflow, record: InstanceRecord, expected: number): AppError {
  return new AppError({
    code: 'VERSION_CONFLICT',
    detail: `${workflow.noun} ${record.id} is at version ${record.version}, not ${expected}: reload it and try again.`,
    publicFields: { currentVersion: record.version },
  });
}
