/** Bodies of the equivalence workflow (MRA-ETR): a proposal of equivalent technical requirements and every event. */
import type { FromSchema } from 'json-schema-to-ts';
import {
  SCHEMA_BASE,
  comment,
  economyCode,
  eventBody,
  instant,
  longText,
  reason,
  regulationId,
  shortText,
  listQuery,
  searchText,
} from '../../schemas/common.js';
import { referenceScheme } from '../kit/requirements.js';

const KIND = 'equivalences';

/** The proposer's side: a regulation of its own economy, or a reference scheme. */
export const requirement = {
  type: 'object',
  properties: { regulation: regulationId, scheme: referenceScheme },
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  description: 'Exactly one of: a regulation of the proposing economy, or a reference scheme.',
} as const;

/** A listed difference: an additional test the partner still requires. */
export const differences = {
  type: 'array',
  items: {
    type: 'object',
    properties: { test: shortText, description: longText },
    required: ['test'],
    additionalProperties: false,
  },
  maxItems: 50,
  description: 'Empty or absent: a full equivalence. Otherwise the additional tests the partner economy still requires.',
} as const;

export const createEquivalence = {
  $id: `${SCHEMA_BASE}${KIND}/create`,
  title: 'Proposal of an equivalence of technical requirements',
  type: 'object',
  properties: {
    partnerEconomy: economyCode,
    requirement,
    counterpart: { ...regulationId, description: "The partner economy's regulation the requirement is proposed as equivalent to." },
    differences,
    title: shortText,
    comment,
  },
  required: ['partnerEconomy', 'requirement', 'counterpart'],
  additionalProperties: false,
} as const;

export const equivalenceEvents = {
  ACCEPT: eventBody(KIND, 'ACCEPT', { inForceFrom: instant, comment }),
  REQUEST_CHANGES: eventBody(KIND, 'REQUEST_CHANGES', { request: longText }, ['request']),
  REVISE: eventBody(KIND, 'REVISE', { requirement, differences, comment }),
  DECLINE: eventBody(KIND, 'DECLINE', { reason, comment }, ['reason']),
  ABANDON: eventBody(KIND, 'ABANDON', { reason, comment }),
  IN_FORCE: eventBody(KIND, 'IN_FORCE', {}),
  REQUIREMENT_REVISED: eventBody(KIND, 'REQUIREMENT_REVISED', { requirement, comment }, ['requirement']),
  CONFIRM: eventBody(KIND, 'CONFIRM', { differences, comment }),
  GIVE_NOTICE: eventBody(KIND, 'GIVE_NOTICE', { reason, effectiveAt: instant }, ['reason']),
  NOTICE_EFFECTIVE: eventBody(KIND, 'NOTICE_EFFECTIVE', {}),
  WITHDRAW_NOTICE: eventBody(KIND, 'WITHDRAW_NOTICE', { comment }),
} as const;

export type CreateEquivalence = FromSchema<typeof createEquivalence>;
export type EquivalenceEventBody = FromSchema<(typeof equivalenceEvents)[keyof typeof equivalenceEvents]>;
export type Requirement = FromSchema<typeof requirement>;

/** The query of the list, with the kind's search filters. */
export const equivalenceListQuery = listQuery('equivalences', {
  proposingEconomy: economyCode,
  partnerEconomy: economyCode,
  counterpart: regulationId,
  regulation: regulationId,
  scheme: searchText,
});
