/** The facts an application for recognition (and the decision on it) is judged on. */
import { accreditationActiveOn, accreditationCovers, type AccreditationData } from '../accreditation/machine.js';
import type { AgreementData } from '../agreement/machine.js';
import { DESIGNATED_STATES, designationInForceOn, type DesignationData } from '../designation/machine.js';
import type { RecognitionFacts } from './eligibility.js';
import type { RecognitionInput } from './machine.js';
import type { DirectoryStore, InstanceRecord, InstanceStore } from '../../store/port.js';
import { compareInstants } from '../types.js';
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
  const designations = await gatherDesignations(reader, input, at, self);
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
    ...(designations === undefined ? {} : { designations }),
  };
}

/**
 * The designation an application names, read with the sender's rights; on a decision (the
 * importing regulator's, which does not read the home procedure) the one the recognition rests on.
 */
async function namedDesignation(
  reader: { store: InstanceStore & DirectoryStore; readable: ReadableRecord },
  id: string,
  self: string | undefined,
): Promise<InstanceRecord> {
  const stored = self === undefined ? null : await reader.store.load('designations', id);
  return stored ?? requireInstance(reader, 'designations', id, '/designationId');
}

/**
 * The CAB's designations at home for the importing economy under the agreement: the one the
 * application names (read with the sender's rights, so one it may not read is not there), or all
 * of them. Not gathered for a decision on a recognition filed before designations were recorded.
 */
async function gatherDesignations(
  reader: { store: InstanceStore & DirectoryStore; readable: ReadableRecord },
  input: RecognitionInput & { designationId?: string },
  at: string,
  self: string | undefined,
): Promise<RecognitionFacts['designations']> {
  if (self !== undefined && input.designationId === undefined) return undefined;
  const records =
    input.designationId === undefined
      ? await findAll(reader.store, 'designations', { where: { cabId: input.cabId, agreementId: input.agreementId, importingEconomy: input.importingEconomy } })
      : [await namedDesignation(reader, input.designationId, self)];
  return records.map((record) => {
    const data = record.context as DesignationData;
    const matches = data.cabId === input.cabId && data.agreementId === input.agreementId && data.importingEconomy === input.importingEconomy;
    return {
      id: record.id,
      state: record.state,
      inForceNow: matches && (DESIGNATED_STATES as readonly string[]).includes(record.state) && designationInForceOn(data, at) && (data.validUntil === undefined || compareInstants(data.validUntil, at) > 0),
      coversScope: input.scope.every((r) => data.scope.includes(r)),
    };
  });
}
