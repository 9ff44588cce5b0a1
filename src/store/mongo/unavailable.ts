/**
 * Which MongoDB errors mean the store cannot work now: no server reachable (selection and network
 * errors, a closed client), the primary's disk full (OutOfDiskSpace, 14031), or no primary to write
 * to (a step-down or a shutdown). A write concern failure is not here: such a write may have been
 * applied, so it is not "nothing was written".
 */
import type { UnavailableReason } from '../unavailable.js';

const UNREACHABLE = new Set(['MongoServerSelectionError', 'MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoNotConnectedError', 'MongoTopologyClosedError']);

const SERVER_CODES = new Map<number, string>([
  [14031, 'disk full'],
  [10107, 'no primary'],
  [13435, 'no primary'],
  [189, 'no primary'],
  [91, 'server shutting down'],
  [11600, 'server shutting down'],
  [11602, 'no primary'],
]);

export const mongoUnavailable: UnavailableReason = (error) => {
  if (error === null || typeof error !== 'object') return null;
  const { name, code } = error as { name?: unknown; code?: unknown };
  if (typeof name === 'string' && UNREACHABLE.has(name)) return 'server unreachable';
  return typeof code === 'number' ? (SERVER_CODES.get(code) ?? null) : null;
};
