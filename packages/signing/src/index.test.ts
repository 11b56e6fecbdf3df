import { describe, expect, test } from "vitest";
import * as signing from "./index.js";

describe("public surface", () => {
  test("exports every function the other packages import, by name", () => {
    const functions = [
      "constantTimeEqual",
      "constantTimeEqualBytes",
      "readHeader",
      "readParam",
      "rongCloudSignature",
      "signRongCloudRequest",
      "verifyRongCloudRequest",
      "signRongCloudCallback",
      "verifyRongCloudCallback",
      "zegoSignature",
      "signZegoRequest",
      "verifyZegoRequest",
      "zegoCallbackSignature",
      "verifyZegoCallback",
      "generateToken04",
      "generateLegacyToken04",
      "verifyToken04",
      "rtcPrivilegePayload",
      "parseRtcPrivilegePayload",
      "generateUserSig",
      "decodeUserSig",
      "verifyUserSig",
      "privateMapKeyUserBuf",
      "parsePrivateMapKeyUserBuf",
      "generatePrivateMapKey",
      "tencentCallbackSign",
      "verifyTencentCallback",
    ].sort();
    const exported = Object.entries(signing)
      .filter(([, value]) => typeof value === "function")
      .map(([name]) => name)
      .sort();
    expect(exported).toEqual(functions);
    expect(signing.TrtcPrivilege.all).toBe(255);
  });

  test("nothing logs", async () => {
    const { vi } = await import("vitest");
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi.spyOn(console, m),
    );
    const sig = signing.generateUserSig({ sdkAppId: 1, key: "k", userId: "u", expireSeconds: 60 });
    signing.verifyUserSig(`${sig}x`, { key: "k" });
    signing.verifyToken04("04garbage", { serverSecret: "0".repeat(32) });
    signing.verifyZegoRequest({}, () => undefined);
    signing.verifyRongCloudRequest({}, () => undefined);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});
