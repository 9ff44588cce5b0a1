/**
 * Where a webhook may be delivered (docs/watches-and-webhooks.md, "No server-side request
 * forgery"). An endpoint's host is resolved, and every address it resolves to must be an ordinary
 * public unicast address: private, loopback, link-local, carrier-grade NAT, unique-local,
 * multicast and reserved ranges are refused, unless an admin allowed that network. The check runs
 * at registration and again before every delivery, and the delivery connects to the address that
 * was checked (`PinnedTarget`), so a name that re-resolves elsewhere between the check and the
 * connection (DNS rebinding) gains nothing. Address ranges are ipaddr.js's, not ours; an IPv6
 * address that carries an IPv4 one is judged by the IPv4 it carries (`judge`), so `[::ffff:7f00:1]`
 * or a NAT64 form of 10.0.0.1 is no way round the IPv4 ranges.
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
    const loopback = addresses.every(({ address }) => judge(address).range === 'loopback');
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
    const { range, says } = judge(address);
    if (range === 'unicast') return;
    if (range === 'loopback' && this.#allowLoopback) return;
    const parsed = ipaddr.process(address);
    if (this.#allowed.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits))) return;
    const shown = host === address ? address : `${host} resolves to ${address}, which`;
    throw refused('address-range', `${shown} is ${says}: webhooks are delivered to public addresses only, unless an admin allows that network (MRA_WEBHOOK_ALLOWED_NETWORKS).`);
  }
}

/** How the policy judges an address: the range it decides by (`unicast` for a public one), and what the refusal says of it. */
export interface Judgement {
  range: string;
  says: string;
}

const ranged = (range: string): Judgement => ({ range, says: `a ${range} address` });

/** The IPv4 address in four bytes of an IPv6 one. */
function ipv4At(bytes: readonly number[], at: number): ipaddr.IPv4 {
  return new ipaddr.IPv4(bytes.slice(at, at + 4));
}

/**
 * An IPv6 address that only carries an IPv4 one is judged by that IPv4: IPv4-mapped
 * (`::ffff:a.b.c.d`) and IPv4-translated (`::ffff:0:a.b.c.d`) addresses are that IPv4 to the
 * socket: both take its range, loopback included. Through NAT64's well-known prefix
 * (`64:ff9b::/96`), 6to4 (`2002::/16`) and Teredo (`2001::/32`, its server and its client, the
 * client's bits inverted) the packets go to the IPv4 they carry: public only if every one
 * carried is, and never loopback. IPv4-compatible addresses (`::a.b.c.d`, deprecated since
 * 2006) and NAT64's local-use prefix (`64:ff9b:1::/48`, translated as each network likes) are
 * refused whatever they carry. Any other address takes ipaddr.js's range.
 */
export function judge(address: string): Judgement {
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return ranged(parsed.range());
  const v6 = parsed as ipaddr.IPv6;
  const bytes = v6.toByteArray();
  const carried = (form: string, v4: ipaddr.IPv4): Judgement => {
    const range = v4.range();
    return { range, says: `${form} carrying ${v4.toString()}, ${range === 'unicast' ? 'a public address' : `a ${range} address`}` };
  };
  const through = (range: string, form: string, carriedV4: readonly ipaddr.IPv4[]): Judgement => {
    const bad = carriedV4.find((v4) => v4.range() !== 'unicast');
    return bad === undefined ? ranged('unicast') : { range, says: `${form} carrying ${bad.toString()}, a ${bad.range()} address` };
  };
  if (v6.isIPv4MappedAddress()) return carried('an IPv4-mapped IPv6 address', v6.toIPv4Address());
  if (v6.match(ipaddr.parseCIDR('::ffff:0:0:0/96'))) return carried('an IPv4-translated IPv6 address', ipv4At(bytes, 12));
  if (v6.match(ipaddr.parseCIDR('64:ff9b::/96'))) return through('nat64', 'a NAT64 address', [ipv4At(bytes, 12)]);
  if (v6.match(ipaddr.parseCIDR('64:ff9b:1::/48'))) return { range: 'nat64-local', says: 'a local-use NAT64 address (64:ff9b:1::/48), whose IPv4 each network places its own way' };
  if (v6.match(ipaddr.parseCIDR('::/96')) && !['unspecified', 'loopback'].includes(v6.range())) {
    return { range: 'ipv4-compatible', says: `an IPv4-compatible IPv6 address (::/96, deprecated) carrying ${ipv4At(bytes, 12).toString()}` };
  }
  if (v6.range() === '6to4') return through('6to4', 'a 6to4 address', [ipv4At(bytes, 2)]);
  if (v6.range() === 'teredo') return through('teredo', 'a Teredo address', [ipv4At(bytes, 4), new ipaddr.IPv4(bytes.slice(12, 16).map((b) => b ^ 0xff))]);
  return ranged(v6.range());
}
