/**
 * A store whose disk is full, read-only or failing is not the client's fault: every adapter turns
 * its driver's word for that into `STORE_UNAVAILABLE` (503 problem+json), so the API answers
 * "try again later" rather than a 500, and the workers log it and try again at their next poll.
 * The transaction that met it was rolled back, so nothing of the refused request was written and
 * nothing committed before is touched; where the adapter cannot know that (a MongoDB write whose
 * confirmation timed out or whose connection broke after sending), the answer says it may have been.
 *
 * `guardStore` wraps every method of an adapter, those of today and any added later, so no path
 * lets a raw driver error through.
 */
import { AppError, isAppError } from '../errors.js';

/**
 * Why the store could not work, and whether the refused write may still have been applied: a
 * server that timed out waiting for its replicas, or lost the connection after the request was
 * sent, may have written it (`unknown`); one that was never reached wrote `nothing`.
 */
export interface Unavailable {
  reason: string;
  written: 'nothing' | 'unknown';
}

/** Says why the store cannot work now (`disk full`, `read-only`…; a bare reason means nothing was written), or null for any other error. */
export type UnavailableReason = (error: unknown) => string | Unavailable | null;

function translated(error: unknown, reasonOf: UnavailableReason): unknown {
  if (isAppError(error)) return error;
  const found = reasonOf(error);
  if (found === null) return error;
  const { reason, written } = typeof found === 'string' ? { reason: found, written: 'nothing' as const } : found;
  return new AppError({
    code: 'STORE_UNAVAILABLE',
    detail:
      written === 'nothing'
        ? `The store cannot take writes now (${reason}); nothing was written. Try again later.`
        : `The store did not confirm this write (${reason}); it may have been written. Read it back before sending it again.`,
    // `written` is the client's to know (read back before resending); the driver's reason is the operator's.
    publicFields: { written },
    internalFields: { storeFailure: reason },
    cause: error,
  });
}

/**
 * The same store, whose methods throw or reject with `STORE_UNAVAILABLE` where the adapter's
 * driver reports a full, read-only or failing disk (or an unreachable server). Methods run on the
 * object that owns them (the adapter, or the part `assembleStore` took them from), so private fields work.
 */
export function guardStore<T extends object>(store: T, reasonOf: UnavailableReason): T {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || property === 'constructor') return value;
      if (!wrapped.has(property)) {
        const method = value as (...args: unknown[]) => unknown;
        wrapped.set(property, (...args: unknown[]) => {
          let result: unknown;
          try {
            result = method.apply(target, args);
          } catch (error) {
            throw translated(error, reasonOf);
          }
          return result instanceof Promise
            ? result.catch((error: unknown) => {
                throw translated(error, reasonOf);
              })
            : result;
        });
      }
      return wrapped.get(property);
    },
  });
}
