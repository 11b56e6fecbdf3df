import { describe, expect, it } from "vitest";
import { checkEncodedSize, checkPushText, unknownContentType } from "./content-checks.js";

describe("content checks", () => {
  it("checks a push text only when there is one", () => {
    expect(checkPushText(undefined, 4)).toBeUndefined();
    expect(checkPushText("ok", 4)).toBe("ok");
    expect(() => checkPushText("too long", 4)).toThrow(
      expect.objectContaining({ field: "pushText", message: "pushText must be at most 4 bytes." }),
    );
    expect(() => checkPushText("", 4)).toThrow(expect.objectContaining({ field: "pushText" }));
  });

  it("names the content's type field for an unknown type", () => {
    expect(unknownContentType("content")).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "content.type",
      message: "content.type is not a known content type.",
    });
  });

  it("refuses encoded content over the limit in bytes, naming the vendor if given", () => {
    expect(() => checkEncodedSize("content", "éé", 4)).not.toThrow();
    expect(() => checkEncodedSize("content", "ééé", 4)).toThrow(
      expect.objectContaining({
        field: "content",
        message: "content must be at most 4 bytes once encoded.",
      }),
    );
    expect(() => checkEncodedSize("content", "12345", 4, "ZEGO")).toThrow(
      expect.objectContaining({
        message: "content must be at most 4 bytes once encoded for ZEGO.",
      }),
    );
  });
});
