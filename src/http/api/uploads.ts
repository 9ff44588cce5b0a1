/**
 * Multipart uploads (multer, in memory): the files of a route that takes them, each at most the
 * configured size (larger answers 413), and the JSON body in its own part. The bytes stay in
 * memory until the engine has checked and stored them; nothing is written to disk here.
 */
import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { MAX_FILES, type DocumentUpload } from '../../documents/inspect.js';
import { AppError } from '../../errors.js';
import { isMultipart } from '../common/multipart.js';
import type { UploadSpec } from './route.js';

/** Room for the JSON part (the same 100 kB as a JSON body) and a few small fields. */
const FIELD_BYTES = 100 * 1024;

export function uploadParser(spec: UploadSpec, maxBytes: number): RequestHandler {
  const parser = multer({
    storage: multer.memoryStorage(),
    // Browsers and curl send file names as raw UTF-8: "báo cáo.pdf" must not arrive as latin-1 mojibake.
    defParamCharset: 'utf8',
    limits: { fileSize: maxBytes, files: MAX_FILES, fields: 4, fieldSize: FIELD_BYTES, parts: MAX_FILES + 4 },
  }).fields(spec.files.map((f) => ({ name: f.part, maxCount: f.maxCount })));
  // Only a route's own multipart requests are parsed; anything else goes on to the JSON parser's result.
  return (request, response, next) => (isMultipart(request) ? parser(request, response, next) : next());
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

/** The files of a multipart request, each with the role its part gives it. */
export function uploadsOf(request: Request, spec: UploadSpec): DocumentUpload[] {
  const parts = (request.files ?? {}) as Record<string, Express.Multer.File[]>;
  return spec.files.flatMap((f) => (parts[f.part] ?? []).map((file) => ({ bytes: file.buffer, name: file.originalname, role: f.role })));
}
