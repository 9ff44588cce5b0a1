/** Shapes of answers, for the OpenAPI document (the service writes them; nothing validates them). */
import { counterparts } from '../kinds/index.js';
import { KINDS } from '../kinds/types.js';
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
    kind: { type: 'string', enum: KINDS },
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
    actor: { type: 'object', properties: { id: { type: 'string' }, role: { type: 'string' }, economy: economyCode, cabId: recordId, name: { type: 'string' }, organisation: { type: 'string' } } },
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
    id: { ...recordId, description: 'The report’s id: its public page is /register/test-reports/{id}, its JSON /public/test-reports/{id}.' },
    reportNumber: { type: 'string' },
    importingEconomy: economyCode,
    lab: {
      type: 'object',
      properties: {
        id: recordId,
        name: { type: 'string' },
        economy: economyCode,
        designationNumber: { type: 'string', description: 'The number the importing economy designated the lab under.' },
      },
    },
    equipment: anyObject,
    regulations: { type: 'array', items: { type: 'string' } },
    state: { type: 'string', enum: ['accepted', 'rejected', 'revoked', 'expired'] },
    meaning: { type: 'string', description: 'What the status means for an importer, in the reader’s language (?lang= or Accept-Language).' },
    testedAt: instant,
    issuedAt: instant,
    acceptedAt: instant,
    validUntil: instant,
    reasons: { type: 'array', items: { type: 'string' }, description: 'Reason codes of a rejection.' },
    rejection: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, detail: { type: 'string' } } }, description: 'A rejection’s reasons, each with the regulator’s words.' },
    decidedAt: { type: 'string', format: 'date-time' },
  },
} as const;

const publicSuspension = {
  type: 'object',
  properties: {
    by: { type: 'string', enum: ['importing_regulator', 'designating_authority', 'unrecorded'] },
    economy: { type: ['string', 'null'] },
    since: { type: 'string', format: 'date-time' },
    regulations: { type: 'array', items: { type: 'string' }, description: 'Only these regulations; absent: the whole recognition.' },
  },
} as const;

export const publicRecognition = {
  $id: `${SCHEMA_BASE}responses/public-recognition`,
  title: 'A CAB an economy recognises or recognised, with its status, as the public sees it',
  type: 'object',
  properties: {
    designationNumber: { type: 'string' },
    status: { type: 'string', enum: ['recognized', 'suspended', 'lapsed', 'withdrawn', 'expired'] },
    inForce: { type: 'boolean', description: 'Whether test reports of tests made now are covered (for the regulations not suspended).' },
    statusSince: { type: 'string', format: 'date-time' },
    suspensions: {
      type: 'array',
      description: 'Open suspensions: by which authority, since when, for which regulations (absent: all).',
      items: publicSuspension,
    },
    cab: { type: 'object', properties: { id: recordId, name: { type: 'string' }, type: { type: 'string' }, economy: economyCode } },
    importingEconomy: economyCode,
    exportingEconomy: economyCode,
    scope: { type: 'array', items: { type: 'string' } },
    regulations: {
      type: 'array',
      description: 'Each regulation of the scope with its own status: suspended while an open suspension (of the whole recognition or naming it) covers it.',
      items: {
        type: 'object',
        properties: {
          regulation: { type: 'string' },
          status: { type: 'string', enum: ['recognized', 'suspended', 'lapsed', 'withdrawn', 'expired'] },
          suspensions: { type: 'array', items: publicSuspension },
        },
      },
    },
    accreditation: {
      type: 'object',
      description: 'The accreditation the recognition was granted on (absent for records that did not name it).',
      properties: { body: { type: 'string', description: 'The accreditation body.' }, certificateNumber: { type: 'string' }, validUntil: { type: 'string', format: 'date-time' } },
    },
    agreement: { type: 'object', description: 'The arrangement it was granted under.', properties: { id: recordId, title: { type: 'string' } } },
    recognizedSince: { type: 'string', format: 'date-time' },
    validUntil: { type: 'string', format: 'date-time' },
    endedAt: { type: 'string', format: 'date-time', description: 'When a withdrawn or expired recognition ended.' },
    agreementId: recordId,
  },
} as const;

const coverageBasis = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['test-report', 'certificate'] },
    number: { type: 'string', description: 'The report or certificate number.' },
    id: { ...recordId, description: 'The record\u2019s id (certificate numbers are unique per body only).' },
    issuer: { type: 'object', properties: { id: recordId, name: { type: 'string' }, economy: economyCode } },
    equipment: {
      type: 'object',
      description: 'The equipment as the record names it: the manufacturer in full, whatever part of it was asked for.',
      properties: { manufacturer: { type: 'string' }, model: { type: 'string' } },
      required: ['manufacturer', 'model'],
    },
    regulations: { type: 'array', items: { type: 'string' } },
    link: { type: 'string', description: 'The path of the page where a person reads the report or the certificate.' },
    // What a report or certificate counts through, as the kind providing the counterparts names it.
    ...counterparts().coverageProperties,
    validUntil: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

export const publicCoverage = {
  $id: `${SCHEMA_BASE}responses/public-coverage`,
  title: 'Whether an equipment model is covered in an economy, and on what basis',
  description: 'The manufacturer is found in part, whatever the case and accents ("phuong nam" finds "Phương Nam"); the model as a whole, whatever the case.',
  type: 'object',
  properties: {
    economy: economyCode,
    manufacturer: { type: 'string' },
    model: { type: 'string' },
    asOf: { type: 'string', format: 'date-time', description: 'The instant the answer is for, when asked with asOf.' },
    coveredBy: { type: ['string', 'null'], enum: ['certificate', 'test-report', null] },
    basis: { type: 'array', items: coverageBasis },
    whatToDo: {
      type: 'object',
      description: 'Only when nothing covers the model: the arrangements in force with the economy and the routes each opens (none: only its own national approval).',
      properties: {
        arrangements: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              partner: economyCode,
              phase: { type: 'string', enum: ['I', 'II'] },
              routes: {
                type: 'array',
                items: { type: 'string', enum: ['test-report', 'certificate'] },
                description: 'test-report: tested by a laboratory the economy recognises, the report accepted by its regulator; certificate (Phase II): certified by a certification body it recognises.',
              },
            },
            required: ['partner', 'phase', 'routes'],
          },
        },
        register: { type: 'string', description: 'The path of the register of the CABs the economy recognises.' },
      },
      required: ['arrangements', 'register'],
    },
  },
  required: ['economy', 'manufacturer', 'model', 'coveredBy', 'basis'],
} as const;

export const documentVerification = {
  $id: `${SCHEMA_BASE}responses/document-verification`,
  title: 'Whether a file is a document of an accepted test report',
  type: 'object',
  properties: {
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    verified: { type: 'boolean', description: 'True when it is a document of a report accepted now.' },
    message: { type: 'string', description: 'The answer, in the reader’s language.' },
    reports: { type: 'array', items: publicTestReport, description: 'The accepted (or expired, or revoked) reports it is a document of.' },
  },
  required: ['sha256', 'verified', 'message', 'reports'],
} as const;

export const responseSchemas = { problem, resource, historyEntry, publicTestReport, publicRecognition, documentVerification, publicCoverage } as const;
