/**
 * What a failed delivery means and when to try again. RFC 5321: a 4xx reply is transient (the
 * server wants us back later: greylisting, a full queue), a 5xx reply is permanent (no such
 * mailbox, refused by policy) and sending the same message again would get the same answer.
 * Network trouble (refused connection, timeout, TLS failure) says nothing about the message and
 * is retried. Retries follow the one policy of the queues (`src/backoff.ts`).
 */
import type { Failure, RetryPolicy } from '../../queue/index.js';

/** 30 s, 1 min, 2 min, … up to an hour (each less up to half, the jitter); ten attempts span about three hours. */
export const DEFAULT_RETRY: Omit<RetryPolicy, 'maxAttempts'> = { baseMs: 30_000, maxMs: 3_600_000 };

/** Why a delivery failed, as a code: decisions are taken on these, never on the server's sentence. */
export type MailFailureCode =
  /** A 5xx reply about this message or recipient: sending it again gets the same answer. */
  | 'SMTP_PERMANENT'
  /** A 4xx reply, or a 5xx that nodemailer marks transient (503, bad sequence): try later. */
  | 'SMTP_TRANSIENT'
  /** A refusal of our credentials or settings: every message would get it, so it is not this message's fault. */
  | 'SMTP_SETTINGS'
  /** No reply at all: a refused connection, a timeout, TLS, or a message that could not be written. */
  | 'NO_REPLY';

/** A failed delivery: permanent (the message ends `dead` at once) or to retry. */
export type MailFailure = { kind: 'permanent' | 'retry'; code: MailFailureCode } & Failure;

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

/** Classifies an error from a transport (or from writing the message) by its reply code and error code. */
export function classifyFailure(error: unknown): MailFailure {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SmtpLikeError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (typeof e.responseCode === 'number') {
    const reply = typeof e.response === 'string' ? e.response : `${e.responseCode}`;
    const command = typeof e.command === 'string' ? ` (after ${e.command})` : '';
    const detail = `${reply}${command}`;
    if (code !== undefined && NOT_THE_MESSAGE.has(code)) return { kind: 'retry', code: 'SMTP_SETTINGS', detail, cause: error };
    // nodemailer marks the reply classes itself (503 "bad sequence" is transient although 5xx).
    const permanent = typeof e.permanent === 'boolean' ? e.permanent : e.responseCode >= 500;
    return permanent ? { kind: 'permanent', code: 'SMTP_PERMANENT', detail, cause: error } : { kind: 'retry', code: 'SMTP_TRANSIENT', detail, cause: error };
  }
  return { kind: 'retry', code: 'NO_REPLY', detail: code === undefined ? message : `${code}: ${message}`, cause: error };
}
