/**
 * "Is model X of maker Y covered in economy Z" over real HTTP (port 0), on the demo scenario
 * (`seed/scenario.json`, applied to the test world's store): the coverage page and its JSON twin
 * find the manufacturer in part and without diacritics, answer with the basis and a link to it,
 * say what to do when nothing covers a model, and refuse bad input as a 400 that looks nothing up.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { Durations } from '../../src/kinds/durations-table.js';
import { applySeed } from '../../src/seed/apply-seed.js';
import { readSeed } from '../../src/seed/read-seed.js';
import { Validator } from '../../src/validation.js';
import { ApiWorld } from '../helpers/api.js';
import { testKeyHasher } from '../helpers/world.js';

const HTML = { Accept: 'text/html,application/xhtml+xml' };
const SEED = join(import.meta.dirname, '..', '..', 'seed');

interface Coverage {
  coveredBy: string | null;
  basis: Array<{ kind: string; number: string; id: string; link: string; equipment: { manufacturer: string; model: string } }>;
  whatToDo?: { arrangements: Array<{ partner: string; phase: string; routes: string[] }>; register: string };
}

const ask = (path: string, fields: Record<string, string>) => `${path}?${new URLSearchParams(fields).toString()}`;

describe('the coverage page and GET /public/coverage, on the demo scenario', () => {
  let api: ApiWorld;
  const page = async (fields: Record<string, string>, language = 'en') => api.request('GET', ask('/coverage', fields), { headers: { ...HTML, 'Accept-Language': language } });
  const json = async (fields: Record<string, string>) => api.get<Coverage>(ask('/public/coverage', fields));

  before(async () => {
    api = await ApiWorld.create();
    const validator = new Validator();
    await applySeed(api.world.store, await readSeed(SEED, validator), { now: api.world.clock.now(), durations: new Durations(), validator, hasher: testKeyHasher });
  });
  after(async () => api.close());

  describe('GET /coverage', () => {
    it('answers that the PN-AX1800 of "phuong nam" is covered in the United States by certificate TL-2026-0001, with a link to it', async () => {
      const answer = await page({ economy: 'US', manufacturer: 'phuong nam', model: 'PN-AX1800' });
      expect(answer.status).to.equal(200);
      expect(answer.text).to.contain('Covered: the PN-AX1800 holds a Phase II certificate in force in United States');
      expect(answer.text).to.contain('Open TL-2026-0001').and.to.contain('href="/register/certificates/cert-tl-0001"');
      // The link is the certificate's public page: a customs officer without an account opens it.
      const linked = await api.request('GET', '/register/certificates/cert-tl-0001', { headers: HTML });
      expect(linked.status).to.equal(200);
      expect(linked.text).to.contain('TL-2026-0001');
      // The maker in full, as the certificate names it.
      expect(answer.text).to.contain('Công ty Cổ phần Thiết bị Mạng Phương Nam');
    });

    it('answers in Vietnamese too, with the same basis', async () => {
      const answer = await page({ economy: 'US', manufacturer: 'Phương Nam', model: 'pn-ax1800' }, 'vi');
      expect(answer.status).to.equal(200);
      expect(answer.text).to.contain('<html lang="vi">').and.to.contain(pageTexts.vi.coverage.title);
      expect(answer.text).to.contain('Đã được thừa nhận: kiểu loại pn-ax1800 có giấy chứng nhận Giai đoạn II còn hiệu lực');
      expect(answer.text).to.contain('Xem TL-2026-0001');
    });

    it('finds the maker by a part of its name, in capitals, without diacritics', async () => {
      for (const manufacturer of ['PHUONG', 'thiet bi mang', 'Mạng Phương']) {
        const answer = await page({ economy: 'US', manufacturer, model: 'PN-AX1800' });
        expect(answer.text, manufacturer).to.contain('Open TL-2026-0001');
      }
    });

    it('answers "not covered" for a model nothing covers, with what to do under the arrangements in force', async () => {
      const answer = await page({ economy: 'US', manufacturer: 'phuong nam', model: 'PN-NOTHING-1' });
      expect(answer.status).to.equal(200);
      expect(answer.text).to.contain('Not covered: no certificate in force and no accepted test report covers the PN-NOTHING-1 of phuong nam in United States');
      expect(answer.text).to.contain('have the model tested against the technical regulations of United States by a laboratory United States recognises');
      expect(answer.text).to.contain('have the model certified by a certification body United States recognises');
      expect(answer.text).to.contain('href="/register?importing=US"');
      const vi = await page({ economy: 'US', manufacturer: 'phuong nam', model: 'PN-NOTHING-1' }, 'vi');
      expect(vi.text).to.contain('Chưa được thừa nhận').and.to.contain(pageTexts.vi.coverage.whatToDo);
    });

    it('shows the empty form when nothing is asked, a form a browser sends without JavaScript', async () => {
      const answer = await page({});
      expect(answer.status).to.equal(200);
      expect(answer.text).to.contain('<form method="get" action="/coverage"').and.to.contain('name="manufacturer"').and.to.contain('name="model"').and.to.contain('name="economy"');
      expect(answer.text).not.to.contain('id="coverage"');
    });

    it('refuses a NUL, an overlong name, a name too short to look up and an unknown economy with a 400 page, as the JSON twin does with a problem', async () => {
      const nul = await page({ economy: 'US', manufacturer: 'phuong\u0000nam', model: 'PN-AX1800' });
      expect(nul.status).to.equal(400);
      expect(nul.headers.get('content-type')).to.match(/text\/html/);
      const cases: Array<[Record<string, string>, string]> = [
        [{ economy: 'US', manufacturer: 'p'.repeat(201), model: 'PN-AX1800' }, pageTexts.en.coverage.tooLong(200)],
        [{ economy: 'US', manufacturer: 'pn', model: 'PN-AX1800' }, pageTexts.en.coverage.tooShort],
        [{ economy: 'ZZ', manufacturer: 'phuong nam', model: 'PN-AX1800' }, pageTexts.en.coverage.unknownEconomy],
        [{ economy: 'US', manufacturer: 'phuong nam', model: '' }, pageTexts.en.coverage.missing],
      ];
      for (const [fields, problem] of cases) {
        const answer = await page(fields);
        expect(answer.status, JSON.stringify(fields)).to.equal(400);
        expect(answer.text).to.contain(problem).and.not.to.contain('id="coverage"');
        if (fields['economy'] === 'ZZ' || fields['model'] === '') continue;
        const twin = await json(fields);
        expect(twin.status, JSON.stringify(fields)).to.equal(400);
        expect(twin.headers.get('content-type')).to.match(/application\/problem\+json/);
      }
      expect((await json({ economy: 'US', manufacturer: 'phuong\u0000nam', model: 'PN-AX1800' })).status).to.equal(400);
    });
  });

  describe('GET /public/coverage', () => {
    it('answers covered by certificate TL-2026-0001 for "phuong nam" + PN-AX1800 in the United States, with the link to it', async () => {
      const { status, body } = await json({ economy: 'US', manufacturer: 'phuong nam', model: 'pn-ax1800' });
      expect(status).to.equal(200);
      expect(body.coveredBy).to.equal('certificate');
      expect(body.basis.map((b) => [b.kind, b.number, b.id, b.link])).to.deep.equal([['certificate', 'TL-2026-0001', 'cert-tl-0001', '/register/certificates/cert-tl-0001']]);
      expect(body.basis[0]!.equipment).to.deep.equal({ manufacturer: 'Công ty Cổ phần Thiết bị Mạng Phương Nam', model: 'PN-AX1800' });
      expect(body).not.to.have.property('whatToDo');
    });

    it('finds the maker by a part of its name without diacritics, the model whole in any case', async () => {
      expect((await json({ economy: 'US', manufacturer: 'THIET BI', model: 'PN-AX1800' })).body.coveredBy).to.equal('certificate');
      expect((await json({ economy: 'US', manufacturer: 'phuong nam', model: 'PN-AX18' })).body.coveredBy).to.equal(null);
      // Another maker's name does not cover it.
      expect((await json({ economy: 'US', manufacturer: 'dong nai', model: 'PN-AX1800' })).body.coveredBy).to.equal(null);
    });

    it('answers not covered with the routes the arrangement in force opens and the register to find a lab or a body', async () => {
      const { body } = await json({ economy: 'US', manufacturer: 'phuong nam', model: 'PN-NOTHING-1' });
      expect(body).to.deep.include({ coveredBy: null, basis: [] });
      expect(body.whatToDo).to.deep.equal({ arrangements: [{ partner: 'VN', phase: 'II', routes: ['test-report', 'certificate'] }], register: '/register?importing=US' });
    });
  });
});
