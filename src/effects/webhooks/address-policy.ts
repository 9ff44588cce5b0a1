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

function refused(detail: string): AppError {
  return new AppError({ code: 'ENDPOINT_REFUSED', detail });
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
   * @throws AppError ENDPOINT_REFUSED naming why (scheme, credentials in the URL, an address refused, no address).
   */
  async check(text: string): Promise<PinnedTarget> {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw refused(`"${text}" is not a URL.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refused(`A webhook endpoint must be an https: URL, not ${url.protocol}.`);
    if (url.username !== '' || url.password !== '') throw refused('A webhook URL must not carry a user name or password: the signature authenticates us.');
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const addresses = ipaddr.isValid(host) ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv4' ? 4 : 6 }] : await this.#lookup(host);
    if (addresses.length === 0) throw refused(`${host} does not resolve to any address.`);
    for (const { address } of addresses) this.#checkAddress(host, address);
    const loopback = addresses.every(({ address }) => rangeOf(address) === 'loopback');
    if (url.protocol === 'http:' && !(this.#allowLoopback && loopback)) {
      throw refused('A webhook endpoint must be an https: URL (http: is allowed only for loopback in development).');
    }
    const first = addresses[0]!;
    return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
  }

  async #lookup(host: string): Promise<Array<{ address: string; family: number }>> {
    try {
      return await this.#resolve(host);
    } catch (error) {
      throw new AppError({ code: 'ENDPOINT_REFUSED', detail: `${host} could not be resolved (${(error as Error).message}).`, cause: error });
    }
  }

  #checkAddress(host: string, address: string): void {
    const range = rangeOf(address);
    if (range === 'unicast') return;
    if (range === 'loopback' && this.#allowLoopback) return;
    const parsed = ipaddr.process(address);
    if (this.#allowed.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits))) return;
    const shown = host === address ? address : `${host} resolves to ${address}, which`;
    throw refused(`${shown} is a ${range} address: webhooks are delivered to public addresses only, unless an admin allows that network (MRA_WEBHOOK_ALLOWED_NETWORKS).`);
  }
}

/** ipaddr.js's name of the range an address is in (`unicast` for an ordinary public one); IPv4-mapped IPv6 is judged as IPv4. */
export function rangeOf(address: string): string {
  return ipaddr.process(address).range();
}
