/**
 * The one rule for text in a query string, on the API and the pages alike: a value holding a
 * control character (NUL and the rest of C0, DEL, C1), a line or paragraph separator, a
 * bidirectional control, or text that was not valid UTF-8 (decoded as U+FFFD, or a lone
 * surrogate) is refused with 400 naming the field, never stripped: a search for something other
 * than what was typed would answer a question nobody asked. Nothing a person types in a search
 * box needs any of them.
 */
import { AppError } from '../../errors.js';
import { NOT_IN_A_LINE, codePoint } from '../../validation.js';

/**
 * U+FFFD is what a decoder makes of bytes that are not UTF-8 (`%ED%A0%80`, `%C0%80`, `%FF`); a
 * lone surrogate is a string no UTF-8 could have given.
 */
const NOT_UTF8 = /\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function forbidden(value: string): string | null {
  if (NOT_UTF8.test(value)) return '\uFFFD';
  return NOT_IN_A_LINE.exec(value)?.[0] ?? null;
}

/**
 * Throws `VALIDATION_FAILED` for the first query field (a value, or any value of a repeated field)
 * that holds a character no query text may hold.
 */
export function refuseControlsInQuery(query: Record<string, unknown>): void {
  for (const [name, given] of Object.entries(query)) {
    if (forbidden(name) !== null) {
      throw new AppError({ code: 'VALIDATION_FAILED', detail: 'A query field\'s name holds a control character or is not UTF-8.', errors: [{ pointer: '', message: 'must name fields in plain text' }] });
    }
    for (const value of Array.isArray(given) ? (given as unknown[]) : [given]) {
      if (typeof value !== 'string') continue;
      const found = forbidden(value);
      if (found === null) continue;
      const message = found === '\uFFFD' ? 'must be text in UTF-8' : `must be one line of text, without control characters or bidirectional controls; found ${codePoint(found)}`;
      throw new AppError({ code: 'VALIDATION_FAILED', detail: `The query field "${name}" ${message}.`, errors: [{ pointer: `/${name}`, message }] });
    }
  }
}
