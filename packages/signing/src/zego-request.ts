// ZEGOCLOUD server API request signatures (zego.md §1.3-1.4, gateway checks §6).
// Signature = lowercase hex MD5 of str(AppId) + SignatureNonce + ServerSecret + str(Timestamp).
import { hash } from "node:crypto";
import {
  constantTimeEqual,
  fail,
  ok,
  type ParamBag,
  readParam,
  toSeconds,
  type Verification,
} from "./common.js";
import { requireAppId, requireText, resolveNow, resolveWindow } from "./input-checks.js";
import { randomHex } from "./random.js";

/**
 * The common query parameters of a ZEGO server API call (besides `Action`).
 * (A type alias, not an interface, so that it is assignable to HeaderBag / ParamBag.)
 */
export type ZegoCommonParams = {
  AppId: string;
  SignatureNonce: string;
  Timestamp: string;
  Signature: string;
  SignatureVersion: "2.0";
};

const UINT32_MAX = 0xffff_ffff;

/** Lowercase hex MD5 of `str(appId) + nonce + serverSecret + str(timestamp)`. */
export function zegoSignature(
  appId: number | string,
  nonce: string,
  serverSecret: string,
  timestamp: number | string,
): string {
  return hash("md5", `${appId}${nonce}${serverSecret}${timestamp}`, "hex");
}

/**
 * Signs one ZEGO server API request: returns the five common query parameters. The nonce
 * is 16 lowercase hex characters from 8 random bytes (as the docs specify) unless given;
 * Timestamp is in seconds.
 */
export function signZegoRequest(input: {
  appId: number;
  serverSecret: string;
  nonce?: string;
  now?: number;
}): ZegoCommonParams {
  const appId = requireAppId("appId", input.appId);
  const serverSecret = requireText("serverSecret", input.serverSecret);
  const nonce = input.nonce === undefined ? randomHex(8) : requireText("nonce", input.nonce);
  const timestamp = String(toSeconds(resolveNow(input.now)));
  return {
    AppId: String(appId),
    SignatureNonce: nonce,
    Timestamp: timestamp,
    Signature: zegoSignature(appId, nonce, serverSecret, timestamp),
    SignatureVersion: "2.0",
  };
}

/** What a verified ZEGO request proved. */
export interface ZegoRequestAuth {
  appId: number;
  nonce: string;
  /** Epoch seconds, as sent. */
  timestamp: number;
}

const UINT32_TEXT = /^[0-9]{1,10}$/;
const INT_TEXT = /^-?[0-9]{1,15}$/;

function present(value: string | undefined): string | undefined {
  return value === "" ? undefined : value;
}

/**
 * Verifies the common parameters of a ZEGO server API request, in the order the gateway
 * is believed to check them (zego.md §6, order unverified). Every failure names the
 * parameter in `field` so an emulator can pick the gateway code (1000000xx).
 *
 * Tolerant choices for unverified behaviour: SignatureNonce format is not checked
 * (docs' own examples use 14 decimal digits); reused nonces are not rejected; future
 * timestamps are judged like past ones (|now - Timestamp| > window is `expired`);
 * only lowercase hex signatures are accepted (as documented; whether the real server
 * accepts uppercase is unverified).
 */
export function verifyZegoRequest(
  params: ParamBag,
  secretFor: (appId: number) => string | undefined,
  options: { now?: number; windowSeconds?: number } = {},
): Verification<ZegoRequestAuth> {
  const appIdText = present(readParam(params, "AppId"));
  if (appIdText === undefined) return fail("missing", "AppId is missing", "AppId");
  const appId = UINT32_TEXT.test(appIdText) ? Number(appIdText) : Number.NaN;
  if (!(appId <= UINT32_MAX)) return fail("malformed", "AppId must be a uint32", "AppId");

  const serverSecret = secretFor(appId);
  // An empty secret would make signatures forgeable: treat it as no secret at all.
  if (serverSecret === undefined || serverSecret === "") {
    return fail("unknown_app", "unknown AppId", "AppId");
  }

  const timestampText = present(readParam(params, "Timestamp"));
  if (timestampText === undefined) return fail("missing", "Timestamp is missing", "Timestamp");
  if (!INT_TEXT.test(timestampText)) {
    return fail("malformed", "Timestamp must be an integer", "Timestamp");
  }
  const timestamp = Number(timestampText);

  const nonce = present(readParam(params, "SignatureNonce"));
  if (nonce === undefined) return fail("missing", "SignatureNonce is missing", "SignatureNonce");
  const signature = present(readParam(params, "Signature"));
  if (signature === undefined) return fail("missing", "Signature is missing", "Signature");
  const version = present(readParam(params, "SignatureVersion"));
  if (version === undefined) {
    return fail("missing", "SignatureVersion is missing", "SignatureVersion");
  }
  if (version !== "2.0") {
    return fail("unsupported_version", "SignatureVersion must be 2.0", "SignatureVersion");
  }

  const window = resolveWindow("windowSeconds", options.windowSeconds, 600);
  if (Math.abs(toSeconds(resolveNow(options.now)) - timestamp) > window) {
    return fail("expired", "Timestamp is outside the allowed window", "Timestamp");
  }

  // The docs sign str(AppId) and str(Timestamp): the decimal form of the parsed numbers.
  // For canonical input that is the text as sent; how the real server treats leading
  // zeros is unverified (we accept them and sign the canonical form).
  if (!constantTimeEqual(signature, zegoSignature(appId, nonce, serverSecret, timestamp))) {
    return fail("bad_signature", "Signature does not match", "Signature");
  }
  return ok({ appId, nonce, timestamp });
}
