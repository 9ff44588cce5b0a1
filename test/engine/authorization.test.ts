/**
 * Authorisation is data (docs/architecture.md): for every event of every machine, principals of
 * every role that may not send it (and of the right role but the wrong economy, CAB or body) are
 * refused, and nothing is written. The instance is first brought, through the engine, to a state
 * where the event would be taken, so the refusal can only come from who sends it.
 */
import { expect } from 'chai';
import { KINDS, workflows } from '../../src/kinds/index.js';
import type { Kind } from '../../src/kinds/types.js';
import { isAppError } from '../../src/errors.js';
import { bind, fixtures, reachSource, type Bindings } from '../helpers/engine-fixtures.js';
import { edges, graphModels } from '../helpers/graph-models.js';
import { World } from '../helpers/world.js';

/** One principal of each role, none of them a party to the fixtures' instances. */
const STRANGERS = ['jp-regulator', 'jp-designating-authority', 'us-accreditation-body', 'lab-song-hong', 'importer-hanbit', 'admin', 'system'];

/**
 * A test report, or a designation at home, does not exist for those who may not read it: they
 * get 404, not 403.
 */
function expectedRefusal(kind: Kind, actorId: string): 'FORBIDDEN' | 'NOT_FOUND' {
  if (kind === 'designations') return ['admin', 'system'].includes(actorId) ? 'FORBIDDEN' : 'NOT_FOUND';
  if (kind !== 'test-reports') return 'FORBIDDEN';
  return ['admin', 'importer-hanbit', 'system'].includes(actorId) ? 'FORBIDDEN' : 'NOT_FOUND';
}

async function refusal(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'ACCEPTED';
}

for (const kind of KINDS) {
  describe(`${kind}: who may not send each event`, () => {
    const workflow = workflows[kind];
    let world: World;
    let shared: Bindings;

    before(async () => {
      world = await World.create();
      shared = await fixtures[kind].setup(world);
    });
    after(async () => world.close());

    const firstEdgeOf = new Map<string, ReturnType<typeof edges>[number]>();
    for (const edge of edges(graphModels[kind])) if (!firstEdgeOf.has(edge.event)) firstEdgeOf.set(edge.event, edge);

    for (const [event, edge] of firstEdgeOf) {
      const allowed = workflow.events[event]!.map((r) => r.role);
      const strangers = STRANGERS.filter((id) => !(id === 'system' && allowed.includes('system')));
      it(`${event} in ${edge.from} is refused to ${strangers.join(', ')}, and nothing is written`, async () => {
        const { resource, bindings } = await reachSource(world, kind, edge, shared);
        const { type: _type, at: _at, actor: _actor, ...raw } = edge.path.at(-1)!;
        const payload = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, bind(v, bindings)]));
        const before = await world.snapshot();
        for (const id of strangers) {
          const code = await refusal(() => world.engine.send(kind, resource.id, { type: event, ...payload }, world.as(id)));
          expect(code, `${id} sending ${event}`).to.equal(expectedRefusal(kind, id));
        }
        expect(await world.snapshot()).to.deep.equal(before);
      });
    }

    it('creation is refused to roles the table does not name and to the right role for another economy, and nothing is written', async () => {
      world.clock.set('2026-01-05T09:00:00.000Z');
      const edge = edges(graphModels[kind])[0]!;
      const { resource } = await reachSource(world, kind, edge, shared);
      const history = await world.engine.history(kind, resource.id, world.as('system'));
      const body = history.items[0]!.payload;
      // A role the table names without a binding (any lab may submit its own report) may create.
      const unbound = workflow.create.filter((r) => !r.economy && !r.cab && !r.principal).map((r) => r.role);
      const before = await world.snapshot();
      for (const id of STRANGERS.filter((s) => s !== 'system' && !unbound.includes(world.as(s).role))) {
        expect(await refusal(() => world.engine.create(kind, body, world.as(id))), `${id} creating`).to.equal('FORBIDDEN');
      }
      expect(await world.snapshot()).to.deep.equal(before);
    });
  });
}
