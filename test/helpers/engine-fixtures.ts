/**
 * Fixtures that make, through the engine, the instance each graph variant starts from, and the
 * replay of a graph path's events against it (actor stand-ins like `$lab` resolved).
 */
import type { Actor, Kind } from '../../src/kinds/types.js';
import type { Resource } from '../../src/engine/resource.js';
import { graphModels, type Edge, type MachineEvent } from './graph-models.js';
import { addBody, bodyAccreditation, certificateBody, recognizedBody } from './phase-two.js';
import type { World} from './world.js';
import { BASE, KR_SCOPE, daysFrom } from './world.js';

export type Bindings = Record<string, string>;

/** How to make, through the engine, the instance a graph variant starts from. */
export interface Fixture {
  setup(world: World): Promise<Bindings>;
  create(world: World, variant: string, shared: Bindings): Promise<{ resource: Resource; bindings: Bindings }>;
  /** The addresses every transition must e-mail. */
  parties(world: World, bindings: Bindings): string[];
}

const AGREEMENT_PARTIES = ['mra@vnta.vn.example', 'mra@most.vn.example', 'mra@rra.kr.example', 'designation@rra.kr.example'];

export const fixtures: Record<Kind, Fixture> = {
  agreements: {
    setup: () => Promise.resolve({}),
    async create(world, variant) {
      const resource = await world.engine.create('agreements', graphModels.agreements.inputs[variant], world.as('vn-regulator'));
      return { resource, bindings: {} };
    },
    parties: () => AGREEMENT_PARTIES,
  },
  accreditations: {
    setup: () => Promise.resolve({}),
    async create(world) {
      const resource = await world.engine.create(
        'accreditations',
        {
          cabId: 'vn-lab-sai-gon',
          standard: 'ISO/IEC 17025',
          certificateNumber: world.next('VILAS'),
          scope: KR_SCOPE,
          // On-site visit reminder (BASE + 240 days) before the renewal reminder (BASE + 310 days).
          validFrom: daysFrom(BASE, -400),
          validUntil: daysFrom(BASE, 400),
        },
        world.as('vn-accreditation-body'),
      );
      return { resource, bindings: {} };
    },
    parties: () => ['lab@saigon.vn.example', 'vilas@boa.vn.example', 'mra@most.vn.example'],
  },
  designations: {
    async setup(world) {
      return { $agreement: (await world.agreement()).id };
    },
    async create(world, variant, shared) {
      const lab = await world.addLab();
      const accreditation = await world.accreditation(lab.cabId!);
      const bindings = { ...shared, $accreditation: accreditation.id, $cab: lab.cabId!, $lab: lab.id };
      const { exportingEconomy: _derived, accreditation: _copied, ...body } = graphModels.designations.inputs[variant]!;
      const bound = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, bind(v, bindings)]));
      const resource = await world.engine.create('designations', bound, lab);
      return { resource, bindings };
    },
    parties: (_world, b) => [`${b['$cab']}@lab.example`, 'mra@most.vn.example'],
  },
  recognitions: {
    async setup(world) {
      return { $agreement: (await world.agreement()).id };
    },
    async create(world, _variant, shared) {
      const lab = await world.addLab();
      const accreditation = await world.accreditation(lab.cabId!);
      const resource = await world.recognition(shared['$agreement']!, lab.cabId!, { recognize: false });
      return { resource, bindings: { ...shared, $accreditation: accreditation.id, $cab: lab.cabId!, $designation: resource.data['designationId'] as string } };
    },
    parties: (_world, b) => [`${b['$cab']}@lab.example`, 'mra@rra.kr.example', 'mra@most.vn.example'],
  },
  'test-reports': {
    async setup(world) {
      // Recognised a month before the reports' test dates.
      world.clock.set(daysFrom(BASE, -30));
      const { lab, recognition, agreement } = await world.recognizedLab();
      const stranger = await world.addLab();
      await world.accreditation(stranger.cabId!);
      // Recognised at the same time, suspended by the importing regulator after the reports' test dates.
      const held = await world.addLab();
      await world.accreditation(held.cabId!);
      const heldRecognition = await world.recognition(agreement.id, held.cabId!);
      world.clock.set(daysFrom(BASE, -1));
      await world.send('recognitions', heldRecognition.id, { type: 'SUSPEND', reason: 'Complaint under investigation.' }, 'kr-regulator');
      return {
        $recognised: lab.id,
        $stranger: stranger.id,
        $held: held.id,
        $heldRecognition: heldRecognition.id,
        $recognition: recognition.id,
        $agreement: agreement.id,
      };
    },
    async create(world, variant, shared) {
      const labs: Record<string, string> = {
        'from a recognised lab': shared['$recognised']!,
        'from a lab that was not recognised': shared['$stranger']!,
        'from a lab whose recognition is suspended now': shared['$held']!,
      };
      const labId = labs[variant]!;
      const resource = await world.submit(world.as(labId));
      const recognition: Bindings = labId === shared['$held'] ? { $recognition: shared['$heldRecognition']! } : {};
      return { resource, bindings: { ...shared, ...recognition, $lab: labId, $cab: world.as(labId).cabId! } };
    },
    parties: (_world, b) => [`${b['$cab']}@lab.example`, 'mra@rra.kr.example', 'compliance@hanbit.kr.example'],
  },
  certificates: {
    async setup(world) {
      const { agreementId, recognition, body } = await recognizedBody(world);
      // Accredited but not recognised: its certificates are refused.
      const stranger = await addBody(world);
      await bodyAccreditation(world, stranger.cabId!);
      return { $agreement: agreementId, $recognition: recognition.id, $recognised: body.id, $stranger: stranger.id };
    },
    async create(world, variant, shared) {
      const bodyId = variant === 'from a recognised body' ? shared['$recognised']! : shared['$stranger']!;
      const resource = await world.engine.create('certificates', certificateBody(world, { validUntil: daysFrom(BASE, 400) }), world.as(bodyId));
      return { resource, bindings: { ...shared, $body: bodyId, $cab: world.as(bodyId).cabId! } };
    },
    parties: (_world, b) => [`${b['$cab']}@lab.example`, 'mra@rra.kr.example', 'compliance@hanbit.kr.example'],
  },
  equivalences: {
    setup: () => Promise.resolve({}),
    async create(world, variant) {
      const { proposingEconomy: _derived, ...body } = graphModels.equivalences.inputs[variant]!;
      const resource = await world.engine.create('equivalences', body, world.as('vn-regulator'));
      return { resource, bindings: {} };
    },
    parties: () => ['mra@vnta.vn.example', 'mra@rra.kr.example'],
  },
};

/** Replaces stand-ins (`$agreement`) by the fixture's ids. */
export function bind(value: unknown, bindings: Bindings): unknown {
  if (typeof value === 'string' && value.startsWith('$')) return bindings[value] ?? value;
  if (Array.isArray(value)) return value.map((v) => bind(v, bindings));
  return value;
}

export async function replay(world: World, kind: Kind, id: string, event: MachineEvent, bindings: Bindings): Promise<Resource> {
  const { type, at, actor, ...payload } = event;
  world.clock.set(at);
  const who: Actor = world.as(actor.id.startsWith('$') ? bindings[actor.id]! : actor.id);
  const body = Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, bind(v, bindings)]));
  return world.engine.send(kind, id, { type, ...body }, who);
}

/** A new instance walked through the engine to the edge's source state; answers it and its bindings. */
export async function reachSource(
  world: World,
  kind: Kind,
  edge: Edge,
  shared: Bindings,
  fixture: Fixture = fixtures[kind],
): Promise<{ resource: Resource; bindings: Bindings }> {
  world.clock.set(BASE);
  const { resource, bindings } = await fixture.create(world, edge.variant, shared);
  let current = resource;
  for (const event of edge.path.slice(0, -1)) current = await replay(world, kind, current.id, event, bindings);
  return { resource: current, bindings };
}
