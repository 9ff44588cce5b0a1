/**
 * The limiters a route or a page may sit behind, made once per app and shared by the API
 * (`RouteSpec.rateLimited`, `credentialLimit`) and the pages (`PageSpec.limit`): the public
 * routes per client address, refused credentials per address, and every sign-in link request per
 * address and per e-mail address asked for. A client address is an IPv4 address, or an IPv6
 * one's /56, which holds its /64 (`clientKey`): a client with a network of addresses is one client.
 */
import type { Request, RequestHandler } from 'express';
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
    everyCredentialRequest: bothLimits(
      rateLimit({
        ...window,
        keyGenerator: clientKey,
        handler: tooMany(`At most ${deps.access.failureLimit} sign-in link requests in 15 minutes from one address; wait and try again.`),
      }),
      // Per mailbox too, whoever asks: many clients cannot flood one person with links. The same
      // limit for an address nobody has, so the 429 tells nothing either.
      rateLimit({
        ...window,
        limit: deps.access.signInLinksPerAddress,
        keyGenerator: (request) => `to:${targetAddress(request)}`,
        skip: (request) => targetAddress(request) === '',
        handler: tooMany(`At most ${deps.access.signInLinksPerAddress} sign-in links to one e-mail address in 15 minutes; wait and try again.`),
      }),
    ),
  };
}

/** The e-mail address a sign-in link is asked for (a JSON body or a form), as compared: trimmed, lower case. */
function targetAddress(request: Request): string {
  const email = (request.body as Record<string, unknown> | undefined)?.['email'];
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : '';
}

/** One limiter, then the other: a request must pass both. */
function bothLimits(first: RequestHandler, second: RequestHandler): RequestHandler {
  return (request, response, next) => first(request, response, (error?: unknown) => (error === undefined ? second(request, response, next) : next(error)));
}
