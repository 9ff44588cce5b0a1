/**
 * What a list page offers is asked of the engine's create rules (`mayBeAdmitted` in
 * `src/engine/authorize.ts`), never copied: each role sees the "new" button of exactly the kinds
 * the engine would let it create, and an admin, whom no create rule names, sees none; the create
 * form itself, opened by its address, is the 403 page for the others.
 */
import { expect } from 'chai';
import { KINDS, type Kind } from '../../src/kinds/index.js';
import { ApiWorld } from '../helpers/api.js';
import { PagePerson } from '../helpers/people.js';

/** Seeded principals by key, and the kinds the workflow tables let each of them create. */
const CREATES: Array<[key: string, kinds: Kind[]]> = [
  ['demo-admin-api-key', []],
  ['demo-vn-regulator-key', ['agreements', 'equivalences']],
  ['demo-vn-designating-authority-key', ['designations', 'recognitions']],
  ['demo-vn-accreditation-body-key', ['accreditations']],
  ['demo-lab-song-hong-key', ['test-reports', 'certificates', 'designations']],
  ['demo-importer-key', []],
];

describe('web pages: the create forms a list offers are those the engine accepts', () => {
  let api: ApiWorld;
  before(async () => {
    api = await ApiWorld.create();
  });
  after(async () => {
    await api.close();
  });

  for (const [key, creates] of CREATES) {
    it(`${key.replace(/^demo-|-(api-)?key$/g, '')} is offered a create form for ${creates.join(', ') || 'no kind'}`, async () => {
      const person = await PagePerson.signIn(api, key);
      const offered: Kind[] = [];
      for (const kind of KINDS) {
        const list = await person.get(`/records/${kind}`);
        expect(list.status).to.equal(200);
        if (list.text.includes(`href="/records/${kind}/new"`)) offered.push(kind);
      }
      expect(offered.sort()).to.deep.equal([...creates].sort());
      for (const kind of KINDS) {
        const form = await person.get(`/records/${kind}/new`);
        expect(form.status, kind).to.equal(creates.includes(kind) ? 200 : 403);
      }
    });
  }

  it('an admin is not offered the test-report form, which the engine refuses it', async () => {
    const admin = { id: 'admin', role: 'admin' } as const;
    const refused = await api.world.engine.create('test-reports', api.world.reportBody(), admin).catch((error: unknown) => error);
    expect(refused).to.have.property('code', 'FORBIDDEN');
    const person = await PagePerson.signIn(api, 'demo-admin-api-key');
    expect((await person.get('/records/test-reports')).text).to.not.contain('href="/records/test-reports/new"');
  });
});
