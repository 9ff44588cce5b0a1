/**
 * One POST of a webhook: to the address the policy checked (the connection's `lookup` answers
 * only that address, while TLS still verifies the certificate for the host name), within a total
 * deadline, and never following a redirect: a 3xx is an answer like any other non-2xx, and its
 * `Location` is only reported.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { PinnedTarget } from './address-policy.js';
import { DeadlineExceeded, type Deadline } from './deadline.js';

export interface PostResult {
  status: number;
  /** Where a 3xx answer pointed (not followed). */
  location: string | null;
}

/**
 * How much of an answer's body is read (and thrown away) before the connection is let go: the
 * status is the answer; the body is read only so that a short one ends the exchange cleanly.
 */
export const MAX_ANSWER_BYTES = 4 * 1024;

function pinnedLookup(target: PinnedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

/**
 * Posts `body`; rejects on a network error, or with `DeadlineExceeded` when connecting, sending,
 * the status and the answer's body (its end, or its first `MAX_ANSWER_BYTES`) have not all come
 * by the deadline. The connection is destroyed then, however busy the receiver keeps it.
 */
export function postPinned(target: PinnedTarget, headers: Record<string, string>, body: string, deadline: Deadline): Promise<PostResult> {
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let status: number | null = null;
    let ended = false;
    const end = (outcome: () => void) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      outcome();
    };
    const request = send(
      target.url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'MRA-Engine-Webhooks/1' },
        lookup: pinnedLookup(target),
      },
      (response: IncomingMessage) => {
        status = response.statusCode ?? 0;
        const answered = () => end(() => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null }));
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read < MAX_ANSWER_BYTES) return;
          answered();
          response.destroy();
        });
        response.on('end', answered);
        response.on('close', answered);
      },
    );
    const timer = setTimeout(() => {
      const so = status === null ? 'no status yet' : `HTTP ${status} came, but its body was still arriving`;
      const error = new DeadlineExceeded(deadline.totalMs, so);
      end(() => reject(error));
      request.destroy(error);
    }, deadline.remainingMs());
    request.on('error', (error) => end(() => reject(error)));
    request.end(body);
  });
}

/** Why a delivery failed, as a code: the dispatcher decides by it, never by the sentence. */
export type DeliveryFailureCode =
  /** The receiver answered something other than 2xx (a 3xx included: never followed). */
  | 'HTTP_STATUS'
  /** No answer: a refused connection, a reset. */
  | 'NO_ANSWER'
  /** The whole attempt (resolving, connecting, sending, the answer) did not end within its deadline. */
  | 'TIMED_OUT'
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

/** What a failed exchange comes to: worth another try, as a timeout or as no answer. */
export function unanswered(error: unknown): DeliveryResult {
  const code = error instanceof DeadlineExceeded ? 'TIMED_OUT' : 'NO_ANSWER';
  return { kind: 'retry', code, detail: error instanceof Error ? error.message : String(error), status: null, cause: error };
}

/**
 * Posts a delivery and says what came of it: a 2xx is delivered; any other answer, no answer, and
 * no complete answer by the deadline, is worth another try (a receiver down, a 503, a redirect
 * that may be lifted, a receiver too slow today).
 */
export async function postDelivery(target: PinnedTarget, headers: Record<string, string>, body: string, deadline: Deadline): Promise<DeliveryResult> {
  let answer: PostResult;
  try {
    answer = await postPinned(target, headers, body, deadline);
  } catch (error) {
    return unanswered(error);
  }
  if (answer.status >= 200 && answer.status < 300) return { kind: 'done', result: { status: answer.status } };
  const redirect = answer.location === null ? '' : ` (a redirect to ${answer.location}, not followed)`;
  return { kind: 'retry', code: 'HTTP_STATUS', detail: `HTTP ${answer.status}${redirect}`, status: answer.status };
}
