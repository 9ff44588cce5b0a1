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
  REINSTATE: eventBody(
    KIND,
    'REINSTATE',
    {
      checkedOn: { ...instant, description: "The day of the accreditation body's on-site check that the causes of the suspension are resolved; on or after the suspension began." },
      checkReference: { ...shortText, description: "The body's reference of its report of the on-site check." },
      comment,
    },
    ['checkedOn', 'checkReference'],
  ),
  RECORD_VISIT: eventBody(
    KIND,
    'RECORD_VISIT',
    {
      visitedOn: { ...instant, description: 'The day of the visit; not in the future, not before the accreditation began.' },
      visitKind: { type: 'string', enum: ['surveillance', 'reassessment'], description: 'A surveillance visit within the cycle, or a re-assessment before it ends.' },
      onSite: { type: 'boolean', description: 'Whether the visit was on site (at least one every two years); false or absent for a remote one.' },
      visitOutcome: { type: 'string', enum: ['conforming', 'nonconformities'], description: 'What the body found.' },
      reportReference: { ...shortText, description: "The body's reference of its visit report." },
      comment,
    },
    ['visitedOn', 'visitKind', 'visitOutcome', 'reportReference'],
  ),
  ON_SITE_VISIT_DUE: eventBody(KIND, 'ON_SITE_VISIT_DUE', {}),
  REDUCE_SCOPE: eventBody(
    KIND,
    'REDUCE_SCOPE',
    { regulations: { ...regulationList, description: 'The regulations taken out of the scope, from today.' }, reason, comment },
    ['regulations', 'reason'],
  ),
  EXTEND_SCOPE: eventBody(
    KIND,
    'EXTEND_SCOPE',
    {
      regulations: { ...regulationList, description: 'The regulations added to the scope, from today.' },
      assessedOn: { ...instant, description: 'The day of the assessment the extension follows; not in the future.' },
      reportReference: { ...shortText, description: "The body's reference of its assessment report." },
      comment,
    },
    ['regulations', 'assessedOn', 'reportReference'],
  ),
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
