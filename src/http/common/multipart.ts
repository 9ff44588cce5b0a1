/**
 * What the API's uploads (`src/http/api/uploads.ts`) and the pages' forms (`src/http/web/uploads.ts`)
 * share about multipart bodies: telling one apart, and multer's errors as the problems both answer.
 */
import type { Request } from 'express';
import multer from 'multer';
import { AppError } from '../../errors.js';

/** Whether the request is multipart/form-data. */
export function isMultipart(request: Request): boolean {
  return request.is('multipart/form-data') === 'multipart/form-data';
}

/** Errors of multer and of the multipart parser under it, as problems. */
export function fromUpload(error: unknown, maxBytes: number): AppError | null {
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') {
      return new AppError({ code: 'PAYLOAD_TOO_LARGE', detail: `A file is larger than ${maxBytes} bytes, the limit for one file.`, cause: error });
    }
    const detail =
      error.code === 'LIMIT_UNEXPECTED_FILE'
        ? `The part "${error.field ?? ''}" is not one this route takes, or it has too many files.`
        : `The multipart body breaks a limit: ${error.message}.`;
    return new AppError({ code: 'VALIDATION_FAILED', detail, errors: [{ pointer: `/${error.field ?? ''}`, message: error.message }], cause: error });
  }
  if (error instanceof Error && /^(Unexpected end of form|Malformed part header|Multipart: Boundary not found|Unexpected end of multipart data)/.test(error.message)) {
    return new AppError({ code: 'VALIDATION_FAILED', detail: `The multipart body is malformed: ${error.message}.`, errors: [{ pointer: '', message: error.message }], cause: error });
  }
  return null;
}
