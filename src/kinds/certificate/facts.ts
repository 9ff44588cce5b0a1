/**
 * The facts an equipment certificate is judged on, as of its issue date (docs/domain.md,
 * "Certificate"): the body's recognitions by the importing economy, the agreement they rest on
 * (Phase II, in force), its ISO/IEC 17065 accreditations, and the labs of the reports it rests on;
 * and, after them, the facts of what its foreign requirements count for (`kit/counterparts.ts`).
 */
import { accreditationActiveOn, type AccreditationData } from '../accreditation/machine.js';
import { agreementInForce, type AgreementData } from '../agreement/machine.js';
import type { CertificateFacts } from './issue.js';
import { regulationsCoveredOn } from '../recognition/standing.js';
import { recognitionInForceOn, type RecognitionData } from '../recognition/machine.js';
import type { TestReportData } from '../test-report/machine.js';
import type { CabRecord, InstanceRecord, RegulationRecord } from '../../store/port.js';
import type { CounterpartFindings } from '../kit/counterparts.js';
import type { RecordReader } from '../kit/reader.js';
import { findAll } from '../kit/references.js';
import { requiredAccreditation } from '../kit/accreditation-standing.js';
import { refusedVersions, versionsInTransition } from '../kit/regulation-versions.js';

export interface Issue {
  importingEconomy: string;
  issuedAt: string;
}

async function recognitionsOf({ store, current }: RecordReader, cabId: string, importingEconomy: string): Promise<Array<{ record: InstanceRecord; data: RecognitionData }>> {
  const records = await findAll(store, 'recognitions', { where: { cabId, importingEconomy } });
  return records.map((record) => ({ record, data: current(record).context as RecognitionData }));
}

/** The agreement of the body's recognition in force on the issue date, or of its latest one. */
async function agreementOf({ store, current }: RecordReader, recognitions: Array<{ record: InstanceRecord; data: RecognitionData }>, issuedAt: string): Promise<CertificateFacts['agreement']> {
  const ordered = [...recognitions].sort((a, b) => Number(recognitionInForceOn(b.data, issuedAt)) - Number(recognitionInForceOn(a.data, issuedAt)));
  for (const { data } of ordered) {
    const agreement = await store.load('agreements', data.agreementId);
    if (!agreement) continue;
    const agreementData = current(agreement).context as AgreementData;
    return { id: agreement.id, state: agreement.state, phase: agreementData.phase, inForce: agreementInForce(agreement.state, agreementData) };
  }
  return null;
}

export async function gatherCertificateFacts(
  reader: RecordReader & { now: Date },
  body: CabRecord,
  issue: Issue,
  regulations: readonly RegulationRecord[],
  reports: readonly InstanceRecord[],
  counterparts: CounterpartFindings,
): Promise<CertificateFacts> {
  const { store, now } = reader;
  const { importingEconomy, issuedAt } = issue;
  const recognitions = await recognitionsOf(reader, body.id, importingEconomy);
  const needed = [...regulations.filter((r) => r.economy === importingEconomy).map((r) => r.id), ...counterparts.regulations];
  const covered = new Set(recognitions.flatMap(({ data }) => regulationsCoveredOn(data, issuedAt)));
  const accreditations = (await findAll(store, 'accreditations', { where: { cabId: body.id } })).map((record) => ({
    id: record.id,
    data: reader.current(record).context as AccreditationData,
  }));
  const judgedReports = await Promise.all(
    reports.map(async (record) => {
      const report = record.context as TestReportData;
      const labRecognitions = await recognitionsOf(reader, report.cabId, importingEconomy);
      return {
        id: record.id,
        reportNumber: report.reportNumber,
        cabId: report.cabId,
        testedAt: report.testedAt,
        labRecognizedOnTestDate: labRecognitions.some(({ data }) => recognitionInForceOn(data, report.testedAt)),
      };
    }),
  );
  const nowIso = now.toISOString();
  const inTransition = versionsInTransition(regulations, issuedAt, nowIso);
  return {
    issuedAt,
    body: { cabId: body.id, economy: body.economy },
    agreement: await agreementOf(reader, recognitions, issuedAt),
    recognitions: recognitions.map(({ record, data }) => ({
      id: record.id,
      state: record.state,
      ...(data.designationNumber === undefined ? {} : { designationNumber: data.designationNumber }),
      inForceOnIssueDate: recognitionInForceOn(data, issuedAt),
      scope: data.scope,
    })),
    uncoveredRegulations: needed.filter((id) => !covered.has(id)),
    // A replaced version is judged on the issue date and the recording (docs/domain.md, "Technical regulations and their versions").
    retiredRegulations: refusedVersions(regulations, issuedAt, nowIso),
    ...(inTransition.length === 0 ? {} : { regulationsInTransition: inTransition }),
    accreditationActive: accreditations.some(({ data }) => accreditationActiveOn(data, issuedAt)),
    // A certification body's certificate rests on its ISO/IEC 17065 accreditation on the issue date (47 CFR 2.962).
    accreditation: requiredAccreditation(accreditations, 'ISO/IEC 17065', issuedAt, needed),
    reports: judgedReports,
    ...counterparts.facts,
  };
}
