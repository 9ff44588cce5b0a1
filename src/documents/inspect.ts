/**
 * What a file is, from its bytes: its type recognised from the content by `file-type` (never
 * from the name or the type the client claims), checked against what a test report may carry,
 * and its size against the limit.
 */
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors.js';

/** What is being attached: the test report itself, or an annex (photos, schematics, set-up). */
export type DocumentRole = 'report' | 'annex';

/** A file as received, before it is stored. */
export interface DocumentUpload {
  bytes: Buffer;
  /** The name the sender gave; kept for people, never trusted for the type. */
  name: string;
  role: DocumentRole;
}

export interface InspectedDocument extends DocumentUpload {
  mediaType: string;
}

/** The report must be a PDF; an annex may also be a photograph. */
export const ACCEPTED_TYPES: Readonly<Record<DocumentRole, readonly string[]>> = {
  report: ['application/pdf'],
  annex: ['application/pdf', 'image/png', 'image/jpeg'],
};

/** At most this many files on one transition. */
export const MAX_FILES = 20;

/** A name safe to show and to put in a Content-Disposition header: no path, no control characters. */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').normalize('NFC').trim().slice(0, 200);
  return clean === '' ? 'document' : clean;
}

/** The file name extension of each accepted type, as a download's name ends. */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

/**
 * The name a file is downloaded under: the sender's name, its extension made the one of the type
 * read from the content (`r.html` holding a PDF downloads as `r.pdf`), so a browser or a desktop
 * that goes by the extension opens it as what it is, never as the page or program its sender named.
 */
export function downloadName(name: string, mediaType: string): string {
  const clean = cleanName(name);
  const extensions = EXTENSIONS[mediaType];
  if (!extensions) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 ? clean.slice(dot + 1).toLowerCase() : '';
  if (extensions.includes(extension)) return clean;
  const base = dot > 0 ? clean.slice(0, dot) : clean.startsWith('.') ? 'document' : clean;
  return `${base}.${extensions[0]!}`;
}

/**
 * @throws AppError PAYLOAD_TOO_LARGE over `maxBytes`, UNSUPPORTED_MEDIA_TYPE for a type not
 * accepted for its role, VALIDATION_FAILED for an empty file, more than one report or too many files.
 */
export async function inspectDocuments(uploads: readonly DocumentUpload[], maxBytes: number): Promise<InspectedDocument[]> {
  if (uploads.length > MAX_FILES) {
    throw new AppError({ code: 'VALIDATION_FAILED', detail: `At most ${MAX_FILES} files may be attached at once.`, errors: [{ pointer: '/files', message: `at most ${MAX_FILES}` }] });
  }
  if (uploads.filter((u) => u.role === 'report').length > 1) {
    throw new AppError({ code: 'VALIDATION_FAILED', detail: 'Attach one test report; other files are annexes.', errors: [{ pointer: '/report', message: 'at most one' }] });
  }
  const inspected: InspectedDocument[] = [];
  for (const upload of uploads) {
    const name = cleanName(upload.name);
    if (upload.bytes.length === 0) {
      throw new AppError({ code: 'VALIDATION_FAILED', detail: `The file "${name}" is empty.`, errors: [{ pointer: `/${upload.role}`, message: 'empty file' }] });
    }
    if (upload.bytes.length > maxBytes) {
      throw new AppError({ code: 'PAYLOAD_TOO_LARGE', detail: `The file "${name}" is larger than ${maxBytes} bytes, the limit for one file.` });
    }
    const detected = await fileTypeFromBuffer(upload.bytes);
    const accepted = ACCEPTED_TYPES[upload.role];
    if (!detected || !accepted.includes(detected.mime)) {
      throw new AppError({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        detail: `The file "${name}" is ${detected ? detected.mime : 'of a type not recognised from its content'}; ${upload.role === 'report' ? 'a test report' : 'an annex'} must be ${accepted.join(', ')}.`,
      });
    }
    inspected.push({ ...upload, name, mediaType: detected.mime });
  }
  return inspected;
}
