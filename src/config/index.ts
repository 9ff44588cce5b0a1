/**
 * The configuration of the service: the table of settings (`settings.ts`), the loader and the
 * `Config` type derived from it (`load.ts`), and the docs' table (`docs-table.ts`). See README.md.
 */
export { DEVELOPMENT_KEY_SECRET, LOG_LEVELS, SETTINGS, SQLITE_SYNCHRONOUS_MODES, type SqliteSynchronous } from './settings.js';
export { loadConfig, readSetting, startupLogging, type Config } from './load.js';
export { durationVariable } from './durations.js';
export { VARIABLES, variablesTable, withVariablesTable } from './docs-table.js';
export type { Env, Variable } from './setting.js';
