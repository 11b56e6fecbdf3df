/**
 * The ZEGO gateway (zego.md §1.1, §1.6, §6): which product a request is for, then the
 * common parameters and the MD5 signature. Check order is unverified; we follow §6.
 */
import type { IncomingHttpHeaders } from "node:http";
import { type VerificationFailure, verifyZegoRequest } from "@imgraph/signing";
import type { Product } from "./envelope.js";
import { GATEWAY } from "./errors.js";

const PRODUCT_HOST = /^(zim|rtc)-api(?:-(?:sha|hkg|fra|lax|bom|sgp))?\.zego\.im$/;

export type ProductChoice = Product | "auto";

/**
 * The product of a request: a `zim-api*` / `rtc-api*` Host decides, as on the real hosts.
 * Any other Host (loopback, a proxy) uses the configured product; "auto" picks the product
 * the Action name belongs to (ZIM when unknown). A `*.zego.im` Host that is neither is
 * "Host header wrong" (100000000).
 */
export function productOf(
  headers: IncomingHttpHeaders | undefined,
  actionProduct: Product | undefined,
  configured: ProductChoice,
): Product | "bad-host" {
  const host = (headers?.host ?? "").toLowerCase().replace(/:\d+$/, "");
  const m = PRODUCT_HOST.exec(host);
  if (m) return m[1] as Product;
  if (host.endsWith(".zego.im")) return "bad-host";
  if (configured !== "auto") return configured;
  return actionProduct ?? "zim";
}

const FIELD_CODES: Record<string, Partial<Record<VerificationFailure["reason"], number>>> = {
  AppId: {
    missing: GATEWAY.appIdMalformed,
    malformed: GATEWAY.appIdMalformed,
    unknown_app: GATEWAY.noSecret,
  },
  Timestamp: {
    missing: GATEWAY.timestampMissing,
    malformed: GATEWAY.timestampMalformed,
    expired: GATEWAY.expired,
  },
  SignatureNonce: { missing: GATEWAY.nonceMissing },
  Signature: { missing: GATEWAY.signatureMissing, bad_signature: GATEWAY.signatureWrong },
  SignatureVersion: {
    missing: GATEWAY.versionMissing,
    unsupported_version: GATEWAY.versionUnsupported,
  },
};

/**
 * Verify the common parameters. An unknown AppId answers 100000010 ("could not get
 * ServerSecret"; 100000011 is the other candidate, unverified).
 */
export function authenticate(
  query: URLSearchParams,
  secretFor: (appId: number) => string | undefined,
  now: number,
  windowSeconds: number,
): { ok: true; appId: number } | { ok: false; code: number; message: string } {
  const v = verifyZegoRequest(query, secretFor, { now, windowSeconds });
  if (v.ok) return { ok: true, appId: v.value.appId };
  const code = FIELD_CODES[v.field ?? ""]?.[v.reason] ?? GATEWAY.signatureWrong;
  return { ok: false, code, message: v.message };
}
