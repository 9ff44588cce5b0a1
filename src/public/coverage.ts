/**
 * The public coverage look-up (docs/api.md, "Public routes, no key"): for an equipment model and an
 * importing economy, whether it holds a certificate in force there, a test report the regulator
 * accepted as evidence for its conformity certification (not an import permit), or neither, with the basis of each answer (the report, the
 * certificate, what they count through, which the kind providing the counterparts says, and where
 * to read them), and when nothing covers it, what can be done (`coverage-routes.ts`).
 *
 * The manufacturer is found as the search finds it (`src/search/fold.ts`, the store's trigram
 * index): in part, whatever the case and accents, so "phuong nam" finds "Công ty Cổ phần Thiết bị
 * Mạng Phương Nam". The model is matched as a whole, whatever the case: a PN-AX1800 is not covered
 * by a report on a PN-AX1800-2. Nothing here requires a key.
 */
import type { CertificateData } from '../kinds/certificate/machine.js';
import type { TestReportData } from '../kinds/test-report/machine.js';
import { counterparts } from '../kinds/index.js';
import { SYSTEM_ACTOR, type Kind } from '../kinds/types.js';
import type { Engine } from '../engine/engine.js';
import type { Resource } from '../engine/resource.js';
import { foldText, searchFragments } from '../search/fold.js';
import { whatToDo, type WhatToDo } from './coverage-routes.js';
import { publicPathOf } from './links.js';
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
  /** The record's id (certificates are numbered per body, so the number alone may repeat). */
  id: string;
  issuer: { id: string; name: string; economy: string };
  /** The equipment as the record names it: the manufacturer in full, whatever part was typed. */
  equipment: { manufacturer: string; model: string };
  regulations: string[];
  /** Where a person reads the record (`links.ts`). */
  link: string;
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
  /** When nothing covers the model: the arrangements in force and the routes they open; absent when covered. */
  whatToDo?: WhatToDo;
}

/** The instances of a kind in `state`, now or (with `instant`) at that instant, as they were then. */
async function allOf(
  engine: Engine,
  store: InstanceStore,
  kind: Kind,
  state: string,
  query: { where: Record<string, string>; text: Record<string, string> },
  instant: string | null,
): Promise<Resource[]> {
  const found: Resource[] = [];
  let cursor: string | null = null;
  do {
    // As of an instant, any state today may have been `state` then (an expired report was accepted).
    const page: Page<Resource> = await engine.list(kind, { ...(instant === null ? { states: [state] } : {}), ...query, limit: 200, cursor }, SYSTEM_ACTOR);
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

/**
 * Whether the model is covered in the economy, and on what basis.
 *
 * @throws AppError VALIDATION_FAILED when the manufacturer is under three letters (too short to look up).
 */
export async function findCoverage(engine: Engine, store: InstanceStore & DirectoryStore, query: CoverageQuery): Promise<Coverage> {
  const instant = query.asOf === undefined ? null : asOfInstant(query.asOf, engine.clock.now());
  const manufacturer = { manufacturer: query.manufacturer };
  // A model too short for the index is still matched as a whole below, among the maker's records.
  const model: Record<string, string> = searchFragments(query.model).length > 0 ? { model: query.model } : {};
  const sameModel = (resource: Resource) => foldText((resource.data['equipment'] as { model: string }).model) === foldText(query.model);
  // A report's model is free text only; a certificate's is also an exact field, folded, which the store looks up directly.
  const reports = (await allOf(engine, store, 'test-reports', 'accepted', { where: { importingEconomy: query.economy }, text: { ...manufacturer, ...model } }, instant)).filter(sameModel);
  const certificates = (await allOf(engine, store, 'certificates', 'in_force', { where: { importingEconomy: query.economy, model: query.model }, text: manufacturer }, instant)).filter(
    sameModel,
  );
  const basis: CoverageBasis[] = [];
  for (const resource of certificates) {
    const data = resource.data as unknown as CertificateData;
    basis.push({
      kind: 'certificate',
      number: data.certificateNumber,
      id: resource.id,
      issuer: await issuerOf(store, data.cabId),
      equipment: { manufacturer: data.equipment.manufacturer, model: data.equipment.model },
      regulations: data.regulations,
      ...(await counterparts().coverage(store, 'certificates', resource.id, data.equivalentRegulations)),
      validUntil: data.validUntil,
      link: publicPathOf({ kind: 'certificates', id: resource.id, number: data.certificateNumber, importingEconomy: data.importingEconomy }),
    });
  }
  for (const resource of reports) {
    const data = resource.data as unknown as TestReportData;
    basis.push({
      kind: 'test-report',
      number: data.reportNumber,
      id: resource.id,
      issuer: await issuerOf(store, data.cabId),
      equipment: { manufacturer: data.equipment.manufacturer, model: data.equipment.model },
      regulations: data.regulations,
      ...(await counterparts().coverage(store, 'test-reports', resource.id, data.equivalentRegulations ?? [])),
      validUntil: data.validUntil ?? null,
      link: publicPathOf({ kind: 'test-reports', id: resource.id, number: data.reportNumber, importingEconomy: data.importingEconomy }),
    });
  }
  const coveredBy = certificates.length > 0 ? 'certificate' : reports.length > 0 ? 'test-report' : null;
  return {
    economy: query.economy,
    manufacturer: query.manufacturer,
    model: query.model,
    ...(instant === null ? {} : { asOf: instant }),
    coveredBy,
    basis,
    ...(coveredBy === null ? { whatToDo: await whatToDo(engine, query.economy) } : {}),
  };
}
