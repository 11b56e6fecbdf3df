import { describe, expect, it } from "vitest";
import { zegoOrigins } from "./options.js";

describe("zegoOrigins", () => {
  it("puts the regional host first and the unified host as backup", () => {
    expect(zegoOrigins("fra")).toEqual({
      zim: ["https://zim-api-fra.zego.im", "https://zim-api.zego.im"],
      rtc: ["https://rtc-api-fra.zego.im", "https://rtc-api.zego.im"],
    });
  });

  it("uses the unified host alone, or with a chosen backup region", () => {
    expect(zegoOrigins("unified").zim).toEqual(["https://zim-api.zego.im"]);
    expect(zegoOrigins("unified", "sgp").rtc).toEqual([
      "https://rtc-api.zego.im",
      "https://rtc-api-sgp.zego.im",
    ]);
  });
});
