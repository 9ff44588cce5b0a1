/** The facts an application for recognition (and the decision on it) is judged on. */
import { accreditationActiveOn, accreditationCovers, type AccreditationData } from '../accreditation/machine.js';
import type { AgreementData } from '../agreement/machine.js';
import type { RecognitionFacts } from './eligibility.js';
import type { RecognitionInput } from './machine.js';
import type { DirectoryStore, InstanceStore } from '../../store/port.js';
import type { ReadableRecord } from '../kit/reader.js';
import { findAll, requireCab, requireInstance } from '../kit/references.js';

/** States in which a recognition still counts in the register. */
const LIVE_STATES = ['pending', 'info_requested', 'recognized', 'suspended', 'lapsed'] as const;

/**
 * Gathers the agreement, the CAB, its accreditations (active now? covering the scope?) and the
 * CAB's other live recognitions under the same agreement.
 *
 * @param self the recognition being decided, left out of `existing`.
 */
export async function gatherRecognitionFacts(
  reader: { store: InstanceStore & DirectoryStore; readable: ReadableRecord },
  input: RecognitionInput,
  now: Date,
  self?: string,
): Promise<RecognitionFacts> {
  const { store } = reader;
  const agreementRecord = await requireInstance(reader, 'agreements', input.agreementId, '/agreementId');
  const agreement = agreementRecord.context as AgreementData;
  const cab = await requireCab(store, input.cabId, '/cabId');
  const at = now.toISOString();
  const accreditations = await findAll(store, 'accreditations', { where: { cabId: input.cabId } });
  const others = await findAll(store, 'recognitions', {
    states: LIVE_STATES,
    where: { cabId: input.cabId, agreementId: input.agreementId },
  });
  return {
    agreement: {
      id: agreementRecord.id,
      state: agreementRecord.state,
      economies: agreement.economies,
      phase: agreement.phase,
      scope: agreement.scope,
    },
    cab: { id: cab.id, economy: cab.economy, type: cab.type },
    accreditations: accreditations.map((record) => {
      const data = record.context as AccreditationData;
      return {
        id: record.id,
        state: record.state,
        activeNow: accreditationActiveOn(data, at),
        coversScope: accreditationCovers(data, input.scope),
      };
    }),
    existing: others
      .filter((r) => r.id !== self && r.context['importingEconomy'] === input.importingEconomy)
      .map((r) => ({ id: r.id, state: r.state, scope: r.context['scope'] as string[] })),
  };
}
