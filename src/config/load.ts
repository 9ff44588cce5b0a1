/**
 * The loader derived from the table of settings: reads every row from `process.env` (or the
 * environment a test or a CLI passes), collects every problem, and throws them together in one
 * error, so a wrong deployment is fixed in one go rather than one variable per restart.
 */
import type { Policies } from '../kinds/policies.js';
import { AppError } from '../errors.js';
import { SETTINGS } from './settings.js';
import type { Entry, Env, Read } from './setting.js';

/** A group of rows: each key is an entry or a nested group (`webhooks`). */
export interface Table {
  readonly [key: string]: Entry<unknown> | Table;
}

/** The values a table gives, field by field: `{ port: number; webhooks: { retryMs: number; … }; … }`. */
export type ValuesOf<T> = { -readonly [K in keyof T]: T[K] extends Entry<infer V> ? V : ValuesOf<T[K]> };

/** The configuration of the service, as the table of settings derives it. */
export type Config = ValuesOf<typeof SETTINGS>;

// The engine's policies are what the configuration's `policies` group gives: a compile-time check.
const policiesFit = (config: Config): Policies => config.policies;
void policiesFit;

export function isEntry(value: Entry<unknown> | Table): value is Entry<unknown> {
  return typeof value.read === 'function';
}

/** A reader of entries that reads each one once, adding its problems once. */
function reader(env: Env, problems: string[]): Read {
  const values = new Map<Entry<unknown>, unknown>();
  const read = <T>(entry: Entry<T>): T => {
    if (!values.has(entry)) values.set(entry, entry.read(env, problems, read));
    return values.get(entry) as T;
  };
  return read;
}

function readTable<T extends Table>(table: T, read: Read): ValuesOf<T> {
  return Object.fromEntries(Object.entries(table).map(([key, row]) => [key, isEntry(row) ? read(row) : readTable(row, read)])) as ValuesOf<T>;
}

function refuse(problems: readonly string[]): never {
  throw new AppError({ code: 'CONFIG_INVALID', detail: `Configuration is not valid:\n  - ${problems.join('\n  - ')}` });
}

/**
 * Reads and checks the configuration.
 *
 * @throws AppError CONFIG_INVALID naming every variable that is wrong and why.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const config = readTable(SETTINGS, reader(env, problems));
  if (problems.length > 0) refuse(problems);
  return config;
}

/**
 * One setting alone, for a command that needs no more (`npm run load` takes MRA_DB_PATH).
 *
 * @throws AppError CONFIG_INVALID when that variable is wrong.
 */
export function readSetting<T>(entry: Entry<T>, env: Env = process.env): T {
  const problems: string[] = [];
  const value = reader(env, problems)(entry);
  if (problems.length > 0) refuse(problems);
  return value;
}

/**
 * The log level and format to start with, before the whole configuration is checked: a wrong
 * value falls back to its default here, so the logger can report it with the other problems.
 */
export function startupLogging(env: Env = process.env): { level: Config['logLevel']; format: Config['logFormat'] } {
  const ignored: string[] = [];
  const read = reader(env, ignored);
  return { level: read(SETTINGS.logLevel), format: read(SETTINGS.logFormat) };
}
