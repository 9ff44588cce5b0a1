/**
 * Sessions and sign-in tokens are kept until they expire, and then no read returns them; the
 * sweep deletes them, so that the store holds only the live ones however many people sign in
 * (a SQLite store never forgets a row by itself; MongoDB's TTL indexes would, within a minute).
 */
import type { Clock } from '../clock.js';
import type { AccessStore } from '../store/port.js';

/** How often every node sweeps: an expired row costs nothing but space until then. */
export const EXPIRED_ACCESS_SWEEP_MS = 10 * 60_000;

/** Deletes the sessions and sign-in tokens that have expired by the service clock's now. */
export function sweepExpiredAccess(store: Pick<AccessStore, 'deleteExpiredAccess'>, clock: Clock): Promise<void> {
  return store.deleteExpiredAccess(clock.now().toISOString());
}
