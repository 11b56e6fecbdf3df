import { randomInt } from "node:crypto";
import { type ClientHooks, clientHooks, VendorClient } from "@imgraph/core";
import type { AdminSig } from "./admin-sig.js";
import { decodeTencent } from "./errors.js";
import { TENCENT_REGIONS, type TencentConfig } from "./options.js";

/**
 * The VendorClient for one SDKAppID: every attempt carries the (cached) admin UserSig and
 * a fresh `random`; answers are decoded from Tencent's envelope.
 */
export function createTencentClient(
  options: TencentConfig & ClientHooks,
  adminUserId: string,
  sig: AdminSig,
): VendorClient {
  return new VendorClient({
    vendor: "tencent",
    origins: options.origins ?? TENCENT_REGIONS[options.region ?? "cn"],
    sign: () => ({
      query: {
        sdkappid: options.sdkAppId,
        identifier: adminUserId,
        usersig: sig.current(),
        random: randomInt(0, 0x1_0000_0000),
        contenttype: "json",
      },
    }),
    decode: (response) => decodeTencent(response, () => sig.invalidate()),
    ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
    // Tencent gives up on a request after 3 s itself; wait a little longer than that.
    headersTimeoutMs: 5_000,
    bodyTimeoutMs: 5_000,
    // The vendor ignores it, but proxies, logs and our emulators see the caller's request id.
    requestIdHeader: "X-Request-ID",
    ...clientHooks(options),
  });
}
