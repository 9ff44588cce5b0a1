/** What each state of a test report means for an importer, in the order a report goes through them. */
import type { PageContext } from '../context.js';
import { StateTag } from '../components/names.js';

export function StatusesPage({ context, states }: { context: PageContext; states: readonly string[] }) {
  const { text } = context;
  return (
    <>
      <h1>{text.statuses.title}</h1>
      <p class="lead">{text.statuses.lead}</p>
      <dl class="meanings">
        {states.map((state) => (
          <div id={`status-${state}`}>
            <dt><StateTag context={context} kind="test-reports" state={state} /></dt>
            <dd>{text.statuses.meaning[state]}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
