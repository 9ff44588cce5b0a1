/**
 * `/watching`: the page a watch e-mail sends a person to, to stop it without the API. Over real
 * HTTP, in Vietnamese: the person sees what they watch in words and removes it with a button; the
 * watch is gone and sends no more e-mail. Someone else's watch is the 404 page, and stays.
 */
import { expect } from 'chai';
import { addWatch, listWatches } from '../../src/effects/watches/watches.js';
import { watchingTexts } from '../../src/i18n/pages/watching.js';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { actorOf } from '../../src/principals.js';
import { ApiWorld } from '../helpers/api.js';
import { PagePerson } from '../helpers/people.js';

describe('web pages: /watching, where a person stops their watches', () => {
  let api: ApiWorld;
  before(async () => {
    api = await ApiWorld.create();
  });
  after(async () => {
    await api.close();
  });

  it('shows the reader\'s watches in words and removes one with its button; another person\'s removal is the 404 page', async () => {
    const importer = actorOf((await api.world.store.getPrincipal('importer-hanbit'))!);
    const watch = await addWatch(api.world.store, importer, { type: 'model', economy: 'KR', manufacturer: 'Công ty Cổ phần Thiết bị Mạng Phương Nam', model: 'PN-AX3000' }, api.world.clock.now());
    const person = await PagePerson.signIn(api, 'demo-importer-key', 'vi');
    const shown = await person.get('/watching');
    expect(shown.status).to.equal(200);
    expect(shown.text).to.contain(watchingTexts.vi.title).and.to.contain('thiết bị có ký hiệu (model) PN-AX3000 của Công ty Cổ phần Thiết bị Mạng Phương Nam tại Hàn Quốc');

    const stranger = await PagePerson.signIn(api, 'demo-kr-regulator-key', 'vi');
    const refused = await stranger.post('/', `/watching/${watch.id}/remove`, {});
    expect(refused.status).to.equal(404);
    expect(await refused.text()).to.contain(pageTexts.vi.notFound.title);
    expect((await listWatches(api.world.store, importer, {})).items.map((w) => w.id)).to.deep.equal([watch.id]);

    const removed = await person.post('/watching', `/watching/${watch.id}/remove`, {});
    expect(removed.status).to.equal(303);
    expect(removed.headers.get('location')).to.equal('/watching?done=removed');
    expect((await listWatches(api.world.store, importer, {})).items).to.deep.equal([]);
    const after = await person.get('/watching?done=removed');
    expect(after.text).to.contain(watchingTexts.vi.removed).and.to.contain(watchingTexts.vi.none);
  });
});
