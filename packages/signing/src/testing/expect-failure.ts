// Test helper: asserts a Verification failed for the right reason and that its message
// leaks nothing (no secret, no token, no expected signature).
import { expect } from "vitest";
import type { Verification, VerifyFailureReason } from "../common.js";

export function expectFailure<T>(
  result: Verification<T>,
  reason: VerifyFailureReason,
  options: { field?: string; secrets?: readonly string[] } = {},
): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.reason).toBe(reason);
  if (options.field !== undefined) expect(result.field).toBe(options.field);
  expect(result.message.length).toBeGreaterThan(0);
  expect(result.message.length).toBeLessThan(120);
  for (const secret of options.secrets ?? []) {
    if (secret.length >= 4) expect(result.message).not.toContain(secret);
  }
}

/** Asserts success and returns the value. */
export function expectOk<T>(result: Verification<T>): T {
  if (!result.ok) {
    throw new Error(
      `expected ok, got ${result.reason} (${result.field ?? "-"}): ${result.message}`,
    );
  }
  return result.value;
}
