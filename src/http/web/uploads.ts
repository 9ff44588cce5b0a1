/**
 * Files sent by the pages' forms (`enctype="multipart/form-data"`): the test report's PDF and its
 * annexes on the submit form and on the answer to a request for information, and the file a
 * visitor checks on the verification page. multer keeps them in memory, each at most the
 * configured size, as the API's uploads do (`src/http/api/uploads.ts`); the form's text fields, the
 * CSRF token among them, arrive in `request.body` as a urlencoded form's would.
 */
import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { MAX_FILES, type DocumentUpload } from '../../documents/inspect.js';
import { isMultipart } from '../common/multipart.js';

/** The file inputs of the pages, by name. */
export const FILE_PARTS = { report: 'report', annexes: 'annexes', verify: 'file' } as const;

/** Room for the fields of the longest create form (a test report has about twenty). */
const MAX_FIELDS = 100;

export function pageUploadParser(maxBytes: number): RequestHandler {
  const parser = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { fileSize: maxBytes, files: MAX_FILES + 1, fields: MAX_FIELDS, fieldSize: 100 * 1024, parts: MAX_FILES + 1 + MAX_FIELDS },
  }).fields([
    { name: FILE_PARTS.report, maxCount: 1 },
    { name: FILE_PARTS.annexes, maxCount: MAX_FILES },
    { name: FILE_PARTS.verify, maxCount: 1 },
  ]);
  return (request, response, next) => (isMultipart(request) ? parser(request, response, next) : next());
}

function filesOf(request: Request, part: string): Express.Multer.File[] {
  const parts = (request.files ?? {}) as Record<string, Express.Multer.File[] | undefined>;
  // A file input left empty still sends a part with no name and no bytes: not a file.
  return (parts[part] ?? []).filter((file) => file.size > 0 || file.originalname !== '');
}

/** The report and annexes a form sent, as the engine takes them. */
export function documentsOf(request: Request): DocumentUpload[] {
  return [
    ...filesOf(request, FILE_PARTS.report).map((file) => ({ bytes: file.buffer, name: file.originalname, role: 'report' as const })),
    ...filesOf(request, FILE_PARTS.annexes).map((file) => ({ bytes: file.buffer, name: file.originalname, role: 'annex' as const })),
  ];
}

/** The one file of the verification form, if one was chosen. */
export function fileToVerify(request: Request): Buffer | null {
  return filesOf(request, FILE_PARTS.verify)[0]?.buffer ?? null;
}
