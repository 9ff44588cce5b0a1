/**
 * `npm run store:copy -- --from <store> --to <store>`: copies everything (instances, history,
 * outbox, deadlines, directory) into an empty store and verifies it. Stores are `sqlite:<file>`
 * or MongoDB URIs. Progress goes to stderr; the verified counts and checksums to stdout.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { copyStore } from '../store/copy.js';
import type { Store } from '../store/port.js';
import { openLocation, printable } from './store-location.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, 'page-size': { type: 'string' } } });
  if (!values.from || !values.to) throw new Error('Usage: npm run store:copy -- --from sqlite:./data/mra.sqlite --to mongodb://host/mra?replicaSet=rs0');
  if (values.from.startsWith('sqlite:') && !existsSync(values.from.slice('sqlite:'.length))) throw new Error(`${values.from}: no such file`);
  const pageSize = Number(values['page-size'] ?? 500);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error('--page-size must be a whole number above 0');
  const stores: Store[] = [];
  try {
    const from = await openLocation(values.from, { create: false });
    stores.push(from);
    const to = await openLocation(values.to, { create: true });
    stores.push(to);
    process.stderr.write(`copying ${printable(values.from)} (${from.name}) -> ${printable(values.to)} (${to.name})\n`);
    const report = await copyStore(from, to, { pageSize, onProgress: (table, copied) => process.stderr.write(`  ${table}: ${copied}\n`) });
    process.stdout.write(`${JSON.stringify({ verified: true, ...report }, null, 2)}\n`);
  } finally {
    for (const store of stores) await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`store:copy failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
