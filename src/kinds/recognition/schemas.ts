/** Bodies of the recognition workflow: the create body and every event. */
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
  shortText,
  recordId,
  regulationId,
  regulationList,
  stateName,
  listQuery,
} from '../../schemas/common.js';

const KIND = 'recognitions';

export const designationNumber = {
  type: 'string',
  pattern: '^[A-Z]{2}[A-Z0-9-]{1,20}$',
  description: 'Designation number, country code first (VN0001).',
} as const;

export const createRecognition = {
  $id: `${SCHEMA_BASE}${KIND}/create`,
  title: 'Designation of a CAB to an importing economy',
  type: 'object',
  properties: {
    agreementId: recordId,
    cabId: recordId,
    importingEconomy: economyCode,
    scope: { ...regulationList, description: "The importing economy's technical regulations, with versions." },
    designationId: {
      ...recordId,
      description:
        "The CAB's designation at home it is put forward on: in force, for this importing economy and agreement, covering the scope. Left out, the engine finds the one in force.",
    },
    comment,
  },
  required: ['agreementId', 'cabId', 'importingEconomy', 'scope'],
  additionalProperties: false,
} as const;

export const recognitionEvents = {
  REQUEST_INFO: eventBody(KIND, 'REQUEST_INFO', { request: longText, onNoAnswer }, ['request']),
  PROVIDE_INFO: eventBody(KIND, 'PROVIDE_INFO', { response: longText }, ['response']),
  RECOGNIZE: eventBody(KIND, 'RECOGNIZE', { designationNumber, validUntil: instant, comment }),
  OBJECT: eventBody(KIND, 'OBJECT', { reason, comment }, ['reason']),
  SUSPEND: eventBody(
    KIND,
    'SUSPEND',
    { reason, regulations: { ...regulationList, description: 'Suspend the recognition for these of its regulations only.' }, comment },
    ['reason'],
  ),
  LIFT_SUSPENSION: eventBody(KIND, 'LIFT_SUSPENSION', { comment }),
  CONTEST: eventBody(
    KIND,
    'CONTEST',
    {
      reasons: { ...longText, description: "The written, objective and reasoned grounds for contesting the CAB's competence." },
      answerBy: { ...instant, description: 'Until when the CAB and its designating authority may answer; at least the configured minimum (30 days by default).' },
      positionBy: { ...instant, description: 'By when the designating authority confirms or opposes; 60 days by default.' },
    },
    ['reasons'],
  ),
  ANSWER_CONTEST: eventBody(KIND, 'ANSWER_CONTEST', { response: longText }, ['response']),
  CONFIRM_CONTEST: eventBody(KIND, 'CONFIRM_CONTEST', { comment }),
  OPPOSE_CONTEST: eventBody(KIND, 'OPPOSE_CONTEST', { reason }, ['reason']),
  CLOSE_CONTEST: eventBody(KIND, 'CLOSE_CONTEST', { comment }),
  RECORD_VERIFICATION_OUTCOME: eventBody(
    KIND,
    'RECORD_VERIFICATION_OUTCOME',
    {
      outcome: {
        type: 'string',
        enum: ['maintained', 'withdrawn'],
        description: 'What the joint verification (or the joint committee) concluded: the recognition maintained, or withdrawn.',
      },
      basis: {
        type: 'string',
        enum: ['joint_verification', 'joint_committee'],
        description: "Whether the outcome is the joint verification's or the joint committee's decision.",
      },
      reference: { ...shortText, description: "The verification report's or the committee decision's reference." },
      summary: { ...longText, description: 'What was found, in a few sentences.' },
    },
    ['outcome', 'basis', 'reference', 'summary'],
  ),
  AGREE_VERIFICATION_OUTCOME: eventBody(KIND, 'AGREE_VERIFICATION_OUTCOME', { comment }),
  DISAGREE_VERIFICATION_OUTCOME: eventBody(KIND, 'DISAGREE_VERIFICATION_OUTCOME', { reason }, ['reason']),
  INFO_REMINDER: eventBody(KIND, 'INFO_REMINDER', {}),
  INFO_OVERDUE: eventBody(KIND, 'INFO_OVERDUE', {}),
  CONTEST_POSITION_DUE: eventBody(KIND, 'CONTEST_POSITION_DUE', {}),
  SCOPE_NARROWED: eventBody(
    KIND,
    'SCOPE_NARROWED',
    { agreementId: recordId, economy: economyCode, removed: { type: 'array', items: regulationId, maxItems: 200 } },
    ['agreementId', 'economy', 'removed'],
  ),
  WITHDRAW: eventBody(KIND, 'WITHDRAW', { reason, comment }, ['reason']),
  DERECOGNIZE: eventBody(KIND, 'DERECOGNIZE', { reason, comment }, ['reason']),
  RENEW: eventBody(KIND, 'RENEW', { comment }),
  REVIEW_OVERDUE: eventBody(KIND, 'REVIEW_OVERDUE', {}),
  LISTING_EXPIRY_REMINDER: eventBody(KIND, 'LISTING_EXPIRY_REMINDER', {}),
  LISTING_EXPIRED: eventBody(KIND, 'LISTING_EXPIRED', {}),
  AGREEMENT_TERMINATED: eventBody(KIND, 'AGREEMENT_TERMINATED', { agreementId: recordId }, ['agreementId']),
  DESIGNATION_ENDED: eventBody(KIND, 'DESIGNATION_ENDED', { designationId: recordId, designationState: stateName }, ['designationId', 'designationState']),
  ACCREDITATION_LAPSED: eventBody(
    KIND,
    'ACCREDITATION_LAPSED',
    { accreditationId: recordId, accreditationState: stateName },
    ['accreditationId', 'accreditationState'],
  ),
  ACCREDITATION_RESTORED: eventBody(KIND, 'ACCREDITATION_RESTORED', { accreditationId: recordId }, ['accreditationId']),
  ACCREDITATION_SCOPE_REDUCED: eventBody(
    KIND,
    'ACCREDITATION_SCOPE_REDUCED',
    { accreditationId: recordId, removed: { type: 'array', items: regulationId, maxItems: 200 } },
    ['accreditationId', 'removed'],
  ),
} as const;

export type CreateRecognition = FromSchema<typeof createRecognition>;
export type RecognitionEventBody = FromSchema<(typeof recognitionEvents)[keyof typeof recognitionEvents]>;

/** The query of the list, with the kind's search filters. */
export const recognitionListQuery = listQuery('recognitions', {
  agreementId: recordId,
  cabId: recordId,
  importingEconomy: economyCode,
  exportingEconomy: economyCode,
  designationNumber,
});
