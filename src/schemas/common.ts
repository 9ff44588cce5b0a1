/**
 * Building blocks shared by every schema. Schemas are plain `as const` objects, so one object
 * is at once what ajv validates, what the OpenAPI document publishes and, through
 * json-schema-to-ts's `FromSchema`, the TypeScript type of the data.
 */

/** Base of every schema's `$id`. */
export const SCHEMA_BASE = 'https://mra-engine.example/schemas/';

export const economyCode = {
  type: 'string',
  pattern: '^[A-Z]{2}$',
  description: 'ISO 3166-1 alpha-2 code of an economy, e.g. VN, KR.',
} as const;

/** A technical regulation, version included: `VN:QCVN 117:2020/BTTTT`, `US:47 CFR Part 15`. */
export const regulationId = {
  type: 'string',
  pattern: '^[A-Z]{2}:\\S.{0,118}$',
  description: 'Economy code, a colon, then the regulation with its version.',
} as const;

/**
 * What a pattern means, as a sentence with an example, said instead of the bare pattern when a
 * value does not match it.
 */
export const PATTERN_MEANINGS: Readonly<Record<string, string>> = {
  [regulationId.pattern]: 'must start with the economy code and a colon, then the regulation with its version, e.g. "KR:KN 301 489" or "VN:QCVN 54:2020/BTTTT"',
  [economyCode.pattern]: 'must be a two-letter economy code in capitals, e.g. "VN" or "KR"',
};

export const regulationList = {
  type: 'array',
  items: regulationId,
  minItems: 1,
  maxItems: 200,
  uniqueItems: true,
} as const;

/** Ids we mint are UUIDs; seeded and reference ids are readable slugs. */
export const recordId = {
  type: 'string',
  pattern: '^[A-Za-z0-9][A-Za-z0-9-]{1,63}$',
} as const;

/**
 * An instant in ISO 8601 with a zone (`2026-03-02T09:00:00+07:00`), or a calendar date (midnight
 * UTC). `x-instant` makes the validator rewrite it as UTC with milliseconds
 * (`2026-03-02T02:00:00.000Z`), so stored instants compare correctly as text.
 */
export const instant = {
  type: 'string',
  'x-instant': true,
  anyOf: [
    { type: 'string', format: 'date-time' },
    { type: 'string', format: 'date' },
  ],
  description: 'ISO 8601 instant with a time zone, or a date (taken as 00:00 UTC).',
} as const;

export const email = { type: 'string', format: 'email', maxLength: 254 } as const;

export const language = {
  type: 'string',
  enum: ['en', 'vi'],
  description: 'Language of the e-mails this party receives.',
} as const;

/**
 * Text from a person, Vietnamese welcome. `x-text` says how many lines it may have: `line` (a name,
 * a title, a reason) refuses line breaks, every other control character (C0, DEL, C1) and the
 * bidirectional controls (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069) that make text
 * read other than it is stored; `lines` (a note, a request) allows `\n` alone. Either way, nothing
 * a user types can forge a line of an e-mail or a log (`src/validation.ts`).
 */
export const shortText = { type: 'string', minLength: 1, maxLength: 200, 'x-text': 'line' } as const;

/** Free text of several lines: a request, a response, a note. */
export const longText = { type: 'string', minLength: 1, maxLength: 4000, 'x-text': 'lines' } as const;

/** Why an authority acted, in one line: shown in the subject-adjacent facts of every e-mail. */
export const reason = { type: 'string', minLength: 1, maxLength: 4000, 'x-text': 'line' } as const;

export const comment = { ...longText, description: 'A note recorded in history and shown in e-mails.' } as const;

/** What happens when information asked for is not given by its deadline (default from MRA_INFO_UNANSWERED). */
export const onNoAnswer = {
  type: 'string',
  enum: ['review', 'close'],
  description: 'review: back to the regulator for a decision; close: the application is objected to, the report rejected.',
} as const;

/** The state names a list may be filtered on (checked against the machine by the engine). */
export const stateName = { type: 'string', pattern: '^[a-z_]{2,40}$' } as const;

export const limit = { type: 'integer', minimum: 1, maximum: 200, default: 50 } as const;

/** The sealed `nextCursor` of the previous page (src/http/api/cursors.ts). */
export const cursor = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,400}$', description: 'The nextCursor of the previous page.' } as const;

/**
 * The body of an event: `{ type, ...payload }`. Unknown properties are refused; `at` and `actor`
 * are stamped by the engine and cannot be sent.
 */
export function eventBody<
  const K extends string,
  const T extends string,
  const P extends Record<string, unknown>,
  const R extends readonly (keyof P & string)[] = [],
>(kind: K, type: T, properties: P, required?: R) {
  return {
    $id: `${SCHEMA_BASE}${kind}/events/${type}`,
    type: 'object',
    properties: { type: { const: type }, ...properties },
    required: ['type', ...((required ?? []) as R)] as const,
    additionalProperties: false,
  } as const;
}

/** A path on this service (never another host, nor `//host`), in one line of text. */
export const localPath = { type: 'string', pattern: '^/(?![/\\\\])\\S{0,500}$', 'x-text': 'line' } as const;

/** `state=recognized` or `state=recognized,suspended`. */
const states = { type: 'string', pattern: '^[a-z_]{2,40}(,[a-z_]{2,40}){0,9}$', description: 'One state, or several separated by commas.' } as const;

/** A search value matched exactly. */
export const searchText = { type: 'string', minLength: 1, maxLength: 200 } as const;

/** What a person types in a search box: matched in part, whatever the case and accents. */
export const typedText = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  description: 'Found in part, whatever the case and accents ("phuong nam" finds "Phương Nam"); at least 3 letters.',
} as const;

/** The query of a kind's list: its state, a page, and the kind's own search filters. */
export function listQuery<const K extends string, const F extends Record<string, unknown>>(kind: K, filters: F) {
  return {
    $id: `${SCHEMA_BASE}${kind}/list-query`,
    type: 'object',
    properties: { state: states, limit, cursor, ...filters },
    additionalProperties: false,
  } as const;
}
