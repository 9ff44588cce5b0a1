/**
 * What a failed delivery means and when to try again. RFC 5321: a 4xx reply is transient (the
 * server wants us back later: greylisting, a full queue), a 5xx reply is permanent (no such
 * mailbox, refused by policy) and sending the same message again would get the same answer.
 * Network trouble (refused connection, timeout, TLS failure) says nothing about the message and
 * is retried. Retries back off exponentially with jitter, so that after an outage the nodes do not
 * all come back at the same moment.
 */

export interface Failure {
  /** Retrying cannot help: the message ends `dead` at once. */
  permanent: boolean;
  /** What went wrong, for `lastError` and the admin view: the server's reply when there is one. */
  description: string;
}

import type { Backoff } from '../../backoff.js';

/** 30 s, 1 min, 2 min, … up to an hour: the default ten attempts span about three hours. */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 3_600_000 };

interface SmtpLikeError {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  permanent?: unknown;
  message?: unknown;
}

/** Errors that are about our credentials or settings, not this message: every message would get them. */
const NOT_THE_MESSAGE = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ECONFIG']);

/** Classifies an error from a transport. */
export function classifyFailure(error: unknown): Failure {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SmtpLikeError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (typeof e.responseCode === 'number') {
    const reply = typeof e.response === 'string' ? e.response : `${e.responseCode}`;
    const command = typeof e.command === 'string' ? ` (after ${e.command})` : '';
    // nodemailer marks the reply classes itself (503 "bad sequence" is transient although 5xx).
    const permanent = typeof e.permanent === 'boolean' ? e.permanent : e.responseCode >= 500;
    return { permanent: permanent && (code === undefined || !NOT_THE_MESSAGE.has(code)), description: `${reply}${command}` };
  }
  return { permanent: false, description: code === undefined ? message : `${code}: ${message}` };
}
