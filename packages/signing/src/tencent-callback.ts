// Tencent Cloud Chat webhook authentication (tencent.md §4.2): the callback URL carries
// RequestTime (epoch seconds) and Sign = lowercase hex SHA-256(Token + RequestTime).
import { hash } from "node:crypto";
import {
  constantTimeEqual,
  fail,
  ok,
  type ParamBag,
  readParam,
  type Verification,
  windowFailure,
} from "./common.js";
import { resolveNow, resolveWindow } from "./input-checks.js";

/** Lowercase hex SHA-256 of `token + requestTime` (plain hash, not an HMAC). */
export function tencentCallbackSign(token: string, requestTime: string | number): string {
  return hash("sha256", `${token}${requestTime}`, "hex");
}

/** What a verified Tencent callback proved. */
export interface TencentCallbackAuth {
  /** RequestTime, epoch seconds. */
  requestTime: number;
}

const REQUEST_TIME = /^[0-9]{1,12}$/;

/**
 * Verifies the `RequestTime` and `Sign` query parameters of a Tencent webhook with the
 * console's callback auth token. Rejects a RequestTime more than `windowSeconds`
 * (default 60) away from now, whole seconds: `expired` when too old, `not_yet_valid`
 * when too far ahead. With `sdkAppId`, the `SdkAppid` parameter must name that app.
 */
export function verifyTencentCallback(
  query: ParamBag,
  token: string,
  options: { now?: number; windowSeconds?: number; sdkAppId?: number } = {},
): Verification<TencentCallbackAuth> {
  if (typeof token !== "string" || token.length === 0) {
    throw new TypeError("token must be a non-empty string");
  }
  if (options.sdkAppId !== undefined) {
    const sdkAppId = readParam(query, "SdkAppid");
    if (sdkAppId === undefined || sdkAppId === "") {
      return fail("missing", "SdkAppid is missing", "SdkAppid");
    }
    if (sdkAppId !== String(options.sdkAppId)) {
      return fail("wrong_app", "callback is for another SDKAppID", "SdkAppid");
    }
  }
  const requestTime = readParam(query, "RequestTime");
  if (requestTime === undefined || requestTime === "") {
    return fail("missing", "RequestTime is missing", "RequestTime");
  }
  const sign = readParam(query, "Sign");
  if (sign === undefined || sign === "") return fail("missing", "Sign is missing", "Sign");
  if (!REQUEST_TIME.test(requestTime)) {
    return fail("malformed", "RequestTime must be epoch seconds", "RequestTime");
  }
  const seconds = Number(requestTime);
  const window = resolveWindow("windowSeconds", options.windowSeconds, 60);
  const ts = { unit: "s", value: seconds } as const;
  const outside = windowFailure(ts, resolveNow(options.now), window, "RequestTime", {
    past: "RequestTime is too old",
    future: "RequestTime is too far in the future",
  });
  if (outside !== undefined) return outside;
  if (!constantTimeEqual(sign, tencentCallbackSign(token, requestTime))) {
    return fail("bad_signature", "Sign does not match", "Sign");
  }
  return ok({ requestTime: seconds });
}
