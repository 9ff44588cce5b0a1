/**
 * Leases judged by the server's clock as well as the node's. A lease ends at `leaseUntil`; a node
 * may take an item only when the lease has ended by the earlier of its own `now` and the primary's
 * clock (`$$NOW`), and the lease it takes runs from that earlier instant. So a node whose clock
 * runs ahead can neither take a lease another still holds nor stretch its own, and one whose clock
 * runs behind only waits longer. The node's `now` still counts because the port's callers (and
 * their tests) give time through it; the server's clock cannot be moved, only trusted.
 *
 * Built as pure filters and an update pipeline (an update with an aggregation pipeline, since
 * `$$NOW` exists only there and in `$expr`), so mingo can evaluate them; mingo's `$$NOW` is the
 * clock of the process running the test.
 */
import mongoose from 'mongoose';
import type { Lease } from '../port.js';

/** `toISOString`'s shape, so the server's instants compare with the stored ones as strings. */
const ISO = '%Y-%m-%dT%H:%M:%S.%LZ';

/** The primary's clock as an ISO string (UTC, MongoDB's default zone); a fresh object each time, as mongoose casts in place. */
const serverNow = () => ({ $dateToString: { date: '$$NOW', format: ISO } });

/** The earlier of the node's `now` and the server's. */
const earlierOf = (now: string) => ({ $min: [now, serverNow()] });

/**
 * Nobody holds it by the server's clock either: never leased or released (null or absent; `$ifNull`,
 * as MongoDB's own order puts null first, which mingo does not), or the lease ended by then.
 */
export function leaseEndedOnServer(): Record<string, unknown> {
  return { $expr: mongoose.trusted({ $lte: [{ $ifNull: ['$leaseUntil', ''] }, serverNow()] }) };
}

/** The update that takes a lease: owner, and an end `leaseMs` after the earlier of the two clocks. */
export function takeLeasePipeline(lease: Pick<Lease, 'owner' | 'now' | 'leaseMs'>): Array<{ $set: Record<string, unknown> }> {
  return [
    {
      $set: {
        // A literal, so an owner name that starts with `$` is never read as a field path.
        leaseOwner: { $literal: lease.owner },
        leaseUntil: { $dateToString: { date: { $add: [{ $toDate: earlierOf(lease.now) }, lease.leaseMs] }, format: ISO } },
      },
    },
  ];
}
