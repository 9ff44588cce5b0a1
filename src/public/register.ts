/**
 * The public register (docs/api.md, "Public routes, no key"): what an importer or anyone needs to
 * know of decided test reports (the recognitions are in `recognition-register.ts`). A report is
 * listed while its workflow says so (`isPubliclyListed`: accepted, expired, revoked, or rejected by
 * the regulator), with only the fields an importer needs and what its status means; nothing here
 * requires a key. Plain functions of the engine and the store, so web pages and the JSON API share them.
 */
import { isPubliclyListed, type TestReportData } from '../kinds/test-report/machine.js';
import { SYSTEM_ACTOR } from '../kinds/types.js';
import type { Engine } from '../engine/engine.js';
import type { DirectoryStore, InstanceRecord, InstanceStore, Page } from '../store/port.js';
import { asOfInstant, dataAsOf, standingAsOf } from './as-of.js';
import { statusMeaning, type Language } from './meanings.js';

export interface PublicLab {
  id: string;
  name: string;
  economy: string;
  /** The designation number the importing economy gave the lab, if it recognised it. */
  designationNumber?: string;
}

export interface PublicTestReport {
  /** The report's id: its permanent public page is `/register/test-reports/{id}`. */
  id: string;
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
  /** A rejection's reasons with the regulator's words. */
  rejection?: Array<{ code: string; detail: string }>;
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
  /** As the register stood then: a date (its end, UTC) or an instant (`as-of.ts`). */
  asOf?: string;
  limit?: number;
  cursor?: string;
}

/**
 * How long a lab's designation is remembered across answers when nothing this process sees has
 * changed: the recognitions another node commits show within this time (as CABs do, directory.ts).
 */
const REMEMBER_MS = 1000;
/** More (lab, economy) pairs than any register has; past it the memory starts afresh. */
const MAX_REMEMBERED = 10_000;

interface Remembered {
  designation: Promise<string | undefined>;
  /** `engine.commitsOf('recognitions')` when it was read: any commit since makes it stale. */
  commits: number;
  readAt: number;
}

/** Per engine, so that two services in one process (tests) never share what they read. */
const rememberedByEngine = new WeakMap<Engine, Map<string, Remembered>>();

/**
 * Labs as the public register shows them: their names (the store keeps CABs cached) and the
 * designation numbers each importing economy gave them. Every look-up would otherwise read the
 * lab's recognitions again, which costs as much as finding the report itself; the designations
 * are remembered until this engine commits a recognition, or for a second at most.
 */
export class LabDirectory {
  readonly #engine: Engine;
  readonly #store: InstanceStore & DirectoryStore;
  readonly #remembered: Map<string, Remembered>;

  constructor(engine: Engine, store: InstanceStore & DirectoryStore) {
    this.#engine = engine;
    this.#store = store;
    let remembered = rememberedByEngine.get(engine);
    if (!remembered) rememberedByEngine.set(engine, (remembered = new Map<string, Remembered>()));
    this.#remembered = remembered;
  }

  async lab(cabId: string, importingEconomy: string): Promise<PublicLab> {
    const [cab, designationNumber] = await Promise.all([this.#store.getCab(cabId), this.#designation(cabId, importingEconomy)]);
    return {
      id: cabId,
      name: cab?.name ?? cabId,
      economy: cab?.economy ?? '',
      ...(designationNumber === undefined ? {} : { designationNumber }),
    };
  }

  #designation(cabId: string, importingEconomy: string): Promise<string | undefined> {
    const key = `${cabId} ${importingEconomy}`;
    const commits = this.#engine.commitsOf('recognitions');
    const now = performance.now();
    const found = this.#remembered.get(key);
    if (found && found.commits === commits && now - found.readAt < REMEMBER_MS) return found.designation;
    if (this.#remembered.size >= MAX_REMEMBERED) this.#remembered.clear();
    const designation = this.#readDesignation(cabId, importingEconomy);
    this.#remembered.set(key, { designation, commits, readAt: now });
    // A failed read is not remembered: the next answer tries again.
    designation.catch(() => this.#remembered.get(key)?.designation === designation && this.#remembered.delete(key));
    return designation;
  }

  async #readDesignation(cabId: string, importingEconomy: string): Promise<string | undefined> {
    const recognitions = await this.#engine.records('recognitions', { where: { cabId, importingEconomy }, limit: 20 }, SYSTEM_ACTOR);
    const numbered = recognitions.items.filter((r) => typeof r.context['designationNumber'] === 'string');
    // The one in force if there is one, else the latest that was ever numbered.
    const designation = numbered.find((r) => r.state === 'recognized') ?? numbered.at(-1);
    return designation?.context['designationNumber'] as string | undefined;
  }
}

/** The public view of a listed report: from its record, as it needs neither deadlines nor next events. */
export async function publicReport(record: InstanceRecord, labs: LabDirectory, language: Language): Promise<PublicTestReport> {
  const data = record.context as unknown as TestReportData;
  return {
    id: record.id,
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
    ...(record.state === 'rejected' ? { reasons: data.reasons.map((r) => r.code), rejection: data.reasons.map((r) => ({ code: r.code, detail: r.detail })) } : {}),
    decidedAt: record.updatedAt,
  };
}

/**
 * The report as the register showed it at `instant`: null when it did not exist then or was not
 * public (under review, say). A report once listed stays listed, so today's listed reports hold
 * every one listed then.
 */
async function reportAsOf(store: InstanceStore, record: InstanceRecord, instant: string): Promise<InstanceRecord | null> {
  const then = await standingAsOf(store, 'test-reports', record, instant);
  if (then === null) return null;
  const context = dataAsOf('test-reports', record.context, instant);
  return isPubliclyListed(then.state, context as unknown as TestReportData) ? { ...record, ...then, context } : null;
}

/**
 * Listed test reports of an importing economy: by report number (exactly; every lab's report of
 * that number), by what a person typed (in part, whatever the case and accents), or all of them.
 *
 * @throws AppError VALIDATION_FAILED for typed text under three letters, or a foreign cursor.
 */
export async function findPublicTestReports(engine: Engine, store: InstanceStore & DirectoryStore, query: ReportQuery, language: Language): Promise<Page<PublicTestReport>> {
  // The first exact field selects the candidates (FindQuery): a report number, when given, is far
  // narrower than the economy's whole register.
  const instant = query.asOf === undefined ? null : asOfInstant(query.asOf, engine.clock.now());
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
  // As of an instant, a page may hold fewer items than today's: those not public then are left out.
  const records = instant === null ? page.items : (await Promise.all(page.items.map((r) => reportAsOf(store, r, instant)))).filter((r) => r !== null);
  const items = await Promise.all(records.map((r) => publicReport(r, labs, language)));
  return { items, nextCursor: page.nextCursor };
}

/** Every accepted report of an importing economy, page by page (the customs export). */
export async function* acceptedTestReports(engine: Engine, store: InstanceStore & DirectoryStore, economy: string, language: Language): AsyncGenerator<PublicTestReport> {
  const labs = new LabDirectory(engine, store);
  let cursor: string | null = null;
  do {
    const page: Page<InstanceRecord> = await engine.records('test-reports', { states: ['accepted'], where: { listedIn: economy }, limit: 500, cursor }, SYSTEM_ACTOR);
    for (const record of page.items) yield await publicReport(record, labs, language);
    cursor = page.nextCursor;
  } while (cursor !== null);
}

