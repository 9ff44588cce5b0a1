/**
 * Agreement rules: both economies exist, and each side's scope lists its own current regulations;
 * a scope amendment is the sender's own economy's list; a notice's effective date defaults to
 * the configured notice period.
 */
import { AppError } from '../../errors.js';
import type { DirectoryStore } from '../../store/port.js';
import { shift } from '../../durations.js';
import { requireAfter, requireRegulations } from '../kit/references.js';
import type { KindRules } from '../kit/rules.js';

async function checkScope(store: DirectoryStore, economies: readonly string[], scope: Record<string, string[]>, now: Date): Promise<void> {
  const keys = Object.keys(scope).sort();
  if (keys.join() !== [...economies].sort().join()) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: `scope must list the regulations of exactly the agreement's economies (${economies.join(', ')}), not ${keys.join(', ')}.`,
      errors: [{ pointer: '/scope', message: `must have exactly the keys ${economies.join(', ')}` }],
    });
  }
  for (const economy of economies) {
    await requireRegulations(store, scope[economy] ?? [], `/scope/${economy}`, { economy, now });
  }
}

export const agreementRules: KindRules = {
  async assess(input, { store, now }) {
    const economies = input['economies'] as string[];
    for (const [index, code] of economies.entries()) {
      if (!(await store.getEconomy(code))) {
        throw new AppError({
          code: 'UNKNOWN_REFERENCE',
          detail: `There is no economy "${code}" (GET /economies lists them).`,
          errors: [{ pointer: `/economies/${index}`, message: `unknown economy "${code}"` }],
        });
      }
    }
    await checkScope(store, economies, input['scope'] as Record<string, string[]>, now);
    return { input: { ...input, designationNumbers: input['designationNumbers'] ?? 'designating_authority' } };
  },

  async prepareEvent(_record, event, { store, now, actor, durations }) {
    if (event.type === 'AMEND_SCOPE') {
      // A Party notifies changes to its own list only: every regulation must be the sender's economy's.
      await requireRegulations(store, event['regulations'] as string[], '/regulations', { economy: actor.economy ?? '', now });
    }
    if (event.type === 'GIVE_NOTICE') {
      const effectiveAt = (event['effectiveAt'] as string | undefined) ?? shift(now, durations.get('agreements', 'noticePeriod')).toISOString();
      requireAfter(effectiveAt, now.toISOString(), '/effectiveAt', 'must be in the future: a notice takes effect after it is given');
      return { event: { ...event, effectiveAt } };
    }
    return { event };
  },
};
