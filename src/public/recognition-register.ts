/**
 * The public register of recognitions (docs/api.md, "Public routes, no key"): the register shows
 * status, not silence. An importer sees the CABs an economy recognises, and those whose
 * recognition is suspended (since when, by which authority, for which regulations), lapsed,
 * withdrawn or expired, with dates. A contest of competence is a matter between the two
 * authorities: a contested recognition stays in force and is shown as recognised.
 */
import type { RecognitionData } from '../kinds/recognition/machine.js';
import { openSuspensions } from '../kinds/recognition/standing.js';
import { SYSTEM_ACTOR } from '../kinds/types.js';
import type { Engine } from '../engine/engine.js';
import { toResource, type Resource } from '../engine/resource.js';
import type { DirectoryStore, InstanceRecord, InstanceStore, Page } from '../store/port.js';
import { asOfInstant, dataAsOf, standingAsOf } from './as-of.js';

/** The states the register lists, and what each is shown as (also on a CAB's page, `records.ts`). */
export const SHOWN_AS: Readonly<Record<string, PublicStatus>> = {
  recognized: 'recognized',
  contested: 'recognized',
  verification: 'recognized',
  suspended: 'suspended',
  lapsed: 'lapsed',
  withdrawn: 'withdrawn',
  expired: 'expired',
};
const IN_FORCE = ['recognized', 'contested', 'verification'];

export type PublicStatus = 'recognized' | 'suspended' | 'lapsed' | 'withdrawn' | 'expired';

export interface PublicSuspension {
  by: 'importing_regulator' | 'designating_authority' | 'unrecorded';
  economy: string | null;
  since: string;
  /** Only these regulations; absent: the whole recognition. */
  regulations?: string[];
}

/** Where one regulation of the scope stands: suspended while any open suspension covers it. */
export interface PublicRegulationStanding {
  regulation: string;
  status: PublicStatus;
  /** The open suspensions that cover this regulation (of the whole recognition or naming it). */
  suspensions: PublicSuspension[];
}

/** The accreditation the recognition was granted on, as a published CAB list carries it. */
export interface PublicAccreditation {
  body: string;
  certificateNumber: string;
  validUntil: string;
}

export interface PublicRecognition {
  designationNumber: string;
  status: PublicStatus;
  inForce: boolean;
  /** When the recognition entered its current status. */
  statusSince: string;
  suspensions: PublicSuspension[];
  cab: { id: string; name: string; type: string; economy: string };
  importingEconomy: string;
  exportingEconomy: string;
  scope: string[];
  /** Each regulation of the scope with its own status: a suspension for some regulations shows here. */
  regulations: PublicRegulationStanding[];
  /** Absent for a recognition recorded before it named its accreditation. */
  accreditation?: PublicAccreditation;
  /** The arrangement it was granted under. */
  agreement: { id: string; title: string };
  recognizedSince: string;
  validUntil: string;
  endedAt?: string;
  agreementId: string;
}

export interface RecognitionQuery {
  importing: string;
  exporting?: string;
  /** Only the recognitions in force now (or at `asOf`). */
  inForce?: boolean;
  /** As the register stood then: a date (its end, UTC) or an instant (`as-of.ts`). */
  asOf?: string;
}

/** The open suspensions of a recognition as the public reads them: by which side, of which economy, since when, for which regulations. */
export function suspensionsOf(data: RecognitionData): PublicSuspension[] {
  return openSuspensions(data).map((s) => ({
    by: s.side === 'importing' ? 'importing_regulator' : s.side === 'designating' ? 'designating_authority' : 'unrecorded',
    economy: s.side === 'importing' ? data.importingEconomy : s.side === 'designating' ? data.exportingEconomy : null,
    since: s.from,
    ...(s.regulations === undefined ? {} : { regulations: s.regulations }),
  }));
}

/**
 * Each regulation's own status: while the recognition is in force or suspended, a regulation is
 * suspended when an open suspension covers it (the whole recognition's, or one naming it), else
 * recognised; once lapsed, withdrawn or expired, every regulation shares that status.
 */
function standingsOf(status: PublicStatus, scope: string[], suspensions: PublicSuspension[]): PublicRegulationStanding[] {
  return scope.map((regulation) => {
    if (status !== 'recognized' && status !== 'suspended') return { regulation, status, suspensions: [] };
    const covering = suspensions.filter((s) => s.regulations === undefined || s.regulations.includes(regulation));
    return { regulation, status: covering.length > 0 ? 'suspended' : 'recognized', suspensions: covering };
  });
}

/** What the register adds from other records: the accreditation and the arrangement, read once per answer. */
export interface Related {
  accreditation(id: string | undefined): Promise<PublicAccreditation | undefined>;
  agreement(id: string): Promise<{ id: string; title: string }>;
}

/** What the register adds, read once per answer: also for a CAB's own page (`records.ts`). */
export function related(store: InstanceStore & DirectoryStore): Related {
  const agreements = new Map<string, Promise<{ id: string; title: string }>>();
  const bodies = new Map<string, Promise<string>>();
  const bodyName = (id: string) => {
    if (!bodies.has(id)) bodies.set(id, store.getPrincipal(id).then((p) => p?.name ?? id));
    return bodies.get(id)!;
  };
  return {
    async accreditation(id) {
      if (id === undefined) return undefined;
      const record = await store.load('accreditations', id);
      if (!record) return undefined;
      const data = record.context as { accreditationBodyId: string; certificateNumber: string; validUntil: string };
      return { body: await bodyName(data.accreditationBodyId), certificateNumber: data.certificateNumber, validUntil: data.validUntil };
    },
    agreement(id) {
      if (!agreements.has(id)) agreements.set(id, store.load('agreements', id).then((r) => ({ id, title: (r?.context['title'] as string | undefined) ?? id })));
      return agreements.get(id)!;
    },
  };
}

/** One recognition as the register lists it (also the head of a CAB's own page, `records.ts`). */
export async function entry(resource: Resource, cab: { name: string; type: string } | null, more: Related): Promise<PublicRecognition> {
  const data = resource.data as unknown as RecognitionData;
  const status = SHOWN_AS[resource.state]!;
  const ended = status === 'withdrawn' || status === 'expired';
  const suspensions = suspensionsOf(data);
  const [accreditation, agreement] = await Promise.all([more.accreditation(data.accreditationId), more.agreement(data.agreementId)]);
  return {
    designationNumber: data.designationNumber ?? '',
    status,
    inForce: IN_FORCE.includes(resource.state),
    statusSince: IN_FORCE.includes(resource.state) ? (data.inForce.at(-1)?.from ?? resource.updatedAt) : resource.updatedAt,
    suspensions,
    cab: { id: data.cabId, name: cab?.name ?? data.cabId, type: cab?.type ?? '', economy: data.exportingEconomy },
    importingEconomy: data.importingEconomy,
    exportingEconomy: data.exportingEconomy,
    scope: data.scope,
    regulations: standingsOf(status, data.scope, suspensions),
    ...(accreditation === undefined ? {} : { accreditation }),
    agreement,
    recognizedSince: data.inForce[0]?.from ?? resource.createdAt,
    validUntil: data.validUntil ?? '',
    ...(ended ? { endedAt: resource.updatedAt } : {}),
    agreementId: data.agreementId,
  };
}

/** The recognition as it stood at `instant`, or null if it did not exist yet. */
async function recognitionAsOf(store: InstanceStore, resource: Resource, instant: string): Promise<Resource | null> {
  const then = await standingAsOf(store, 'recognitions', resource, instant);
  return then === null ? null : { ...resource, ...then, data: dataAsOf('recognitions', resource.data, instant) };
}

/**
 * The CABs an importing economy recognises or recognised, from every exporting economy or one,
 * by designation number. Applications never granted (pending, objected) are not listed.
 */
export async function findPublicRecognitions(engine: Engine, store: InstanceStore & DirectoryStore, query: RecognitionQuery): Promise<PublicRecognition[]> {
  const where: Record<string, string> = { importingEconomy: query.importing };
  if (query.exporting !== undefined) where['exportingEconomy'] = query.exporting;
  const states = query.inForce === true ? IN_FORCE : Object.keys(SHOWN_AS);
  const instant = query.asOf === undefined ? null : asOfInstant(query.asOf, engine.clock.now());
  const found: PublicRecognition[] = [];
  const more = related(store);
  let cursor: string | null = null;
  do {
    // As of an instant, any state today may have been a listed one then (a pending application
    // recognised since is not; a withdrawn recognition was in force).
    // Records, not resources: the register needs neither next events nor deadlines (a read each).
    const page: Page<InstanceRecord> = await engine.records('recognitions', { ...(instant === null ? { states } : {}), where, limit: 200, cursor }, SYSTEM_ACTOR);
    for (const record of page.items) {
      const current = toResource(record, [], []);
      const resource = instant === null ? current : await recognitionAsOf(store, current, instant);
      if (resource === null || !states.includes(resource.state)) continue;
      // An application ended before any decision (its agreement terminated) was never in force: not listed.
      if ((resource.data as unknown as RecognitionData).inForce.length === 0) continue;
      found.push(await entry(resource, await store.getCab(resource.data['cabId'] as string), more));
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return found.sort((a, b) => a.designationNumber.localeCompare(b.designationNumber));
}
