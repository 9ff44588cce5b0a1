/**
 * A store whose disk is full, read-only or failing is not the client's fault: every adapter turns
 * its driver's word for that into `STORE_UNAVAILABLE` (503 problem+json), so the API answers
 * "try again later" rather than a 500, and the workers log it and try again at their next poll.
 * The transaction that met it was rolled back, so nothing of the refused request was written and
 * nothing committed before is touched.
 *
 * `guardStore` wraps every method of an adapter, those of today and any added later, so no path
 * lets a raw driver error through.
 */
import { AppError, isAppError } from '../errors.js';

/** Says why the store cannot work now (`disk full`, `read-only`…), or null for any other error. */
export type UnavailableReason = (error: unknown) => string | null;

function translated(error: unknown, reasonOf: UnavailableReason): unknown {
  if (isAppError(error)) return error;
  const reason = reasonOf(error);
  if (reason === null) return error;
  return new AppError({
    code: 'STORE_UNAVAILABLE',
    detail: `The store cannot take writes now (${reason}); nothing was written. Try again later.`,
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
