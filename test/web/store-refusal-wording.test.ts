/**
 * A write the store refused and a write it did not confirm read differently on the pages: after the
 * first the officer sends again; after the second the record may already hold it, so the page says
 * to look first (a MongoDB write whose confirmation timed out, `src/store/mongo/unavailable.ts`).
 */
import { expect } from 'chai';
import { guardStore } from '../../src/store/unavailable.js';
import { refusalOf } from '../../src/http/web/refusal.js';
import { contextFor } from '../../src/http/web/context.js';
import type { AppError } from '../../src/errors.js';

async function refusedBy(written: 'nothing' | 'unknown'): Promise<AppError> {
  const store = guardStore({ put: async () => Promise.reject(new Error('driver')) }, () => ({ reason: 'test', written }));
  return store.put().then(
    () => expect.fail('the write should be refused'),
    (error: unknown) => error as AppError,
  );
}

describe('Pages word an unconfirmed write apart from a refused one', () => {
  for (const language of ['en', 'vi'] as const) {
    const context = contextFor(language, { actor: null, csrfToken: () => '', here: '/' });

    it(`${language}: "nothing was recorded" only when nothing was; "may have been saved, check first" otherwise`, async () => {
      const refused = refusalOf(context, await refusedBy('nothing'));
      const unconfirmed = refusalOf(context, await refusedBy('unknown'));
      expect(refused.code).to.equal('STORE_UNAVAILABLE');
      expect(refused.message).to.contain(context.text.errors['STORE_UNAVAILABLE']);
      expect(unconfirmed.message).to.contain(context.text.errors['STORE_UNCONFIRMED']);
      expect(unconfirmed.message).not.to.contain(context.text.errors['STORE_UNAVAILABLE']);
    });
  }

  it('the API tells the client too: `written` is in the problem', async () => {
    expect((await refusedBy('unknown')).publicFields).to.deep.equal({ written: 'unknown' });
    expect((await refusedBy('nothing')).publicFields).to.deep.equal({ written: 'nothing' });
  });
});
