import { describe, expect, it } from "vitest";
import { ExactInteger, quoteLongIntegers, stringifyJson } from "./exact-integers.js";

const UINT64_MAX = "18446744073709551615";
const ABOVE_2_53 = "9007199254740993"; // 2^53 + 1: a JS number would read 9007199254740992

describe("exact integers in JSON", () => {
  it("writes an ExactInteger as its bare digits, anywhere in a body", () => {
    const text = stringifyJson({
      Next: new ExactInteger(UINT64_MAX),
      list: [new ExactInteger("-12")],
      Limit: 3,
    });
    expect(text).toBe(`{"Next":${UINT64_MAX},"list":[-12],"Limit":3}`);
    expect(stringifyJson({ a: "b" })).toBe('{"a":"b"}');
  });

  it("refuses anything but an integer of at most 20 digits", () => {
    expect(() => new ExactInteger("1e3")).toThrow(TypeError);
    expect(() => new ExactInteger('1,"x":2')).toThrow(TypeError);
    expect(() => new ExactInteger("123456789012345678901")).toThrow(TypeError);
  });

  it("a string that looks like the stand-in stays a string", () => {
    const sneaky = { text: "exact-0000:123", Next: new ExactInteger("5") };
    expect(JSON.parse(stringifyJson(sneaky))).toEqual({ text: "exact-0000:123", Next: 5 });
  });

  it("reads the named keys' long integers as strings, exactly", () => {
    const text = `{"Next": ${ABOVE_2_53}, "TotalCount": ${ABOVE_2_53}, "inner": {"Next":${UINT64_MAX}}, "short": {"Next": 42}}`;
    const parsed = JSON.parse(quoteLongIntegers(text, ["Next"]));
    expect(parsed.Next).toBe(ABOVE_2_53);
    expect(parsed.inner.Next).toBe(UINT64_MAX);
    expect(parsed.short.Next).toBe(42);
    // Keys not named are left to JSON.parse as before.
    expect(parsed.TotalCount).toBe(Number(ABOVE_2_53));
  });

  it("does not touch the key's name inside a string value", () => {
    const text = JSON.stringify({ note: `"Next":${ABOVE_2_53}` });
    expect(quoteLongIntegers(text, ["Next"])).toBe(text);
  });
});
