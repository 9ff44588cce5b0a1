/** Shared pieces of the routes' documentation: pages of items and problem answers. */
import { problem } from '../../schemas/responses.js';
import type { ResponseDoc } from './route.js';

/** `{ items: [...], nextCursor }`, the shape of every list (docs/api.md, "Conventions"). */
export function page(items: object): object {
  return {
    type: 'object',
    properties: { items: { type: 'array', items }, nextCursor: { type: ['string', 'null'] } },
    required: ['items', 'nextCursor'],
  };
}

const MEANING: Record<number, string> = {
  400: 'Invalid query or body; `errors` lists each problem with a JSON Pointer',
  401: 'Missing, unknown, revoked or expired API key, or the principal is disabled',
  403: 'Not allowed for this principal',
  404: 'No such resource (or not one this principal may read)',
  409: 'Version conflict (`currentVersion` says where it is) or duplicate',
  413: 'Body over 100 kB',
  415: 'Body is not JSON',
  422: 'Not possible now: the state does not take the event, or preconditions are not met',
  429: 'Too many requests (or refused credentials) from this address; try again later',
  503: 'Temporarily unavailable: the store cannot be written now, or the service is starting',
};

/** Problem answers for the given statuses. */
export function problems(statuses: readonly number[]): Record<number, ResponseDoc> {
  return Object.fromEntries(statuses.map((status) => [status, { description: MEANING[status] ?? 'Problem', schema: problem }]));
}
