import { type ClientHooks, clientHooks, VendorClient } from "@imgraph/core";
import { signRongCloudRequest } from "@imgraph/signing";
import { decodeRongCloud } from "./errors.js";
import { RONGCLOUD_REGIONS, type RongCloudConfig } from "./options.js";

/** The VendorClient for one app key: signed headers per attempt, RongCloud's envelope. */
export function createRongCloudClient(options: RongCloudConfig & ClientHooks): VendorClient {
  const { appKey, appSecret } = options;
  return new VendorClient({
    vendor: "rongcloud",
    origins: options.origins ?? RONGCLOUD_REGIONS[options.region ?? "cn"],
    sign: () => ({ headers: { ...signRongCloudRequest({ appKey, appSecret }) } }),
    decode: decodeRongCloud,
    ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
    // RongCloud asks for connections idle < 55 s and reused at most ~80 times.
    keepAliveTimeoutMs: 50_000,
    maxRequestsPerConnection: 80,
    requestIdHeader: "X-Request-ID",
    ...clientHooks(options),
  });
}
