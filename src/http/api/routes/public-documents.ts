/**
 * `/public/documents`: anyone may check whether a file is a document of an accepted test report,
 * by its SHA-256 or by uploading it (the upload is hashed, never stored); no key, rate limited.
 */
import { langQuery } from '../../../schemas/queries.js';
import { documentVerification } from '../../../schemas/responses.js';
import { AppError } from '../../../errors.js';
import { LANGUAGES, readerLanguage } from '../../../public/meanings.js';
import { verifyDocumentFile, verifyDocumentHash } from '../../../public/verify.js';
import { SHA256_HEX } from '../../../store/blobs.js';
import { problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

const DESCRIPTION = 'The public view of the reports it is a document of, or "not a document of any accepted report"';

export const publicDocumentRoutes: RouteSpec[] = [
  route<{ lang?: string }>({
    method: 'get',
    path: '/public/documents/{sha256}',
    summary: 'Verify a document by its SHA-256',
    tag: 'public',
    access: 'public',
    rateLimited: true,
    query: langQuery,
    responses: { 200: { description: DESCRIPTION, schema: documentVerification }, ...problems([400, 429]) },
    async handle({ params, query, language }, { engine, store }) {
      const sha256 = params['sha256']!.toLowerCase();
      if (!SHA256_HEX.test(sha256)) {
        throw new AppError({
          code: 'VALIDATION_FAILED',
          detail: 'A SHA-256 is 64 hexadecimal digits (sha256sum prints it).',
          errors: [{ pointer: '/sha256', message: 'must be 64 hexadecimal digits' }],
        });
      }
      const chosen = readerLanguage(query.lang, language(LANGUAGES));
      return { status: 200, body: await verifyDocumentHash(engine, store, sha256, chosen), headers: { 'Content-Language': chosen } };
    },
  }),
  route<{ lang?: string }>({
    method: 'post',
    path: '/public/documents/verify',
    summary: 'Verify a document by uploading it',
    tag: 'public',
    access: 'public',
    rateLimited: true,
    query: langQuery,
    upload: { files: [{ part: 'file', role: 'annex', maxCount: 1, description: 'The file to check; it is hashed, not kept.' }] },
    responses: { 200: { description: DESCRIPTION, schema: documentVerification }, ...problems([400, 413, 415, 429, 503]) },
    async handle({ query, language, files }, { engine, store }) {
      const file = files[0];
      if (!file) {
        throw new AppError({
          code: 'VALIDATION_FAILED',
          detail: 'Send the file as multipart/form-data, in a part named "file".',
          errors: [{ pointer: '/file', message: 'missing part' }],
        });
      }
      const chosen = readerLanguage(query.lang, language(LANGUAGES));
      return { status: 200, body: await verifyDocumentFile(engine, store, file.path, chosen), headers: { 'Content-Language': chosen } };
    },
  }),
];
