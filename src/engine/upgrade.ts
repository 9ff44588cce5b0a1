/**
 * From a stored record to a machine snapshot (docs/architecture.md, "Versioned machines"): a record written by an
 * older machine version is migrated step by step; one the code cannot follow is refused.
 * Restoring is pure: it sends no mail and writes nothing.
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { Workflow } from '../kinds/types.js';
import { AppError } from '../errors.js';
import type { InstanceRecord } from '../store/port.js';
import { ownValue } from '../own.js';

/** The record as the current machine version sees it. */
export function upgrade(workflow: Workflow, record: InstanceRecord): InstanceRecord {
  let { state, context, machineVersion } = record;
  while (machineVersion < workflow.version) {
    const migrate = ownValue(workflow.migrations, String(machineVersion));
    if (!migrate) break;
    ({ state, context } = migrate({ state, context, updatedAt: record.updatedAt }));
    machineVersion += 1;
  }
  if (machineVersion !== workflow.version || !Object.hasOwn(workflow.machine.states, state)) {
    throw new AppError({
      code: 'MACHINE_VERSION_UNSUPPORTED',
      detail:
        `${workflow.noun} ${record.id} was stored by ${workflow.kind} machine version ${record.machineVersion} in state "${record.state}"; ` +
        `this server runs version ${workflow.version} and has no migration for it. Deploy a release that has one.`,
    });
  }
  return { ...record, state, context, machineVersion };
}

export function snapshotOf(workflow: Workflow, record: InstanceRecord): AnyMachineSnapshot {
  return workflow.machine.resolveState({ value: record.state, context: record.context });
}
