/**
 * Multipart requests written by hand over node:http, for what `fetch` cannot do: send the headers
 * and only part of a body (to see the service answer before it has read it), hold a request open,
 * abort it midway, stream a large body without holding it in memory, and send broken bodies.
 */
import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from 'node:http';

export const BOUNDARY = 'mra-test-boundary-7d1f';

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** One text part of a multipart body. */
export function fieldPart(name: string, value: string, boundary = BOUNDARY): Buffer {
  return Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
}

/** The head of a file part: its bytes follow, then `\r\n`. */
export function fileHead(part: string, filename: string, boundary = BOUNDARY, type = 'application/octet-stream'): Buffer {
  return Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
}

export function closing(boundary = BOUNDARY): Buffer {
  return Buffer.from(`--${boundary}--\r\n`);
}

/** A whole file part. */
export function filePart(part: string, filename: string, bytes: Buffer, boundary = BOUNDARY): Buffer {
  return Buffer.concat([fileHead(part, filename, boundary), bytes, Buffer.from('\r\n')]);
}

export interface OpenUpload {
  /** The answer, whenever it comes (with the body still being sent, or not). */
  answer: Promise<RawAnswer>;
  request: ClientRequest;
  /** Writes more of the body; resolves once it is handed to the socket. */
  write(chunk: Buffer): Promise<void>;
  end(chunk?: Buffer): void;
  /** Cuts the connection, as a client that goes away. */
  abort(): void;
}

/**
 * Starts a POST with a multipart content type and writes `first`; the rest is the caller's to send.
 * With `length` the request declares it (Content-Length); without, it is sent chunked.
 */
export function openUpload(url: string, path: string, options: { headers?: Record<string, string>; length?: number; first?: Buffer; boundary?: string } = {}): OpenUpload {
  const boundary = options.boundary ?? BOUNDARY;
  const request = httpRequest(`${url}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      ...(options.length === undefined ? {} : { 'Content-Length': String(options.length) }),
      ...options.headers,
    },
  });
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
  // The answer may come, and the connection close, while the body is still being written.
  answer.catch(() => undefined);
  request.on('error', () => undefined);
  request.flushHeaders();
  if (options.first) request.write(options.first);
  return {
    answer,
    request,
    write: (chunk) =>
      new Promise((resolve) => {
        if (request.destroyed) return resolve();
        request.write(chunk, () => resolve());
      }),
    end: (chunk) => {
      if (!request.destroyed) request.end(chunk);
    },
    abort: () => request.destroy(),
  };
}

/** Sends a whole body at once and waits for the answer. */
export function sendRaw(url: string, path: string, body: Buffer, headers: Record<string, string> = {}, boundary = BOUNDARY): Promise<RawAnswer> {
  const upload = openUpload(url, path, { headers, length: body.length, boundary });
  upload.end(body);
  return upload.answer;
}

/**
 * Sends a body of `files` file parts of `fileBytes` each (zeros, never all in memory at once) and
 * resolves with the answer, or with status 0 when the connection broke before one came. With
 * `whole`, the body is sent to its end even when the answer came first (as an attacker would);
 * else sending stops at the answer.
 */
export async function sendLarge(
  url: string,
  path: string,
  options: { files: number; fileBytes: number; part?: string; headers?: Record<string, string>; whole?: boolean },
): Promise<RawAnswer & { sentBytes: number }> {
  const part = options.part ?? 'annexes';
  const head = (i: number) => fileHead(part, `f${i}.pdf`);
  const tail = Buffer.from('\r\n');
  const length = Array.from({ length: options.files }, (_, i) => head(i).length + options.fileBytes + tail.length).reduce((a, b) => a + b, 0) + closing().length;
  const upload = openUpload(url, path, { ...(options.headers ? { headers: options.headers } : {}), length });
  const chunk = Buffer.alloc(256 * 1024);
  let answered = false;
  void upload.answer.then(
    () => (answered = true),
    () => (answered = true),
  );
  const going = () => !upload.request.destroyed && (options.whole === true || !answered);
  let sentBytes = 0;
  const write = async (chunk: Buffer) => {
    await upload.write(chunk);
    if (!upload.request.destroyed) sentBytes += chunk.length;
  };
  for (let i = 0; i < options.files && going(); i++) {
    await write(head(i));
    for (let sent = 0; sent < options.fileBytes && going(); sent += chunk.length) {
      await write(chunk.subarray(0, Math.min(chunk.length, options.fileBytes - sent)));
    }
    await write(tail);
  }
  if (going()) upload.end(closing());
  try {
    return { ...(await upload.answer), sentBytes };
  } catch {
    return { status: 0, headers: {}, text: '', sentBytes };
  } finally {
    upload.abort();
  }
}
