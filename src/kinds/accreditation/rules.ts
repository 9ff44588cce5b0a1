/**
 * Accreditation rules: the body granting it is the acting principal; the standard fits the CAB
 * (ISO/IEC 17025 for labs, 17065 for certification bodies); a cycle lasts at most 5 years.
 */
import { compareInstants } from '../types.js';
import type { AccreditationData } from './machine.js';
import type { Actor } from '../types.js';
import type { DirectoryStore } from '../../store/port.js';
import { shift } from '../../durations.js';
import { AppError } from '../../errors.js';
import { requireAfter, requireCab, requireRegulations } from '../kit/references.js';
import type { KindRules } from '../kit/rules.js';

const STANDARD_FOR: Record<string, string> = { lab: 'ISO/IEC 17025', certification_body: 'ISO/IEC 17065' };
const MAX_CYCLE = { amount: 5, unit: 'years' } as const;

function requireCycle(from: string, until: string, pointer: string): void {
  const limit = shift(new Date(from), MAX_CYCLE).toISOString();
  if (compareInstants(until, limit) > 0) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: `An accreditation cycle lasts at most 5 years: ${pointer.slice(1)} must be on or before ${limit}.`,
      errors: [{ pointer, message: `must be on or before ${limit} (5 years)` }],
    });
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
    requireCycle(validFrom, validUntil, '/validUntil');
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
    if (event.type !== 'RENEW' && event.type !== 'REACCREDIT') return { event };
    const data = record.context as AccreditationData;
    const validUntil = event['validUntil'] as string;
    requireAfter(validUntil, data.validUntil, '/validUntil', `must be after the current validity end, ${data.validUntil}`);
    requireAfter(validUntil, now.toISOString(), '/validUntil', 'must be in the future');
    requireCycle(now.toISOString(), validUntil, '/validUntil');
    if (Array.isArray(event['scope'])) await requireRegulations(store, event['scope'] as string[], '/scope');
    return { event };
  },
};
