/**
 * The public register (docs/api.md, "Public routes, no key"): what an importer or anyone needs to know
 * of decided test reports, and which CABs an economy recognises. Only decided reports are shown,
 * and only the fields an importer needs; nothing here requires a key.
 */
import type { RecognitionData } from '../../machines/recognition.js';
import type { TestReportData } from '../../machines/test-report.js';
import { SYSTEM_ACTOR } from '../../machines/types.js';
import type { Engine } from '../engine/engine.js';
import type { Resource } from '../engine/resource.js';
import type { Page, Store } from '../store/port.js';

/** Decided reports: the states an importer may rely on (or must know were refused). */
export const PUBLIC_REPORT_STATES = ['accepted', 'rejected', 'revoked', 'expired'] as const;

export interface PublicTestReport {
  reportNumber: string;
  importingEconomy: string;
  lab: { id: string; name: string; economy: string };
  equipment: TestReportData['equipment'];
  regulations: string[];
  state: string;
  testedAt: string;
  issuedAt: string;
  acceptedAt?: string;
  validUntil?: string;
  /** Reason codes of a rejection. */
  reasons?: string[];
  decidedAt: string;
}

export interface PublicRecognition {
  designationNumber: string;
  cab: { id: string; name: string; type: string; economy: string };
  importingEconomy: string;
  exportingEconomy: string;
  scope: string[];
  recognizedSince: string;
  validUntil: string;
  agreementId: string;
  /** `recognized`, or `suspended` / `lapsed` where the register is asked for those too. */
  state: string;
}

export interface ReportQuery {
  economy: string;
  reportNumber?: string;
  manufacturer?: string;
  model?: string;
  limit?: number;
  cursor?: string;
}

async function labOf(store: Store, cabId: string): Promise<{ id: string; name: string; economy: string }> {
  const cab = await store.getCab(cabId);
  return { id: cabId, name: cab?.name ?? cabId, economy: cab?.economy ?? '' };
}

function publicReport(resource: Resource, lab: PublicTestReport['lab']): PublicTestReport {
  const data = resource.data as unknown as TestReportData;
  return {
    reportNumber: data.reportNumber,
    importingEconomy: data.importingEconomy,
    lab,
    equipment: data.equipment,
    regulations: data.regulations,
    state: resource.state,
    testedAt: data.testedAt,
    issuedAt: data.issuedAt,
    ...(data.acceptedAt === undefined ? {} : { acceptedAt: data.acceptedAt }),
    ...(data.validUntil === undefined ? {} : { validUntil: data.validUntil }),
    ...(resource.state === 'rejected' ? { reasons: data.reasons.map((r) => r.code) } : {}),
    decidedAt: resource.updatedAt,
  };
}

/** Decided test reports for an importing economy, by report number or by manufacturer and model. */
export async function findPublicTestReports(engine: Engine, store: Store, query: ReportQuery): Promise<Page<PublicTestReport>> {
  const where: Record<string, string> = { importingEconomy: query.economy };
  if (query.reportNumber !== undefined) where['reportNumber'] = query.reportNumber;
  if (query.manufacturer !== undefined) where['manufacturer'] = query.manufacturer;
  if (query.model !== undefined) where['model'] = query.model;
  const page = await engine.list(
    'test-reports',
    { states: PUBLIC_REPORT_STATES, where, limit: query.limit ?? 50, cursor: query.cursor ?? null },
    SYSTEM_ACTOR,
  );
  const items = await Promise.all(page.items.map(async (r) => publicReport(r, await labOf(store, r.data['cabId'] as string))));
  return { items, nextCursor: page.nextCursor };
}

/**
 * The CABs an importing economy recognises now, from every exporting economy or one; `states`
 * adds recognitions held in abeyance (suspended, lapsed), which an importer must know of too.
 */
export async function findPublicRecognitions(
  engine: Engine,
  store: Store,
  query: { importing: string; exporting?: string; states?: readonly string[] },
): Promise<PublicRecognition[]> {
  const where: Record<string, string> = { importingEconomy: query.importing };
  if (query.exporting !== undefined) where['exportingEconomy'] = query.exporting;
  const found: PublicRecognition[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Resource> = await engine.list('recognitions', { states: query.states ?? ['recognized'], where, limit: 200, cursor }, SYSTEM_ACTOR);
    for (const resource of page.items) {
      const data = resource.data as unknown as RecognitionData;
      const cab = await store.getCab(data.cabId);
      found.push({
        designationNumber: data.designationNumber ?? '',
        cab: { id: data.cabId, name: cab?.name ?? data.cabId, type: cab?.type ?? '', economy: data.exportingEconomy },
        importingEconomy: data.importingEconomy,
        exportingEconomy: data.exportingEconomy,
        scope: data.scope,
        recognizedSince: data.inForce.at(-1)?.from ?? resource.updatedAt,
        validUntil: data.validUntil ?? '',
        agreementId: data.agreementId,
        state: resource.state,
      });
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return found.sort((a, b) => a.designationNumber.localeCompare(b.designationNumber));
}
