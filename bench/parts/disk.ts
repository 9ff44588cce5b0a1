/** Part 1, the yardstick: raw single-row SQLite commits with the store's own settings. */
import type { SqliteSynchronous as SynchronousMode } from '../../src/config.js';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/sqlite/sqlite-store.js';
import { rate } from '../lib/stats.js';

/** Commits per second, one single-row INSERT transaction (and one fsync) each, for `seconds`. */
export function rawCommitRate(dir: string, synchronous: SynchronousMode, seconds: number): Promise<number> {
  const db = openDatabase(join(dir, `raw-${process.hrtime.bigint()}.sqlite`), synchronous);
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
  const body = JSON.stringify({ note: 'Thỏa thuận thừa nhận lẫn nhau', n: 0 });
  return rate(seconds, () => insert.run(body)).finally(() => db.close());
}
