/**
 * Multipart uploads of the API: the files of a route that takes them, written to disk as they
 * arrive under the limits of `src/http/common/spooled-uploads.ts` (each file at most the configured
 * size, all of a request together at most the request limit; larger answers 413), and the JSON body
 * in its own part. `mount.ts` runs this only after the caller is authenticated and its role admitted.
 */
import type { Request, RequestHandler } from 'express';
import { AppError } from '../../errors.js';
import { filesOfParts, spooledUploadsFor, type ReceivedUpload, type SpooledUploads, type UploadPool } from '../common/spooled-uploads.js';
import type { ApiDeps } from './deps.js';
import type { UploadSpec } from './route.js';

/** Room for the JSON part (the same 100 kB as a JSON body) and a few small fields. */
const FIELD_BYTES = 100 * 1024;

/** The app's gate and parser of uploads for a pool of callers (the pages share them). */
export function uploadsOf(deps: ApiDeps, pool: UploadPool): SpooledUploads {
  return spooledUploadsFor(deps, pool, () => ({ fileBytes: deps.uploadMaxBytes, ...deps.uploadLimits }));
}

export function uploadParser(spec: UploadSpec, access: 'public' | 'principal', deps: ApiDeps): RequestHandler[] {
  return uploadsOf(deps, access === 'public' ? 'public' : 'principals').reader(
    spec.files.map((f) => ({ name: f.part, maxCount: f.maxCount })),
    { fields: 4, fieldBytes: FIELD_BYTES },
  );
}

/** The JSON body of a multipart request, from its part. */
export function multipartBody(request: Request, spec: UploadSpec): unknown {
  if (spec.json === undefined) return {};
  const fields = (request.body ?? {}) as Record<string, unknown>;
  const text = fields[spec.json];
  if (typeof text !== 'string') {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: `A multipart request needs the JSON body in a part named "${spec.json}".`,
      errors: [{ pointer: `/${spec.json}`, message: 'missing part' }],
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: `The "${spec.json}" part is not valid JSON: ${(error as Error).message}`,
      errors: [{ pointer: `/${spec.json}`, message: 'not valid JSON' }],
    });
  }
}

/** The files of a multipart request, each with the role its part gives it (on disk until the answer). */
export function receivedUploads(request: Request, spec: UploadSpec): ReceivedUpload[] {
  return spec.files.flatMap((f) => filesOfParts(request, f.part).map((file) => ({ ...file, role: f.role })));
}
