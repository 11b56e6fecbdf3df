import { isIP } from "node:net";
import { type CallOptions, VendorUnavailableError } from "@imgraph/core";
import type { TencentContext } from "./context.js";

/**
 * ConfigSvc/GetIPList `nettype`s of Tencent's callback egress (intl doc 1047/36742, cn doc
 * 269/45438): 5 = China (incl. Hong Kong), 6 = outside China. The doc says to pick one by
 * where the business server is; we don't know where the gateway runs, so we take both.
 */
export const CALLBACK_EGRESS_NET_TYPES = [5, 6] as const;

const OPERATION = "webhookSources";

/**
 * The addresses Tencent's callbacks come from: GetIPList for nettype 5 and 6, read (safe
 * to retry), their union in answer order without repeats. Every entry must be an IPv4 or
 * IPv6 address or a CIDR range (what node:net's BlockList takes); one that is not, a
 * missing IPList, or no address at all fails the whole call, so the caller keeps what it
 * had instead of trusting a list that is wider or narrower than Tencent meant.
 */
export async function webhookSources(
  ctx: TencentContext,
  options?: CallOptions,
): Promise<string[]> {
  const lists = await Promise.all(
    CALLBACK_EGRESS_NET_TYPES.map((netType) => getIpList(ctx, netType, options)),
  );
  const sources = [...new Set(lists.flat())];
  if (sources.length === 0) {
    throw malformed("GetIPList gave no callback egress address for nettype 5 or 6");
  }
  return sources;
}

async function getIpList(
  ctx: TencentContext,
  netType: number,
  options: CallOptions | undefined,
): Promise<string[]> {
  // nettype goes in the URL beside sdkappid & co. (the documented sample); the body is {}.
  const answer = (await ctx.client.call({
    operation: OPERATION,
    path: "/v4/ConfigSvc/GetIPList",
    query: { nettype: netType },
    body: { type: "json", value: {} },
    idempotent: true,
    ...(options?.requestId ? { requestId: options.requestId } : {}),
    ...(options?.signal ? { signal: options.signal } : {}),
  })) as { IPList?: unknown };
  const list = answer.IPList;
  if (!Array.isArray(list)) {
    throw malformed(`GetIPList (nettype ${netType}) answered without an IPList array`);
  }
  for (const entry of list) {
    if (!isAddressOrRange(entry)) {
      const shown = typeof entry === "string" ? entry.slice(0, 64) : String(entry);
      throw malformed(
        `GetIPList (nettype ${netType}) answered ${JSON.stringify(shown)}, which is not an IP address or CIDR range`,
      );
    }
  }
  return list as string[];
}

/**
 * An IPv4/IPv6 address, or one with a `/prefix` (0-32 / 0-128, no leading zeros), as
 * node:net's isIP and BlockList read them. No surrounding space, no IPv6 zone (`%eth0`):
 * a published egress address has no interface scope.
 */
export function isAddressOrRange(entry: unknown): entry is string {
  if (typeof entry !== "string") return false;
  const slash = entry.indexOf("/");
  const address = slash < 0 ? entry : entry.slice(0, slash);
  if (address.includes("%")) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (slash < 0) return true;
  const prefix = entry.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

function malformed(why: string): VendorUnavailableError {
  return new VendorUnavailableError("tencent", `Tencent ${why}.`, { operation: OPERATION });
}
