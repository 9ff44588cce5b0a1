/**
 * The facts a submitted test report is screened on, as of its test date (docs/domain.md, "Test report"): was the lab
 * recognised by the importing economy for every regulation, was it accredited to ISO/IEC 17025 for them, is the
 * agreement operational, were the subcontracted labs recognised; and, after them, the facts of
 * what its foreign requirements count for (`kit/counterparts.ts`).
 */
import { accreditationActiveOn, type AccreditationData } from '../accreditation/machine.js';
import { agreementInForce, type AgreementData } from '../agreement/machine.js';
import { regulationsCoveredOn, regulationsSuspendedOn } from '../recognition/standing.js';
import { recognitionInForceOn, type RecognitionData } from '../recognition/machine.js';
import type { ScreeningFacts } from './screening.js';
import type { CounterpartFindings } from '../kit/counterparts.js';
import type { RecordReader } from '../kit/reader.js';
import type { InstanceRecord, InstanceStore, RegulationRecord } from '../../store/port.js';
import { findAll } from '../kit/references.js';
import { requiredAccreditation } from '../kit/accreditation-standing.js';
import { refusedVersions, versionsInTransition } from '../kit/regulation-versions.js';

export interface Submission {
  cabId: string;
  exportingEconomy: string;
  importingEconomy: string;
  testedAt: string;
  subcontractors?: string[];
}

async function recognitionsOf(store: InstanceStore, cabId: string, importingEconomy: string): Promise<InstanceRecord[]> {
  return findAll(store, 'recognitions', { where: { cabId, importingEconomy } });
}

/** The agreement the lab's recognitions rest on; failing that, one between the two economies. */
async function findAgreement(
  { store, current }: RecordReader,
  submission: Submission,
  recognitions: InstanceRecord[],
): Promise<ScreeningFacts['agreement']> {
  const ordered = [...recognitions].sort((a, b) => Number(b.state === 'recognized') - Number(a.state === 'recognized'));
  const judged = (agreement: InstanceRecord) => ({
    id: agreement.id,
    state: agreement.state,
    inForce: agreementInForce(agreement.state, current(agreement).context as AgreementData),
  });
  for (const recognition of ordered) {
    const agreement = await store.load('agreements', recognition.context['agreementId'] as string);
    if (agreement) return judged(agreement);
  }
  const between = (await findAll(store, 'agreements', { where: { economy: submission.importingEconomy } })).filter((a) =>
    (a.context['economies'] as string[]).includes(submission.exportingEconomy),
  );
  const best = between.find((a) => a.state === 'operational') ?? between.at(-1);
  return best ? judged(best) : null;
}

/** The replaced versions the report is taken against only for their transition period, when there are any. */
function inTransition(regulations: readonly RegulationRecord[], testedAt: string, now: string): Pick<ScreeningFacts, 'regulationsInTransition'> {
  const taken = versionsInTransition(regulations, testedAt, now);
  return taken.length === 0 ? {} : { regulationsInTransition: taken };
}

export async function gatherScreeningFacts(
  reader: RecordReader & { now: Date },
  submission: Submission,
  regulations: readonly RegulationRecord[],
  counterparts: CounterpartFindings,
): Promise<ScreeningFacts> {
  const { store, current, now } = reader;
  const { cabId, importingEconomy, testedAt } = submission;
  const recognitions = await recognitionsOf(store, cabId, importingEconomy);
  // What the lab must be recognised for: the importing economy's regulations of the report, and
  // those its other requirements count for through their counterparts on the test date.
  const reportRegulations = [...regulations.filter((r) => r.economy === importingEconomy).map((r) => r.id), ...counterparts.regulations];
  const upgraded = recognitions.map((record) => ({ record, data: current(record).context as RecognitionData }));
  const judged = upgraded.map(({ record, data }) => {
    const suspended = regulationsSuspendedOn(data, testedAt);
    return {
      id: record.id,
      state: record.state,
      ...(data.designationNumber === undefined ? {} : { designationNumber: data.designationNumber }),
      inForceOnTestDate: recognitionInForceOn(data, testedAt),
      scope: data.scope,
      ...(suspended.length === 0 ? {} : { suspendedOnTestDate: suspended }),
    };
  });
  // A regulation suspended on the test date (a partial suspension) is not covered.
  const covered = new Set(upgraded.flatMap(({ data }) => regulationsCoveredOn(data, testedAt)));
  // A recognition suspended now holds the review of a report that passed screening (docs/domain.md, "Recognition").
  const suspendedRecognitions = upgraded
    .filter(({ record, data }) => record.state === 'suspended' && data.scope.some((r) => reportRegulations.includes(r)))
    .map(({ record }) => record.id);
  const accreditations = (await findAll(store, 'accreditations', { where: { cabId } })).map((record) => ({
    id: record.id,
    data: current(record).context as AccreditationData,
  }));
  const subcontractors = await Promise.all(
    (submission.subcontractors ?? []).map(async (sub) => ({
      cabId: sub,
      recognizedOnTestDate: (await recognitionsOf(store, sub, importingEconomy)).some((r) =>
        recognitionInForceOn(r.context as RecognitionData, testedAt),
      ),
    })),
  );
  const nowIso = now.toISOString();
  return {
    testedAt,
    lab: { cabId, economy: submission.exportingEconomy },
    agreement: await findAgreement(reader, submission, recognitions),
    recognitions: judged,
    uncoveredRegulations: reportRegulations.filter((id) => !covered.has(id)),
    suspendedRecognitions,
    // A replaced version is judged on the test date and the submission (docs/domain.md, "Technical regulations and their versions").
    retiredRegulations: refusedVersions(regulations, testedAt, nowIso),
    ...inTransition(regulations, testedAt, nowIso),
    accreditationActive: accreditations.some(({ data }) => accreditationActiveOn(data, testedAt)),
    // A testing laboratory's report rests on its ISO/IEC 17025 accreditation on the test date, for what the recognition must cover.
    accreditation: requiredAccreditation(accreditations, 'ISO/IEC 17025', testedAt, reportRegulations),
    subcontractors,
    ...counterparts.facts,
  };
}
