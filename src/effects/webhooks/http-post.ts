/**
 * One POST of a webhook: to the address the policy checked (the connection's `lookup` answers
 * only that address, while TLS still verifies the certificate for the host name), with a timeout,
 * and never following a redirect: a 3xx is an answer like any other non-2xx, and its `Location`
 * is only reported.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { PinnedTarget } from './address-policy.js';

export interface PostResult {
  status: number;
  /** Where a 3xx answer pointed (not followed). */
  location: string | null;
}

/** How much of an answer's body is read (and thrown away) before the connection is let go. */
const MAX_ANSWER_BYTES = 64 * 1024;

function pinnedLookup(target: PinnedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

/** Posts `body`; rejects on a network error or after `timeoutMs` without an answer. */
export function postPinned(target: PinnedTarget, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostResult> {
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      target.url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'MRA-Engine-Webhooks/1' },
        lookup: pinnedLookup(target),
        timeout: timeoutMs,
      },
      (response: IncomingMessage) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) response.destroy();
        });
        const done = () => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null });
        response.on('end', done);
        response.on('close', done);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}
