import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

/** "10.0.0.0/8", "2001:db8::/32", "127.0.0.1" → the family and prefix, or an error text. */
export function parseRange(
  text: string,
): { address: string; prefix: number; family: "ipv4" | "ipv6" } | string {
  const [address = "", prefixText, extra] = text.trim().split("/");
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return `"${text}" is not an IP address or CIDR range`;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText ?? String(max)) || prefix > max)
    return `"${text}" has a prefix length outside 0-${max}`;
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

/** A set of addresses and CIDR ranges; IPv4-mapped IPv6 peers match their IPv4 form. */
export class AddressRanges {
  readonly #list = new BlockList();
  readonly size: number;

  /** Throws a TypeError naming the first entry that is not an address or range. */
  constructor(ranges: readonly string[]) {
    for (const text of ranges) {
      const range = parseRange(text);
      if (typeof range === "string") throw new TypeError(range);
      this.#list.addSubnet(range.address, range.prefix, range.family);
    }
    this.size = ranges.length;
  }

  has(address: string | undefined): boolean {
    if (!address) return false;
    const plain = unmapped(address);
    const version = isIP(plain);
    if (version === 0) return false;
    return this.#list.check(plain, version === 4 ? "ipv4" : "ipv6");
  }
}

/**
 * Where a request came from: the connection's peer, or — when that peer is a trusted proxy —
 * the last X-Forwarded-For hop that is not itself a trusted proxy (the one a proxy of ours
 * saw; hops further left are whatever the client claimed).
 */
export function sourceAddress(req: IncomingMessage, trustedProxies: AddressRanges): string {
  let source = unmapped(req.socket.remoteAddress ?? "");
  if (trustedProxies.size === 0 || !trustedProxies.has(source)) return source;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((h) => h.trim())
    .filter((h) => h !== "");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = unmapped(hops[i] as string);
    if (isIP(hop) === 0) return source; // a garbled hop: trust nothing further left
    source = hop;
    if (!trustedProxies.has(hop)) return hop;
  }
  return source;
}

function unmapped(address: string): string {
  const match = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return match ? (match[1] as string) : address;
}
