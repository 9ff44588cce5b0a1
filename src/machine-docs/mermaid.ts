/**
 * A machine as a Mermaid `stateDiagram-v2`, drawn from its definition: every state, every
 * transition labelled with its event and guard, transitions that keep the state as loops, the
 * initial state and the final ones. Paste it into any Mermaid viewer (GitHub renders it).
 */
import type { Workflow } from '../kinds/types.js';
import { describeMachine } from './describe.js';

export function mermaidOf(workflow: Workflow): string {
  const description = describeMachine(workflow);
  const lines = ['stateDiagram-v2', `  [*] --> ${description.initial}`];
  for (const state of description.states) {
    for (const t of state.transitions) {
      const label = [t.event === '(on entry)' ? '' : t.event, t.guard ? `[${t.guard}]` : t.event === '(on entry)' ? '[otherwise]' : '']
        .filter(Boolean)
        .join(' ');
      lines.push(`  ${state.name} --> ${t.target ?? state.name} : ${label}`);
    }
    if (state.final) lines.push(`  ${state.name} --> [*]`);
  }
  return `${lines.join('\n')}\n`;
}
