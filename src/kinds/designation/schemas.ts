/**
 * Bodies of the designation workflow: the CAB's application as 47 CFR 2.951(a)(1)-(12), (b) and (d)
 * and NIST's Phase I file ask for it, and every event of the procedure at home.
 */
import type { FromSchema } from 'json-schema-to-ts';
import {
  SCHEMA_BASE,
  comment,
  economyCode,
  email,
  eventBody,
  instant,
  listQuery,
  longText,
  reason,
  recordId,
  regulationList,
  shortText,
} from '../../schemas/common.js';
import { designationNumber } from '../recognition/schemas.js';

const KIND = 'designations';

const address = { ...shortText, maxLength: 400, description: 'Postal address: street, city, country.' } as const;

/** 47 CFR 2.951(a)(2): the location of each test site. */
export const testSite = {
  type: 'object',
  description: 'A site where the CAB tests (47 CFR 2.951(a)(2)).',
  properties: {
    name: { ...shortText, description: 'What the site is called, e.g. "Anechoic chamber, Thủ Đức".' },
    address,
  },
  required: ['address'],
  additionalProperties: false,
} as const;

/** 47 CFR 2.951(a)(4): whom the partner and the regulator write to. */
export const contact = {
  type: 'object',
  description: 'The person to contact about the application (47 CFR 2.951(a)(4); NIST: the cover letter).',
  properties: { name: shortText, email, phone: { type: 'string', pattern: '^\\+?[0-9 ().-]{5,30}$', description: 'Telephone, international form (+84 28 1234 5678).' } },
  required: ['name', 'email', 'phone'],
  additionalProperties: false,
} as const;

/** 47 CFR 2.951(a)(9): a registration number the partner gives, such as an FCC Registration Number. */
export const registrationNumber = {
  type: 'object',
  properties: {
    registry: { ...shortText, description: 'Who gave the number, e.g. "FCC Registration Number (FRN)".' },
    number: { type: 'string', minLength: 1, maxLength: 40 },
  },
  required: ['registry', 'number'],
  additionalProperties: false,
} as const;

/** 47 CFR 2.951(b), (d): an entity holding an equity or voting interest of 5 % or more. */
export const interestHolder = {
  type: 'object',
  properties: {
    name: shortText,
    economy: { ...economyCode, description: 'Where the entity is organised (its country code).' },
    share: { type: 'number', minimum: 5, maximum: 100, description: 'Its equity or voting interest, in per cent.' },
  },
  required: ['name', 'economy', 'share'],
  additionalProperties: false,
} as const;

export const createDesignation = {
  $id: `${SCHEMA_BASE}${KIND}/create`,
  title: "A CAB's application for designation by its own economy's designating authority",
  description:
    'Filed by the CAB (or by its designating authority on its behalf). What it carries follows 47 CFR 2.951(a)(1)-(12), (b) and (d) and NIST’s Phase I file.',
  type: 'object',
  properties: {
    cabId: { ...recordId, description: 'The CAB applying (47 CFR 2.951(a)(1)); a CAB applies for itself only.' },
    agreementId: { ...recordId, description: 'The agreement under which it is to be put forward (47 CFR 2.951(a)(12)).' },
    importingEconomy: { ...economyCode, description: 'The economy whose regulator is to recognise it.' },
    scope: { ...regulationList, description: "The importing economy's technical regulations, with versions (47 CFR 2.951(a)(6))." },
    cabAddress: { ...address, description: "The CAB's own postal address (47 CFR 2.951(a)(3))." },
    testSites: { type: 'array', items: testSite, minItems: 1, maxItems: 50, description: 'Every test site with its address (47 CFR 2.951(a)(2)).' },
    contact,
    accreditationId: {
      ...recordId,
      description: "The accreditation of this CAB the application stands on; its body, certificate number and expiry are copied from it (47 CFR 2.951(a)(5), (7)).",
    },
    testsForOthers: { type: 'boolean', description: 'Whether the CAB tests on contract for other parties (47 CFR 2.951(a)(10)).' },
    registrationNumbers: { type: 'array', items: registrationNumber, maxItems: 10, description: 'Registration numbers the partner has given, if any (47 CFR 2.951(a)(9)).' },
    declaration: {
      type: 'object',
      description: "The CAB's signed declaration (NIST's Phase I file): who signed it and when.",
      properties: { signedBy: shortText, signedAt: instant },
      required: ['signedBy', 'signedAt'],
      additionalProperties: false,
    },
    ownership: {
      type: 'object',
      description: 'The certification of ownership of 47 CFR 2.951(b) and (d).',
      properties: {
        fivePercentOrMore: { type: 'boolean', description: 'Whether any entity holds an equity or voting interest of 5 % or more in the CAB.' },
        holders: { type: 'array', items: interestHolder, maxItems: 50, description: 'Each such entity; required when fivePercentOrMore is true.' },
      },
      required: ['fivePercentOrMore'],
      additionalProperties: false,
    },
    comment,
  },
  required: ['cabId', 'agreementId', 'importingEconomy', 'scope', 'cabAddress', 'testSites', 'contact', 'accreditationId', 'testsForOthers', 'declaration', 'ownership'],
  additionalProperties: false,
} as const;

export const designationEvents = {
  REVIEW_OVERDUE: eventBody(KIND, 'REVIEW_OVERDUE', {}),
  REQUEST_CORRECTION: eventBody(KIND, 'REQUEST_CORRECTION', { request: { ...longText, description: 'What the file lacks or must correct.' } }, ['request']),
  RESUBMIT: eventBody(KIND, 'RESUBMIT', { response: { ...longText, description: 'What was corrected or added.' } }, ['response']),
  ACCEPT_FILE: eventBody(KIND, 'ACCEPT_FILE', {
    council: { type: 'array', items: shortText, maxItems: 20, description: 'The members of the assessing council, if already formed.' },
    comment,
  }),
  RECORD_ASSESSMENT: eventBody(
    KIND,
    'RECORD_ASSESSMENT',
    {
      assessedAt: { ...instant, description: 'When the on-site assessment took place.' },
      assessors: { type: 'array', items: shortText, minItems: 1, maxItems: 20, description: 'Who assessed on site.' },
      findings: { ...longText, description: 'What the assessment found.' },
    },
    ['assessedAt', 'assessors', 'findings'],
  ),
  DESIGNATE: eventBody(
    KIND,
    'DESIGNATE',
    {
      decision: { ...shortText, description: 'The number or reference of the designation decision.' },
      validUntil: { ...instant, description: 'End of the designation’s validity; by default the configured designation validity.' },
      designationNumber: { ...designationNumber, description: 'The CAB’s designation number, country code first; required when the agreement has the designating authority assign it (47 CFR 2.951(a)(5)).' },
      comment,
    },
    ['decision'],
  ),
  REFUSE: eventBody(KIND, 'REFUSE', { reason, comment }, ['reason']),
  RECORD_SURVEILLANCE: eventBody(
    KIND,
    'RECORD_SURVEILLANCE',
    { surveyedAt: { ...instant, description: 'When the surveillance took place.' }, findings: { ...longText, description: 'What it found.' } },
    ['surveyedAt', 'findings'],
  ),
  SURVEILLANCE_DUE: eventBody(KIND, 'SURVEILLANCE_DUE', {}),
  SUSPEND: eventBody(KIND, 'SUSPEND', { reason, comment }, ['reason']),
  REINSTATE: eventBody(KIND, 'REINSTATE', { comment }),
  WITHDRAW: eventBody(KIND, 'WITHDRAW', { reason, comment }, ['reason']),
  EXPIRED: eventBody(KIND, 'EXPIRED', {}),
} as const;

export type CreateDesignation = FromSchema<typeof createDesignation>;
export type DesignationEventBody = FromSchema<(typeof designationEvents)[keyof typeof designationEvents]>;

/** The query of the list, with the kind's search filters. */
export const designationListQuery = listQuery('designations', {
  cabId: recordId,
  agreementId: recordId,
  importingEconomy: economyCode,
  exportingEconomy: economyCode,
  designationNumber,
});
