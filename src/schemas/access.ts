/** People and keys: principals created through the API, API keys, sign-in links, the audit trail. */
import type { FromSchema } from 'json-schema-to-ts';
import { SCHEMA_BASE, economyCode, email, instant, language, localPath, reason, recordId, shortText } from './common.js';
import { principalRole } from './reference.js';

/** `POST /principals`: a person or machine account acting for an organisation. */
export const createPrincipal = {
  $id: `${SCHEMA_BASE}principals/create`,
  title: 'New principal',
  type: 'object',
  properties: {
    id: { ...recordId, description: 'Chosen by the caller, or minted by the service.' },
    name: { ...shortText, description: 'The person (or machine) who acts; history names it.' },
    role: principalRole,
    email: { ...email, description: 'Where sign-in links and e-mails go; unique among principals.' },
    language,
    economy: { ...economyCode, description: 'Required of an admin creating a regulator, authority, body or importer; otherwise taken from the creator or the CAB.' },
    cabId: { ...recordId, description: 'The CAB a lab principal acts for (required for role lab).' },
    organisation: { ...recordId, description: 'Admins only: the organisation it acts for (default: its CAB, or itself). Others create officers of their own organisation.' },
    serves: { type: 'array', items: economyCode, maxItems: 50, uniqueItems: true, description: 'Admins only, accreditation bodies: economies besides its own whose CABs it may accredit.' },
  },
  required: ['name', 'role', 'email', 'language'],
  additionalProperties: false,
  allOf: [{ if: { properties: { role: { const: 'lab' } } }, then: { required: ['cabId'] } }],
} as const;

export const principal = {
  $id: `${SCHEMA_BASE}principals/principal`,
  type: 'object',
  properties: {
    id: recordId,
    name: shortText,
    role: principalRole,
    email,
    language,
    economy: economyCode,
    cabId: recordId,
    organisation: recordId,
    serves: { type: 'array', items: economyCode },
    createdAt: instant,
    disabledAt: { ...instant, description: 'Set once disabled: its keys and sessions no longer work.' },
  },
  required: ['id', 'name', 'role', 'email', 'language', 'organisation'],
} as const;

/** `POST /principals/{id}/disable` */
export const disablePrincipal = {
  $id: `${SCHEMA_BASE}principals/disable`,
  type: 'object',
  properties: { reason: { ...reason, maxLength: 2000, description: 'Why, in one line: kept in the audit trail.' } },
  additionalProperties: false,
} as const;

/** `POST /principals/{id}/keys` */
export const createApiKey = {
  $id: `${SCHEMA_BASE}keys/create`,
  title: 'New API key',
  type: 'object',
  properties: {
    name: { ...shortText, description: 'What the key is for, e.g. "LIMS uploader".' },
    expiresAt: { ...instant, description: 'After this instant the key is refused (401). Optional.' },
  },
  required: ['name'],
  additionalProperties: false,
} as const;

export const apiKey = {
  $id: `${SCHEMA_BASE}keys/key`,
  type: 'object',
  properties: {
    id: { type: 'string' },
    principalId: recordId,
    name: shortText,
    prefix: { type: 'string', description: 'The public start of the key, shown in lists and logs.' },
    createdAt: instant,
    expiresAt: { type: ['string', 'null'], format: 'date-time' },
    lastUsedAt: { type: ['string', 'null'], format: 'date-time', description: 'Updated at most once a minute.' },
    revokedAt: { type: ['string', 'null'], format: 'date-time' },
  },
  required: ['id', 'principalId', 'name', 'prefix', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'],
} as const;

export const mintedApiKey = {
  $id: `${SCHEMA_BASE}keys/minted`,
  type: 'object',
  properties: {
    key: { type: 'string', description: 'The key itself: shown this once, never again. Send it as "Authorization: Bearer <key>".' },
    apiKey,
  },
  required: ['key', 'apiKey'],
} as const;

export const auditEntry = {
  $id: `${SCHEMA_BASE}audit/entry`,
  type: 'object',
  properties: {
    id: { type: 'string' },
    at: instant,
    actor: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string' } } },
    action: { type: 'string', enum: ['principal.created', 'principal.disabled', 'key.minted', 'key.revoked'] },
    organisation: { type: 'string' },
    principalId: { type: 'string' },
    keyId: { type: 'string' },
    details: { type: 'object' },
  },
  required: ['id', 'at', 'actor', 'action', 'organisation', 'principalId'],
} as const;

/** `POST /auth/sign-in-link` */
export const signInLinkRequest = {
  $id: `${SCHEMA_BASE}auth/sign-in-link`,
  type: 'object',
  properties: { email, next: { ...localPath, description: 'A page of this service the e-mailed link opens after sign-in.' } },
  required: ['email'],
  additionalProperties: false,
} as const;

export type CreatePrincipal = FromSchema<typeof createPrincipal>;
export type CreateApiKey = FromSchema<typeof createApiKey>;
export type DisablePrincipal = FromSchema<typeof disablePrincipal>;

export const accessSchemas = { createPrincipal, principal, disablePrincipal, createApiKey, apiKey, mintedApiKey, auditEntry, signInLinkRequest } as const;
