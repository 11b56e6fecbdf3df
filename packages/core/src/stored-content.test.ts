import { describe, expect, it } from "vitest";
import { fileContent, imageContent, knownSize } from "./stored-content.js";

describe("stored content", () => {
  it("leaves out the details a vendor did not give", () => {
    expect(imageContent("https://x/a.png", { width: 3, height: undefined })).toStrictEqual({
      type: "IMAGE",
      url: "https://x/a.png",
      width: 3,
    });
    expect(fileContent("https://x/f", undefined, undefined)).toStrictEqual({
      type: "FILE",
      url: "https://x/f",
      name: "",
    });
    expect(fileContent("https://x/f", "f.txt", 9)).toStrictEqual({
      type: "FILE",
      url: "https://x/f",
      name: "f.txt",
      sizeBytes: 9,
    });
  });

  it("reads 0, negative and non-numeric sizes as not known", () => {
    expect([12, 0, -1, "12", undefined].map(knownSize)).toEqual([
      12,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
