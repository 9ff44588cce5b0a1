/** Cursors that leave the API are opaque: sealed, bound to their route, and refused if altered. */
import { expect } from 'chai';
import { ApiWorld } from '../helpers/api.js';

type Page = { items: Array<{ id: string; createdAt?: string; seq?: number }>; nextCursor: string | null };

describe('HTTP: opaque cursors', () => {
  let api: ApiWorld;
  const agreementIds: string[] = [];
  before(async () => {
    api = await ApiWorld.create();
    for (let i = 0; i < 3; i += 1) {
      agreementIds.push((await api.world.agreement({ sign: true })).id);
      api.world.advanceDays(1);
    }
  });
  after(async () => api.close());

  it('a list cursor shows neither the id nor the creation time of the last row, and still turns the page', async () => {
    const first = await api.get<Page>('/agreements?limit=1', 'vn-regulator');
    expect(first.status, first.text).to.equal(200);
    const cursor = first.body.nextCursor!;
    const last = first.body.items[0]!;
    const decoded = Buffer.from(cursor, 'base64url').toString('latin1');
    expect(decoded).not.to.contain(last.id);
    expect(decoded).not.to.contain(last.id.slice(0, 8));
    expect(decoded).not.to.match(/20\d\d-\d\d-\d\d/);
    // The same position, sealed twice, reads differently: nothing stable to learn from.
    const again = await api.get<Page>('/agreements?limit=1', 'vn-regulator');
    expect(again.body.nextCursor).not.to.equal(cursor);
    const second = await api.get<Page>(`/agreements?limit=1&cursor=${cursor}`, 'vn-regulator');
    expect(second.status, second.text).to.equal(200);
    expect(second.body.items[0]!.id).not.to.equal(last.id);
  });

  it('a history cursor is sealed too, and pages through the history', async () => {
    const id = agreementIds[0]!;
    const first = await api.get<Page>(`/agreements/${id}/history?limit=1`, 'vn-regulator');
    expect(first.body.nextCursor).to.be.a('string').and.not.to.match(/^\d+$/);
    const second = await api.get<Page>(`/agreements/${id}/history?limit=1&cursor=${first.body.nextCursor!}`, 'vn-regulator');
    expect(second.status, second.text).to.equal(200);
    expect(second.body.items[0]!.seq).to.equal(2);
  });

  it('an altered cursor, a store cursor and one from another route are refused with 400', async () => {
    const { body } = await api.get<Page>('/agreements?limit=1', 'vn-regulator');
    const cursor = body.nextCursor!;
    const flipped = `${cursor.slice(0, 20)}${cursor[20] === 'A' ? 'B' : 'A'}${cursor.slice(21)}`;
    const plain = Buffer.from(JSON.stringify(['2026-01-05T09:00:00.000Z', agreementIds[0]])).toString('base64url');
    for (const [path, what] of [
      [`/agreements?cursor=${flipped}`, 'altered'],
      [`/agreements?cursor=${plain}`, 'unsealed'],
      [`/recognitions?cursor=${cursor}`, 'another route'],
    ] as const) {
      const before = await api.world.snapshot();
      const answer = await api.get(path, 'vn-regulator');
      expect(answer.status, what).to.equal(400);
      expect(answer.body).to.deep.include({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/cursor', message: 'not a cursor issued by this route' }] });
      expect(await api.world.snapshot()).to.deep.equal(before);
    }
  });
});
