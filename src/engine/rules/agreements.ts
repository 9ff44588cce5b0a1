/** Agreement rules: both economies exist, and each side's scope lists its own current regulations. */
import { AppError } from '../../errors.js';
import type { Store } from '../../store/port.js';
import { requireRegulations } from './references.js';
import type { KindRules } from './types.js';

async function checkScope(store: Store, economies: readonly string[], scope: Record<string, string[]>, now: Date): Promise<void> {
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
    return { input };
  },

  async prepareEvent(record, event, { store, now }) {
    if (event.type === 'AMEND_SCOPE') {
      await checkScope(store, record.context['economies'] as string[], event['scope'] as Record<string, string[]>, now);
    }
    return { event };
  },
};
