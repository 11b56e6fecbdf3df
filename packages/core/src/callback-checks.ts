import type { Verification } from "@imgraph/signing";
import { UnauthenticatedError } from "./errors.js";

// Refusing a vendor callback before its body is trusted: every refusal is UNAUTHENTICATED
// (a forged, stale or misaddressed callback is a forgery as far as we can tell), worded
// the same for every vendor.

/** The refusal of a callback from `vendor` ("ZEGO") and why. */
export function callbackRefused(vendor: string, why: string): UnauthenticatedError {
  return new UnauthenticatedError(`${vendor} callback refused: ${why}.`);
}

/** The value of a signing check; a failed check refuses the callback. */
export function verifiedCallback<T>(vendor: string, check: Verification<T>): T {
  if (!check.ok) throw callbackRefused(vendor, check.message);
  return check.value;
}
