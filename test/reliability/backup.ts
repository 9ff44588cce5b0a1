/**
 * `npm run backup` while clients keep writing, then `npm run restore` of that backup into a new
 * file: the restore verifies its history checksum against the backup's, every write acknowledged
 * before the backup began is in it with its history, and every history it holds is a prefix of
 * the live one (one consistent snapshot, nothing invented).
 */
import { join } from 'node:path';
import { expect } from 'chai';
import type { Kind } from '../../src/kinds/types.js';
import type { HistoryEntry, Store } from '../../src/store/port.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { ApiWorld } from '../helpers/api.js';
import { runCli } from '../helpers/cli.js';

export interface BackupResult {
  /** Writes acknowledged while the backup ran. */
  writesDuring: number;
  pages: number;
  /** How often SQLite restarted the copy because the service wrote meanwhile. */
  restarts: number;
  backupMs: number;
  /** Whether progress lines were printed. */
  progressShown: boolean;
  instances: number;
  /** Acknowledged before the backup began, and missing from the restored file. */
  missing: number;
  /** Histories of the restored file that are not a prefix of the live one. */
  notPrefix: number;
  verified: boolean;
  checksum: string;
}

async function historyOf(store: Store, kind: Kind, id: string): Promise<HistoryEntry[]> {
  return (await store.history(kind, id, { limit: 1000 })).items;
}

/** Backs up the world's store under `writers` concurrent submitters, restores it into `dir`, and compares. */
export async function backupUnderLoad(api: ApiWorld, dir: string, writers: number): Promise<BackupResult> {
  const live = api.world.store as SqliteStore;
  const { lab } = await api.world.recognizedLab();
  api.world.advanceDays(3);
  const acknowledged: Array<{ id: string; at: number }> = [];
  let loading = true;
  const load = Promise.all(
    Array.from({ length: writers }, async () => {
      while (loading) {
        const answer = await api.post<{ id: string }>('/test-reports', api.world.reportBody(), lab.id);
        expect(answer.status, answer.text).to.equal(201);
        acknowledged.push({ id: answer.body.id, at: performance.now() });
      }
    }),
  );
  // Some load first, so the backup starts on a busy store.
  while (acknowledged.length < writers * 3) await new Promise((resolve) => setTimeout(resolve, 10));
  const started = performance.now();
  const backupFile = join(dir, 'backup.sqlite');
  const backup = await runCli('backup.ts', [backupFile], { MRA_DB_PATH: live.path });
  const writesDuring = acknowledged.filter((a) => a.at > started).length;
  loading = false;
  await load;
  expect(backup.code, backup.stderr).to.equal(0);
  const backupReport = JSON.parse(backup.stdout) as { pages: number; restarts: number; ms: number; instances: number; checksum: string };

  const restoredFile = join(dir, 'restored.sqlite');
  const restore = await runCli('restore.ts', [backupFile, '--to', restoredFile]);
  expect(restore.code, restore.stderr).to.equal(0);
  const restoreReport = JSON.parse(restore.stdout) as { verified: boolean; backupChecksum: string; restoredChecksum: string };

  const restored = new SqliteStore({ path: restoredFile });
  let missing = 0;
  let notPrefix = 0;
  let instances = 0;
  try {
    for (const { id } of acknowledged.filter((a) => a.at < started)) {
      if ((await restored.load('test-reports', id)) === null || (await historyOf(restored, 'test-reports', id)).length === 0) missing += 1;
    }
    for (const kind of ['agreements', 'accreditations', 'designations', 'recognitions', 'test-reports'] as const) {
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<Store['find']>> = await restored.find(kind, { limit: 200, cursor });
        for (const instance of page.items) {
          instances += 1;
          const [mine, theirs] = [await historyOf(restored, kind, instance.id), await historyOf(live, kind, instance.id)];
          if (JSON.stringify(mine) !== JSON.stringify(theirs.slice(0, mine.length))) notPrefix += 1;
        }
        cursor = page.nextCursor;
      } while (cursor !== null);
    }
  } finally {
    await restored.close();
  }
  return {
    writesDuring,
    pages: backupReport.pages,
    restarts: backupReport.restarts,
    backupMs: backupReport.ms,
    progressShown: /pages copied/.test(backup.stderr),
    instances,
    missing,
    notPrefix,
    verified: restoreReport.verified && restoreReport.backupChecksum === backupReport.checksum && instances === backupReport.instances,
    checksum: backupReport.checksum,
  };
}
