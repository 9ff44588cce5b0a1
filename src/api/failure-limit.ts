/**
 * A limit on refused credentials per client address (express-rate-limit's store and answer).
 * Only an answer of 401 counts, once it is given: a request in flight counts for nothing, so any
 * number of clients with good keys may share one address. An address past the limit is refused
 * with 429 before its credentials are even looked at, until its window passes, so a guess that
 * happens to be right is not told apart from a wrong one.
 */
import type { Request, RequestHandler } from 'express';
import { MemoryStore, ipKeyGenerator, rateLimit } from 'express-rate-limit';

export function refusedCredentialsLimit(options: { windowMs: number; limit: number; handler: RequestHandler }): RequestHandler {
  const store = new MemoryStore();
  const keyOf = (request: Request): string => ipKeyGenerator(request.ip ?? '');
  const refused = async (request: Request): Promise<number> => (await store.get(keyOf(request)))?.totalHits ?? 0;
  // Steps in (and answers 429 with its headers) only for an address already at the limit.
  const refuse = rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    store,
    keyGenerator: keyOf,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skip: async (request) => (await refused(request)) < options.limit,
    handler: options.handler,
  });
  return (request, response, next) => {
    // 'close' comes after every answer, also when the client hung up once it had read the status.
    response.once('close', () => {
      if (response.statusCode === 401) void store.increment(keyOf(request));
    });
    return refuse(request, response, next);
  };
}
