/** Reading the fields the workflow tables name ("importingEconomy", "equipment.model"). */
import { ownValue } from '../own.js';

/** The value at a dotted path, or undefined. */
export function readPath(data: Record<string, unknown>, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = ownValue(value as Record<string, unknown>, key);
  }
  return value;
}

/** The string values at a path: none, one, or each string of a list. */
export function stringsAt(data: Record<string, unknown>, path: string): string[] {
  const value = readPath(data, path);
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}
