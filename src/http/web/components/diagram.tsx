/**
 * A machine's diagram as an accessible graph in HTML: every state, in the order the machine
 * reaches them from its start, each with the events that leave it and where they lead. Drawn from
 * the machine itself (`describeMachine`), so it cannot disagree with what the engine runs; the
 * current state of an instance is marked in words, not by colour alone.
 */
import type { Kind } from '../../../kinds/types.js';
import type { MachineDescription, StateView } from '../../../machine-docs/describe.js';
import type { PageContext } from '../context.js';
import { stateWords } from './names.js';

/** States in breadth-first order from the initial one; unreachable ones (none today) last. */
export function orderedStates(machine: MachineDescription): StateView[] {
  const byName = new Map(machine.states.map((s) => [s.name, s]));
  const seen = [machine.initial];
  for (let i = 0; i < seen.length; i++) {
    for (const t of byName.get(seen[i]!)?.transitions ?? []) if (t.target && !seen.includes(t.target)) seen.push(t.target);
  }
  for (const s of machine.states) if (!seen.includes(s.name)) seen.push(s.name);
  return seen.map((name) => byName.get(name)!);
}

function eventWords(context: PageContext, kind: Kind, event: string): string {
  const words = context.wording.events[kind][event];
  return words ? words.replace('{economy}', '…') : event;
}

/**
 * `codes` adds each state's and event's name in the API beside its words: the public process
 * pages are also the API's reference; a record's page is for the people acting on it, and leaves
 * them out.
 */
export function Diagram({ context, machine, current, offered = [], codes = true }: { context: PageContext; machine: MachineDescription; current?: string; offered?: readonly string[]; codes?: boolean }) {
  const { text } = context;
  const kind = machine.kind;
  return (
    <ol class="diagram" aria-label={text.machines.diagramLabel(context.wording.nouns[kind])}>
      {orderedStates(machine).map((state) => {
        const isCurrent = state.name === current;
        return (
          <li class={isCurrent ? 'state state-current' : 'state'} id={`state-${state.name}`} aria-current={isCurrent ? 'step' : undefined}>
            <p class="state-name">
              <strong>{stateWords(context, kind, state.name)}</strong>{' '}
              {codes && <code class="muted">{state.name}</code>}
              {state.name === machine.initial && <span class="badge">{text.machines.initial}</span>}
              {state.final && <span class="badge">{text.machines.final}</span>}
              {isCurrent && <span class="badge badge-current">{text.machines.current}</span>}
            </p>
            {state.transitions.length > 0 && (
              <ul class="transitions">
                {state.transitions.map((t) => (
                  <li class={isCurrent && offered.includes(t.event) ? 'offered' : undefined}>
                    {t.event === '(on entry)' ? text.machines.onEntry : <>{eventWords(context, kind, t.event)}{codes && <> <code class="muted">{t.event}</code></>}</>} →{' '}
                    {t.target ? <a href={`#state-${t.target}`}>{stateWords(context, kind, t.target)}</a> : <em>{text.machines.stays}</em>}
                  </li>
                ))}
              </ul>
            )}
            {state.deadlines.length > 0 && (
              <p class="muted small">
                {text.machines.deadlines}: {state.deadlines.map((d) => context.wording.deadlines[kind][d.event] ?? d.event).join('; ')}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
