/** Reference data: economies, technical regulations, CABs and principals. */
import type { FromSchema } from 'json-schema-to-ts';
import { SCHEMA_BASE, economyCode, email, instant, language, recordId, regulationId, shortText } from './common.js';

export const economy = {
  $id: `${SCHEMA_BASE}reference/economy`,
  type: 'object',
  properties: {
    code: economyCode,
    name: shortText,
    nameVi: { ...shortText, description: 'The name in Vietnamese.' },
  },
  required: ['code', 'name'],
  additionalProperties: false,
} as const;

export const regulation = {
  $id: `${SCHEMA_BASE}reference/regulation`,
  type: 'object',
  properties: {
    id: regulationId,
    economy: economyCode,
    title: shortText,
    titleVi: { ...shortText, description: 'The title in Vietnamese.' },
    retiredAt: { ...instant, description: 'When this version was replaced: from this instant, reports and certificates against it are refused, but during its transition period.' },
    supersededBy: regulationId,
    acceptedUntil: {
      ...instant,
      description: 'End of the transition period after the replacement: until this instant, a report tested (a certificate issued) before `retiredAt` is still taken.',
    },
  },
  required: ['id', 'economy'],
  additionalProperties: false,
} as const;

export const cabType = { type: 'string', enum: ['lab', 'certification_body'] } as const;

/** `POST /cabs`: a new conformity assessment body; its id is minted by the service. */
export const createCab = {
  $id: `${SCHEMA_BASE}cabs/create`,
  title: 'New conformity assessment body',
  type: 'object',
  properties: {
    name: shortText,
    economy: economyCode,
    type: cabType,
    email,
    language,
  },
  required: ['name', 'economy', 'type', 'email', 'language'],
  additionalProperties: false,
} as const;

export const cab = {
  $id: `${SCHEMA_BASE}reference/cab`,
  type: 'object',
  properties: { id: recordId, ...createCab.properties },
  required: ['id', ...createCab.required],
  additionalProperties: false,
} as const;

export const principalRole = {
  type: 'string',
  enum: ['regulator', 'designating_authority', 'accreditation_body', 'lab', 'importer', 'admin'],
} as const;

/** A principal as `seed/principals.json` lists it, demo API key in clear (hashed when stored). */
export const seedPrincipal = {
  $id: `${SCHEMA_BASE}reference/seed-principal`,
  type: 'object',
  properties: {
    id: recordId,
    name: shortText,
    role: principalRole,
    economy: economyCode,
    cabId: recordId,
    email,
    language,
    organisation: { ...recordId, description: 'Whom it acts for; default: its CAB, or itself.' },
    serves: { type: 'array', items: economyCode, uniqueItems: true, description: 'Accreditation bodies: economies besides their own whose CABs they may accredit.' },
    apiKey: { type: 'string', minLength: 16, maxLength: 200, pattern: '^[A-Za-z0-9_.-]+$' },
  },
  required: ['id', 'name', 'role', 'email', 'language', 'apiKey'],
  additionalProperties: false,
  allOf: [
    {
      if: { properties: { role: { enum: ['regulator', 'designating_authority', 'accreditation_body'] } } },
      then: { required: ['economy'] },
    },
    { if: { properties: { role: { const: 'lab' } } }, then: { required: ['cabId'] } },
  ],
} as const;

export type Economy = FromSchema<typeof economy>;
export type Regulation = FromSchema<typeof regulation>;
export type CreateCab = FromSchema<typeof createCab>;
export type Cab = FromSchema<typeof cab>;
export type SeedPrincipal = FromSchema<typeof seedPrincipal>;
