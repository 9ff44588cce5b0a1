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

/**
 * Cells packed lately, by their JSON text, least recently used first. Deflate was about a seventh
 * of the engine's time per transition, and many cells repeat exactly, commit after commit (an
 * actor, the facts, a small payload, the index rows), so a short text packed once is packed for
 * good: only texts of up to PACKED_TEXT_LIMIT characters (the long ones rarely repeat), at most
 * PACKED_CACHE_SIZE of them (a few megabytes at most). Deflate is deterministic, so a cell from
 * here is byte for byte the one packing would make. A Map keeps insertion order: a hit is moved to
 * the end, and the first entry is the one to drop.
 */
const packedCache = new Map<string, Buffer>();
const PACKED_TEXT_LIMIT = 512;
const PACKED_CACHE_SIZE = 2048;

/**
 * A value as the packed BLOB a cell stores. The BLOB is the caller's own (a copy when it comes
 * from the cache, which costs far less than deflating), so changing it changes no other cell.
 */
export function packJson(value: unknown): Buffer {
  const text = JSON.stringify(value);
  if (text.length > PACKED_TEXT_LIMIT) return pack(text);
  const cached = packedCache.get(text);
  if (cached) {
    packedCache.delete(text);
    packedCache.set(text, cached);
    return Buffer.from(cached);
  }
  const cell = pack(text);
  packedCache.set(text, Buffer.from(cell));
  if (packedCache.size > PACKED_CACHE_SIZE) packedCache.delete(packedCache.keys().next().value!);
  return cell;
}

function pack(text: string): Buffer {
  const packed = deflateRawSync(text, { dictionary: JSON_DICTIONARY_1 });
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
