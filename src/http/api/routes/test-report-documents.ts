/** `/test-reports/{id}/documents/{sha256}`: a report's file, for whoever may read the report; 404 for anyone else. */
import { create as contentDisposition } from 'content-disposition';
import { noQuery } from '../../../schemas/queries.js';
import { downloadName } from '../../../documents/inspect.js';
import { readReportDocument } from '../../../documents/read.js';
import { problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

export const testReportDocumentRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/test-reports/{id}/documents/{sha256}',
    summary: "Download a test report's document",
    tag: 'test-reports',
    access: 'principal',
    query: noQuery,
    responses: {
      200: { description: 'The file as it was attached, byte for byte, with the type read from its content and its name with the extension of that type', contentType: 'application/octet-stream' },
      ...problems([400, 401, 404]),
    },
    async handle({ actor, params }, { engine, blobs }) {
      const { document, bytes } = await readReportDocument(engine, blobs, actor!, params['id']!, params['sha256']!.toLowerCase());
      return {
        status: 200,
        type: 'binary',
        contentType: document.mediaType,
        body: bytes,
        headers: {
          // Named for the type read from its content, whatever extension its sender gave it; never sniffed.
          'Content-Disposition': contentDisposition(downloadName(document.name, document.mediaType)),
          'X-Content-Type-Options': 'nosniff',
          ETag: `"${document.sha256}"`,
          'Cache-Control': 'private, no-cache',
        },
      };
    },
  }),
];
