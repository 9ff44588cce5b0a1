/**
 * Accreditation rules: the body granting it is the acting principal; the standard fits the CAB
 * (ISO/IEC 17025 for labs, 17065 for certification bodies); a cycle lasts at most 5 years (ILAC
 * FAQ 23, 29); a reinstatement follows the body's on-site check; visits and assessments are dated
 * in the past, a scope changes by regulations that exist.
 */
import { compareInstants } from '../types.js';
import type { AccreditationData } from './machine.js';
import { addYears, CYCLE_YEARS } from './cycle.js';
import type { Actor } from '../types.js';
import type { DirectoryStore } from '../../store/port.js';
import { AppError } from '../../errors.js';
import { requireAfter, requireCab, requireRegulations } from '../kit/references.js';
import type { KindRules } from '../kit/rules.js';

const STANDARD_FOR: Record<string, string> = { lab: 'ISO/IEC 17025', certification_body: 'ISO/IEC 17065' };

/** A refusal a page words by its reason code, in the reader's language (the accreditation's `reasons`). */
function refuse(code: string, detail: string): never {
  throw new AppError({ code: 'NOT_ELIGIBLE', detail, publicFields: { reasons: [{ code, detail }] } });
}

/** ILAC FAQ 23, 29: a cycle from `from` ends at most 5 years later. */
function requireCycle(from: string, until: string): void {
  const limit = addYears(from, CYCLE_YEARS);
  if (compareInstants(until, limit) > 0) {
    refuse('CYCLE_TOO_LONG', `An accreditation cycle lasts at most ${CYCLE_YEARS} years: the cycle starting ${from} ends on or before ${limit}, not ${until}.`);
  }
}

/** A day something happened (a visit, an assessment, a check): not later than now. */
function requirePast(day: string, now: string, code: string, what: string): void {
  if (compareInstants(day, now) > 0) refuse(code, `The ${what} (${day}) is in the future: record it once it has taken place.`);
}

/** ILAC FAQ 29: reinstatement after a suspension follows the body's on-site check, made since the suspension began. */
function requireReinstatementCheck(data: AccreditationData, checkedOn: string, now: string): void {
  requirePast(checkedOn, now, 'CHECK_IN_FUTURE', 'on-site check');
  const since = data.interruptions.find((i) => i.to === undefined && i.state === 'suspended')?.from;
  if (since !== undefined && compareInstants(checkedOn, since) < 0) {
    refuse(
      'CHECK_BEFORE_SUSPENSION',
      `The on-site check of ${checkedOn} was made before the suspension began (${since}): reinstatement needs a check made since.`,
    );
  }
}

/** The checks of the events that change the cycle, the scope or the record of visits. */
async function checkEvent(store: DirectoryStore, data: AccreditationData, event: Record<string, unknown>, now: string): Promise<void> {
  switch (event['type']) {
    case 'RENEW':
    case 'REACCREDIT': {
      const validUntil = event['validUntil'] as string;
      requireAfter(validUntil, data.validUntil, '/validUntil', `must be after the current validity end, ${data.validUntil}`);
      requireAfter(validUntil, now, '/validUntil', 'must be in the future');
      requireCycle(now, validUntil);
      if (Array.isArray(event['scope'])) await requireRegulations(store, event['scope'] as string[], '/scope');
      return;
    }
    case 'REINSTATE':
      requireReinstatementCheck(data, event['checkedOn'] as string, now);
      return;
    case 'RECORD_VISIT': {
      const visitedOn = event['visitedOn'] as string;
      requirePast(visitedOn, now, 'VISIT_IN_FUTURE', 'visit');
      if (compareInstants(visitedOn, data.validFrom) < 0) {
        refuse('VISIT_BEFORE_ACCREDITATION', `The visit of ${visitedOn} is before the accreditation began (${data.validFrom}).`);
      }
      return;
    }
    case 'REDUCE_SCOPE': {
      const removed = event['regulations'] as string[];
      const outside = removed.filter((r) => !data.scope.includes(r));
      if (outside.length > 0) refuse('NOT_IN_SCOPE', `Not in the accreditation's scope, so not to be removed: ${outside.join(', ')}.`);
      if (data.scope.every((r) => removed.includes(r))) {
        refuse('SCOPE_WOULD_BE_EMPTY', 'Removing every regulation leaves no scope: withdraw the accreditation instead.');
      }
      return;
    }
    case 'EXTEND_SCOPE': {
      requirePast(event['assessedOn'] as string, now, 'ASSESSMENT_IN_FUTURE', 'assessment');
      const added = event['regulations'] as string[];
      await requireRegulations(store, added, '/regulations');
      if (added.every((r) => data.scope.includes(r))) refuse('ALREADY_IN_SCOPE', `Already in the accreditation's scope: ${added.join(', ')}.`);
      return;
    }
    default:
      return;
  }
}

/**
 * An accreditation body accredits the CABs of its own economy, and of the economies it is declared
 * to serve (`serves`); no other, whether it creates the accreditation or changes it.
 */
async function requireServes(store: DirectoryStore, actor: Actor, cab: { id: string; economy: string }): Promise<void> {
  if (actor.role !== 'accreditation_body') return;
  const principal = await store.getPrincipal(actor.id);
  const economies = [actor.economy, ...(principal?.serves ?? [])];
  if (economies.includes(cab.economy)) return;
  throw new AppError({
    code: 'FORBIDDEN',
    detail: `${actor.name ?? actor.id} accredits CABs of ${economies.filter(Boolean).join(', ')}; CAB ${cab.id} is of ${cab.economy}.`,
  });
}

export const accreditationRules: KindRules = {
  async derive(body, { store, actor }) {
    const cab = await requireCab(store, body['cabId'] as string, '/cabId');
    await requireServes(store, actor, cab);
    // The body is the organisation: two officers of one body act on the same accreditations.
    return { ...body, accreditationBodyId: actor.organisation ?? actor.id, economy: cab.economy };
  },

  async assess(input, { store, now }) {
    const validFrom = input['validFrom'] as string;
    const validUntil = input['validUntil'] as string;
    requireAfter(validUntil, validFrom, '/validUntil', 'must be after validFrom');
    requireAfter(validUntil, now.toISOString(), '/validUntil', 'must be in the future: an expired accreditation cannot be recorded');
    requireCycle(validFrom, validUntil);
    const cab = await requireCab(store, input['cabId'] as string, '/cabId');
    const expected = STANDARD_FOR[cab.type];
    if (input['standard'] !== expected) {
      throw new AppError({
        code: 'NOT_ELIGIBLE',
        detail: `CAB ${cab.id} is a ${cab.type.replace('_', ' ')}; it is accredited to ${expected}, not ${String(input['standard'])}.`,
        publicFields: { reasons: [{ code: 'STANDARD_MISMATCH', detail: `${cab.type} needs ${expected}` }] },
      });
    }
    await requireRegulations(store, input['scope'] as string[], '/scope');
    return { input };
  },

  async prepareEvent(record, event, { store, now, actor }) {
    if (actor.role === 'accreditation_body') await requireServes(store, actor, { id: record.context['cabId'] as string, economy: record.context['economy'] as string });
    await checkEvent(store, record.context as AccreditationData, event, now.toISOString());
    return { event };
  },
};
