/**
 * The URL a request log line shows: the path and query as sent, but the value of every query
 * parameter that is a secret (a sign-in link's `token`, a key someone put in a URL) replaced by
 * `[redacted]`. A sign-in link that was refused is still unused until it expires, and logs are
 * read by more people, and kept longer, than the link's fifteen minutes.
 */

/** Query parameters whose value is a secret, compared without regard to case. */
const SECRET_PARAMETERS = new Set(['token', 'access_token', 'refresh_token', 'key', 'api_key', 'apikey', 'secret', 'password', 'code']);

const REDACTED = '[redacted]';

function parameterName(pair: string): string {
  const name = pair.split('=', 1)[0]!.replaceAll('+', ' ');
  try {
    return decodeURIComponent(name).trim().toLowerCase();
  } catch {
    // A name that is not valid percent-encoding cannot be told apart: hide its value too.
    return 'token';
  }
}

/**
 * A pair whose value is itself a URL with a query (`back=%2Fauth%2Fsign-in%3Ftoken%3D…`, where a
 * page sends someone back after a language switch or a sign-in) has that URL's secrets hidden too.
 */
function redactedPair(pair: string, depth: number): string {
  const equals = pair.indexOf('=');
  if (equals < 0) return pair;
  const name = pair.slice(0, equals);
  if (SECRET_PARAMETERS.has(parameterName(pair))) return `${name}=${REDACTED}`;
  let value: string;
  try {
    value = decodeURIComponent(pair.slice(equals + 1).replaceAll('+', ' '));
  } catch {
    return pair;
  }
  if (depth > 2 || !value.includes('?')) return pair;
  const inner = redactedUrl(value, depth + 1);
  return inner === value ? pair : `${name}=${encodeURIComponent(inner)}`;
}

/** `url` with the values of its secret query parameters hidden; `/auth/sign-in?token=abc&next=%2F` → `/auth/sign-in?token=[redacted]&next=%2F`. */
export function redactedUrl(url: string, depth = 0): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const hash = url.indexOf('#', question);
  const query = url.slice(question + 1, hash < 0 ? undefined : hash);
  const pairs = query.split('&').map((pair) => redactedPair(pair, depth));
  return `${url.slice(0, question)}?${pairs.join('&')}`;
}
