import { describe, expect, it } from "vitest";
import { TencentAdapter } from "./adapter.js";
import { implementation } from "./implementation.js";
import { tencentModule } from "./module.js";
import { configSchema } from "./options.js";

const GOOD = {
  sdkAppId: 1400000001,
  key: "secret-key",
  adminUserId: "administrator",
  region: "sgp",
  groupType: "ChatRoom",
  extraProfileTag: "Tag_Profile_Custom_Extra",
  broadcast: true,
  messageExtensions: true,
  readReceipts: true,
  callbackToken: "token",
  deadlineMs: 5000,
  concurrency: 4,
  origins: ["http://127.0.0.1:4200"],
};

function issues(value: unknown) {
  const result = configSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
}

describe("configSchema", () => {
  it("accepts a full config and the smallest one", () => {
    expect(configSchema.safeParse(GOOD)).toMatchObject({ success: true, data: GOOD });
    expect(configSchema.safeParse({ sdkAppId: 1, key: "k" }).success).toBe(true);
  });

  it("refuses unknown keys, bad numbers and bad values, naming the path", () => {
    expect(issues({ ...GOOD, secretKey: "x" })).toEqual([""]);
    expect(configSchema.safeParse({ ...GOOD, secretKey: "x" }).error?.issues[0]).toMatchObject({
      code: "unrecognized_keys",
      keys: ["secretKey"],
    });
    expect(issues({ ...GOOD, sdkAppId: 4_294_967_296 })).toEqual(["sdkAppId"]);
    expect(issues({ ...GOOD, sdkAppId: 1.5 })).toEqual(["sdkAppId"]);
    expect(issues({ ...GOOD, sdkAppId: "1400000001" })).toEqual(["sdkAppId"]);
    expect(issues({ ...GOOD, concurrency: 0 })).toEqual(["concurrency"]);
    expect(issues({ key: "k" })).toEqual(["sdkAppId"]);
    expect(issues({ ...GOOD, key: "" })).toEqual(["key"]);
    expect(issues({ ...GOOD, region: "mars" })).toEqual(["region"]);
    expect(issues({ ...GOOD, groupType: "AVChatRoom" })).toEqual(["groupType"]);
    expect(issues({ ...GOOD, extraProfileTag: "Tag_Profile_IM_Nick" })).toEqual([
      "extraProfileTag",
    ]);
    expect(issues({ ...GOOD, origins: ["ftp://x"] })).toEqual(["origins.0"]);
  });

  it("is the module's schema, with the key and callback token as secrets", () => {
    expect(tencentModule.configSchema).toBe(configSchema);
    expect(tencentModule.implementation).toBe(implementation);
    expect(tencentModule.secrets).toEqual({ required: ["key"], optional: ["callbackToken"] });
  });

  it("is what the constructor enforces", () => {
    expect(() => new TencentAdapter({ sdkAppId: 0, key: "k" })).toThrow(/sdkAppId/);
    expect(() => new TencentAdapter({ sdkAppId: 1, key: "k", extraProfileTag: "Custom" })).toThrow(
      /extraProfileTag/,
    );
  });
});
