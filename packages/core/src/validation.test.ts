import { describe, expect, it } from "vitest";
import {
  checkCount,
  checkId,
  checkIds,
  checkInt,
  checkText,
  checkUrl,
  maxUtf8Bytes,
  pageLimit,
  utf8Bytes,
} from "./validation.js";

const rule = { maxBytes: 8, pattern: /^[A-Za-z0-9]+$/, charset: "letters and digits" };

describe("validation", () => {
  it("names the field and the limit", () => {
    expect(() => checkId("userIds[3]", "abcdefghi", rule)).toThrow(
      expect.objectContaining({
        code: "BAD_USER_INPUT",
        field: "userIds[3]",
        message: "userIds[3] must be at most 8 bytes.",
      }),
    );
    expect(() => checkId("userId", "a b", rule)).toThrow(
      "userId may only contain letters and digits.",
    );
    expect(() => checkId("userId", "", rule)).toThrow("userId must be a non-empty string.");
    expect(() => checkCount("userIds", [1, 2, 3], { max: 2 })).toThrow(
      "userIds must have at most 2 items.",
    );
    expect(() => checkCount("userIds", [], {})).toThrow("userIds must have at least 1 item.");
    expect(() => checkInt("minutes", 1.5, {})).toThrow("minutes must be a whole number.");
    expect(() => checkInt("minutes", 0, { min: 1 })).toThrow("minutes must be at least 1.");
    expect(() => checkText("name", "ééééé", { maxBytes: 9 })).toThrow(
      "name must be at most 9 bytes.",
    );
    expect(checkText("name", "éééé", { maxBytes: 8 })).toBe("éééé");
    expect(() => checkUrl("avatarUrl", "javascript:alert(1)", 100)).toThrow(
      "avatarUrl must be an http(s) URL.",
    );
  });

  it("checks every id of a list, naming the index of a bad one", () => {
    const ids = ["a1", "b2", "c3"];
    expect(checkIds("userIds", ids, rule)).toBe(ids);
    expect(() => checkIds("userIds", ["a1", "b2", "c 3"], rule)).toThrow(
      expect.objectContaining({
        field: "userIds[2]",
        message: "userIds[2] may only contain letters and digits.",
      }),
    );
    expect(() => checkIds("userIds", ["ok", 7], rule)).toThrow(
      "userIds[1] must be a non-empty string.",
    );
    expect(() => checkIds("userIds", "a1", rule)).toThrow("userIds must be a list.");
    // Near the byte limit the UTF-8 length decides, not the character count.
    expect(checkIds("ids", ["中文"], { maxBytes: 6 })).toEqual(["中文"]);
    expect(() => checkIds("ids", ["ab", "中文"], { maxBytes: 5 })).toThrow(
      "ids[1] must be at most 5 bytes.",
    );
  });

  it("counts bytes as UTF-8", () => {
    expect(checkId("id", "abcdefgh", rule)).toBe("abcdefgh");
    expect(() => checkId("id", "中文", { maxBytes: 5 })).toThrow();
  });

  it("bounds a character count in bytes: no character takes more than 4", () => {
    const widest = "😀𝄞中é";
    expect(utf8Bytes(widest)).toBeLessThanOrEqual(maxUtf8Bytes([...widest].length));
    expect(utf8Bytes("😀😀")).toBe(maxUtf8Bytes(2));
  });

  it("clamps page sizes", () => {
    expect(pageLimit(undefined, 100)).toBe(50);
    expect(pageLimit(500, 100)).toBe(100);
    expect(() => pageLimit(0, 100)).toThrow(expect.objectContaining({ field: "limit" }));
  });
});
