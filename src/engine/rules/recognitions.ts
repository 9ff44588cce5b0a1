/**
 * Recognition rules (docs/domain.md, "Recognition"): designated by the CAB's own economy, only under an operational
 * agreement that covers the scope, only with an active accreditation that covers it; on
 * recognition, a designation number (country code first) and a listing validity.
 */
import { applicationRefusals, duplicateRefusals, type RecognitionFacts } from '../../../machines/recognition-eligibility.js';
import type { RecognitionData, RecognitionInput } from '../../../machines/recognition.js';
import type { Reason } from '../../../machines/types.js';
import { shift } from '../../durations.js';
import { AppError } from '../../errors.js';
import { gatherRecognitionFacts } from '../facts/recognition-facts.js';
import { requireAfter, requireCab, requireRegulations } from './references.js';
import type { KindRules } from './types.js';

function refuse(what: string, reasons: Reason[], facts: RecognitionFacts): never {
  throw new AppError({
    code: 'NOT_ELIGIBLE',
    detail: `${what}: ${reasons.map((r) => r.detail).join(' ')}`,
    publicFields: { reasons, facts },
  });
}

export const recognitionRules: KindRules = {
  async derive(body, { store }) {
    const cab = await requireCab(store, body['cabId'] as string, '/cabId');
    return { ...body, exportingEconomy: cab.economy };
  },

  async assess(body, { store, now }) {
    const input = body as RecognitionInput;
    await requireRegulations(store, input.scope, '/scope', { economy: input.importingEconomy, now });
    const facts = await gatherRecognitionFacts(store, input, now);
    const refusals = applicationRefusals(input, facts);
    if (refusals.length > 0) refuse(`CAB ${input.cabId} cannot be designated to ${input.importingEconomy}`, refusals, facts);
    const duplicates = duplicateRefusals(input, facts);
    if (duplicates.length > 0) {
      throw new AppError({
        code: 'DUPLICATE',
        detail: duplicates.map((d) => d.detail).join(' '),
        publicFields: { reasons: duplicates, existingId: facts.existing[0]?.id },
      });
    }
    return { input: body, facts: facts as unknown as Record<string, unknown> };
  },

  async prepareEvent(record, event, { store, now, durations }) {
    if (event.type !== 'RECOGNIZE') return { event };
    const data = record.context as RecognitionData;
    const facts = await gatherRecognitionFacts(store, data, now, record.id);
    const refusals = applicationRefusals(data, facts);
    if (refusals.length > 0) refuse(`Recognition ${record.id} cannot be granted now`, refusals, facts);
    const validUntil = (event['validUntil'] as string | undefined) ?? shift(now, durations.get('recognitions', 'listingValidity')).toISOString();
    requireAfter(validUntil, now.toISOString(), '/validUntil', 'must be in the future');
    const designationNumber =
      (event['designationNumber'] as string | undefined) ??
      data.designationNumber ??
      `${data.exportingEconomy}${String(await store.nextSequence(`designation:${data.exportingEconomy}`)).padStart(4, '0')}`;
    if (!designationNumber.startsWith(data.exportingEconomy)) {
      throw new AppError({
        code: 'VALIDATION_FAILED',
        detail: `A designation number starts with the CAB's country code, ${data.exportingEconomy}.`,
        errors: [{ pointer: '/designationNumber', message: `must start with ${data.exportingEconomy}` }],
      });
    }
    return { event: { ...event, designationNumber, validUntil }, facts: facts as unknown as Record<string, unknown> };
  },
};
