/** Shapes of answers, for the OpenAPI document (the service writes them; nothing validates them). */
import { SCHEMA_BASE, economyCode, instant, recordId } from './common.js';

const anyObject = { type: 'object', additionalProperties: true } as const;

export const problem = {
  $id: `${SCHEMA_BASE}responses/problem`,
  title: 'Problem (RFC 9457)',
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'The error code (README, "Errors").' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { pointer: { type: 'string' }, message: { type: 'string' } }, required: ['pointer', 'message'] },
    },
    currentVersion: { type: 'integer', description: 'On 409: the version the resource is at.' },
    reasons: { type: 'array', items: anyObject, description: 'On 422 NOT_ELIGIBLE: why, with codes.' },
    requestId: { type: 'string' },
  },
  required: ['type', 'title', 'status', 'detail', 'code'],
} as const;

export const resource = {
  $id: `${SCHEMA_BASE}responses/resource`,
  title: 'Workflow resource',
  type: 'object',
  properties: {
    id: recordId,
    kind: { type: 'string', enum: ['agreements', 'accreditations', 'recognitions', 'test-reports'] },
    state: { type: 'string' },
    version: { type: 'integer', minimum: 1 },
    machineVersion: { type: 'integer', minimum: 1 },
    data: { ...anyObject, description: 'The create body’s fields plus what the engine derived.' },
    nextEvents: { type: 'array', items: { type: 'string' }, description: 'Events the calling principal may send now.' },
    deadlines: {
      type: 'array',
      items: { type: 'object', properties: { type: { type: 'string' }, dueAt: { type: 'string', format: 'date-time' } } },
    },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'kind', 'state', 'version', 'machineVersion', 'data', 'nextEvents', 'deadlines', 'createdAt', 'updatedAt'],
} as const;

export const historyEntry = {
  $id: `${SCHEMA_BASE}responses/history-entry`,
  title: 'History entry',
  type: 'object',
  properties: {
    seq: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    type: { type: 'string', description: 'The event, or CREATE.' },
    actor: { type: 'object', properties: { id: { type: 'string' }, role: { type: 'string' }, economy: economyCode, cabId: recordId, name: { type: 'string' } } },
    from: { type: ['string', 'null'] },
    to: { type: 'string' },
    payload: anyObject,
    facts: { ...anyObject, description: 'What the engine found out before deciding.' },
    cause: { ...anyObject, description: 'The deadline that fired, or the transition that cascaded.' },
  },
  required: ['seq', 'at', 'type', 'actor', 'from', 'to', 'payload'],
} as const;

export const publicTestReport = {
  $id: `${SCHEMA_BASE}responses/public-test-report`,
  title: 'Test report status, as the public sees it',
  type: 'object',
  properties: {
    reportNumber: { type: 'string' },
    importingEconomy: economyCode,
    lab: { type: 'object', properties: { id: recordId, name: { type: 'string' }, economy: economyCode } },
    equipment: anyObject,
    regulations: { type: 'array', items: { type: 'string' } },
    state: { type: 'string', enum: ['accepted', 'rejected', 'revoked', 'expired'] },
    testedAt: instant,
    issuedAt: instant,
    acceptedAt: instant,
    validUntil: instant,
    reasons: { type: 'array', items: { type: 'string' }, description: 'Reason codes of a rejection.' },
    decidedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const publicRecognition = {
  $id: `${SCHEMA_BASE}responses/public-recognition`,
  title: 'A recognised CAB, as the public sees it',
  type: 'object',
  properties: {
    designationNumber: { type: 'string' },
    cab: { type: 'object', properties: { id: recordId, name: { type: 'string' }, type: { type: 'string' }, economy: economyCode } },
    importingEconomy: economyCode,
    exportingEconomy: economyCode,
    scope: { type: 'array', items: { type: 'string' } },
    recognizedSince: { type: 'string', format: 'date-time' },
    validUntil: { type: 'string', format: 'date-time' },
    agreementId: recordId,
    state: { type: 'string', description: 'recognized (the public route lists no other state)' },
  },
} as const;

export const responseSchemas = { problem, resource, historyEntry, publicTestReport, publicRecognition } as const;
