// Test helper: opens a UserSig into its JSON document and builds UserSigs the way other
// generators do (other key orders, whitespace, zlib levels).
import { Buffer } from "node:buffer";
import { createHmac } from "node:crypto";
import { deflateSync, inflateSync } from "node:zlib";

export function unpackUserSig(userSig: string): Record<string, unknown> {
  const b64 = userSig.replaceAll("*", "+").replaceAll("-", "/").replaceAll("_", "=");
  return JSON.parse(inflateSync(Buffer.from(b64, "base64")).toString("utf8")) as Record<
    string,
    unknown
  >;
}

export function packUserSig(json: string, level = -1): string {
  return deflateSync(Buffer.from(json, "utf8"), { level })
    .toString("base64")
    .replaceAll("+", "*")
    .replaceAll("/", "-")
    .replaceAll("=", "_");
}

/** The TLSSigAPIv2 HMAC, computed here independently of src/usersig.ts. */
export function referenceSig(
  key: string,
  fields: { userId: string; sdkAppId: number; time: number; expire: number; userBuf?: string },
): string {
  let content = `TLS.identifier:${fields.userId}\nTLS.sdkappid:${fields.sdkAppId}\nTLS.time:${fields.time}\nTLS.expire:${fields.expire}\n`;
  if (fields.userBuf !== undefined) content += `TLS.userbuf:${fields.userBuf}\n`;
  return createHmac("sha256", key).update(content).digest("base64");
}
