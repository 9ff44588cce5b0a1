/** Bodies of the agreement workflow: the create body and every event. */
import type { FromSchema } from 'json-schema-to-ts';
import { SCHEMA_BASE, comment, economyCode, eventBody, instant, reason, regulationList, shortText, listQuery } from '../../schemas/common.js';

const KIND = 'agreements';

/** Each side's covered technical regulations, keyed by economy. */
export const agreementScope = {
  type: 'object',
  propertyNames: economyCode,
  additionalProperties: regulationList,
  minProperties: 2,
  maxProperties: 2,
  description: 'For each of the two economies, its technical regulations the agreement covers.',
} as const;

export const createAgreement = {
  $id: `${SCHEMA_BASE}${KIND}/create`,
  title: 'New bilateral agreement',
  type: 'object',
  properties: {
    economies: { type: 'array', items: economyCode, minItems: 2, maxItems: 2, uniqueItems: true },
    phase: { type: 'string', enum: ['I', 'II'], description: 'I: test reports; II: also certifications.' },
    scope: agreementScope,
    transitionEndsAt: { ...instant, description: 'End of the confidence-building period, if there is one.' },
    designationNumbers: {
      type: 'string',
      enum: ['designating_authority', 'importing_regulator'],
      description:
        "Who assigns a CAB's designation number: its designating authority, in the designation the partner receives (47 CFR 2.951(a)(5); NIST assigns the US's), or the importing regulator on recognition. designating_authority by default.",
    },
    title: shortText,
    comment,
  },
  required: ['economies', 'phase', 'scope'],
  additionalProperties: false,
} as const;

export const agreementEvents = {
  SIGN: eventBody(KIND, 'SIGN', { comment }),
  TRANSITION_ENDED: eventBody(KIND, 'TRANSITION_ENDED', {}),
  SUSPEND: eventBody(KIND, 'SUSPEND', { reason, comment }, ['reason']),
  RESUME: eventBody(KIND, 'RESUME', { comment }),
  AMEND_SCOPE: eventBody(
    KIND,
    'AMEND_SCOPE',
    { regulations: { ...regulationList, description: "The sender's own economy's full list of technical regulations under the agreement, as notified." }, comment },
    ['regulations'],
  ),
  TERMINATE: eventBody(KIND, 'TERMINATE', { reason, comment }, ['reason']),
  GIVE_NOTICE: eventBody(
    KIND,
    'GIVE_NOTICE',
    { reason, effectiveAt: { ...instant, description: 'When the agreement ends; by default after the configured notice period.' }, comment },
    ['reason'],
  ),
  WITHDRAW_NOTICE: eventBody(KIND, 'WITHDRAW_NOTICE', { comment }),
  NOTICE_EFFECTIVE: eventBody(KIND, 'NOTICE_EFFECTIVE', {}),
} as const;

export type CreateAgreement = FromSchema<typeof createAgreement>;
export type AgreementEventBody = FromSchema<(typeof agreementEvents)[keyof typeof agreementEvents]>;

/** The query of the list, with the kind's search filters. */
export const agreementListQuery = listQuery('agreements', { economy: economyCode, phase: { type: 'string', enum: ['I', 'II'] } });
