import { type ClientHooks, clientHooks, VendorClient } from "@imgraph/core";
import { signZegoRequest } from "@imgraph/signing";
import { decodeZego, type ZegoProduct } from "./errors.js";
import { type ZegoConfig, zegoOrigins } from "./options.js";

/**
 * The VendorClient of one ZEGO product (ZIM or RTC), each on its own hosts: the common
 * query parameters signed afresh on every attempt (new nonce and timestamp), ZEGO's
 * envelope decoded.
 */
export function createZegoClient(
  product: ZegoProduct,
  config: ZegoConfig,
  hooks: ClientHooks = {},
): VendorClient {
  const { appId, serverSecret } = config;
  const origins =
    config.origins?.[product] ??
    zegoOrigins(config.region ?? "unified", config.backupRegion)[product];
  const isTest = product === "rtc" && config.rtcIsTest ? { IsTest: "true" } : {};
  return new VendorClient({
    vendor: "zego",
    origins,
    sign: () => ({ query: { ...signZegoRequest({ appId, serverSecret }), ...isTest } }),
    decode: (response) => decodeZego(product, response),
    ...(config.deadlineMs ? { deadlineMs: config.deadlineMs } : {}),
    // The vendor ignores it, but proxies, logs and our emulators see the caller's request id.
    requestIdHeader: "X-Request-ID",
    ...clientHooks(hooks),
  });
}
