/**
 * Packed JSON cells (src/store/sqlite/packed-json.ts): what a store writes packed reads back the
 * same, cells written as text by older releases still read, a cell of an unknown format is refused
 * with a sentence, and the dictionary of format 1 never changes under the cells that need it.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect } from 'chai';
import { JSON_DICTIONARY_1 } from '../../src/store/sqlite/json-dictionary.js';
import { packJson, readJsonCell } from '../../src/store/sqlite/packed-json.js';

describe('packed JSON cells', () => {
  it('reads back exactly what was packed, Vietnamese and all', () => {
    const value = { reportNumber: 'SHT-2026-0001', equipment: { manufacturer: 'Công ty Cổ phần Thiết bị Mạng Đồng Nai', model: 'ĐN-Ω 5' }, n: 3, none: null, list: [1, 'x'] };
    expect(readJsonCell(packJson(value))).to.deep.equal(value);
  });

  it('packs a typical test report several times smaller than its text', () => {
    const report = {
      reportNumber: 'HT-2026-118',
      importingEconomy: 'KR',
      regulations: ['KR:KN 301 489', 'KR:KN 32'],
      equipment: { manufacturer: 'Công ty TNHH Điện tử Hà Tĩnh', model: 'HT-5G-CPE-2', category: 'router' },
      testedAt: '2026-11-28T02:00:00.000Z',
      issuedAt: '2026-11-30T02:00:00.000Z',
      cabId: 'vn-lab-song-hong',
      exportingEconomy: 'VN',
      reasons: [],
      documents: [],
      infoRequests: [],
    };
    const text = Buffer.byteLength(JSON.stringify(report));
    expect(packJson(report).length).to.be.below(text / 3);
  });

  it('reads a cell an older release wrote as JSON text', () => {
    expect(readJsonCell('{"a":[1,2]}')).to.deep.equal({ a: [1, 2] });
  });

  it('refuses a packed cell of a format it does not know, saying to upgrade', () => {
    const cell = packJson({ a: 1 });
    cell[0] = 9;
    expect(() => readJsonCell(cell)).to.throw(/format 9.*upgrade/);
  });

  it('packs a value packed before to the same bytes, and a changed cell changes no later one', () => {
    // Short texts come from a cache of cells already packed: each caller gets a cell of its own.
    const value = { id: 'kr-regulator', role: 'regulator', economy: 'KR' };
    const first = packJson(value);
    const bytes = Buffer.from(first);
    first.fill(0);
    const second = packJson(value);
    expect(second.equals(bytes)).to.equal(true);
    expect(readJsonCell(second)).to.deep.equal(value);
    const long = { text: 'Tạm ngừng để rà soát hồ sơ. '.repeat(40) };
    expect(packJson(long).equals(packJson(long))).to.equal(true);
    expect(readJsonCell(packJson(long))).to.deep.equal(long);
  });

  it('keeps the dictionary of format 1 byte for byte (cells written with it need exactly these bytes)', () => {
    // Changing the dictionary would make every stored format-1 cell unreadable: a new dictionary
    // is a new format beside this one. This digest is of the dictionary as first released.
    expect(createHash('sha256').update(JSON_DICTIONARY_1).digest('hex')).to.equal(DICTIONARY_1_SHA256);
  });

  it('round-trips through a real SQLite BLOB column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mra-packed-'));
    const db = new BetterSqlite3(join(dir, 'p.sqlite'));
    try {
      db.exec('CREATE TABLE t (cell)');
      const value = { to: 'recognised', actor: { name: 'Cục Viễn thông (VNTA)' } };
      db.prepare('INSERT INTO t VALUES (?)').run(packJson(value));
      const cell = db.prepare('SELECT cell, typeof(cell) AS type FROM t').get() as { cell: Uint8Array; type: string };
      expect(cell.type).to.equal('blob');
      expect(readJsonCell(cell.cell)).to.deep.equal(value);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const DICTIONARY_1_SHA256 = '57d96134dea23b476ccf0aac3c8b90370eb04bb4f92207d8f292b04fa5f7d905';
