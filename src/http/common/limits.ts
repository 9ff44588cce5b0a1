/**
 * The limiters a route or a page may sit behind, made once per app and shared by the API
 * (`RouteSpec.rateLimited`, `credentialLimit`) and the pages (`PageSpec.limit`): the public
 * routes per client address, refused credentials per address, and every sign-in link request.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../../errors.js';
import type { ApiDeps } from '../api/deps.js';
import { clientKey, refusedCredentialsLimit } from './failure-limit.js';

export interface Limiters {
  public: RequestHandler;
  credentialFailures: RequestHandler;
  everyCredentialRequest: RequestHandler;
}

export function limitersFor(deps: ApiDeps): Limiters {
  const tooMany = (detail: string): RequestHandler => (_request, _response, next) => next(new AppError({ code: 'RATE_LIMITED', detail }));
  const window = { windowMs: 15 * 60_000, limit: deps.access.failureLimit, standardHeaders: 'draft-7', legacyHeaders: false } as const;
  return {
    public: rateLimit({
      windowMs: 60_000,
      limit: deps.publicRateLimit,
      keyGenerator: clientKey,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: tooMany(`At most ${deps.publicRateLimit} requests a minute to the public routes; try again shortly.`),
    }),
    // Only refused credentials count, once answered: good keys are never slowed by this one.
    credentialFailures: refusedCredentialsLimit({
      windowMs: window.windowMs,
      limit: window.limit,
      handler: tooMany(`Too many refused credentials from your address (${deps.access.failureLimit} in 15 minutes); wait and try again.`),
    }),
    everyCredentialRequest: rateLimit({
      ...window,
      handler: tooMany(`At most ${deps.access.failureLimit} sign-in link requests in 15 minutes from one address; wait and try again.`),
    }),
  };
}
