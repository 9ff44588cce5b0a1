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

/** Why a delivery failed, as a code: the dispatcher decides by it, never by the sentence. */
export type DeliveryFailureCode =
  /** The receiver answered something other than 2xx (a 3xx included: never followed). */
  | 'HTTP_STATUS'
  /** No answer: a refused connection, a reset, a timeout. */
  | 'NO_ANSWER'
  /** The address policy refused the endpoint's address (`AddressRefusal.reason` says why). */
  | 'ADDRESS_REFUSED'
  /** The name could not be resolved now: it may resolve later. */
  | 'ADDRESS_UNRESOLVED'
  /** The endpoint was deleted or disabled since the delivery was written. */
  | 'ENDPOINT_DISABLED';

/** What one POST of a delivery came to: delivered, worth another try later, or never deliverable. */
export type DeliveryResult =
  | { kind: 'done'; result: { status: number } }
  | { kind: 'retry' | 'permanent'; code: DeliveryFailureCode; detail: string; status: number | null; cause?: unknown };

/**
 * Posts a delivery and says what came of it: a 2xx is delivered; any other answer, and no answer,
 * is worth another try (a receiver down, a 503, a redirect that may be lifted).
 */
export async function postDelivery(target: PinnedTarget, headers: Record<string, string>, body: string, timeoutMs: number): Promise<DeliveryResult> {
  let answer: PostResult;
  try {
    answer = await postPinned(target, headers, body, timeoutMs);
  } catch (error) {
    return { kind: 'retry', code: 'NO_ANSWER', detail: error instanceof Error ? error.message : String(error), status: null, cause: error };
  }
  if (answer.status >= 200 && answer.status < 300) return { kind: 'done', result: { status: answer.status } };
  const redirect = answer.location === null ? '' : ` (a redirect to ${answer.location}, not followed)`;
  return { kind: 'retry', code: 'HTTP_STATUS', detail: `HTTP ${answer.status}${redirect}`, status: answer.status };
}
