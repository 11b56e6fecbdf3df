import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import type { AddressRanges } from "../realtime/addresses.js";

/**
 * Whether the gateway may connect to an address: a public unicast address, or one inside
 * the ranges the config names. Private, loopback, link-local, unique-local, carrier NAT,
 * unspecified and reserved addresses are refused otherwise, so a hook URL cannot reach the
 * gateway's own network (SSRF through the config of a multi-tenant deployment).
 */
export function reachable(address: string, allowed: AddressRanges): boolean {
  if (allowed.has(address)) return true;
  try {
    return ipaddr.process(address).range() === "unicast";
  } catch {
    return false;
  }
}

/**
 * A DNS lookup for outbound connections that refuses names resolving to an address the
 * gateway may not reach. Checked at connect time, on the address actually used, so a name
 * that resolves differently later (DNS rebinding) is still caught.
 */
export function guardedLookup(allowed: AddressRanges): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, found) => {
      if (error) return callback(error, "", 0);
      const list = found as unknown as LookupAddress[];
      const refused = list.find((a) => !reachable(a.address, allowed));
      if (refused || list.length === 0) {
        const denied = Object.assign(
          new Error(`${hostname} resolves to an address outside the allowed networks`),
          { code: "EADDRNOTALLOWED" },
        );
        return callback(denied, "", 0);
      }
      if (options.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

/** An IP-literal host is checked here (no lookup happens for one). */
export function literalHostAllowed(host: string, allowed: AddressRanges): boolean {
  const plain = host.replace(/^\[|\]$/g, "");
  return isIP(plain) === 0 || reachable(plain, allowed);
}
