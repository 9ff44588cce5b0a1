/**
 * A depth limit checked on the raw bytes, before JSON.parse: a body nested thousands of levels
 * deep parses, but every recursive walk after it (normalising, cloning, validating) would overflow
 * the stack. One pass over at most 100 kB, counting brackets outside strings.
 */
import { AppError } from '../../errors.js';

/** No body the API takes is nested more than a handful of levels; this leaves ample room. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/** The deepest nesting of arrays and objects in `bytes`, read as JSON text. */
export function jsonDepth(bytes: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (CLOSERS.has(byte)) {
      depth -= 1;
    }
  }
  return deepest;
}

/** express.json's `verify`: refuses a body nested deeper than MAX_JSON_DEPTH with a 400. */
export function refuseDeepJson(_request: unknown, _response: unknown, bytes: Buffer): void {
  const depth = jsonDepth(bytes);
  if (depth > MAX_JSON_DEPTH) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: `The body is nested ${depth} levels deep; at most ${MAX_JSON_DEPTH} are accepted.`,
      errors: [{ pointer: '', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }],
    });
  }
}
