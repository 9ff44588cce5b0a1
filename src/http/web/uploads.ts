/**
 * Files sent by the pages' forms (`enctype="multipart/form-data"`): the test report's PDF and its
 * annexes on the submit form and on the answer to a request for information, and the file a
 * visitor checks on the verification page. Only the pages that take files (`PageSpec.files`) read
 * a multipart body, after the sign-in check (`mount-page.ts`), into files on disk under the limits
 * the API's uploads have (`src/http/common/spooled-uploads.ts`); the form's text fields, the CSRF
 * token among them, arrive in `request.body` as a urlencoded form's would.
 */
import type { Request, RequestHandler } from 'express';
import { MAX_FILES, type DocumentUpload } from '../../documents/inspect.js';
import { filesOfParts, readUploads, type ReceivedFile } from '../common/spooled-uploads.js';
import { uploadsOf } from '../api/uploads.js';
import type { ApiDeps } from '../api/deps.js';

/** The file inputs of the pages, by name. */
export const FILE_PARTS = { report: 'report', annexes: 'annexes', verify: 'file' } as const;

/** What a page's form sends: a report and annexes, or the one file to verify. */
export type PageFiles = 'documents' | 'verify';

/** Room for the fields of the longest create form (a test report has about twenty). */
const MAX_FIELDS = 100;

export function pageUploadParser(files: PageFiles, deps: ApiDeps): RequestHandler[] {
  return files === 'documents'
    ? uploadsOf(deps, 'principals').reader(
        [
          { name: FILE_PARTS.report, maxCount: 1 },
          { name: FILE_PARTS.annexes, maxCount: MAX_FILES },
        ],
        { fields: MAX_FIELDS, fieldBytes: 100 * 1024 },
      )
    : // The public verification's form has no field but its file: a visitor cannot make it keep text either.
      uploadsOf(deps, 'public').reader([{ name: FILE_PARTS.verify, maxCount: 1 }], { fields: 4, fieldBytes: 1024 });
}

function filesOf(request: Request, part: string): ReceivedFile[] {
  // A file input left empty still sends a part with no name and no bytes: not a file.
  return filesOfParts(request, part).filter((file) => file.size > 0 || file.name !== '');
}

/** The report and annexes a form sent, read for the engine (only once the form's CSRF token is checked). */
export function documentsOf(request: Request): Promise<DocumentUpload[]> {
  return readUploads([
    ...filesOf(request, FILE_PARTS.report).map((file) => ({ ...file, role: 'report' as const })),
    ...filesOf(request, FILE_PARTS.annexes).map((file) => ({ ...file, role: 'annex' as const })),
  ]);
}

/** Where the one file of the verification form is on disk, if one was chosen. */
export function fileToVerify(request: Request): string | null {
  return filesOf(request, FILE_PARTS.verify)[0]?.path ?? null;
}
