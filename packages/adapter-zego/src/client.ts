import { VendorClient } from "@imgraph/core";
import { signZegoRequest } from "@imgraph/signing";
import { decodeZego, type ZegoProduct } from "./errors.js";
import { type ZegoAdapterOptions, zegoOrigins } from "./options.js";

/**
 * The VendorClient of one ZEGO product (ZIM or RTC): the common query parameters signed
 * afresh on every attempt (new nonce and timestamp), ZEGO's envelope decoded.
 */
export function createZegoClient(product: ZegoProduct, options: ZegoAdapterOptions): VendorClient {
  const { appId, serverSecret } = options;
  const origins =
    options.origins?.[product] ??
    zegoOrigins(options.region ?? "unified", options.backupRegion)[product];
  const isTest = product === "rtc" && options.rtcIsTest ? { IsTest: "true" } : {};
  return new VendorClient({
    vendor: "zego",
    origins,
    sign: () => ({ query: { ...signZegoRequest({ appId, serverSecret }), ...isTest } }),
    decode: (response) => decodeZego(product, response),
    ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
    // The vendor ignores it, but proxies, logs and our emulators see the caller's request id.
    requestIdHeader: "X-Request-ID",
    ...(options.onAttempt ? { onAttempt: options.onAttempt } : {}),
  });
}
