/**
 * Recognition rules (docs/domain.md, "Recognition"): designated by the CAB's own economy, only under an operational
 * agreement that covers the scope, only with an active accreditation that covers it; on
 * recognition, a designation number (country code first) and a listing validity.
 */
import { applicationRefusals, duplicateRefusals, groundingAccreditation, groundingDesignation, type RecognitionFacts } from './eligibility.js';
import { designationParticulars, numberFromDesignation } from './designation-particulars.js';
import type { RecognitionData, RecognitionInput } from './machine.js';
import type { Reason } from '../types.js';
import { shift } from '../../durations.js';
import { AppError } from '../../errors.js';
import { gatherRecognitionFacts } from './facts.js';
import { recognitionRefusal } from './refusals.js';
import { requireAfter, requireCab, requireRegulations } from '../kit/references.js';
import type { EventBody, KindRules, RuleContext } from '../kit/rules.js';

function refuse(what: string, reasons: Reason[], facts: RecognitionFacts): never {
  throw new AppError({
    code: 'NOT_ELIGIBLE',
    detail: `${what}: ${reasons.map((r) => r.detail).join(' ')}`,
    publicFields: { reasons, facts },
  });
}

/** A suspension for some regulations only names regulations of the recognition, and not all of them. */
function partialSuspension(data: RecognitionData, event: EventBody): EventBody {
  const regulations = event['regulations'] as string[];
  const outside = regulations.filter((r) => !data.scope.includes(r));
  if (outside.length > 0) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: `The recognition does not cover ${outside.join(', ')}; its scope is ${data.scope.join(', ')}.`,
      errors: [{ pointer: '/regulations', message: `not in the recognition's scope: ${outside.join(', ')}` }],
    });
  }
  if (data.scope.every((r) => regulations.includes(r))) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: 'These are all the regulations of the recognition: suspend it without "regulations" to suspend the whole of it.',
      errors: [{ pointer: '/regulations', message: 'names the whole scope' }],
    });
  }
  return event;
}

/**
 * The contest's periods (21 CFR 26.68(b), (c)): the CAB, through its designating authority, has at least
 * `contestAnswer` to answer; the designating authority confirms or opposes by `contestPosition`.
 */
function contestNotice(event: EventBody, { now, durations }: RuleContext): EventBody {
  const shortest = shift(now, durations.get('recognitions', 'contestAnswer')).toISOString();
  const answerBy = (event['answerBy'] as string | undefined) ?? shortest;
  if (answerBy < shortest) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: `answerBy must give the CAB and its designating authority at least ${durations.describe('recognitions.contestAnswer')} to answer: on or after ${shortest}.`,
      errors: [{ pointer: '/answerBy', message: `must be on or after ${shortest}` }],
    });
  }
  const positionBy = (event['positionBy'] as string | undefined) ?? shift(now, durations.get('recognitions', 'contestPosition')).toISOString();
  requireAfter(positionBy, now.toISOString(), '/positionBy', 'must be in the future');
  return { ...event, answerBy, positionBy };
}

/** A renewal's review reminder, anchored in its data since the listing keeps its state (`renewal.reviewBy`). */
function renewalDeadlines(event: EventBody, { now, durations }: RuleContext): EventBody {
  return { ...event, reviewBy: shift(now, durations.get('recognitions', 'review')).toISOString() };
}

/** A request for information on a renewal: its reminder and its deadline to answer, as for an application. */
function renewalInfoDeadlines(event: EventBody, { now, durations }: RuleContext): EventBody {
  return {
    ...event,
    remindAt: shift(now, durations.get('recognitions', 'infoReminder')).toISOString(),
    answerBy: shift(now, durations.get('recognitions', 'infoAnswer')).toISOString(),
  };
}

export const recognitionRules: KindRules = {
  async derive(body, { store }) {
    const cab = await requireCab(store, body['cabId'] as string, '/cabId');
    return { ...body, exportingEconomy: cab.economy };
  },

  async assess(body, context) {
    const { store, now } = context;
    const input = body as RecognitionInput;
    await requireRegulations(store, input.scope, '/scope', { economy: input.importingEconomy, now });
    const facts = await gatherRecognitionFacts(context, input, now);
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
    const accreditationId = groundingAccreditation(facts);
    // Only a CAB designated at home is put forward: the application rests on that designation and
    // carries its particulars (test sites, address, contact...) for the register and the CAB's page.
    const designationId = groundingDesignation(facts)!;
    const application = await designationParticulars(context.store, designationId);
    return {
      input: { ...body, ...(accreditationId === undefined ? {} : { accreditationId }), designationId, application },
      facts: facts as unknown as Record<string, unknown>,
    };
  },

  whyNotAccepted(record, event) {
    return recognitionRefusal(record.state, record.context as RecognitionData, event);
  },

  async prepareEvent(record, event, context) {
    const data = record.context as RecognitionData;
    if (event.type === 'SUSPEND' && Array.isArray(event['regulations'])) return { event: partialSuspension(data, event) };
    if (event.type === 'CONTEST') return { event: contestNotice(event, context) };
    if (event.type === 'RENEW') return { event: renewalDeadlines(event, context) };
    if (event.type === 'REQUEST_INFO') {
      const asked = { ...event, onNoAnswer: event['onNoAnswer'] ?? context.policies.infoUnanswered };
      // On a renewal beside a listing the state is kept, so the request carries its own deadlines.
      return { event: record.state === 'pending' ? asked : renewalInfoDeadlines(asked, context) };
    }
    if (event.type !== 'RECOGNIZE') return { event };
    const { store, now, durations } = context;
    const facts = await gatherRecognitionFacts(context, data, now, record.id);
    const refusals = applicationRefusals(data, facts);
    if (refusals.length > 0) refuse(`Recognition ${record.id} cannot be granted now`, refusals, facts);
    const validUntil = (event['validUntil'] as string | undefined) ?? shift(now, durations.get('recognitions', 'listingValidity')).toISOString();
    requireAfter(validUntil, now.toISOString(), '/validUntil', 'must be in the future');
    const fromDesignation = await numberFromDesignation(context, data, event['designationNumber'] as string | undefined);
    const designationNumber =
      fromDesignation ??
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
    const accreditationId = groundingAccreditation(facts);
    return { event: { ...event, designationNumber, validUntil, ...(accreditationId === undefined ? {} : { accreditationId }) }, facts: facts as unknown as Record<string, unknown> };
  },
};
