import { describe, expect, test } from "vitest";
import {
  constantTimeEqual,
  constantTimeEqualBytes,
  parseEpoch,
  readHeader,
  readParam,
  windowCheck,
} from "./common.js";

describe("constantTimeEqual", () => {
  test("equal strings", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("", "")).toBe(true);
    expect(constantTimeEqual("héllo", "héllo")).toBe(true);
  });

  test("different strings of the same length", () => {
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("ABC", "abc")).toBe(false);
  });

  test("length mismatch returns false without throwing", () => {
    expect(constantTimeEqual("abc", "abcd")).toBe(false);
    expect(constantTimeEqual("", "a")).toBe(false);
    // Same UTF-16 length, different UTF-8 length.
    expect(constantTimeEqual("é", "e")).toBe(false);
  });

  test("bytes", () => {
    expect(constantTimeEqualBytes(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(constantTimeEqualBytes(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(constantTimeEqualBytes(new Uint8Array([1, 2]), new Uint8Array([1]))).toBe(false);
  });
});

describe("readHeader", () => {
  test("plain records are case-insensitive", () => {
    const headers = { "app-key": "k", NONCE: "n", Timestamp: ["1", "2"], Other: undefined };
    expect(readHeader(headers, "App-Key")).toBe("k");
    expect(readHeader(headers, "nonce")).toBe("n");
    expect(readHeader(headers, "TIMESTAMP")).toBe("1");
    expect(readHeader(headers, "Other")).toBeUndefined();
    expect(readHeader(headers, "Missing")).toBeUndefined();
  });

  test("fetch Headers", () => {
    const headers = new Headers({ "App-Key": "k" });
    expect(readHeader(headers, "app-key")).toBe("k");
    expect(readHeader(headers, "nonce")).toBeUndefined();
  });

  test("does not read inherited properties", () => {
    expect(readHeader({}, "constructor")).toBeUndefined();
    expect(readHeader({}, "toString")).toBeUndefined();
  });
});

describe("readParam", () => {
  test("URLSearchParams: first value, case-sensitive", () => {
    const params = new URLSearchParams("AppId=1&AppId=2&x=");
    expect(readParam(params, "AppId")).toBe("1");
    expect(readParam(params, "appid")).toBeUndefined();
    expect(readParam(params, "x")).toBe("");
  });

  test("records: numbers become decimal strings, arrays give their first value", () => {
    expect(readParam({ AppId: 12345 }, "AppId")).toBe("12345");
    expect(readParam({ AppId: ["7", "8"] }, "AppId")).toBe("7");
    expect(readParam({ AppId: Number.NaN }, "AppId")).toBeUndefined();
    expect(readParam({}, "toString")).toBeUndefined();
    expect(readParam({ appid: "1" }, "AppId")).toBeUndefined();
  });
});

describe("clock helpers", () => {
  test("parseEpoch distinguishes seconds and milliseconds by digit count", () => {
    expect(parseEpoch("1700000000")).toEqual({ unit: "s", value: 1700000000, ms: 1700000000000 });
    expect(parseEpoch("1700000000123")).toEqual({
      unit: "ms",
      value: 1700000000123,
      ms: 1700000000123,
    });
    expect(parseEpoch("")).toBeUndefined();
    expect(parseEpoch("-1")).toBeUndefined();
    expect(parseEpoch("1.5")).toBeUndefined();
    expect(parseEpoch("12345678901234567")).toBeUndefined();
  });

  test("windowCheck is exact at the boundary", () => {
    const ts = { unit: "s" as const, value: 1000 };
    expect(windowCheck(ts, 1060_999, 60)).toBe("ok");
    expect(windowCheck(ts, 1061_000, 60)).toBe("past");
    expect(windowCheck(ts, 940_000, 60)).toBe("ok");
    expect(windowCheck(ts, 939_999, 60)).toBe("future");
    const ms = { unit: "ms" as const, value: 1_000_000 };
    expect(windowCheck(ms, 1_060_000, 60)).toBe("ok");
    expect(windowCheck(ms, 1_060_001, 60)).toBe("past");
  });
});
