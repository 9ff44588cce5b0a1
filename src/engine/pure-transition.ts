/**
 * The pure step, without xstate's per-call cost. `transition()` from xstate builds a throwaway
 * actor (and the machine's initial snapshot) on every call, tens of microseconds each; our
 * machines only `assign`, so one inert scope per machine, reused, computes the same next
 * snapshot. test/machines/pure-transition.test.ts checks that on every edge of every graph.
 */
import { createActor, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';

type MachineScope = Parameters<AnyStateMachine['transition']>[2];

const scopes = new WeakMap<AnyStateMachine, MachineScope>();

function inertScope(machine: AnyStateMachine): MachineScope {
  let scope = scopes.get(machine);
  if (!scope) {
    // Never started: it only lends the scope an identity and a system.
    const self = createActor(machine);
    scope = {
      self,
      id: self.id,
      sessionId: self.sessionId,
      system: self.system,
      logger: () => undefined,
      defer: () => undefined,
      emit: () => undefined,
      stopChild: () => undefined,
      actionExecutor: (action) => {
        throw new Error(`Machines are pure: "${action.type}" would have to be executed`);
      },
    };
    scopes.set(machine, scope);
  }
  return scope;
}

/** The snapshot `event` leads to from `snapshot`; executes nothing. */
export function pureTransition(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject & Record<string, unknown>): AnyMachineSnapshot {
  return machine.transition(snapshot, event, inertScope(machine)) as AnyMachineSnapshot;
}
