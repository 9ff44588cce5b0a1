/**
 * The stack baseline: the same Express 5 and better-sqlite3, with the store's own settings, doing
 * the least a request can do: `POST /rows` inserts one row (one transaction, one fsync),
 * `GET /rows/:id` reads one row by primary key. What the platform itself can do, against which
 * the service's HTTP figures are ratios.
 */
import type { SqliteSynchronous as SynchronousMode } from '../src/config.js';
import express from 'express';
import { join } from 'node:path';
import { openDatabase } from '../src/store/sqlite/sqlite-store.js';

const db = openDatabase(process.env['BASELINE_DB'] ?? join(process.cwd(), 'baseline.sqlite'), (process.env['MRA_SQLITE_SYNCHRONOUS'] ?? 'FULL') as SynchronousMode);
db.exec('CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
const read = db.prepare<[number], { id: number; body: string }>('SELECT id, body FROM rows WHERE id = ?');

const app = express();
app.use(express.json({ limit: '100kb' }));
app.post('/rows', (request, response) => {
  const { lastInsertRowid } = insert.run(JSON.stringify(request.body));
  response.status(201).json({ id: Number(lastInsertRowid) });
});
app.get('/rows/:id', (request, response) => {
  const row = read.get(Number(request.params.id));
  if (!row) response.status(404).json({ title: 'Not found' });
  else response.json({ id: row.id, body: JSON.parse(row.body) as unknown });
});
const server = app.listen(Number(process.env['PORT'] ?? 0), () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, msg: 'baseline listening' })}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
