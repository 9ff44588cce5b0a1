/**
 * `ListQuery.text`: free text asked for by field, in part and without case or diacritics, even
 * where an exact field has the same name (a certificate's manufacturer), as the public coverage
 * answer needs; a name that is no free-text field is refused.
 */
import { expect } from 'chai';
import { SYSTEM_ACTOR } from '../../src/kinds/types.js';
import { failure } from '../helpers/failure.js';
import { certificateBody, recognizedBody } from '../helpers/phase-two.js';
import { World } from '../helpers/world.js';

describe('engine.list with text', () => {
  let world: World;
  before(async () => (world = await World.create()));
  after(async () => world.close());

  it('finds a certificate by part of its manufacturer, without diacritics, where the exact field would not', async () => {
    const { body } = await recognizedBody(world);
    const certificate = await world.engine.create('certificates', certificateBody(world, { certificateNumber: 'TLC-TEXT' }), body);
    const ids = async (query: Parameters<World['engine']['list']>[1]) => (await world.engine.list('certificates', query, SYSTEM_ACTOR)).items.map((r) => r.id);
    expect(await ids({ text: { manufacturer: 'phuong nam' } })).to.deep.equal([certificate.id]);
    expect(await ids({ text: { manufacturer: 'THIET BI MANG' }, where: { importingEconomy: 'KR' } })).to.deep.equal([certificate.id]);
    expect(await ids({ text: { manufacturer: 'dong nai' } })).to.deep.equal([]);
    // The exact field matches the whole name only.
    expect(await ids({ where: { manufacturer: 'phuong nam' } })).to.deep.equal([]);
  });

  it('refuses a name that is no free-text field, and text too short to look up, with VALIDATION_FAILED', async () => {
    const refused: Array<Record<string, string>> = [{ cabId: 'abc' }, { manufacturer: 'pn' }];
    for (const text of refused) {
      const error = await failure(() => world.engine.list('certificates', { text }, SYSTEM_ACTOR));
      expect(error, JSON.stringify(text)).to.deep.include({ code: 'VALIDATION_FAILED' });
    }
  });
});
