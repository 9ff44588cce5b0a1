/** Principals: who acts. API keys are stored as SHA-256 digests and compared as such. */
import { createHash } from 'node:crypto';
import type { Actor } from '../machines/types.js';
import type { PrincipalRecord } from './store/port.js';

/** API keys are long random strings, so one round of SHA-256 is enough to store them safely. */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

/** The actor a principal acts as. */
export function actorOf(principal: PrincipalRecord): Actor {
  return {
    id: principal.id,
    role: principal.role,
    name: principal.name,
    ...(principal.economy === undefined ? {} : { economy: principal.economy }),
    ...(principal.cabId === undefined ? {} : { cabId: principal.cabId }),
  };
}
