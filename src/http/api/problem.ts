/**
 * The one error mapper (routers never catch; Express 5 hands every rejection here): every error becomes `application/problem+json`
 * (RFC 9457). Known errors keep their code, detail and field errors; anything else is a 500 that
 * says only that it was logged, with the request id to find it. No stack trace leaves the server.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, isAppError } from '../../errors.js';
import { fromUpload } from '../common/multipart.js';

/**
 * Errors raised before a route runs, by body-parser (inside express.json) or by the router, are
 * http-errors with a 4xx `status` (and, from body-parser, a `type`). Each becomes its problem; a
 * 4xx this list does not know still answers with its own status class, never a 500.
 */
function fromRequestParsing(error: unknown): AppError | null {
  if (error === null || typeof error !== 'object') return null;
  const { type, status } = error as { type?: unknown; status?: unknown };
  const message = error instanceof Error ? error.message : 'unreadable';
  switch (type) {
    case 'entity.too.large':
      return new AppError({ code: 'PAYLOAD_TOO_LARGE', detail: 'The body is larger than 100 kB.', cause: error });
    case 'entity.parse.failed':
      return new AppError({
        code: 'VALIDATION_FAILED',
        detail: `The body is not valid JSON: ${message}`,
        errors: [{ pointer: '', message: 'not valid JSON' }],
        cause: error,
      });
    case 'charset.unsupported':
      return new AppError({ code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Send the body as UTF-8 JSON.', cause: error });
    case 'encoding.unsupported':
      return new AppError({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        detail: 'This Content-Encoding is not supported: send the body uncompressed, or as gzip, deflate or br.',
        cause: error,
      });
    default:
      break;
  }
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  if (error instanceof URIError) {
    return new AppError({ code: 'VALIDATION_FAILED', detail: 'The path has a malformed percent-escape (a % not followed by two hex digits of UTF-8).', cause: error });
  }
  if (status === 413) return new AppError({ code: 'PAYLOAD_TOO_LARGE', detail: 'The body is larger than 100 kB.', cause: error });
  if (status === 415) return new AppError({ code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Send the body as UTF-8 JSON.', cause: error });
  // A body that does not decode as its Content-Encoding says (gzip of plain text), a request that
  // ended half-way, and whatever else a parser refuses before the route: the request is at fault.
  return new AppError({
    code: 'VALIDATION_FAILED',
    detail: `The request could not be read: ${message}. If you send Content-Encoding, the body must be compressed that way.`,
    cause: error,
  });
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  [member: string]: unknown;
}

export function problemOf(error: AppError, requestId: string): ProblemBody {
  return {
    type: `urn:mra-engine:problem:${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: error.title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    // A field error's keyword and params are for programs in-process; the API shows pointer and message.
    ...(error.errors === undefined ? {} : { errors: error.errors.map(({ pointer, message }) => ({ pointer, message })) }),
    // Never `internalFields`: they are for the log and in-process callers only.
    ...error.publicFields,
    requestId,
  };
}

/** @param uploadMaxBytes the size limit of one file, for the 413 of an upload over it (apps that take no files leave it out). */
export function errorHandler(log: Logger, uploadMaxBytes?: number): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const requestId = typeof request.id === 'object' ? JSON.stringify(request.id) : String(request.id);
    const known =
      (isAppError(error) ? error : null) ??
      (uploadMaxBytes === undefined ? null : fromUpload(error, uploadMaxBytes)) ??
      fromRequestParsing(error) ??
      new AppError({ code: 'INTERNAL', detail: `Something went wrong on our side; it is logged under request id ${requestId}.`, cause: error });
    if (known.status >= 500) log.error({ err: error, requestId }, 'request failed');
    if (known.code === 'UNAUTHENTICATED') response.setHeader('WWW-Authenticate', 'Bearer realm="mra-engine"');
    response.status(known.status).type('application/problem+json').send(JSON.stringify(problemOf(known, requestId)));
  };
}

export const notFound: RequestHandler = (request) => {
  throw new AppError({ code: 'NOT_FOUND', detail: `There is no ${request.method} ${request.path} here; GET /openapi.json lists every route.` });
};
