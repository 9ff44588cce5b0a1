/** The folding shared by the index and the search box: what a person types meets what was stored. */
import { expect } from 'chai';
import { foldText, searchFragments } from '../../src/search/fold.js';

describe('Search folding', () => {
  it('folds case, diacritics and đ, NFC and NFD alike', () => {
    const name = 'Công ty Cổ phần Thiết bị Mạng Phương Nam — ĐÀ NẴNG';
    expect(foldText(name)).to.equal('cong ty co phan thiet bi mang phuong nam — da nang');
    expect(foldText(name.normalize('NFD'))).to.equal(foldText(name));
    expect(foldText('Đồng Nai đường')).to.equal('dong nai duong');
    expect(foldText('  PN-AX1800 \t Wi‑Fi ')).to.equal('pn-ax1800 wi‑fi');
  });

  it('cuts a search box into fragments of at least three characters, short syllables riding with a neighbour', () => {
    expect(searchFragments('Cong ty Co phan')).to.deep.equal(['cong', 'ty co', 'phan']);
    expect(searchFragments('Phương Nam PN-AX')).to.deep.equal(['phuong', 'nam', 'pn-ax']);
    expect(searchFragments('Mạng Bộ Ti')).to.deep.equal(['mang', 'bo ti']);
    expect(searchFragments('abc de')).to.deep.equal(['abc de']);
    expect(searchFragments('PN')).to.deep.equal([]);
    expect(searchFragments('   ')).to.deep.equal([]);
  });
});
