/**
 * The public coverage look-up (docs/api.md, "Public routes, no key"): for an equipment model and an
 * importing economy, whether it may be placed on that market on the strength of an accepted test
 * report, a certificate in force, or neither, with the basis of each answer (the report, the
 * certificate, and what they count through, which the kind providing the counterparts says).
 * Nothing here requires a key.
 */
import type { CertificateData } from '../kinds/certificate/machine.js';
import type { TestReportData } from '../kinds/test-report/machine.js';
import { counterparts } from '../kinds/index.js';
import { SYSTEM_ACTOR, type Kind } from '../kinds/types.js';
import type { Engine } from '../engine/engine.js';
import type { Resource } from '../engine/resource.js';
import { foldText } from '../search/fold.js';
import type { DirectoryStore, InstanceStore, Page } from '../store/port.js';
import { asOfInstant, dataAsOf, standingAsOf } from './as-of.js';

export interface CoverageQuery {
  economy: string;
  manufacturer: string;
  model: string;
  /** As it stood then: a date (its end, UTC) or an instant (`as-of.ts`). */
  asOf?: string;
}

export interface CoverageBasis {
  kind: 'test-report' | 'certificate';
  number: string;
  issuer: { id: string; name: string; economy: string };
  regulations: string[];
  validUntil: string | null;
  /** What it counts through (MRA-ETR): the importing regulations it counts for and the records that say so (`Counterparts.coverage`). */
  readonly [countedThrough: string]: unknown;
}

export interface Coverage {
  economy: string;
  manufacturer: string;
  model: string;
  /** The instant the answer is for, when asked as of a date. */
  asOf?: string;
  /** How the model is covered: `certificate` wins over `test-report` when both are there. */
  coveredBy: 'certificate' | 'test-report' | null;
  basis: CoverageBasis[];
}

/** The instances of a kind in `state`, now or (with `instant`) at that instant, as they were then. */
async function allOf(engine: Engine, store: InstanceStore, kind: Kind, state: string, where: Record<string, string>, instant: string | null): Promise<Resource[]> {
  const found: Resource[] = [];
  let cursor: string | null = null;
  do {
    // As of an instant, any state today may have been `state` then (an expired report was accepted).
    const page: Page<Resource> = await engine.list(kind, { ...(instant === null ? { states: [state] } : {}), where, limit: 200, cursor }, SYSTEM_ACTOR);
    for (const resource of page.items) {
      if (instant === null) {
        found.push(resource);
        continue;
      }
      const then = await standingAsOf(store, kind, resource, instant);
      if (then?.state === state) found.push({ ...resource, ...then, data: dataAsOf(kind, resource.data, instant) });
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return found;
}

async function issuerOf(store: InstanceStore & DirectoryStore, cabId: string): Promise<CoverageBasis['issuer']> {
  const cab = await store.getCab(cabId);
  return { id: cabId, name: cab?.name ?? cabId, economy: cab?.economy ?? '' };
}

/** Whether the model is covered in the economy, and on what basis. */
export async function findCoverage(engine: Engine, store: InstanceStore & DirectoryStore, query: CoverageQuery): Promise<Coverage> {
  const instant = query.asOf === undefined ? null : asOfInstant(query.asOf, engine.clock.now());
  const where = { importingEconomy: query.economy, manufacturer: query.manufacturer, model: query.model };
  // Reports are found by their free-text fields (in part); coverage is for this model only.
  const same = (resource: Resource) => {
    const equipment = resource.data['equipment'] as { manufacturer: string; model: string };
    return foldText(equipment.manufacturer) === foldText(query.manufacturer) && foldText(equipment.model) === foldText(query.model);
  };
  const reports = (await allOf(engine, store, 'test-reports', 'accepted', where, instant)).filter(same);
  const certificates = (await allOf(engine, store, 'certificates', 'in_force', where, instant)).filter(same);
  const basis: CoverageBasis[] = [];
  for (const resource of certificates) {
    const data = resource.data as unknown as CertificateData;
    basis.push({
      kind: 'certificate',
      number: data.certificateNumber,
      issuer: await issuerOf(store, data.cabId),
      regulations: data.regulations,
      ...(await counterparts().coverage(store, 'certificates', resource.id, data.equivalentRegulations)),
      validUntil: data.validUntil,
    });
  }
  for (const resource of reports) {
    const data = resource.data as unknown as TestReportData;
    basis.push({
      kind: 'test-report',
      number: data.reportNumber,
      issuer: await issuerOf(store, data.cabId),
      regulations: data.regulations,
      ...(await counterparts().coverage(store, 'test-reports', resource.id, data.equivalentRegulations ?? [])),
      validUntil: data.validUntil ?? null,
    });
  }
  const coveredBy = certificates.length > 0 ? 'certificate' : reports.length > 0 ? 'test-report' : null;
  return { economy: query.economy, manufacturer: query.manufacturer, model: query.model, ...(instant === null ? {} : { asOf: instant }), coveredBy, basis };
}
