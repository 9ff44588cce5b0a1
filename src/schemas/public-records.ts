/** Shapes of the permanent public pages' JSON twins (`/public/cabs/…`, `/public/test-reports/{id}`), for the OpenAPI document. */
import { SCHEMA_BASE, economyCode, instant, recordId } from './common.js';
import { publicRecognition, publicTestReport } from './responses.js';

const day = { type: 'string', format: 'date-time' } as const;
const side = { type: 'string', enum: ['importing_regulator', 'designating_authority', 'unrecorded'] } as const;
const regulations = { type: 'array', items: { type: 'string' } } as const;

const statusChange = {
  type: 'object',
  description: 'A change of public status; who typed it and why are not public.',
  properties: {
    at: day,
    event: { type: 'string', description: 'The event, as the workflow names it (RECOGNIZE, SUSPEND, LIFT_SUSPENSION, ACCEPT, ...).' },
    status: { type: 'string', description: 'The public status after it (for a report, `submitted` at its creation).' },
    by: { ...side, description: 'For a suspension or its lift: the authority that acted.' },
    regulations: { ...regulations, description: 'For a suspension of some regulations only.' },
  },
  required: ['at', 'event', 'status'],
} as const;

const suspension = {
  type: 'object',
  properties: { by: side, economy: { type: ['string', 'null'] }, since: day, until: { ...day, description: 'When it was lifted; absent while open.' }, regulations },
  required: ['by', 'economy', 'since'],
} as const;

export const publicCabStanding = {
  $id: `${SCHEMA_BASE}responses/public-cab-standing`,
  title: 'A CAB as one importing economy recognises it: status per regulation, suspensions, accreditation and history',
  type: 'object',
  properties: {
    cab: { type: 'object', properties: { id: recordId, name: { type: 'string' }, type: { type: 'string' }, economy: economyCode } },
    importingEconomy: economyCode,
    recognitions: {
      type: 'array',
      description: 'Each recognition ever in force, newest first.',
      items: {
        allOf: [
          publicRecognition,
          {
            type: 'object',
            properties: {
              regulations: {
                type: 'array',
                description: 'Each regulation of the scope: in force since, or suspended since (by which side), or ended.',
                items: {
                  type: 'object',
                  properties: {
                    regulation: { type: 'string' },
                    status: { type: 'string', enum: ['recognized', 'suspended', 'lapsed', 'withdrawn', 'expired'] },
                    since: day,
                    suspension: suspension,
                  },
                  required: ['regulation', 'status', 'since'],
                },
              },
              particulars: {
                type: 'object',
                description: "From the designation at home the recognition rests on (47 CFR 2.951(a)(2), (3), (10)); absent for recognitions filed before designations were recorded.",
                properties: {
                  address: { type: 'string', description: "The CAB's address." },
                  testSites: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, address: { type: 'string' } }, required: ['address'] } },
                  testsForOthers: { type: 'boolean', description: 'Whether it tests on contract for others.' },
                },
                required: ['address', 'testSites', 'testsForOthers'],
              },
              suspensionHistory: { type: 'array', items: suspension, description: 'Every suspension, open or lifted, newest first.' },
              accreditation: {
                type: ['object', 'null'],
                properties: {
                  standard: { type: 'string' },
                  certificateNumber: { type: 'string' },
                  body: { type: 'string', description: 'The accreditation body.' },
                  validFrom: instant,
                  validUntil: instant,
                  state: { type: 'string' },
                },
              },
              history: { type: 'array', items: statusChange, description: 'Newest first.' },
            },
          },
        ],
      },
    },
  },
  required: ['cab', 'importingEconomy', 'recognitions'],
} as const;

export const publicTestReportRecord = {
  $id: `${SCHEMA_BASE}responses/public-test-report-record`,
  title: 'A listed test report in full: regulations, lab, dates, validity, documents’ fingerprints and status history',
  allOf: [
    publicTestReport,
    {
      type: 'object',
      properties: {
        documents: {
          type: 'array',
          items: {
            type: 'object',
            properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, size: { type: 'integer' }, mediaType: { type: 'string' }, role: { type: 'string', enum: ['report', 'annex'] }, attachedAt: day },
          },
        },
        history: { type: 'array', items: statusChange, description: 'Newest first.' },
      },
    },
  ],
} as const;

export const publicCertificateRecord = {
  $id: `${SCHEMA_BASE}responses/public-certificate-record`,
  title: 'A certificate once in force, in full: body, equipment, regulations, validity, the reports it rests on and status history',
  type: 'object',
  properties: {
    id: recordId,
    certificateNumber: { type: 'string' },
    importingEconomy: economyCode,
    body: { type: 'object', properties: { id: recordId, name: { type: 'string' }, economy: economyCode, designationNumber: { type: 'string' } } },
    equipment: { type: 'object', additionalProperties: true },
    regulations,
    equivalentRegulations: { ...regulations, description: 'The importing regulations it counts for through equivalences (MRA-ETR).' },
    state: { type: 'string', enum: ['in_force', 'suspended', 'revoked', 'expired', 'withdrawn'] },
    issuedAt: instant,
    validUntil: instant,
    suspendedAt: instant,
    testReports: { type: 'array', items: { type: 'object', properties: { id: recordId, reportNumber: { type: 'string' } } }, description: 'The listed reports it rests on; each has its page.' },
    externalReports: { type: 'array', items: { type: 'object', properties: { reportNumber: { type: 'string' }, lab: { type: 'string' } } } },
    history: { type: 'array', items: statusChange, description: 'Newest first.' },
  },
  required: ['id', 'certificateNumber', 'importingEconomy', 'body', 'regulations', 'state', 'issuedAt', 'validUntil', 'history'],
} as const;

export const publicRecordSchemas = { publicCabStanding, publicTestReportRecord, publicCertificateRecord } as const;
