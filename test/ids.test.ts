import { expect } from 'chai';
import { newId } from '../src/ids.js';

describe('newId', () => {
  it('mints RFC 9562 version-7 UUIDs that sort in the order they were minted, all distinct', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    for (const id of ids.slice(0, 50)) expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).to.equal(ids.length);
    expect([...ids].sort()).to.deep.equal(ids);
  });

  it('carries the time it was minted in its first 48 bits', () => {
    const before = Date.now();
    const ms = parseInt(newId().replace(/-/g, '').slice(0, 12), 16);
    expect(ms).to.be.within(before - 1, Date.now() + 1);
  });
});
