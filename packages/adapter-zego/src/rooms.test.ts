import { describe, expect, it } from "vitest";
import { zegoSession } from "./testing/emulator.js";

// RTC rooms over HTTP against the emulator, beyond the shared contract.
const zego = zegoSession({ rateLimits: false });

describe("rooms", () => {
  it("lists an unknown room as empty", async () => {
    expect(await zego.adapter.listRoomUsers({ roomId: zego.id("empty") })).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it("pages room users by ZEGO's Marker", async () => {
    const roomId = zego.id("r");
    const ids = Array.from({ length: 5 }, () => zego.id("ru"));
    for (const userId of ids) zego.emulator.login({ product: "rtc", userId, roomId });
    const first = await zego.adapter.listRoomUsers({ roomId, limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = await zego.adapter.listRoomUsers({ roomId, limit: 3, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((u) => u.userId)).toEqual(ids);
    expect(second.nextCursor).toBeNull();
  });

  it("kicks five users per call and sends custom content as JSON text", async () => {
    const roomId = zego.id("r");
    const ids = Array.from({ length: 7 }, () => zego.id("ru"));
    for (const userId of ids) zego.emulator.login({ product: "rtc", userId, roomId });
    const kicked = await zego.adapter.kickRoomUsers({ roomId, userIds: ids.slice(0, 6) });
    expect(kicked.every((r) => r.ok)).toBe(true);
    expect(
      zego.emulator
        .requests({ route: "rtc:KickoutUser" })
        .slice(-2)
        .map((r) => r.query["UserId[]"]?.length),
    ).toEqual(expect.arrayContaining([5]));
    const left = await zego.adapter.listRoomUsers({ roomId });
    expect(left.items.map((u) => u.userId)).toEqual([ids[6]]);
    const result = await zego.adapter.sendRoomMessage({
      roomId,
      from: "server",
      content: { type: "CUSTOM", customType: "cheer", data: { n: 1 } },
    });
    expect(result.messageId).toMatch(/\S/);
    const sent = zego.emulator.requests({ route: "rtc:SendBroadcastMessage" }).at(-1);
    expect(sent?.query).toMatchObject({
      MessageCategory: "2",
      MessageContent: '{"imgraphType":"cheer","data":{"n":1}}',
    });
    await expect(
      zego.adapter.sendRoomMessage({
        roomId,
        from: "server",
        content: { type: "IMAGE", url: "https://e.com/a.png" },
      }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
  });
});
