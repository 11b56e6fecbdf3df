// Test helper: a lowercase hex signature is sealed. Every request and callback scheme here
// signs with lowercase hex, so each of them checks the same two things.
import type { Verification } from "../common.js";
import { expectFailure } from "./expect-failure.js";
import { HEX_LOWER, singleCharMutations } from "./mutate.js";

/**
 * Asserts that `verifyWith(s)` is a `bad_signature` failure, leaking neither `signature`
 * nor any of `secrets`, for every single-character change `s` of `signature`, and for its
 * uppercase form.
 */
function expectHexSignatureSealed(
  signature: string,
  verifyWith: (signature: string) => Verification<unknown>,
  options: { field?: string; secrets: readonly string[] },
): void {
  const expected = { ...options, secrets: [...options.secrets, signature] };
  for (const [, mutated] of singleCharMutations(signature, HEX_LOWER)) {
    expectFailure(verifyWith(mutated), "bad_signature", expected);
  }
  expectFailure(verifyWith(signature.toUpperCase()), "bad_signature");
}

/**
 * {@link expectHexSignatureSealed} for a signed record (headers, query or body) that carries
 * its signature under `key`: `verify` gets the record with only that value changed, and
 * every failure must name `key` as its field.
 */
export function expectSignatureParamSealed<K extends string, P extends Record<K, string>>(
  signed: P,
  key: K,
  verify: (params: P) => Verification<unknown>,
  secrets: readonly string[],
): void {
  expectHexSignatureSealed(signed[key], (value) => verify({ ...signed, [key]: value }), {
    field: key,
    secrets,
  });
}
