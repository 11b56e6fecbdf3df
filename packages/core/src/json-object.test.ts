import { describe, expect, it } from "vitest";
import { isJsonObject, parseJsonObject, parseJsonValue } from "./json-object.js";

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
});
