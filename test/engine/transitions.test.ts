/**
 * Every transition of every machine, replayed through the engine on a real SQLite file along
 * the shortest path the machine's graph gives (the same edges as test/machines/graph.test.ts).
 * Each one must end in the machine's target state, with its history entry, an e-mail for each
 * party and the deadlines its state sets (a state kept: those it had, those anchored on a field
 * the transition changed moved with it).
 */
import { expect } from 'chai';
import { KINDS, workflows } from '../../src/kinds/index.js';
import { readPath } from '../../src/engine/paths.js';
import { fixtures, reachSource, replay, type Bindings } from '../helpers/engine-fixtures.js';
import { edges, graphModels } from '../helpers/graph-models.js';
import { World } from '../helpers/world.js';

for (const kind of KINDS) {
  describe(`${kind} through the engine: every transition of the machine graph`, () => {
    const workflow = workflows[kind];
    let world: World;
    let shared: Bindings;

    before(async () => {
      world = await World.create();
      shared = await fixtures[kind].setup(world);
    });
    after(async () => world.close());

    for (const edge of edges(graphModels[kind])) {
      it(`${edge.key} ${edge.to}: committed with its history entry, e-mails and deadlines`, async () => {
        const { resource: current, bindings } = await reachSource(world, kind, edge, shared);
        expect(current.state, 'state before the edge').to.equal(edge.from);
        const before = await world.engine.get(kind, current.id, world.as('system'));

        const event = edge.path.at(-1)!;
        const after = await replay(world, kind, current.id, event, bindings);

        expect(after.state).to.equal(edge.to);
        expect(after.version).to.equal(before.version + 1);
        const history = (await world.engine.history(kind, after.id, world.as('system'))).items;
        const last = history.at(-1)!;
        expect(last).to.include({ seq: after.version, type: event.type, from: edge.from, to: edge.to });
        expect(last.actor.id).to.equal(event.actor.id.startsWith('$') ? bindings[event.actor.id] : event.actor.id);

        const mailed = (await world.mailOf(kind, after.id, after.version)).map((m) => m.address);
        expect(mailed).to.have.members(fixtures[kind].parties(world, bindings));

        const stored = await world.engine.get(kind, after.id, world.as('system'));
        // A state kept keeps its deadlines, but those anchored on a field the transition changed, which move with it.
        const moved = (workflow.deadlines[edge.to] ?? []).filter((rule) => 'at' in rule && readPath(before.data, rule.at) !== readPath(after.data, rule.at));
        const expectedDeadlines =
          edge.from === edge.to
            ? [
                ...before.deadlines.map((d) => d.type).filter((type) => !moved.some((rule) => rule.event === type)),
                ...moved.filter((rule) => 'at' in rule && typeof readPath(after.data, rule.at) === 'string').map((rule) => rule.event),
              ]
            : (workflow.deadlines[edge.to] ?? []).filter((rule) => !('at' in rule) || typeof readPath(after.data, rule.at) === 'string').map((r) => r.event);
        expect(stored.deadlines.map((d) => d.type)).to.have.members(expectedDeadlines);
      });
    }
  });
}
