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

/** `url` with the values of its secret query parameters hidden; `/auth/sign-in?token=abc&next=%2F` → `/auth/sign-in?token=[redacted]&next=%2F`. */
export function redactedUrl(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const hash = url.indexOf('#', question);
  const query = url.slice(question + 1, hash < 0 ? undefined : hash);
  const pairs = query.split('&').map((pair) => (pair.includes('=') && SECRET_PARAMETERS.has(parameterName(pair)) ? `${pair.split('=', 1)[0]!}=${REDACTED}` : pair));
  return `${url.slice(0, question)}?${pairs.join('&')}`;
}
