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

function suspensionsOf(data: RecognitionData): PublicSuspension[] {
  return openSuspensions(data).map((s) => ({
    by: s.side === 'importing' ? 'importing_regulator' : s.side === 'designating' ? 'designating_authority' : 'unrecorded',
    economy: s.side === 'importing' ? data.importingEconomy : s.side === 'designating' ? data.exportingEconomy : null,
    since: s.from,
    ...(s.regulations === undefined ? {} : { regulations: s.regulations }),
  }));
}

/** One recognition as the register lists it (also the head of a CAB's own page, `records.ts`). */
export function entry(resource: Resource, cab: { name: string; type: string } | null): PublicRecognition {
  const data = resource.data as unknown as RecognitionData;
  const status = SHOWN_AS[resource.state]!;
  const ended = status === 'withdrawn' || status === 'expired';
  return {
    designationNumber: data.designationNumber ?? '',
    status,
    inForce: IN_FORCE.includes(resource.state),
    statusSince: IN_FORCE.includes(resource.state) ? (data.inForce.at(-1)?.from ?? resource.updatedAt) : resource.updatedAt,
    suspensions: suspensionsOf(data),
    cab: { id: data.cabId, name: cab?.name ?? data.cabId, type: cab?.type ?? '', economy: data.exportingEconomy },
    importingEconomy: data.importingEconomy,
    exportingEconomy: data.exportingEconomy,
    scope: data.scope,
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
      found.push(entry(resource, await store.getCab(resource.data['cabId'] as string)));
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return found.sort((a, b) => a.designationNumber.localeCompare(b.designationNumber));
}
