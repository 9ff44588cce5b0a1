/**
 * What MongoDB keeps of a free-form value is what SQLite keeps: every context each machine
 * reaches, written the way the MongoDB adapter writes it (mongoose's cast of a new document and of
 * a transition's `$set`, then the driver's BSON with its default options) and read back, equals
 * what the SQLite adapter reads back of it (a packed JSON cell). A key set to `undefined` by a machine
 * (a suspension cleared, a notice withdrawn) must come back absent, never `null`: the machines
 * test `!== undefined`.
 */
import { expect } from 'chai';
import { BSON } from 'mongodb';
import mongoose, { Schema } from 'mongoose';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { KINDS, workflows } from '../../src/kinds/index.js';
import type { Kind } from '../../src/kinds/types.js';
import { SCHEMAS, defineModels, storedJson } from '../../src/store/mongo/models.js';
import * as q from '../../src/store/mongo/queries.js';
import type { Commit } from '../../src/store/port.js';
import { packJson, readJsonCell } from '../../src/store/sqlite/packed-json.js';
import { edges, graphModels } from '../helpers/graph-models.js';

// A connection that never connects: models cast without a server.
const models = defineModels(new mongoose.Mongoose().createConnection());

/** Every context the kind's machine reaches on the shortest path to each of its transitions. */
function reachedContexts(kind: Kind): Array<{ label: string; context: Record<string, unknown> }> {
  const workflow = workflows[kind];
  const model = graphModels[kind];
  return edges(model).map((edge) => {
    let [snapshot] = initialTransition(workflow.machine, model.inputs[edge.variant]) as [AnyMachineSnapshot, unknown];
    for (const event of edge.path) [snapshot] = transition(workflow.machine, snapshot, event) as [AnyMachineSnapshot, unknown];
    return { label: `${edge.key} (${edge.variant})`, context: snapshot.context as Record<string, unknown> };
  });
}

/** What the SQLite adapter reads back of a value it wrote: a packed JSON cell (`packed-json.ts`). */
const asSqliteKeepsIt = (value: unknown): unknown => readJsonCell(packJson(value));
/**
 * Through BSON and back as the driver sends it: the driver serialises commands with
 * `ignoreUndefined: false` unless told otherwise (mongodb's `cmap/commands.js`), so an `undefined`
 * it is given is written as `null` (bson's own default, `true`, is not the one in force).
 */
const throughBson = <T extends object>(doc: T): Record<string, unknown> => BSON.deserialize(BSON.serialize(doc, { ignoreUndefined: false }));

const SYSTEM = { id: 'system', role: 'system' } as const;

function commitOf(kind: Kind, context: Record<string, unknown>): Commit {
  const at = '2026-03-02T09:00:00.000Z';
  return {
    kind,
    id: 'one',
    expectedVersion: 3,
    state: 'any',
    context,
    machineVersion: 1,
    at,
    history: { at, type: 'ANY', actor: SYSTEM, from: 'a', to: 'b', payload: { note: undefined, context } },
    outbox: { notification: { kind, instanceId: 'one', seq: 4, event: 'ANY', from: 'a', to: 'b', at, actor: SYSTEM, payload: {}, data: context, deadlines: [] }, messages: [] },
    timers: { cancelStateDeadlines: false, add: [] },
  };
}

/** The `$set` of a transition as mongoose casts it before the driver sends it. */
function castTransition(c: Commit): Record<string, unknown> {
  const write = q.transitionInstance(c);
  // `_castUpdate` is the cast `updateOne` runs at exec; there is no public way to see it without a server.
  const query = models.instances.updateOne(write.filter, write.update) as unknown as { _castUpdate(update: unknown): Record<string, unknown>; _update: unknown };
  return query._castUpdate(query._update);
}

describe('MongoDB keeps a free-form value as SQLite does (mongoose cast + BSON, no server)', () => {
  for (const kind of KINDS) {
    it(`${kind}: every context the machine reaches reads back as its JSON round trip, after a transition and after a creation`, () => {
      const contexts = reachedContexts(kind);
      expect(contexts).to.not.be.empty;
      for (const { label, context } of contexts) {
        const c = commitOf(kind, context);
        const updated = throughBson(castTransition(c)) as { $set: { context: unknown } };
        expect(updated.$set.context, `${label}, transition`).to.deep.equal(asSqliteKeepsIt(context));
        const created = throughBson(new models.instances(q.newInstance(c)).toObject());
        expect(created.context, `${label}, creation`).to.deep.equal(asSqliteKeepsIt(context));
        const history = throughBson(new models.history(q.historyDoc(c)).toObject());
        expect(history.payload, `${label}, history`).to.deep.equal(asSqliteKeepsIt(c.history.payload));
      }
    });
  }

  it('a key a machine cleared to undefined is absent, not null, inside nested objects and after a transition', () => {
    const context = { suspendedAt: undefined, notice: { economy: 'KR', withdrawnAt: undefined }, list: [{ to: undefined }] };
    const updated = throughBson(castTransition(commitOf('certificates', context))) as { $set: { context: Record<string, unknown> } };
    expect(updated.$set.context).to.deep.equal({ notice: { economy: 'KR' }, list: [{}] });
  });

  it('every free-form (Mixed) path of every collection stores its JSON form', () => {
    const unguarded: string[] = [];
    for (const [collection, schema] of Object.entries(SCHEMAS)) {
      schema.eachPath((path, type) => {
        const element = (type as unknown as { embeddedSchemaType?: unknown }).embeddedSchemaType;
        const mixed = type instanceof Schema.Types.Mixed || element instanceof Schema.Types.Mixed;
        const setters = (type as unknown as { setters: unknown[] }).setters;
        if (mixed && !setters.includes(storedJson)) unguarded.push(`${collection}.${path}`);
      });
    }
    expect(unguarded).to.deep.equal([]);
  });
});
