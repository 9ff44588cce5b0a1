/**
 * What the service writes to disk names people, their addresses and key hashes: a new store file
 * and a new mail folder are their owner's alone, whatever the umask lets others read.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { EmlFileTransport } from '../../src/effects/mail/transports/index.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers/world.js';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

describe('Files on disk are the owner’s only', () => {
  let previousUmask: number;
  before(() => (previousUmask = process.umask(0o022)));
  after(() => process.umask(previousUmask));

  it('a new SQLite store: its folder 0700, the file and its WAL 0600', async () => {
    const { dir, remove } = tempDir();
    try {
      const path = join(dir, 'nested', 'mra.sqlite');
      const store = new SqliteStore({ path });
      await store.putCab({ id: 'lab-modes', name: 'Phòng thử nghiệm', economy: 'VN', type: 'lab', email: 'lab@modes.example', language: 'vi' });
      expect(modeOf(join(dir, 'nested'))).to.equal('700');
      expect(modeOf(path)).to.equal('600');
      expect(modeOf(`${path}-wal`)).to.equal('600');
      await store.close();
    } finally {
      remove();
    }
  });

  it('the .eml mail folder 0700, each message 0600', async () => {
    const { dir, remove } = tempDir();
    try {
      const folder = join(dir, 'mail');
      const transport = new EmlFileTransport(folder);
      await transport.send({
        outboxId: '01930000-0000-7000-8000-00000000mode',
        messageId: '<mode@mra.example>',
        threadId: '<thread@mra.example>',
        from: 'MRA Engine <no-reply@mra.example>',
        to: { name: 'Phòng thử nghiệm', address: 'lab@modes.example' },
        subject: 'Thử',
        text: 'Kính gửi,\n',
        html: '<p>Kính gửi,</p>\n',
        language: 'vi',
        date: new Date('2026-01-05T09:00:00.000Z'),
      });
      expect(modeOf(folder)).to.equal('700');
      expect(modeOf(join(folder, '01930000-0000-7000-8000-00000000mode.eml'))).to.equal('600');
    } finally {
      remove();
    }
  });
});
