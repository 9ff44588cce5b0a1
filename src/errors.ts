/**
 * The one error type of the service. Every failure a caller can act on is an `AppError` with a
 * code from the registry below; the registry says which HTTP status and title the code maps to,
 * so the engine, the store and the API agree without knowing of each other.
 */

export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  FORBIDDEN: { status: 403, title: 'Not allowed for this principal' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  VERSION_CONFLICT: { status: 409, title: 'The resource has changed' },
  DEADLINE_HANDLED: { status: 409, title: 'The deadline was already handled' },
  DUPLICATE: { status: 409, title: 'Already exists' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  EVENT_NOT_ACCEPTED: { status: 422, title: 'Event not possible in the current state' },
  NOT_ELIGIBLE: { status: 422, title: 'Preconditions not met' },
  UNKNOWN_REFERENCE: { status: 422, title: 'Refers to something that does not exist' },
  ENDPOINT_REFUSED: { status: 422, title: 'Webhook endpoint refused' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  UNAVAILABLE: { status: 503, title: 'Temporarily unavailable' },
  STORE_UNAVAILABLE: { status: 503, title: 'The store cannot take writes now' },
  MACHINE_VERSION_UNSUPPORTED: { status: 500, title: 'Stored by a machine version this server cannot read' },
  CONFIG_INVALID: { status: 500, title: 'Invalid configuration' },
  SEED_INVALID: { status: 500, title: 'Invalid seed data' },
  INTERNAL: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem with one field of the input, in the shape API clients receive. */
export interface FieldError {
  /** JSON Pointer to the field, `''` for the whole body. */
  pointer: string;
  /** The problem in English, as the API's problem+json `errors[].message` says it. */
  message: string;
  /**
   * What failed, as a code a program decides on: the JSON Schema keyword (`required`, `pattern`,
   * `format`, `maxLength`, `x-instant`…) of a schema problem; absent for a rule's own refusal.
   * Pages word the problem from it, never from `message`.
   */
  keyword?: string;
  /** The keyword's details, as ajv gives them (`missingProperty`, `limit`, `format`…). */
  params?: Readonly<Record<string, unknown>>;
}

export interface AppErrorOptions {
  code: ErrorCode;
  /** What happened, for a person: which record, which field, what to do. */
  detail: string;
  errors?: FieldError[];
  /** Members added to the problem body the client receives (e.g. `currentVersion`, `reasons`). */
  publicFields?: Record<string, unknown>;
  /** What the service keeps for its own log and its own callers; never in an HTTP answer. */
  internalFields?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[] | undefined;
  /** Shown: members of the problem+json body. */
  readonly publicFields: Record<string, unknown>;
  /** Never shown: for the log and for code that handles the error in-process. */
  readonly internalFields: Record<string, unknown>;

  constructor({ code, detail, errors, publicFields, internalFields, cause }: AppErrorOptions) {
    super(detail, cause === undefined ? undefined : { cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.title = ERROR_CODES[code].title;
    this.detail = detail;
    this.errors = errors;
    this.publicFields = publicFields ?? {};
    this.internalFields = internalFields ?? {};
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
