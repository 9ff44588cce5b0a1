/**
 * Reading the files of a multipart request, for the API's upload routes and the pages' forms
 * alike, without letting a request hold the node's memory: files are written to disk as they
 * arrive (a folder of their own per request, under `MRA_UPLOAD_DIR`), each at most the file limit,
 * all together at most the request limit, and only so many requests are read at once, per pool of
 * callers (one more is answered 503 before its body is read). The folder is removed when the answer is sent, when it
 * fails and when the client goes away: whatever happened, nothing of a request outlives it.
 *
 * Who may send files is decided before this runs (`src/http/api/mount.ts`, `src/http/web/mount-page.ts`):
 * these limits bound what an authorised caller (or a visitor of the public verification) costs.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, pipeline } from 'node:stream';
import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import type { DocumentRole, DocumentUpload } from '../../documents/inspect.js';
import { AppError } from '../../errors.js';
import { isMultipart } from './multipart.js';

export interface UploadLimits {
  /** The largest file, in bytes. */
  fileBytes: number;
  /** The most bytes of files one request may carry, all together. */
  requestBytes: number;
  /** Upload requests read at once. */
  inFlight: number;
  /** Where each request gets its folder. */
  dir: string;
}

/** A file as received: on disk until the answer is sent. */
export interface ReceivedFile {
  path: string;
  /** The name the sender gave. */
  name: string;
  size: number;
}

/** A received file with the role its part gives it. */
export interface ReceivedUpload extends ReceivedFile {
  role: DocumentRole;
}

/** How a form's text fields are bounded (they are small, and kept in memory). */
export interface FieldLimits {
  fields: number;
  fieldBytes: number;
}

/** Seconds a client refused for lack of room is asked to wait. */
const RETRY_AFTER_SECONDS = 5;

/** Room for a form's fields and part headers beside its files, when the declared length is checked. */
function formRoom(fields: FieldLimits, parts: number): number {
  return fields.fields * fields.fieldBytes + parts * 1024;
}

/** The folder of one request's files, made when its first file arrives and removed with the answer. */
class Spool {
  used = 0;
  #dir: Promise<string> | null = null;
  #over = false;

  constructor(
    readonly base: string,
    readonly limit: number,
  ) {}

  dir(): Promise<string> {
    // A file arriving after the answer (the client went away mid-body) gets no folder to leave behind.
    if (this.#over) return Promise.reject(new AppError({ code: 'VALIDATION_FAILED', detail: 'The request was over before its files arrived.' }));
    this.#dir ??= mkdir(this.base, { recursive: true, mode: 0o700 }).then(() => mkdtemp(join(this.base, 'request-')));
    return this.#dir;
  }

  async remove(): Promise<void> {
    this.#over = true;
    const dir = await this.#dir?.catch(() => null);
    // A write stream still open in it loses its file with it (unlinked); it fails on its next open.
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

const spools = new WeakMap<Request, Spool>();

function tooLarge(limit: number): AppError {
  return new AppError({ code: 'PAYLOAD_TOO_LARGE', detail: `The files of one request may be ${limit} bytes together at most.` });
}

/** multer's storage: each file streamed into the request's folder, counted against the request's limit. */
const spooledStorage: multer.StorageEngine = {
  _handleFile(request, file, callback) {
    const spool = spools.get(request);
    if (!spool) return callback(new Error('an upload parser ran without its gate'));
    spool.dir().then((dir) => {
      const path = join(dir, randomUUID());
      let size = 0;
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          spool.used += chunk.length;
          done(spool.used > spool.limit ? tooLarge(spool.limit) : null, chunk);
        },
      });
      pipeline(file.stream, counted, createWriteStream(path, { mode: 0o600 }), (error) => (error ? callback(error) : callback(null, { path, size })));
    }, callback);
  },
  _removeFile(_request, file, callback) {
    rm(file.path, { force: true }).then(() => callback(null), callback);
  },
};

/**
 * The gate and the parser of every route that takes files. One per app (API and pages share the
 * count of requests in flight).
 */
export class SpooledUploads {
  #reading = 0;

  constructor(readonly limits: UploadLimits) {}

  /** Requests being read now. */
  get reading(): number {
    return this.#reading;
  }

  /**
   * The middleware that reads a multipart request's files into its folder (anything else passes):
   * first the gate (503 past the limit of requests in flight, 413 for a declared length over the
   * request limit), neither reading a byte of the body; then multer, its files on disk.
   */
  reader(parts: readonly multer.Field[], fields: FieldLimits): RequestHandler[] {
    const maxFiles = parts.reduce((sum, part) => sum + (part.maxCount ?? 1), 0);
    const parser = multer({
      storage: spooledStorage,
      // Browsers and curl send file names as raw UTF-8: "báo cáo.pdf" must not arrive as latin-1 mojibake.
      defParamCharset: 'utf8',
      limits: { fileSize: this.limits.fileBytes, files: maxFiles, fields: fields.fields, fieldSize: fields.fieldBytes, parts: maxFiles + fields.fields },
    }).fields([...parts]);
    const gate: RequestHandler = (request, response, next) => {
      if (!isMultipart(request)) return next();
      if (this.#reading >= this.limits.inFlight) {
        response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        return next(new AppError({ code: 'UNAVAILABLE', detail: `The service is reading ${this.#reading} uploads already; try again in ${RETRY_AFTER_SECONDS} seconds.` }));
      }
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > this.limits.requestBytes + formRoom(fields, maxFiles + fields.fields)) return next(tooLarge(this.limits.requestBytes));
      this.#reading += 1;
      const spool = new Spool(this.limits.dir, this.limits.requestBytes);
      spools.set(request, spool);
      // 'close' comes after the answer is sent, after a failed one, and when the client goes away.
      response.once('close', () => {
        this.#reading -= 1;
        spool.remove().catch(() => undefined);
      });
      next();
    };
    return [gate, (request, response, next) => (isMultipart(request) ? parser(request, response, next) : next())];
  }
}

/** The files multer wrote for the named parts, in the parts' order. */
export function filesOfParts(request: Request, part: string): ReceivedFile[] {
  const parts = (request.files ?? {}) as Record<string, Express.Multer.File[] | undefined>;
  return (parts[part] ?? []).map((file) => ({ path: file.path, name: file.originalname, size: file.size }));
}

/**
 * The files as the engine takes them, read into memory. The engine inspects (file-type), hashes
 * and stores a file as one Buffer (SQLite files and GridFS alike); reading it here, once the caller
 * is authorised and the request is admitted, is bounded by the request limit × the requests in flight.
 */
export function readUploads(files: readonly ReceivedUpload[]): Promise<DocumentUpload[]> {
  return Promise.all(files.map(async (file) => ({ bytes: await readFile(file.path), name: file.name, role: file.role })));
}

/**
 * Whose uploads a gate counts: callers with a key or a session, or anyone (the public verification).
 * Each has its own count, so visitors holding their places (a slow body) never keep a lab from
 * submitting.
 */
export type UploadPool = 'principals' | 'public';

/** One gate per app and pool: the API's routes and the pages' forms are made from the same deps. */
const perApp = new WeakMap<object, Record<UploadPool, SpooledUploads>>();

export function spooledUploadsFor(key: object, pool: UploadPool, limits: () => UploadLimits): SpooledUploads {
  let pools = perApp.get(key);
  if (!pools) {
    const made = limits();
    perApp.set(key, (pools = { principals: new SpooledUploads(made), public: new SpooledUploads(made) }));
  }
  return pools[pool];
}
