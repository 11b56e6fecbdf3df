import { describe, expect, it } from "vitest";
import {
  isJsonObject,
  JSON_DEPTH_MAX,
  jsonDepth,
  parseJsonObject,
  parseJsonValue,
} from "./json-object.js";

describe("JSON objects", () => {
  it("tells objects from null, arrays and scalars", () => {
    expect(isJsonObject({ a: 1 })).toBe(true);
    for (const value of [null, [], "x", 1, undefined]) expect(isJsonObject(value)).toBe(false);
  });

  it("parses an object's text; null for anything else", () => {
    expect(parseJsonObject('{"tier":"gold"}')).toEqual({ tier: "gold" });
    for (const text of [undefined, "", "not json", "[1]", "null", '"s"', "3"]) {
      expect(parseJsonObject(text)).toBeNull();
    }
  });

  it("parses any JSON value's text; undefined when it is not JSON", () => {
    expect(parseJsonValue('{"a":[1,"b"]}')).toEqual({ a: [1, "b"] });
    expect(parseJsonValue("null")).toBeNull();
    expect(parseJsonValue('"s"')).toBe("s");
    for (const text of ["", "not json", "{", "undefined"]) {
      expect(parseJsonValue(text)).toBeUndefined();
    }
  });

  it("counts nesting without recursion, and does not read JSON nested past the bound as JSON", () => {
    expect(jsonDepth("s")).toBe(0);
    expect(jsonDepth({ a: [1, { b: [] }] })).toBe(4);
    const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    expect(parseJsonValue(deep(JSON_DEPTH_MAX))).toBeDefined();
    // 100,000 levels: JSON.parse copes, writing it again would overflow the stack.
    expect(parseJsonValue(deep(100_000))).toBeUndefined();
    expect(parseJsonObject(`{"a":${deep(JSON_DEPTH_MAX)}}`)).toBeNull();
  });
});
