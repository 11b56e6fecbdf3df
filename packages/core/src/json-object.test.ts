import { describe, expect, it } from "vitest";
import { isJsonObject, parseJsonObject } from "./json-object.js";

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
});
