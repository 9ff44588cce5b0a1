/**
 * The public register (docs/api.md, "Public routes, no key"): what an importer or anyone needs to
 * know of decided test reports (the recognitions are in `recognition-register.ts`). A report is
 * listed while its workflow says so (`isPubliclyListed`: accepted, expired, revoked, or rejected by
 * the regulator), with only the fields an importer needs and what its status means; nothing here
 * requires a key. Plain functions of the engine and the store, so web pages and the JSON API share them.
 */
import type { TestReportData } from '../../machines/test-report.js';
import { SYSTEM_ACTOR } from '../../machines/types.js';
import type { Engine } from '../engine/engine.js';
import type { InstanceRecord, Page, Store } from '../store/port.js';
import { statusMeaning, type Language } from './meanings.js';

export interface PublicLab {
  id: string;
  name: string;
  economy: string;
  /** The designation number the importing economy gave the lab, if it recognised it. */
  designationNumber?: string;
}

export interface PublicTestReport {
  reportNumber: string;
  importingEconomy: string;
  lab: PublicLab;
  equipment: TestReportData['equipment'];
  regulations: string[];
  state: string;
  /** What the state means for an importer, in the reader's language. */
  meaning: string;
  testedAt: string;
  issuedAt: string;
  acceptedAt?: string;
  validUntil?: string;
  /** Reason codes of a rejection. */
  reasons?: string[];
  decidedAt: string;
}

export interface ReportQuery {
  economy: string;
  reportNumber?: string;
  /** A search box: found in the manufacturer, model, category or report number. */
  q?: string;
  manufacturer?: string;
  model?: string;
  category?: string;
  limit?: number;
  cursor?: string;
}

/** Looks up labs once per answer: their names and the designation numbers each importing economy gave them. */
export class LabDirectory {
  readonly #engine: Engine;
  readonly #store: Store;
  readonly #labs = new Map<string, Promise<PublicLab>>();

  constructor(engine: Engine, store: Store) {
    this.#engine = engine;
    this.#store = store;
  }

  lab(cabId: string, importingEconomy: string): Promise<PublicLab> {
    const key = `${cabId} ${importingEconomy}`;
    let found = this.#labs.get(key);
    if (!found) {
      found = this.#find(cabId, importingEconomy);
      this.#labs.set(key, found);
    }
    return found;
  }

  async #find(cabId: string, importingEconomy: string): Promise<PublicLab> {
    const cab = await this.#store.getCab(cabId);
    const recognitions = await this.#engine.records('recognitions', { where: { cabId, importingEconomy }, limit: 20 }, SYSTEM_ACTOR);
    const numbered = recognitions.items.filter((r) => typeof r.context['designationNumber'] === 'string');
    // The one in force if there is one, else the latest that was ever numbered.
    const designation = numbered.find((r) => r.state === 'recognized') ?? numbered.at(-1);
    return {
      id: cabId,
      name: cab?.name ?? cabId,
      economy: cab?.economy ?? '',
      ...(designation ? { designationNumber: designation.context['designationNumber'] as string } : {}),
    };
  }
}

/** The public view of a listed report: from its record, as it needs neither deadlines nor next events. */
export async function publicReport(record: InstanceRecord, labs: LabDirectory, language: Language): Promise<PublicTestReport> {
  const data = record.context as unknown as TestReportData;
  return {
    reportNumber: data.reportNumber,
    importingEconomy: data.importingEconomy,
    lab: await labs.lab(data.cabId, data.importingEconomy),
    equipment: data.equipment,
    regulations: data.regulations,
    state: record.state,
    meaning: statusMeaning(record.state, language),
    testedAt: data.testedAt,
    issuedAt: data.issuedAt,
    ...(data.acceptedAt === undefined ? {} : { acceptedAt: data.acceptedAt }),
    ...(data.validUntil === undefined ? {} : { validUntil: data.validUntil }),
    ...(record.state === 'rejected' ? { reasons: data.reasons.map((r) => r.code) } : {}),
    decidedAt: record.updatedAt,
  };
}

/**
 * Listed test reports of an importing economy: by report number (exactly; every lab's report of
 * that number), by what a person typed (in part, whatever the case and accents), or all of them.
 *
 * @throws AppError VALIDATION_FAILED for typed text under three letters, or a foreign cursor.
 */
export async function findPublicTestReports(engine: Engine, store: Store, query: ReportQuery, language: Language): Promise<Page<PublicTestReport>> {
  // The first exact field selects the candidates (FindQuery): a report number, when given, is far
  // narrower than the economy's whole register.
  const where: Record<string, string> = {};
  if (query.reportNumber !== undefined) where['reportNumber'] = query.reportNumber;
  where['listedIn'] = query.economy;
  for (const field of ['manufacturer', 'model', 'category'] as const) {
    if (query[field] !== undefined) where[field] = query[field];
  }
  const page = await engine.records(
    'test-reports',
    { where, ...(query.q === undefined ? {} : { q: query.q }), limit: query.limit ?? 50, cursor: query.cursor ?? null },
    SYSTEM_ACTOR,
  );
  const labs = new LabDirectory(engine, store);
  const items = await Promise.all(page.items.map((r) => publicReport(r, labs, language)));
  return { items, nextCursor: page.nextCursor };
}

/** Every accepted report of an importing economy, page by page (the customs export). */
export async function* acceptedTestReports(engine: Engine, store: Store, economy: string, language: Language): AsyncGenerator<PublicTestReport> {
  const labs = new LabDirectory(engine, store);
  let cursor: string | null = null;
  do {
    const page: Page<InstanceRecord> = await engine.records('test-reports', { states: ['accepted'], where: { listedIn: economy }, limit: 500, cursor }, SYSTEM_ACTOR);
    for (const record of page.items) yield await publicReport(record, labs, language);
    cursor = page.nextCursor;
  } while (cursor !== null);
}

