/**
 * A limit on refused credentials per client address (express-rate-limit's store and answer).
 * Only an answer of 401 counts, once it is given: a request in flight counts for nothing, so any
 * number of clients with good keys may share one address. An address past the limit is refused
 * with 429 before its credentials are even looked at, until its window passes, so a guess that
 * happens to be right is not told apart from a wrong one.
 */
import type { Request, RequestHandler } from 'express';
import { MemoryStore, ipKeyGenerator, rateLimit } from 'express-rate-limit';

/** Keys already worked out, by address: parsing an IPv6 form (`::ffff:…`) is a cost on every request. */
const keys = new Map<string, string>();
const KEYS_KEPT = 10_000;

/** The rate limit key of a client: its address, an IPv6 one by its /56 (express-rate-limit's `ipKeyGenerator`). */
export function clientKey(request: Request): string {
  const ip = request.ip ?? '';
  let key = keys.get(ip);
  if (key === undefined) {
    if (keys.size >= KEYS_KEPT) keys.clear();
    key = ipKeyGenerator(ip);
    keys.set(ip, key);
  }
  return key;
}

export function refusedCredentialsLimit(options: { windowMs: number; limit: number; handler: RequestHandler }): RequestHandler {
  const store = new MemoryStore();
  const refused = async (request: Request): Promise<number> => (await store.get(clientKey(request)))?.totalHits ?? 0;
  // Steps in (and answers 429 with its headers) only for an address already at the limit.
  const refuse = rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    store,
    keyGenerator: clientKey,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skip: async (request) => (await refused(request)) < options.limit,
    handler: options.handler,
  });
  return (request, response, next) => {
    // 'close' comes after every answer, also when the client hung up once it had read the status.
    response.once('close', () => {
      if (response.statusCode === 401) void store.increment(clientKey(request));
    });
    return refuse(request, response, next);
  };
}
