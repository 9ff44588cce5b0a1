/** Bodies of the certificate workflow (Phase II): the issue of an equipment certificate and every event. */
import type { FromSchema } from 'json-schema-to-ts';
import {
  SCHEMA_BASE,
  comment,
  economyCode,
  eventBody,
  instant,
  reason,
  recordId,
  regulationId,
  regulationList,
  shortText,
  stateName,
  listQuery,
  searchText,
} from '../../schemas/common.js';
import { additionalTests } from '../kit/requirements.js';
import { equipment, reportNumber } from '../test-report/schemas.js';

const KIND = 'certificates';

export const certificateNumber = {
  type: 'string',
  pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$',
  description: "The certification body's own certificate number, unique per body (TLC-2026-0001).",
} as const;

export const createCertificate = {
  $id: `${SCHEMA_BASE}${KIND}/create`,
  title: 'Issue of an equipment certificate',
  type: 'object',
  properties: {
    certificateNumber,
    importingEconomy: economyCode,
    regulations: { ...regulationList, description: "The importing economy's regulations, with versions, the equipment is certified to." },
    equipment,
    applicantId: { ...recordId, description: 'The manufacturer or importer principal who applied.' },
    testReports: {
      type: 'array',
      items: recordId,
      maxItems: 20,
      uniqueItems: true,
      description: 'Ids of test reports in the engine the certificate rests on.',
    },
    externalReports: {
      type: 'array',
      items: {
        type: 'object',
        properties: { reportNumber, lab: shortText },
        required: ['reportNumber', 'lab'],
        additionalProperties: false,
      },
      maxItems: 20,
      description: 'Test reports outside the engine, by number and lab.',
    },
    additionalTests,
    issuedAt: instant,
    validUntil: instant,
    comment,
  },
  required: ['certificateNumber', 'importingEconomy', 'regulations', 'equipment', 'applicantId', 'issuedAt'],
  additionalProperties: false,
} as const;

export const certificateEvents = {
  SET_ASIDE: eventBody(KIND, 'SET_ASIDE', { reason, comment }, ['reason']),
  REVIEW_WINDOW_ENDED: eventBody(KIND, 'REVIEW_WINDOW_ENDED', {}),
  SUSPEND: eventBody(KIND, 'SUSPEND', { reason, comment }, ['reason']),
  RESTORE: eventBody(KIND, 'RESTORE', { comment }),
  WITHDRAW: eventBody(KIND, 'WITHDRAW', { reason, comment }, ['reason']),
  REVOKE: eventBody(KIND, 'REVOKE', { reason, comment }, ['reason']),
  EXPIRED: eventBody(KIND, 'EXPIRED', {}),
  BODY_RECOGNITION_ENDED: eventBody(
    KIND,
    'BODY_RECOGNITION_ENDED',
    { recognitionId: recordId, recognitionState: stateName, scope: { type: 'array', items: regulationId, maxItems: 200 } },
    ['recognitionId', 'recognitionState', 'scope'],
  ),
} as const;

export type CreateCertificate = FromSchema<typeof createCertificate>;
export type CertificateEventBody = FromSchema<(typeof certificateEvents)[keyof typeof certificateEvents]>;

/** The query of the list, with the kind's search filters. */
export const certificateListQuery = listQuery('certificates', {
  cabId: recordId,
  certificateNumber,
  importingEconomy: economyCode,
  exportingEconomy: economyCode,
  applicantId: recordId,
  manufacturer: searchText,
  model: searchText,
});
