/**
 * The facts a submitted test report is screened on, as of its test date (docs/domain.md, "Test report"): was the lab
 * recognised by the importing economy for every regulation, was its accreditation active, is the
 * agreement operational, were the subcontracted labs recognised.
 */
import { compareInstants } from '../../../machines/types.js';
import { accreditationActiveOn, type AccreditationData } from '../../../machines/accreditation.js';
import { recognitionInForceOn, type RecognitionData } from '../../../machines/recognition.js';
import type { ScreeningFacts } from '../../../machines/test-report-screening.js';
import type { InstanceRecord, RegulationRecord, Store } from '../../store/port.js';
import { findAll } from '../rules/references.js';

export interface Submission {
  cabId: string;
  exportingEconomy: string;
  importingEconomy: string;
  testedAt: string;
  subcontractors?: string[];
}

async function recognitionsOf(store: Store, cabId: string, importingEconomy: string): Promise<InstanceRecord[]> {
  return findAll(store, 'recognitions', { where: { cabId, importingEconomy } });
}

/** The agreement the lab's recognitions rest on; failing that, one between the two economies. */
async function findAgreement(
  store: Store,
  submission: Submission,
  recognitions: InstanceRecord[],
): Promise<ScreeningFacts['agreement']> {
  const ordered = [...recognitions].sort((a, b) => Number(b.state === 'recognized') - Number(a.state === 'recognized'));
  for (const recognition of ordered) {
    const agreement = await store.load('agreements', recognition.context['agreementId'] as string);
    if (agreement) return { id: agreement.id, state: agreement.state };
  }
  const between = (await findAll(store, 'agreements', { where: { economy: submission.importingEconomy } })).filter((a) =>
    (a.context['economies'] as string[]).includes(submission.exportingEconomy),
  );
  const best = between.find((a) => a.state === 'operational') ?? between.at(-1);
  return best ? { id: best.id, state: best.state } : null;
}

export async function gatherScreeningFacts(
  store: Store,
  submission: Submission,
  regulations: readonly RegulationRecord[],
  now: Date,
): Promise<ScreeningFacts> {
  const { cabId, importingEconomy, testedAt } = submission;
  const recognitions = await recognitionsOf(store, cabId, importingEconomy);
  const judged = recognitions.map((record) => {
    const data = record.context as RecognitionData;
    return {
      id: record.id,
      state: record.state,
      ...(data.designationNumber === undefined ? {} : { designationNumber: data.designationNumber }),
      inForceOnTestDate: recognitionInForceOn(data, testedAt),
      scope: data.scope,
    };
  });
  const covered = new Set(judged.filter((r) => r.inForceOnTestDate).flatMap((r) => r.scope));
  const accreditations = await findAll(store, 'accreditations', { where: { cabId } });
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
    agreement: await findAgreement(store, submission, recognitions),
    recognitions: judged,
    uncoveredRegulations: regulations.map((r) => r.id).filter((id) => !covered.has(id)),
    retiredRegulations: regulations.filter((r) => r.retiredAt !== undefined && compareInstants(r.retiredAt, nowIso) <= 0).map((r) => r.id),
    accreditationActive: accreditations.some((a) => accreditationActiveOn(a.context as AccreditationData, testedAt)),
    subcontractors,
  };
}
