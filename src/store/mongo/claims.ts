/**
 * Claiming work under a lease in MongoDB. There is no "update the first N and return them" in
 * one command, so a claim reads the claimable ids in due order and takes each with a
 * `findOneAndUpdate` that repeats the claimable filter: of two nodes racing for one item, exactly
 * one matches. The loser reads again, past what others took, until it holds `limit` items or
 * nothing claimable is left, so concurrent claimers share the work without overlap and without
 * leaving any behind. Whether a lease has ended is judged by the primary's clock as well as the
 * node's (`leases.ts`).
 */
import type { Lease } from '../port.js';
import type { Read, Write } from './queries.js';
import type { Runner } from './run.js';

export interface ClaimPlan {
  /** The claimable items, in due order, at most `limit`. */
  candidates: (lease: Lease) => Read;
  /** Takes one of them if it is still claimable. */
  take: (id: string, lease: Lease) => Write;
  /** The order the claimed items are answered in. */
  order: (a: { _id: string }, b: { _id: string }) => number;
}

export async function claimUnderLease<T extends { _id: string }>(run: Runner, plan: ClaimPlan, lease: Lease): Promise<T[]> {
  const claimed: T[] = [];
  const lost = new Set<string>();
  while (claimed.length < lease.limit) {
    const wanted = { ...lease, limit: lease.limit - claimed.length + lost.size };
    const candidates = (await run.all<{ _id: string }>(plan.candidates(wanted))).filter((c) => !lost.has(c._id));
    if (candidates.length === 0) break;
    for (const candidate of candidates.slice(0, lease.limit - claimed.length)) {
      const taken = await run.update<T>(plan.take(candidate._id, lease));
      if (taken === null) lost.add(candidate._id);
      else claimed.push(taken);
    }
  }
  return claimed.sort(plan.order);
}

/** Strings in binary order (code units), as SQLite's BINARY collation and MongoDB's simple one order them; never the locale's. */
export const binary = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Claimed items in the order they are due, then by id, both in binary order as SQLite answers them. */
export const byDue = (key: 'nextAttemptAt' | 'dueAt') => (a: Record<string, unknown>, b: Record<string, unknown>): number =>
  binary(String(a[key]), String(b[key])) || binary(String(a['_id']), String(b['_id']));
