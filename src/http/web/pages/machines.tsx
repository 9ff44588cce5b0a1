/** The four processes, and a page per process with its diagram and who may send each event. */
import type { Kind } from '../../../kinds/types.js';
import type { MachineDescription } from '../../../machine-docs/describe.js';
import type { PageContext } from '../context.js';
import { Diagram } from '../components/diagram.js';

export function MachinesPage({ context, kinds }: { context: PageContext; kinds: readonly Kind[] }) {
  const { text } = context;
  return (
    <>
      <h1>{text.machines.title}</h1>
      <p class="lead">{text.machines.lead}</p>
      <ul class="link-list">
        {kinds.map((kind) => (
          <li><a href={`/how-it-works/${kind}`}>{text.kinds[kind]}</a></li>
        ))}
      </ul>
    </>
  );
}

function senders(context: PageContext, machine: MachineDescription, event: string): string {
  const rules = machine.events[event]?.sentBy ?? [];
  if (rules.length === 0) return context.text.machines.automatic;
  return [...new Set(rules.map((rule) => context.wording.roles[rule.role]))].join(', ');
}

export function MachinePage({ context, machine }: { context: PageContext; machine: MachineDescription }) {
  const { text, wording } = context;
  const kind = machine.kind;
  return (
    <>
      <h1>{text.kinds[kind]}</h1>
      <p class="muted">{text.machines.version(machine.version)}</p>
      <h2>{text.machines.statesHeading}</h2>
      <Diagram context={context} machine={machine} />
      <h2>{text.machines.sentBy}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{text.machines.event}</th>
              <th scope="col">{text.machines.sentBy}</th>
            </tr>
          </thead>
          <tbody>
            {Object.keys(machine.events).map((event) => (
              <tr>
                <td>
                  {(wording.events[kind][event] ?? event).replace('{economy}', '…')} <code class="muted">{event}</code>
                </td>
                <td>{senders(context, machine, event)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
