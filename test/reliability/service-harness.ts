/**
 * The real service in a child process (`src/main.ts`, as `npm start` runs it) on a temp SQLite
 * file, with the demo seed, for the suites that crash it, stop it or cut off its mail server:
 * starting it with its clock where a round needs it, speaking HTTP to it with the demo keys, and
 * reading its file through a read-only connection of its own (WAL: the service keeps writing).
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { startServiceProcess, type RunningService } from '../helpers/service-process.js';
import { tempDir } from '../helpers/world.js';

export const KEYS = {
  lab: 'demo-lab-song-hong-key',
  regulator: 'demo-kr-regulator-key',
  admin: 'demo-admin-api-key',
} as const;

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export class ServiceHarness {
  readonly dir: string;
  readonly dbPath: string;
  readonly mailDir: string;
  readonly #remove: () => void;
  readonly #env: Record<string, string>;

  constructor(env: Record<string, string> = {}) {
    ({ dir: this.dir, remove: this.#remove } = tempDir('mra-reliability-'));
    this.dbPath = join(this.dir, 'mra.sqlite');
    this.mailDir = join(this.dir, 'mail');
    this.#env = { MRA_DB_PATH: this.dbPath, MRA_MAIL_DIR: this.mailDir, MRA_MAIL_INTERVAL_MS: '100', MRA_SCHEDULER_INTERVAL_MS: '200', LOG_LEVEL: 'warn', ...env };
  }

  /** Starts the service with its clock at `now` (real time when null) and `env` on top; answers once it listens. */
  start(now: Date | null, env: Record<string, string> = {}): Promise<RunningService> {
    return startServiceProcess({ ...this.#env, ...(now ? { MRA_NOW: now.toISOString() } : {}), ...env, LOG_LEVEL: 'info' }, 60_000);
  }

  /** A query on the store file through a read-only connection of the test's own. */
  read<T>(query: (db: BetterSqlite3.Database) => T): T {
    const db = new BetterSqlite3(this.dbPath, { readonly: true, timeout: 5000 });
    try {
      return query(db);
    } finally {
      db.close();
    }
  }

  /** Writes to the store file directly, with the service stopped (to set up what a test needs fast). */
  write(change: (db: BetterSqlite3.Database) => void): void {
    const db = new BetterSqlite3(this.dbPath, { timeout: 5000 });
    try {
      change(db);
    } finally {
      db.close();
    }
  }

  /** Waits until `done()` holds, polling every 100 ms; fails with `what` after `timeoutMs`. */
  async until(done: () => boolean, what: () => string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting: ${what()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  remove(): void {
    this.#remove();
  }
}

/** One request to a running service; a connection refused or cut (the process died) answers status 0. */
export async function call<T = Record<string, unknown>>(url: string, method: string, path: string, key: string | null, body?: unknown): Promise<Reply<T>> {
  try {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text.startsWith('{') ? JSON.parse(text) : {}) as T };
  } catch {
    return { status: 0, body: {} as T };
  }
}

/** A test report of the demo's Sông Hồng lab for Korea, tested the day before `now`. */
export function reportBody(reportNumber: string, now: Date): Record<string, unknown> {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    reportNumber,
    importingEconomy: 'KR',
    regulations: ['KR:KN 32'],
    equipment: { manufacturer: 'Công ty Cổ phần Thiết bị Mạng Phương Nam', model: `PN-${reportNumber}`, category: 'Wi-Fi router' },
    testedAt: day(-2),
    issuedAt: day(-1),
    importerId: 'importer-hanbit',
  };
}

/** A value drawn by fast-check from `arbitrary` with `seed`: the same seed, the same value. */
export function drawn<T>(arbitrary: fc.Arbitrary<T>, seed: number): T {
  return fc.sample(arbitrary, { seed, numRuns: 1 })[0]!;
}
