/** The files of `seed/`: reference data and the demo scenario that `npm start` loads. */
import type { FromSchema } from 'json-schema-to-ts';
import { KINDS } from '../kinds/types.js';
import { SCHEMA_BASE, recordId } from './common.js';
import { cab, economy, regulation, seedPrincipal } from './reference.js';

export const seedEconomies = { $id: `${SCHEMA_BASE}seed/economies`, type: 'array', items: economy, minItems: 1 } as const;
export const seedRegulations = { $id: `${SCHEMA_BASE}seed/regulations`, type: 'array', items: regulation } as const;
export const seedCabs = { $id: `${SCHEMA_BASE}seed/cabs`, type: 'array', items: cab } as const;
export const seedPrincipals = { $id: `${SCHEMA_BASE}seed/principals`, type: 'array', items: seedPrincipal, minItems: 1 } as const;

/** When a step happens, relative to the moment of seeding: "-400 days", "-2 hours". */
const offset = { type: 'string', pattern: '^[-+]\\d{1,5} (minutes|hours|days)$' } as const;
const kind = { type: 'string', enum: KINDS } as const;

const createStep = {
  type: 'object',
  properties: {
    at: offset,
    as: recordId,
    create: kind,
    id: recordId,
    body: { type: 'object' },
    expect: { type: 'string', description: 'The state the new instance must be in.' },
  },
  required: ['at', 'as', 'create', 'id', 'body'],
  additionalProperties: false,
} as const;

const sendStep = {
  type: 'object',
  properties: {
    at: offset,
    as: recordId,
    send: { type: 'string', pattern: '^[A-Z_]+$' },
    to: { type: 'string', pattern: `^(${KINDS.join('|')})/[A-Za-z0-9-]+$` },
    body: { type: 'object' },
    expect: { type: 'string', description: 'The state the instance must be in afterwards.' },
  },
  required: ['at', 'as', 'send', 'to'],
  additionalProperties: false,
} as const;

/**
 * The demo story, run through the engine step by step with the clock set to each step's time,
 * so its history, e-mails and deadlines are exactly what real use would have produced. In a
 * body, a string "@-700 days" becomes that instant.
 */
export const seedScenario = {
  $id: `${SCHEMA_BASE}seed/scenario`,
  type: 'object',
  properties: {
    description: { type: 'string' },
    steps: { type: 'array', items: { oneOf: [createStep, sendStep] } },
  },
  required: ['steps'],
  additionalProperties: false,
} as const;

export type SeedScenario = FromSchema<typeof seedScenario>;
