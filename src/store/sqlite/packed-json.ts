/**
 * JSON cells kept small. An instance's data and a history entry's actor, payload, facts, cause
 * and e-mail are most of what a store holds, and they repeat the same keys, states and names row
 * after row; deflate with a preset dictionary of those (json-dictionary.ts) packs a cell to about
 * a seventh of its text, for some ten microseconds per cell.
 *
 * A packed cell is a BLOB whose first byte names its format (1: deflate-raw with dictionary 1);
 * rows written before packing hold plain JSON text and are read as they are, so no step rewrites
 * an existing store. SQL never looks inside these cells, so nothing else has to know.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { JSON_DICTIONARY_1 } from './json-dictionary.js';

const FORMAT_1 = 1;

/** A value as the packed BLOB a cell stores. */
export function packJson(value: unknown): Buffer {
  const packed = deflateRawSync(JSON.stringify(value), { dictionary: JSON_DICTIONARY_1 });
  const cell = Buffer.allocUnsafe(packed.length + 1);
  cell[0] = FORMAT_1;
  packed.copy(cell, 1);
  return cell;
}

/** A value packed or not: null and undefined stay null (a cell for "none"). */
export function packOptional(value: unknown): Buffer | null {
  return value === undefined || value === null ? null : packJson(value);
}

/** The value of a cell: packed (a BLOB) or plain JSON text, as older releases wrote it. */
export function readJsonCell<T>(cell: string | Uint8Array): T {
  if (typeof cell === 'string') return JSON.parse(cell) as T;
  if (cell[0] !== FORMAT_1) throw new Error(`A packed JSON cell of format ${cell[0]}, which this release cannot read: upgrade it.`);
  return JSON.parse(inflateRawSync(cell.subarray(1), { dictionary: JSON_DICTIONARY_1 }).toString('utf8')) as T;
}
