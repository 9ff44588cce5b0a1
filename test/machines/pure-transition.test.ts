/** The engine's reused-scope transition gives exactly what xstate's own `transition()` gives. */
import { expect } from 'chai';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { KINDS, workflows } from '../../src/kinds/index.js';
import { pureTransition } from '../../src/engine/pure-transition.js';
import { edges, graphModels } from '../helpers/graph-models.js';

describe('pureTransition', () => {
  for (const kind of KINDS) {
    it(`${kind}: matches xstate's transition() in state and context on every edge of the graph`, () => {
      const { machine } = workflows[kind];
      for (const edge of edges(graphModels[kind])) {
        let [theirs] = initialTransition(machine, graphModels[kind].inputs[edge.variant]) as [AnyMachineSnapshot, unknown];
        let ours = theirs;
        for (const event of edge.path) {
          [theirs] = transition(machine, theirs, event) as [AnyMachineSnapshot, unknown];
          ours = pureTransition(machine, ours, event);
          const view = (s: AnyMachineSnapshot): unknown => ({ value: s.value as unknown, context: s.context as unknown, status: s.status });
          expect(view(ours), edge.key).to.deep.equal(view(theirs));
        }
      }
    });
  }
});
