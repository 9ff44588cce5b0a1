import { expect } from 'chai';
import { toCsv } from '../../src/api/csv.js';

describe('CSV for spreadsheets', () => {
  it('shows a cell a spreadsheet would run as a formula as the text it is', () => {
    const rows = [{ name: '=HYPERLINK("http://example.invalid","click")' }, { name: '+1' }, { name: '@SUM(A1)' }, { name: '-2' }, { name: 'Sông Hồng' }];
    const csv = toCsv([['name', (r: { name: string }) => r.name]], rows);
    expect(csv.split('\r\n').slice(1, 6)).to.deep.equal([`"'=HYPERLINK(""http://example.invalid"",""click"")"`, "'+1", "'@SUM(A1)", "'-2", 'Sông Hồng']);
  });
});
