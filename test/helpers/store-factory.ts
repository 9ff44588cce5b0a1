/**
 * The one place that chooses which store adapter the engine, API, mail and schedule suites run
 * against. `MRA_TEST_STORE` (default `sqlite`) picks it; an adapter joins by adding its factory to
 * `FACTORIES` (a `TestStoreFactory` from `test/helpers/stores/`).
 */
import type { CommitFaults } from '../../src/store/port.js';
import type { TestStoreFactory } from './stores/probe.js';
import { sqliteTestStores } from './stores/sqlite.js';

const FACTORIES: Record<string, TestStoreFactory> = { sqlite: sqliteTestStores };

function chosen(name: string): TestStoreFactory {
  const factory = FACTORIES[name];
  if (!factory) throw new Error(`MRA_TEST_STORE=${name} names no test store; known: ${Object.keys(FACTORIES).join(', ')}`);
  return factory;
}

/** The store factory every suite takes its store from. */
export const testStores: TestStoreFactory = chosen(process.env['MRA_TEST_STORE'] ?? 'sqlite');

/**
 * For a suite that injects faults into commits: skips it, saying why in the output, when the
 * active adapter has no fault hook, so a skipped check never reads as a pass. Call in `before`.
 */
export function requireCommitFaults(context: Mocha.Context): void {
  if (testStores.supportsFaults) return;
  console.error(`      SKIPPED: needs commit fault injection, which the ${testStores.name} test store does not offer`);
  context.skip();
}

export type { StoreProbe, StoreSnapshot, TestStore, TestStoreFactory, QueuedMail } from './stores/probe.js';

/** The fault hook as `World.create` options when the active store honours it, else nothing: for suites where only some tests inject faults (and call `requireCommitFaults`). */
export function commitFaultsIfSupported(faults: CommitFaults): { faults?: CommitFaults } {
  return testStores.supportsFaults ? { faults } : {};
}
