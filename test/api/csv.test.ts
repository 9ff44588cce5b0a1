/**
 * The CSV exports (`src/http/api/csv.ts`): a cell a spreadsheet would run as a formula comes out
 * as text, however it hides its first character (OWASP, CSV injection).
 */
import { expect } from 'chai';
import { toCsv } from '../../src/http/api/csv.js';

/** The one data cell of a one-column export of `value`, as written. */
function cellOf(value: string): string {
  const csv = toCsv([['name', (row: { name: string }) => row.name]], [{ name: value }]);
  return csv.split('\r\n')[1]!;
}

describe('CSV export: formula injection', () => {
  const formulas = [
    '=HYPERLINK("http://evil.example","x")',
    '+1+2',
    '-3',
    '@SUM(A1)',
    '\t=1+1',
    '\r=1+1',
    ' =1+1',
    '   @SUM(A1)',
    '\u00a0=1+1',
    '\u00a0\u00a0+1',
    '\u3000=1+1',
    '\u2003-3',
    '\u200b=1+1',
    '\ufeff=1+1',
    '\uff1dHYPERLINK("http://evil.example","x")',
    '\uff0b1',
    '\uff0d1',
    '\uff20SUM(A1)',
    ' \uff1d1+1',
    '\ufe661+1',
  ];

  for (const formula of formulas) {
    it(`writes ${JSON.stringify(formula)} with a leading apostrophe`, () => {
      const cell = cellOf(formula);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      expect(unquoted).to.equal(`'${formula}`);
    });
  }

  it('leaves text that only contains those characters later as it is', () => {
    for (const plain of ['Công ty Phương Nam', 'PN-AX3000', 'a=b', '3 + 4', 'x@lab.example', ' Sông Hồng', '\u00a0Hà Nội']) {
      const cell = cellOf(plain);
      expect(cell.startsWith('"') ? cell.slice(1, -1) : cell, plain).to.equal(plain);
    }
  });
});
