/**
 * `npm run backup -- <file>`: an online backup of the SQLite store (MRA_DB_PATH) into a new file,
 * through SQLite's backup API, while the service runs. Progress goes to stderr; the backup's
 * integrity, instance count and history checksum to stdout, as JSON. On MongoDB this is
 * mongodump's job, and the command says so.
 */
import { loadConfig } from '../config.js';
import { backupSqliteFile } from '../store/sqlite/backup.js';
import { MONGODB_BACKUP, printProgress, summarise } from './backup-report.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.mongodbUri !== null) {
    process.stderr.write(`${MONGODB_BACKUP}\n`);
    process.exitCode = 2;
    return;
  }
  const target = process.argv[2];
  if (!target) throw new Error('Usage: npm run backup -- <backup file>   (the store is MRA_DB_PATH, ./data/mra.sqlite by default)');
  process.stderr.write(`backing up ${config.dbPath} -> ${target}\n`);
  const started = performance.now();
  const { totalPages, restarts } = await backupSqliteFile(config.dbPath, target, printProgress('backup'));
  const ms = Math.round(performance.now() - started);
  const summary = await summarise(target);
  process.stdout.write(`${JSON.stringify({ backup: summary.path, pages: totalPages, restarts, ms, integrity: summary.integrity, instances: summary.instances, checksum: summary.checksum }, null, 2)}\n`);
  if (summary.integrity !== 'ok') process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
