import { describe, expect, it } from "vitest";
import { ZegoAdapter } from "./adapter.js";
import { zegoModule } from "./module.js";
import { configSchema, zegoOrigins } from "./options.js";

const SECRET = "fa94dd0f974cf2e293728a526b028271";

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

describe("configSchema", () => {
  it("accepts an app's config, secrets resolved, with each product's origins", () => {
    const config = {
      appId: 1234567890,
      serverSecret: SECRET,
      region: "sgp",
      backupRegion: "hkg",
      origins: { zim: ["http://127.0.0.1:4001"], rtc: ["http://127.0.0.1:4002"] },
      features: { broadcast: true, readReceipts: true },
      messageMaxBytes: 32 * 1024,
      rtcIsTest: true,
      deadlineMs: 5_000,
      concurrency: 8,
      callbackSecret: "cb",
    };
    expect(configSchema.safeParse(config)).toEqual({ success: true, data: config });
    expect(configSchema.safeParse({ appId: 1, serverSecret: SECRET }).success).toBe(true);
  });

  it.each([
    [{ appId: 0 }, ["appId"]],
    [{ appId: 4_294_967_296 }, ["appId"]],
    [{ appId: 1.5 }, ["appId"]],
    [{ appId: "1" }, ["appId"]],
    [{ serverSecret: "short" }, ["serverSecret"]],
    [{ region: "mars" }, ["region"]],
    [{ backupRegion: "unified" }, ["backupRegion"]],
    [{ messageMaxBytes: 32 * 1024 + 1 }, ["messageMaxBytes"]],
    [{ origins: { zim: [], rtc: ["http://x"] } }, ["origins", "zim"]],
    [{ origins: { zim: ["ftp://x"], rtc: ["http://x"] } }, ["origins", "zim", 0]],
    [{ origins: ["http://x"] }, ["origins"]],
  ])("refuses %j at its path", (bad, path) => {
    const checked = configSchema.safeParse({ appId: 1, serverSecret: SECRET, ...bad });
    expect(checked.success).toBe(false);
    expect(checked.error?.issues[0]?.path).toEqual(path);
  });

  it("refuses unknown keys, naming them, also inside nested settings", () => {
    const top = configSchema.safeParse({ appId: 1, serverSecret: SECRET, appKey: "x" });
    expect(top.error?.issues[0]).toMatchObject({ path: [], message: "not a ZEGO option: appKey" });
    const nested = configSchema.safeParse({
      appId: 1,
      serverSecret: SECRET,
      features: { history: true },
    });
    expect(nested.error?.issues[0]).toMatchObject({
      path: ["features"],
      message: "not a ZEGO option: history",
    });
  });

  it("is what the module gives the gateway, with ZEGO's secrets", () => {
    expect(zegoModule.configSchema).toBe(configSchema);
    expect(zegoModule.secrets).toEqual({
      required: ["serverSecret"],
      optional: ["callbackSecret"],
    });
  });

  it("is checked by the adapter's constructor too", () => {
    const base = { id: "z", appId: 1, serverSecret: SECRET };
    expect(() => new ZegoAdapter({ ...base, appId: 0 })).toThrow(/ZEGO options: appId: /);
    expect(() => new ZegoAdapter({ ...base, serverSecret: "x" })).toThrow(/serverSecret/);
    expect(() => new ZegoAdapter({ ...base, deadlineMs: -1 })).toThrow(/deadlineMs/);
  });
});
