/**
 * Equivalence rules (docs/domain.md, "Equivalence"): the proposer is a regulator of another
 * economy than the partner; its requirement is a regulation of its own economy or a reference
 * scheme; the counterpart is the partner's regulation; a new version belongs to the sender's side;
 * a notice's effective date defaults to the notice period.
 */
import type { EquivalenceData } from './machine.js';
import type { Requirement } from './schemas.js';
import { shift } from '../../durations.js';
import { AppError } from '../../errors.js';
import type { DirectoryStore } from '../../store/port.js';
import { requireAfter, requireRegulations } from '../kit/references.js';
import type { KindRules } from '../kit/rules.js';

async function requireOwnRequirement(store: DirectoryStore, requirement: Requirement, economy: string, pointer: string): Promise<void> {
  if (requirement.regulation !== undefined) await requireRegulations(store, [requirement.regulation], `${pointer}/regulation`, { economy });
}

export const equivalenceRules: KindRules = {
  derive(body, { actor }) {
    return Promise.resolve(actor.role === 'regulator' && actor.economy !== undefined ? { ...body, proposingEconomy: actor.economy } : body);
  },

  async assess(input, { store, now }) {
    const proposing = input['proposingEconomy'] as string;
    const partner = input['partnerEconomy'] as string;
    if (proposing === partner) {
      throw new AppError({
        code: 'VALIDATION_FAILED',
        detail: `An equivalence is between two economies: the partner must not be ${proposing}, the proposer's own.`,
        errors: [{ pointer: '/partnerEconomy', message: `must be another economy than ${proposing}` }],
      });
    }
    if (!(await store.getEconomy(partner))) {
      throw new AppError({
        code: 'UNKNOWN_REFERENCE',
        detail: `There is no economy "${partner}" (GET /economies lists them).`,
        errors: [{ pointer: '/partnerEconomy', message: `unknown economy "${partner}"` }],
      });
    }
    await requireOwnRequirement(store, input['requirement'] as Requirement, proposing, '/requirement');
    await requireRegulations(store, [input['counterpart'] as string], '/counterpart', { economy: partner, now }).catch((error: unknown) => {
      // One regulation: the error points at the field itself, not at an index of a list.
      if (error instanceof AppError) throw new AppError({ code: error.code, detail: error.detail, errors: [{ pointer: '/counterpart', message: error.detail }] });
      throw error;
    });
    return { input };
  },

  async prepareEvent(record, event, { store, now, actor, durations }) {
    const data = record.context as EquivalenceData;
    if (event.type === 'REVISE' && event['requirement'] !== undefined) {
      await requireOwnRequirement(store, event['requirement'] as Requirement, data.proposingEconomy, '/requirement');
    }
    if (event.type === 'REQUIREMENT_REVISED') {
      const revised = event['requirement'] as Requirement;
      const side = actor.economy === data.partnerEconomy ? 'partner' : 'proposer';
      if (side === 'partner' && revised.regulation === undefined) {
        throw new AppError({
          code: 'VALIDATION_FAILED',
          detail: `The partner's side is a regulation of ${data.partnerEconomy}: name its new version as requirement.regulation.`,
          errors: [{ pointer: '/requirement', message: 'must be a regulation' }],
        });
      }
      await requireOwnRequirement(store, revised, actor.economy ?? '', '/requirement');
    }
    if (event.type === 'WITHDRAW_NOTICE' && data.notice !== undefined && actor.economy !== data.notice.economy) {
      throw new AppError({ code: 'FORBIDDEN', detail: `The notice was given by ${data.notice.economy}; only its regulator may withdraw it.` });
    }
    if (event.type === 'ACCEPT') return { event: { ...event, inForceFrom: event['inForceFrom'] ?? now.toISOString() } };
    if (event.type === 'GIVE_NOTICE') {
      const effectiveAt = (event['effectiveAt'] as string | undefined) ?? shift(now, durations.get('equivalences', 'noticePeriod')).toISOString();
      requireAfter(effectiveAt, now.toISOString(), '/effectiveAt', 'must be in the future: a notice takes effect after it is given');
      return { event: { ...event, effectiveAt } };
    }
    return { event };
  },
};
