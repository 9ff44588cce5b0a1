/**
 * The store as a batch of the engine reads it (`Engine.createMany`, `sendMany`): the reference
 * data and the records its steps look up are read once per batch and remembered, since nothing
 * of the batch is written before its one commit at the end. Only reads are remembered; every
 * other method (a commit, a sequence number) goes to the store as it is.
 */
import type { Store } from '../store/port.js';

/** Reads that answer the same within one batch: nothing they see changes before its commit. */
const REMEMBERED = new Set<PropertyKey>([
  'load',
  'find',
  'getCab',
  'getRegulations',
  'getEconomy',
  'getPrincipal',
  'pendingDeadlines',
  'watchesOn',
  'findPrincipals',
  'listWebhookEndpoints',
]);

export function readThrough(store: Store): Store {
  const answers = new Map<string, unknown>();
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      if (!REMEMBERED.has(property)) return method;
      return (...args: unknown[]) => {
        const key = `${String(property)} ${JSON.stringify(args)}`;
        if (!answers.has(key)) answers.set(key, method(...args));
        return answers.get(key);
      };
    },
  });
}
