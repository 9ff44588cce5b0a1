/**
 * The permanent public pages of the register (docs/web.md, "Public pages"): one per recognised CAB
 * per importing economy, and one per listed test report. Each answers what the register lists
 * (`recognition-register.ts`, `register.ts`) in full: a CAB's status per regulation with dates,
 * every suspension (open or lifted, by which side, for which regulations), the accreditation it
 * stands on, and the history of its status; a report's regulations, validity, documents'
 * fingerprints and the history of its decision. Only what is public: a recognition never granted
 * and a report the register does not list (under review, withdrawn, refused at screening) are not
 * found, and the history shows status changes, never who typed what or why. A certificate (Phase
 * II) has its page once in force, as coverage counts it.
 */
import type { AccreditationData } from '../kinds/accreditation/machine.js';
import type { CertificateData } from '../kinds/certificate/machine.js';
import type { ApplicationParticulars } from '../kinds/recognition/designation-particulars.js';
import type { RecognitionData } from '../kinds/recognition/machine.js';
import { isPubliclyListed, type TestReportData } from '../kinds/test-report/machine.js';
import { SYSTEM_ACTOR, type Kind } from '../kinds/types.js';
import type { Engine } from '../engine/engine.js';
import type { Resource } from '../engine/resource.js';
import { AppError } from '../errors.js';
import type { DirectoryStore, HistoryEntry, InstanceStore, Page } from '../store/port.js';
import type { Language } from './meanings.js';
import { entry, related, SHOWN_AS, type PublicRecognition, type PublicStatus, type PublicSuspension } from './recognition-register.js';
import { LabDirectory, publicReport, type PublicTestReport } from './register.js';

/** Where one regulation of a recognition stands: in force, or why not and since when. */
export interface RegulationStanding {
  regulation: string;
  status: PublicStatus;
  /** In force since, suspended since, or ended on. */
  since: string;
  /** The suspension that holds it, when suspended. */
  suspension?: PublicSuspension;
}

/** A suspension, open or lifted. */
export type SuspensionRecord = PublicSuspension & { until?: string };

/** One change of public status: a grant, a suspension (whole or for some regulations), a lift, an end. */
export interface StatusChange {
  at: string;
  /** The event, as the workflow names it (RECOGNIZE, SUSPEND, LIFT_SUSPENSION, WITHDRAW, ...). */
  event: string;
  /** The public status after it. */
  status: string;
  /** For a suspension or its lift: the authority that acted. */
  by?: PublicSuspension['by'];
  /** For a suspension of some regulations only. */
  regulations?: string[];
}

export interface PublicAccreditation {
  standard: string;
  certificateNumber: string;
  /** The accreditation body, by name. */
  body: string;
  validFrom: string;
  validUntil: string;
  state: string;
}

// Its own regulations (with the history of each) and accreditation (with its standard and dates) in place of the register's.
export type CabRecognition = Omit<PublicRecognition, 'regulations' | 'accreditation'> & {
  /** From the designation at home it rests on; absent for recognitions filed before designations were recorded. */
  particulars?: PublicParticulars;
  regulations: RegulationStanding[];
  suspensionHistory: SuspensionRecord[];
  accreditation: PublicAccreditation | null;
  history: StatusChange[];
};

export interface CabStanding {
  cab: { id: string; name: string; type: string; economy: string };
  importingEconomy: string;
  /** Newest first: the current listing, then earlier ones (a CAB recognised again after a withdrawal). */
  recognitions: CabRecognition[];
}

export type TestReportRecord = PublicTestReport & {
  documents: Array<{ sha256: string; size: number; mediaType: string; role: 'report' | 'annex'; attachedAt: string }>;
  history: StatusChange[];
};

/** What the register shows of an application's particulars (47 CFR 2.951(a)(2), (3), (10)); not the contact person. */
export interface PublicParticulars {
  address: string;
  testSites: Array<{ name?: string; address: string }>;
  testsForOthers: boolean;
}

function publicParticulars(data: RecognitionData): PublicParticulars | undefined {
  const application = (data as RecognitionData & { application?: ApplicationParticulars }).application;
  if (application === undefined) return undefined;
  return { address: application.cabAddress, testSites: application.testSites, testsForOthers: application.testsForOthers };
}

function notFound(noun: string, id: string): AppError {
  return new AppError({ code: 'NOT_FOUND', detail: `There is no ${noun} "${id}" in the public register.` });
}

function sideOf(role: string | undefined): PublicSuspension['by'] {
  if (role === 'regulator') return 'importing_regulator';
  if (role === 'designating_authority') return 'designating_authority';
  return 'unrecorded';
}

/** Every history entry of an instance, oldest first (the register reads as the system). */
async function wholeHistory(engine: Engine, kind: Kind, id: string): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  let afterSeq: number | undefined;
  for (;;) {
    const page: Page<HistoryEntry> = await engine.history(kind, id, SYSTEM_ACTOR, { limit: 200, ...(afterSeq === undefined ? {} : { afterSeq }) });
    entries.push(...page.items);
    if (page.nextCursor === null || page.items.length === 0) return entries;
    afterSeq = page.items.at(-1)!.seq;
  }
}

/** The status changes the public may see: a state shown in the register, entered or changed by a suspension or its lift. */
function recognitionHistory(entries: HistoryEntry[]): StatusChange[] {
  const changes: StatusChange[] = [];
  let shown: string | undefined;
  for (const e of entries) {
    const status = SHOWN_AS[e.to];
    if (status === undefined) continue;
    const suspending = e.type === 'SUSPEND' || e.type === 'LIFT_SUSPENSION';
    if (status === shown && !suspending) continue;
    const regulations = e.payload['regulations'];
    changes.push({
      at: e.at,
      event: e.type,
      status,
      ...(suspending ? { by: sideOf(e.actor.role) } : {}),
      ...(suspending && Array.isArray(regulations) ? { regulations: regulations as string[] } : {}),
    });
    shown = status;
  }
  return changes.reverse();
}

function regulationStandings(row: PublicRecognition, data: RecognitionData): RegulationStanding[] {
  return row.scope.map((regulation) => {
    // The earliest open suspension that covers it, whole or of this regulation: suspended since then.
    const suspension = row.suspensions
      .filter((s) => s.regulations === undefined || s.regulations.includes(regulation))
      .sort((a, b) => a.since.localeCompare(b.since))[0];
    if ((row.status === 'recognized' || row.status === 'suspended') && suspension) return { regulation, status: 'suspended', since: suspension.since, suspension };
    if (row.status !== 'recognized') return { regulation, status: row.status, since: row.statusSince };
    return { regulation, status: 'recognized', since: data.inForce.at(-1)?.from ?? row.statusSince };
  });
}

async function accreditationOf(engine: Engine, store: DirectoryStore, data: RecognitionData): Promise<PublicAccreditation | null> {
  let found: Resource | undefined;
  if (data.accreditationId !== undefined) {
    found = await engine.get('accreditations', data.accreditationId, SYSTEM_ACTOR).catch(() => undefined);
  } else {
    // Records of older releases did not say which accreditation they stand on: the CAB's latest.
    found = (await engine.list('accreditations', { where: { cabId: data.cabId }, limit: 50, cursor: null }, SYSTEM_ACTOR)).items.at(-1);
  }
  if (!found) return null;
  const a = found.data as unknown as AccreditationData;
  const body = await store.getPrincipal(a.accreditationBodyId);
  return { standard: a.standard, certificateNumber: a.certificateNumber, body: body?.name ?? a.accreditationBodyId, validFrom: a.validFrom, validUntil: a.validUntil, state: found.state };
}

/**
 * The states of a renewal that outlived its listing (a renewal pending beside a listing in force
 * keeps the listing's own state).
 */
const UNDER_RENEWAL = ['pending', 'info_requested'];

/** A recognition whose listing ended while its renewal awaits the decision, as the public sees it: expired, not in force. */
function asListed(resource: Resource): Resource {
  const renewing = UNDER_RENEWAL.includes(resource.state) && (resource.data as unknown as RecognitionData).renewal !== undefined;
  return renewing ? { ...resource, state: 'expired' } : resource;
}

/**
 * A CAB's standing in one importing economy: each recognition ever in force, newest first.
 *
 * @throws AppError NOT_FOUND when the economy never recognised the CAB.
 */
export async function cabStanding(engine: Engine, store: InstanceStore & DirectoryStore, cabId: string, importingEconomy: string): Promise<CabStanding> {
  const page = await engine.list('recognitions', { states: [...Object.keys(SHOWN_AS), ...UNDER_RENEWAL], where: { cabId, importingEconomy }, limit: 50, cursor: null }, SYSTEM_ACTOR);
  const granted = page.items.filter((r) => (r.data as unknown as RecognitionData).inForce.length > 0).map(asListed);
  if (granted.length === 0) throw notFound('recognised CAB', `${cabId} in ${importingEconomy}`);
  const cab = await store.getCab(cabId);
  const more = related(store);
  const recognitions = await Promise.all(
    granted.reverse().map(async (resource): Promise<CabRecognition> => {
      const data = resource.data as unknown as RecognitionData;
      const row = await entry(resource, cab, more);
      const [accreditation, history] = await Promise.all([accreditationOf(engine, store, data), wholeHistory(engine, 'recognitions', resource.id)]);
      const particulars = publicParticulars(data);
      return {
        ...row,
        ...(particulars === undefined ? {} : { particulars }),
        regulations: regulationStandings(row, data),
        suspensionHistory: data.suspensions
          .map((s) => ({
            by: sideOf(s.side === 'importing' ? 'regulator' : s.side === 'designating' ? 'designating_authority' : undefined),
            economy: s.side === 'importing' ? data.importingEconomy : s.side === 'designating' ? data.exportingEconomy : null,
            since: s.from,
            ...(s.regulations === undefined ? {} : { regulations: s.regulations }),
            ...(s.to === undefined ? {} : { until: s.to }),
          }))
          .reverse(),
        accreditation,
        history: recognitionHistory(history),
      };
    }),
  );
  const first = recognitions[0]!;
  return { cab: first.cab, importingEconomy, recognitions };
}

/** The report's public history: its submission, then each decision the register shows. */
function reportHistory(entries: HistoryEntry[], data: TestReportData): StatusChange[] {
  return entries
    .filter((e) => e.type === 'CREATE' || isPubliclyListed(e.to, data))
    .filter((e, i, all) => i === 0 || e.to !== all[i - 1]!.to)
    .map((e) => ({ at: e.at, event: e.type, status: e.type === 'CREATE' ? 'submitted' : e.to }))
    .reverse();
}

/**
 * A listed test report, in full.
 *
 * @throws AppError NOT_FOUND when there is no such report, or the register does not list it.
 */
export async function testReportRecord(engine: Engine, store: InstanceStore & DirectoryStore, id: string, language: Language): Promise<TestReportRecord> {
  const resource = await engine.get('test-reports', id, SYSTEM_ACTOR).catch((thrown: unknown) => {
    if (thrown instanceof AppError && thrown.code === 'NOT_FOUND') return null;
    throw thrown;
  });
  const data = resource?.data as unknown as TestReportData | undefined;
  if (!resource || !data || !isPubliclyListed(resource.state, data)) throw notFound('listed test report', id);
  const record = { kind: 'test-reports' as const, id: resource.id, state: resource.state, context: resource.data, version: resource.version, machineVersion: resource.machineVersion, createdAt: resource.createdAt, updatedAt: resource.updatedAt };
  const report = await publicReport(record, new LabDirectory(engine, store), language);
  const history = await wholeHistory(engine, 'test-reports', id);
  return {
    ...report,
    documents: data.documents.map((d) => ({ sha256: d.sha256, size: d.size, mediaType: d.mediaType, role: d.role, attachedAt: d.attachedAt })),
    history: reportHistory(history, data),
  };
}

/** The states of a certificate the public sees: once in force, whatever became of it since. */
const LISTED_CERTIFICATE_STATES: ReadonlySet<string> = new Set(['in_force', 'suspended', 'revoked', 'expired', 'withdrawn']);

export interface CertificateRecord {
  id: string;
  certificateNumber: string;
  importingEconomy: string;
  body: PublicTestReport['lab'];
  equipment: CertificateData['equipment'];
  regulations: string[];
  /** The importing regulations it counts for through equivalences (MRA-ETR). */
  equivalentRegulations: string[];
  state: string;
  issuedAt: string;
  validUntil: string;
  suspendedAt?: string;
  /** The listed test reports it rests on (each with its page), and those outside this register. */
  testReports: Array<{ id: string; reportNumber: string }>;
  externalReports: Array<{ reportNumber: string; lab: string }>;
  history: StatusChange[];
}

/**
 * A certificate (Phase II) once in force, in full. One in its review window, refused at issue or
 * set aside before it took effect is not found, as coverage never counts it.
 *
 * @throws AppError NOT_FOUND when there is no such certificate, or it never came into force.
 */
export async function certificateRecord(engine: Engine, store: InstanceStore & DirectoryStore, id: string): Promise<CertificateRecord> {
  const resource = await engine.get('certificates', id, SYSTEM_ACTOR).catch((thrown: unknown) => {
    if (thrown instanceof AppError && thrown.code === 'NOT_FOUND') return null;
    throw thrown;
  });
  if (!resource || !LISTED_CERTIFICATE_STATES.has(resource.state)) throw notFound('certificate in force', id);
  const data = resource.data as unknown as CertificateData;
  const reports = await Promise.all(
    (data.testReports ?? []).map(async (reportId) => {
      const report = await engine.get('test-reports', reportId, SYSTEM_ACTOR).catch(() => null);
      const reportData = report?.data as unknown as TestReportData | undefined;
      return report && reportData && isPubliclyListed(report.state, reportData) ? { id: reportId, reportNumber: reportData.reportNumber } : null;
    }),
  );
  const history = await wholeHistory(engine, 'certificates', id);
  return {
    id,
    certificateNumber: data.certificateNumber,
    importingEconomy: data.importingEconomy,
    body: await new LabDirectory(engine, store).lab(data.cabId, data.importingEconomy),
    equipment: data.equipment,
    regulations: data.regulations,
    equivalentRegulations: data.equivalentRegulations,
    state: resource.state,
    issuedAt: data.issuedAt,
    validUntil: data.validUntil,
    ...(data.suspendedAt === undefined ? {} : { suspendedAt: data.suspendedAt }),
    testReports: reports.filter((r) => r !== null),
    externalReports: data.externalReports ?? [],
    history: history
      .filter((e) => e.type === 'CREATE' || LISTED_CERTIFICATE_STATES.has(e.to))
      .map((e) => ({ at: e.at, event: e.type, status: e.to }))
      .reverse(),
  };
}
