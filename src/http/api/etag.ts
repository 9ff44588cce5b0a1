/** Versions on the wire: `ETag: "<version>"` out, `If-Match: "<version>"` in. */
import { AppError } from '../../errors.js';

export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header asks for: undefined when absent or `*`.
 *
 * @throws AppError VALIDATION_FAILED when it is not one ETag this service issued.
 */
export function expectedVersion(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(ifMatch);
  if (!match) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: `If-Match must be the ETag of the resource, e.g. "3" (with the quotes), not ${ifMatch}.`,
      errors: [{ pointer: '/headers/If-Match', message: 'must be an ETag such as "3"' }],
    });
  }
  return Number(match[1]);
}
