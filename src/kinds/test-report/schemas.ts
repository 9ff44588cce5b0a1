/** Bodies of the test-report workflow: the create (submission) body and every event. */
import type { FromSchema } from 'json-schema-to-ts';
import {
  SCHEMA_BASE,
  comment,
  economyCode,
  eventBody,
  instant,
  longText,
  reason,
  onNoAnswer,
  recordId,
  regulationId,
  regulationList,
  shortText,
  stateName,
  listQuery,
  typedText,
} from '../../schemas/common.js';
import { additionalTests, testedRegulations, testedSchemes } from '../kit/requirements.js';

const KIND = 'test-reports';

export const reportNumber = {
  type: 'string',
  pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$',
  description: "The lab's own report number, unique per lab (RF190723E04).",
} as const;

export const equipment = {
  type: 'object',
  properties: {
    manufacturer: shortText,
    model: shortText,
    category: shortText,
    hardwareVersion: shortText,
    softwareVersion: shortText,
  },
  required: ['manufacturer', 'model', 'category'],
  additionalProperties: false,
} as const;

/**
 * The application for conformity certification a report supports (47 CFR 2.948: a report is
 * evidence in a certification file, not an authorisation by itself).
 */
export const certificationApplication = {
  type: 'object',
  properties: {
    reference: { ...shortText, description: "The application's number, as the body or authority that received it gives it." },
    certificationBodyId: {
      ...recordId,
      description: 'The certification body of this register that received the application: it may then read the report and rest a certificate on it.',
    },
    authority: { ...shortText, description: 'Who received the application, when it is not a certification body of this register (a regulator, or its certification centre).' },
  },
  required: ['reference'],
  additionalProperties: false,
  description: 'The application for conformity certification this report supports, if the lab names one.',
} as const;

export const createTestReport = {
  $id: `${SCHEMA_BASE}${KIND}/create`,
  title: 'Submission of a test report',
  type: 'object',
  properties: {
    reportNumber,
    importingEconomy: economyCode,
    regulations: testedRegulations,
    schemes: testedSchemes,
    additionalTests,
    equipment,
    testedAt: instant,
    issuedAt: instant,
    importerId: recordId,
    subcontractors: {
      type: 'array',
      items: recordId,
      maxItems: 20,
      uniqueItems: true,
      description: 'CAB ids of subcontracted labs, if any.',
    },
    certificationApplication,
    comment,
  },
  required: ['reportNumber', 'importingEconomy', 'regulations', 'equipment', 'testedAt', 'issuedAt'],
  additionalProperties: false,
} as const;

export const testReportEvents = {
  ACCEPT: eventBody(KIND, 'ACCEPT', { validUntil: instant, comment }),
  REJECT: eventBody(KIND, 'REJECT', { reason, comment }, ['reason']),
  REQUEST_INFO: eventBody(KIND, 'REQUEST_INFO', { request: longText, onNoAnswer }, ['request']),
  PROVIDE_INFO: eventBody(KIND, 'PROVIDE_INFO', { response: longText }, ['response']),
  WITHDRAW: eventBody(KIND, 'WITHDRAW', { reason, comment }),
  REVOKE: eventBody(KIND, 'REVOKE', { reason, comment }, ['reason']),
  REVIEW_OVERDUE: eventBody(KIND, 'REVIEW_OVERDUE', {}),
  EXPIRED: eventBody(KIND, 'EXPIRED', {}),
  LAB_RECOGNITION_ENDED: eventBody(
    KIND,
    'LAB_RECOGNITION_ENDED',
    { recognitionId: recordId, recognitionState: stateName, scope: regulationList },
    ['recognitionId', 'recognitionState', 'scope'],
  ),
  RECOGNITION_SUSPENDED: eventBody(KIND, 'RECOGNITION_SUSPENDED', { recognitionId: recordId, scope: regulationList }, ['recognitionId', 'scope']),
  RECOGNITION_RESUMED: eventBody(KIND, 'RECOGNITION_RESUMED', { recognitionId: recordId }, ['recognitionId']),
  RECOGNITION_SCOPE_NARROWED: eventBody(
    KIND,
    'RECOGNITION_SCOPE_NARROWED',
    { recognitionId: recordId, removed: { type: 'array', items: regulationId, maxItems: 200 } },
    ['recognitionId', 'removed'],
  ),
  INFO_REMINDER: eventBody(KIND, 'INFO_REMINDER', {}),
  INFO_OVERDUE: eventBody(KIND, 'INFO_OVERDUE', {}),
} as const;

export type CreateTestReport = FromSchema<typeof createTestReport>;
export type TestReportEventBody = FromSchema<(typeof testReportEvents)[keyof typeof testReportEvents]>;

/** The query of the list, with the kind's search filters. */
export const testReportListQuery = listQuery('test-reports', {
  cabId: recordId,
  reportNumber,
  importingEconomy: economyCode,
  exportingEconomy: economyCode,
  importerId: recordId,
  manufacturer: typedText,
  model: typedText,
  category: typedText,
  q: typedText,
});
