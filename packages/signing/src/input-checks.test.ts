import { describe, expect, test } from "vitest";
import {
  requireAppId,
  requireInteger,
  requireLifetime,
  requireText,
  resolveNow,
  resolveWindow,
} from "./input-checks.js";

const UINT32_MAX = 0xffff_ffff;

describe("argument checks", () => {
  test("requireInteger and requireText name the argument", () => {
    expect(() => requireInteger("n", 1.5)).toThrow(new TypeError("n must be an integer"));
    expect(() => requireInteger("n", "1")).toThrow(TypeError);
    expect(requireInteger("n", -3)).toBe(-3);
    expect(requireText("key", "k")).toBe("k");
    expect(() => requireText("key", "")).toThrow(new TypeError("key must be a non-empty string"));
  });

  test("requireAppId takes 1..2^32-1", () => {
    expect(requireAppId("appId", 1)).toBe(1);
    expect(requireAppId("appId", UINT32_MAX)).toBe(UINT32_MAX);
    expect(() => requireAppId("sdkAppId", 0)).toThrow(
      new RangeError("sdkAppId must be a non-zero uint32"),
    );
    expect(() => requireAppId("appId", UINT32_MAX + 1)).toThrow(RangeError);
    expect(() => requireAppId("appId", "1")).toThrow(new TypeError("appId must be an integer"));
  });

  test("requireLifetime takes whole seconds above 0", () => {
    expect(requireLifetime("expireSeconds", 1)).toBe(1);
    expect(() => requireLifetime("expireSeconds", 0)).toThrow(
      new RangeError("expireSeconds must be greater than 0"),
    );
    expect(() => requireLifetime("expireSeconds", 0.5)).toThrow(TypeError);
  });
});

describe("clock options", () => {
  test("resolveNow rejects nonsense", () => {
    expect(resolveNow(5)).toBe(5);
    expect(() => resolveNow(Number.NaN)).toThrow(TypeError);
    expect(Math.abs(resolveNow(undefined) - Date.now())).toBeLessThan(1000);
  });

  test("resolveWindow falls back when absent and refuses negative or non-finite seconds", () => {
    expect(resolveWindow("windowSeconds", undefined, 60)).toBe(60);
    expect(resolveWindow("windowSeconds", 0, 60)).toBe(0);
    expect(() => resolveWindow("windowSeconds", -1, 60)).toThrow(RangeError);
    expect(() => resolveWindow("windowSeconds", Number.POSITIVE_INFINITY, 60)).toThrow(RangeError);
  });
});
