import { parseRtcPrivilegePayload, verifyToken04 } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { APP_ID, SERVER_SECRET, zegoSession } from "./testing/emulator.js";

// Token04 chat and room credentials, checked as ZEGO and its RTC login would.
const zego = zegoSession({ rateLimits: false });

describe("credentials", () => {
  it("issues a Token04 with the requested lifetime; outside ZEGO's bounds is refused", async () => {
    for (const ttlSeconds of [10, 59, 24 * 86_400 + 1, 10 ** 9]) {
      await expect(
        zego.adapter.issueChatCredential({ userId: "tok", ttlSeconds }),
      ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "ttlSeconds" });
    }
    const credential = await zego.adapter.issueChatCredential({ userId: "tok", ttlSeconds: 60 });
    const claims = verifyToken04(credential.token, { serverSecret: SERVER_SECRET, appId: APP_ID });
    expect(claims.ok).toBe(true);
    if (!claims.ok) return;
    expect(claims.value).toMatchObject({ userId: "tok", payload: "" });
    expect(claims.value.expiresAt - claims.value.issuedAt).toBe(60);
    expect(credential.expiresAt?.getTime()).toBe(claims.value.expiresAt * 1000);
    const long = await zego.adapter.issueChatCredential({ userId: "tok", ttlSeconds: 24 * 86_400 });
    expect((long.expiresAt?.getTime() ?? 0) - Date.now()).toBeLessThanOrEqual(24 * 86_400_000);
    expect((long.expiresAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(24 * 86_400_000 - 2_000);
  });

  it("issues a room token the RTC login accepts, with publish only when asked", async () => {
    const roomId = zego.id("r");
    const watcher = await zego.adapter.issueRoomCredential({ userId: "w1", roomId });
    const claims = verifyToken04(watcher.token, {
      serverSecret: SERVER_SECRET,
      appId: APP_ID,
      userId: "w1",
    });
    expect(claims.ok && parseRtcPrivilegePayload(claims.value.payload)).toEqual({
      roomId,
      canLogin: true,
      canPublish: false,
      streamIds: null,
    });
    zego.emulator.login({ product: "rtc", userId: "w1", roomId, token: watcher.token });
    expect(() =>
      zego.emulator.login({
        product: "rtc",
        userId: "w1",
        roomId: zego.id("other"),
        token: watcher.token,
      }),
    ).toThrow();
  });
});
