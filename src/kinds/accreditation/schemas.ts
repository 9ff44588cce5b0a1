/** Bodies of the accreditation workflow: the create body and every event. */
import type { FromSchema } from 'json-schema-to-ts';
import {
  SCHEMA_BASE,
  comment,
  eventBody,
  instant,
  reason,
  recordId,
  regulationList,
  shortText,
  listQuery,
  searchText,
  economyCode,
} from '../../schemas/common.js';

const KIND = 'accreditations';

export const createAccreditation = {
  $id: `${SCHEMA_BASE}${KIND}/create`,
  title: 'New accreditation of a CAB',
  type: 'object',
  properties: {
    cabId: recordId,
    standard: { type: 'string', enum: ['ISO/IEC 17025', 'ISO/IEC 17065'] },
    certificateNumber: shortText,
    scope: { ...regulationList, description: 'Technical regulations (with versions) the CAB is accredited to test or certify against.' },
    validFrom: instant,
    validUntil: instant,
    comment,
  },
  required: ['cabId', 'standard', 'certificateNumber', 'scope', 'validFrom', 'validUntil'],
  additionalProperties: false,
} as const;

export const accreditationEvents = {
  RENEWAL_DUE: eventBody(KIND, 'RENEWAL_DUE', {}),
  RENEWAL_SUBMITTED: eventBody(KIND, 'RENEWAL_SUBMITTED', { comment }),
  RENEW: eventBody(KIND, 'RENEW', { validUntil: instant, certificateNumber: shortText, scope: regulationList, comment }, ['validUntil']),
  EXPIRED: eventBody(KIND, 'EXPIRED', {}),
  SUSPEND: eventBody(KIND, 'SUSPEND', { reason, comment }, ['reason']),
  REINSTATE: eventBody(KIND, 'REINSTATE', { comment }),
  REACCREDIT: eventBody(
    KIND,
    'REACCREDIT',
    { validUntil: instant, certificateNumber: shortText, scope: regulationList, comment },
    ['validUntil'],
  ),
  WITHDRAW: eventBody(KIND, 'WITHDRAW', { reason, comment }, ['reason']),
} as const;

export type CreateAccreditation = FromSchema<typeof createAccreditation>;
export type AccreditationEventBody = FromSchema<(typeof accreditationEvents)[keyof typeof accreditationEvents]>;

/** The query of the list, with the kind's search filters. */
export const accreditationListQuery = listQuery('accreditations', {
  cabId: recordId,
  accreditationBodyId: recordId,
  certificateNumber: searchText,
  economy: economyCode,
  standard: { type: 'string', enum: ['ISO/IEC 17025', 'ISO/IEC 17065'] },
});
