/**
 * How an adapter becomes one `Store` without a method that only forwards: each part implements its
 * capability of the port (`StoreParts`) and its methods are put on the store object, bound to the
 * part. A new method of a part is on the store at once; two parts answering one name are refused
 * when the store is built, not found later by a wrong answer.
 */
import type { StoreParts } from './port.js';

/** The names of a part's methods: its class's (and their parents'), or a plain object's own. */
function methodNames(part: object): string[] {
  const names = new Set<string>();
  for (let layer: object | null = part; layer !== null && layer !== Object.prototype; layer = Object.getPrototypeOf(layer) as object | null) {
    for (const name of Object.getOwnPropertyNames(layer)) {
      if (name !== 'constructor' && typeof (part as Record<string, unknown>)[name] === 'function') names.add(name);
    }
  }
  return [...names];
}

/**
 * Puts every method of every part on `store`, bound to its part. One object may serve several
 * parts (a table class implementing two capabilities); it is taken once.
 *
 * @throws when two parts, or a part and the store itself, answer the same name.
 * @example assembleStore(this, { instances, searchIndex: instances, outbox, ... })
 */
export function assembleStore(store: object, parts: StoreParts): void {
  const ownerOf = new Map<string, string>();
  const seen = new Set<object>();
  for (const [partName, part] of Object.entries(parts) as Array<[string, object]>) {
    if (seen.has(part)) continue;
    seen.add(part);
    for (const name of methodNames(part)) {
      if (ownerOf.has(name) || name in store) {
        throw new Error(`Two parts of the store answer ${name}: ${ownerOf.get(name) ?? 'the store itself'} and ${partName}.`);
      }
      ownerOf.set(name, partName);
      const method = (part as Record<string, (...args: unknown[]) => unknown>)[name]!;
      // Configurable: a Proxy (`guardStore`) may only answer its own wrapper for a property that is.
      Object.defineProperty(store, name, { value: method.bind(part), enumerable: false, writable: false, configurable: true });
    }
  }
}
