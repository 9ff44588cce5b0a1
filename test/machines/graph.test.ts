/**
 * Each machine walked from its own graph (xstate/graph): every transition its definition declares
 * is reached from a real starting input and replayed on the bare machine with `transition()`.
 * The engine replays the same paths in test/engine/transitions.test.ts.
 */
import { expect } from 'chai';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { KINDS, workflows } from '../../src/kinds/index.js';
import type { TestReportData } from '../../src/kinds/test-report/machine.js';
import { declaredTransitions, edges, graphModels } from '../helpers/graph-models.js';

for (const kind of KINDS) {
  const workflow = workflows[kind];
  const model = graphModels[kind];
  const found = edges(model);

  describe(`${kind} machine, walked from its graph`, () => {
    it('reaches every transition its definition declares', () => {
      const reached = new Set(found.map((e) => e.key));
      const missing = declaredTransitions(workflow.machine).filter((t) => !reached.has(t.key));
      expect(missing.map((t) => t.key)).to.deep.equal([]);
    });

    for (const edge of found) {
      it(`${edge.key} ${edge.to} (${edge.variant}, after ${edge.path.length - 1} events)`, () => {
        let [snapshot] = initialTransition(workflow.machine, model.inputs[edge.variant]) as [AnyMachineSnapshot, unknown];
        for (const event of edge.path.slice(0, -1)) [snapshot] = transition(workflow.machine, snapshot, event) as [AnyMachineSnapshot, unknown];
        expect(snapshot.value).to.equal(edge.from);
        const [next] = transition(workflow.machine, snapshot, edge.path.at(-1)!) as [AnyMachineSnapshot, unknown];
        expect(next.value).to.equal(edge.to);
      });
    }
  });
}

describe('test-report screening', () => {
  const { machine } = workflows['test-reports'];
  const inputs = graphModels['test-reports'].inputs;

  it('when the lab was recognised on the test date, starts in under_review with no reasons', () => {
    const [snapshot] = initialTransition(machine, inputs['from a recognised lab']);
    expect(snapshot.value).to.equal('under_review');
    expect((snapshot.context as TestReportData).reasons).to.deep.equal([]);
  });

  it('when the lab was not recognised on the test date, starts rejected with LAB_NOT_RECOGNIZED', () => {
    const [snapshot] = initialTransition(machine, inputs['from a lab that was not recognised']);
    expect(snapshot.value).to.equal('rejected');
    expect((snapshot.context as TestReportData).reasons.map((r) => r.code)).to.deep.equal(['LAB_NOT_RECOGNIZED']);
  });
});

describe('workflow tables', () => {
  for (const kind of KINDS) {
    const workflow = workflows[kind];
    const handled = new Set(declaredTransitions(workflow.machine).map((t) => t.event));

    it(`${kind}: every event the machine handles has a rule saying who may send it, and no rule names an unknown event`, () => {
      expect([...handled].filter((e) => !(e in workflow.events))).to.deep.equal([]);
      expect(Object.keys(workflow.events).filter((e) => !handled.has(e))).to.deep.equal([]);
    });

    it(`${kind}: every deadline fires an event its state takes, with a declared duration`, () => {
      for (const [state, rules] of Object.entries(workflow.deadlines)) {
        for (const rule of rules) {
          expect(Object.keys(workflow.machine.states[state]?.on ?? {}), `${state} takes ${rule.event}`).to.include(rule.event);
          const durations = ['after' in rule ? rule.after : undefined, 'before' in rule ? rule.before : undefined].filter(Boolean);
          for (const name of durations) expect(workflow.durations, `${kind}.${name}`).to.have.property(name!);
        }
      }
    });

    it(`${kind}: every cascade enters real states and sends an event its target takes`, () => {
      for (const cascade of workflow.cascades) {
        for (const state of cascade.onEnter ?? []) expect(workflow.machine.states).to.have.property(state);
        for (const event of cascade.onEvent ?? []) expect(handled, `${kind} takes ${event}`).to.include(event);
        const target = workflows[cascade.target];
        for (const state of cascade.inStates) expect(target.machine.states).to.have.property(state);
        expect(target.events[cascade.event], `${cascade.target} has ${cascade.event}`).to.deep.equal([{ role: 'system' }]);
        for (const field of Object.keys(cascade.where)) expect(target.search).to.have.property(field);
      }
    });
  }
});
