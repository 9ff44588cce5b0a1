/**
 * `npm run restore -- <backup file> [--to <file>] [--replace]`: puts a backup made by
 * `npm run backup` back as the store (MRA_DB_PATH unless `--to` says otherwise), with the service
 * stopped. It checks the backup's integrity first, copies it with SQLite's backup API, then
 * verifies that the restored file has the same history checksum as the backup, and prints both.
 * An existing store is replaced only with `--replace`.
 */
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { backupSqliteFile } from '../store/sqlite/backup.js';
import { MONGODB_BACKUP, printProgress, summarise } from './backup-report.js';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { to: { type: 'string' }, replace: { type: 'boolean' } } });
  const config = loadConfig();
  if (config.mongodbUri !== null && values.to === undefined) {
    process.stderr.write(`${MONGODB_BACKUP}\n`);
    process.exitCode = 2;
    return;
  }
  const backup = positionals[0];
  if (!backup) throw new Error('Usage: npm run restore -- <backup file> [--to <file>] [--replace]   (stop the service first)');
  const target = values.to ?? config.dbPath;
  const source = await summarise(backup);
  if (source.integrity !== 'ok') throw new Error(`${backup} is damaged (integrity_check: ${source.integrity}); nothing was restored`);
  if (existsSync(target)) {
    if (!values.replace) throw new Error(`${target} exists: stop the service and add --replace to overwrite it with the backup`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  }
  process.stderr.write(`restoring ${backup} -> ${target}\n`);
  await backupSqliteFile(backup, target, printProgress('restore'));
  const restored = await summarise(target);
  const verified = restored.integrity === 'ok' && restored.checksum === source.checksum && restored.instances === source.instances;
  process.stdout.write(`${JSON.stringify({ verified, restored: target, instances: restored.instances, backupChecksum: source.checksum, restoredChecksum: restored.checksum }, null, 2)}\n`);
  if (!verified) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`restore failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
