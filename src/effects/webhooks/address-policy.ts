/**
 * Where a webhook may be delivered (docs/watches-and-webhooks.md, "No server-side request
 * forgery"). An endpoint's host is resolved, and every address it resolves to must be an ordinary
 * public unicast address: private, loopback, link-local, carrier-grade NAT, unique-local,
 * multicast and reserved ranges are refused, unless an admin allowed that network. The check runs
 * at registration and again before every delivery, and the delivery connects to the address that
 * was checked (`PinnedTarget`), so a name that re-resolves elsewhere between the check and the
 * connection (DNS rebinding) gains nothing. Address ranges are ipaddr.js's, not ours.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { AppError } from '../../errors.js';

/** Resolves a host name to its addresses, as `dns.lookup(host, { all: true })` does. */
export type Resolver = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface AddressPolicyOptions {
  /** Development only: `http:` and loopback addresses (127.0.0.0/8, ::1) are allowed. */
  allowLoopback: boolean;
  /** Networks an admin allowed although they are not public, in CIDR (`10.20.0.0/16`). */
  allowedNetworks: readonly string[];
  resolver?: Resolver;
}

/** The URL to deliver to and the checked address to connect to. */
export interface PinnedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/**
 * Why the policy refuses an address, as a code. All but `unresolvable` and `no-address` are about
 * the URL or the address it names, and would be refused again: a delivery to it is given up at
 * once. A name that could not be resolved, or resolved to nothing, may resolve later (a DNS
 * outage, a record being changed), so that delivery is retried.
 */
export type RefusalReason = 'not-a-url' | 'scheme' | 'credentials' | 'unresolvable' | 'no-address' | 'address-range' | 'http-not-loopback';

/** Whether a refusal could pass later; a map over every reason, so a new one cannot be forgotten. */
export const REFUSAL_PASSES_LATER: Record<RefusalReason, boolean> = {
  'not-a-url': false,
  scheme: false,
  credentials: false,
  unresolvable: true,
  'no-address': true,
  'address-range': false,
  'http-not-loopback': false,
};

/** The policy's refusal: `ENDPOINT_REFUSED` for the API, with the reason a delivery decides by. */
export class AddressRefusal extends AppError {
  readonly reason: RefusalReason;

  constructor(reason: RefusalReason, detail: string, cause?: unknown) {
    super({ code: 'ENDPOINT_REFUSED', detail, ...(cause === undefined ? {} : { cause }) });
    this.reason = reason;
  }
}

function refused(reason: RefusalReason, detail: string): AddressRefusal {
  return new AddressRefusal(reason, detail);
}

/** Throws when a CIDR list is not valid; the configuration has checked MRA_WEBHOOK_ALLOWED_NETWORKS first (`cidr` in `src/config/parsers.ts`). */
export function parseNetworks(networks: readonly string[]): Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> {
  return networks.map((cidr) => ipaddr.parseCIDR(cidr));
}

export class AddressPolicy {
  readonly #allowLoopback: boolean;
  readonly #allowed: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
  readonly #resolve: Resolver;

  constructor(options: AddressPolicyOptions) {
    this.#allowLoopback = options.allowLoopback;
    this.#allowed = parseNetworks(options.allowedNetworks);
    this.#resolve = options.resolver ?? systemResolver;
  }

  /**
   * Checks an endpoint URL and resolves its host to one address to connect to.
   *
   * @throws AddressRefusal (an AppError ENDPOINT_REFUSED) naming why, with its `reason`.
   */
  async check(text: string): Promise<PinnedTarget> {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw refused('not-a-url', `"${text}" is not a URL.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refused('scheme', `A webhook endpoint must be an https: URL, not ${url.protocol}.`);
    if (url.username !== '' || url.password !== '') throw refused('credentials', 'A webhook URL must not carry a user name or password: the signature authenticates us.');
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const addresses = ipaddr.isValid(host) ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv4' ? 4 : 6 }] : await this.#lookup(host);
    if (addresses.length === 0) throw refused('no-address', `${host} does not resolve to any address.`);
    for (const { address } of addresses) this.#checkAddress(host, address);
    const loopback = addresses.every(({ address }) => rangeOf(address) === 'loopback');
    if (url.protocol === 'http:' && !(this.#allowLoopback && loopback)) {
      throw refused('http-not-loopback', 'A webhook endpoint must be an https: URL (http: is allowed only for loopback in development).');
    }
    const first = addresses[0]!;
    return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
  }

  async #lookup(host: string): Promise<Array<{ address: string; family: number }>> {
    try {
      return await this.#resolve(host);
    } catch (error) {
      throw new AddressRefusal('unresolvable', `${host} could not be resolved (${(error as Error).message}).`, error);
    }
  }

  #checkAddress(host: string, address: string): void {
    const range = rangeOf(address);
    if (range === 'unicast') return;
    if (range === 'loopback' && this.#allowLoopback) return;
    const parsed = ipaddr.process(address);
    if (this.#allowed.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits))) return;
    const shown = host === address ? address : `${host} resolves to ${address}, which`;
    throw refused('address-range', `${shown} is a ${range} address: webhooks are delivered to public addresses only, unless an admin allows that network (MRA_WEBHOOK_ALLOWED_NETWORKS).`);
  }
}

/** ipaddr.js's name of the range an address is in (`unicast` for an ordinary public one); IPv4-mapped IPv6 is judged as IPv4. */
export function rangeOf(address: string): string {
  return ipaddr.process(address).range();
}
