/**
 * Query strings, validated like bodies. Unknown parameters are refused. `limit` arrives as text
 * and is turned into a number before validation; everything else is matched as text.
 */
import { SCHEMA_BASE, cursor, economyCode, limit, localPath, recordId, searchText as text, typedText as typed } from './common.js';
import { reportNumber } from '../kinds/test-report/schemas.js';

export const historyQuery = {
  $id: `${SCHEMA_BASE}queries/history`,
  type: 'object',
  properties: { limit, cursor },
  additionalProperties: false,
} as const;

export const noQuery = {
  $id: `${SCHEMA_BASE}queries/none`,
  type: 'object',
  additionalProperties: false,
} as const;

export const regulationsQuery = {
  $id: `${SCHEMA_BASE}queries/regulations`,
  type: 'object',
  properties: { economy: economyCode },
  additionalProperties: false,
} as const;

export const cabsQuery = {
  $id: `${SCHEMA_BASE}queries/cabs`,
  type: 'object',
  properties: { economy: economyCode, limit, cursor },
  additionalProperties: false,
} as const;

/** The reader's language; without it, Accept-Language decides. */
const lang = { type: 'string', enum: ['en', 'vi'], description: 'The language of the answer’s wording; overrides Accept-Language.' } as const;

/**
 * A public answer as it stood then (`src/public/as-of.ts`): a date means the end of that day in
 * UTC; an instant carries its own offset. Not after now: the answer is about what held.
 */
const asOf = {
  type: 'string',
  anyOf: [
    { type: 'string', format: 'date' },
    { type: 'string', format: 'date-time' },
  ],
  description: 'Answer as of then, from history: a date (YYYY-MM-DD, the end of that day in UTC) or an instant with its offset; not in the future.',
} as const;

export const publicTestReportsQuery = {
  $id: `${SCHEMA_BASE}queries/public-test-reports`,
  type: 'object',
  properties: { economy: economyCode, reportNumber, q: typed, manufacturer: typed, model: typed, category: typed, lang, asOf, limit, cursor },
  required: ['economy'],
  additionalProperties: false,
  description:
    'The importing economy, and any of: a report number (exact; every lab’s report of that number), a search box `q` (found in the manufacturer, model, category or report number), manufacturer, model, category.',
} as const;

export const acceptedReportsCsvQuery = {
  $id: `${SCHEMA_BASE}queries/accepted-test-reports-csv`,
  type: 'object',
  properties: { economy: economyCode, lang: { ...lang, description: 'The language of the headers; overrides Accept-Language.' } },
  required: ['economy'],
  additionalProperties: false,
} as const;

export const langQuery = {
  $id: `${SCHEMA_BASE}queries/lang`,
  type: 'object',
  properties: { lang },
  additionalProperties: false,
} as const;

export const publicCoverageQuery = {
  $id: `${SCHEMA_BASE}queries/public-coverage`,
  type: 'object',
  properties: {
    economy: economyCode,
    manufacturer: typed,
    model: { ...text, description: 'The model as a whole, whatever the case: PN-AX1800 is not PN-AX1800-2.' },
    asOf,
  },
  required: ['economy', 'manufacturer', 'model'],
  additionalProperties: false,
  description: 'The importing economy, the manufacturer (any part of its name of at least 3 letters, whatever the case and accents) and the model.',
} as const;

export const publicRecognitionsQuery = {
  $id: `${SCHEMA_BASE}queries/public-recognitions`,
  type: 'object',
  properties: {
    importing: economyCode,
    exporting: economyCode,
    inForce: { type: 'string', enum: ['true', 'false'], description: 'true: only the CABs whose recognition is in force now (or at asOf).' },
    asOf,
    format: { type: 'string', enum: ['json', 'csv', 'xlsx'], description: 'Overrides the Accept header.' },
    lang: { ...lang, description: 'The language of a CSV or XLSX: its headers and coded values in words; overrides Accept-Language. JSON keeps its field names.' },
  },
  required: ['importing'],
  additionalProperties: false,
} as const;

export const outboxQuery = {
  $id: `${SCHEMA_BASE}queries/outbox`,
  type: 'object',
  properties: { limit, cursor },
  additionalProperties: false,
} as const;

export const principalsQuery = {
  $id: `${SCHEMA_BASE}queries/principals`,
  type: 'object',
  properties: { organisation: recordId, economy: economyCode, limit, cursor },
  additionalProperties: false,
} as const;

export const auditQuery = {
  $id: `${SCHEMA_BASE}queries/audit`,
  type: 'object',
  properties: { organisation: recordId, limit, cursor },
  additionalProperties: false,
} as const;

export const signInQuery = {
  $id: `${SCHEMA_BASE}queries/sign-in`,
  type: 'object',
  properties: {
    token: { type: 'string', pattern: '^[A-Za-z0-9_-]{20,100}$' },
    next: { ...localPath, description: 'The page a browser opens after signing in; this JSON answer ignores it.' },
  },
  required: ['token'],
  additionalProperties: false,
} as const;
