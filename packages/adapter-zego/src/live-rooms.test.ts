import { describe, expect, it } from "vitest";
import { OPERATOR_ID, requestCount, zegoAdapter, zegoSession } from "./testing/emulator.js";

// Live rooms (ZIM rooms) over HTTP against the emulator, beyond the shared contract.
const zego = zegoSession({ rateLimits: false });

/** A room created by a fresh owner, with `n` fresh users entered in join order. */
async function room(n: number, idleLifetimeSeconds?: number) {
  const [owner, ...members] = await zego.users(n + 1);
  const roomId = zego.id("lr");
  await zego.adapter.createLiveRoom({
    roomId,
    ownerId: owner as string,
    ...(idleLifetimeSeconds === undefined ? {} : { idleLifetimeSeconds }),
  });
  for (const userId of members) zego.emulator.login({ userId, roomId });
  return { roomId, owner: owner as string, members };
}

const lastBody = (action: string) =>
  JSON.parse(zego.emulator.requests({ route: `zim:${action}` }).at(-1)?.body ?? "{}") as Record<
    string,
    unknown
  >;

describe("live rooms (ZIM rooms)", () => {
  it("creates with CreateRoom: owner as FromUserId, idle lifetime as DestroyDelayTime, attributes", async () => {
    const [owner] = (await zego.users(1)) as [string];
    const roomId = zego.id("lr");
    await zego.adapter.createLiveRoom({
      roomId,
      ownerId: owner,
      name: "Launch",
      idleLifetimeSeconds: 600,
      attributes: { topic: "x" },
    });
    expect(lastBody("CreateRoom")).toEqual({
      FromUserId: owner,
      RoomId: roomId,
      RoomName: "Launch",
      DestroyDelayTime: 600,
      Attributes: [{ Key: "topic", Value: "x", AutoDelete: 0 }],
    });
    // ZIM reads back no name, owner or creation time.
    expect(await zego.adapter.getLiveRoom({ roomId })).toEqual({
      id: roomId,
      name: null,
      ownerId: null,
      createdAt: null,
      memberCount: 0,
      allMuted: null,
      idleLifetimeSeconds: null,
    });
    expect(await zego.adapter.getLiveRoomAttributes({ roomId })).toEqual({ topic: "x" });
    await expect(zego.adapter.createLiveRoom({ roomId, ownerId: owner })).rejects.toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "660300014",
    });
  });

  it("refuses before any call: no owner, too long an idle lifetime, a muted start", async () => {
    const before = requestCount(zego.emulator);
    const roomId = zego.id("lr");
    await expect(zego.adapter.createLiveRoom({ roomId })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      field: "ownerId",
    });
    await expect(
      zego.adapter.createLiveRoom({ roomId, ownerId: "a", idleLifetimeSeconds: 10_801 }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "idleLifetimeSeconds" });
    await expect(
      zego.adapter.createLiveRoom({ roomId, ownerId: "a", name: "n".repeat(65) }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
    await expect(
      zego.adapter.createLiveRoom({ roomId, ownerId: "a", allMuted: true }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    expect(requestCount(zego.emulator)).toBe(before);
  });

  it("an emptied room in its destroy delay (660300008) exists with no members", async () => {
    const r = await room(1, 60);
    zego.emulator.logout({ userId: r.members[0] as string, roomId: r.roomId });
    expect(await zego.adapter.getLiveRoom({ roomId: r.roomId })).toMatchObject({ memberCount: 0 });
    expect(await zego.adapter.listLiveRoomMembers({ roomId: r.roomId })).toEqual({
      items: [],
      nextCursor: null,
    });
    zego.emulator.setClock({ advanceMs: 61_000 }); // within the signature window
    expect(await zego.adapter.getLiveRoom({ roomId: r.roomId })).toBeNull();
    await expect(zego.adapter.listLiveRoomMembers({ roomId: r.roomId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(zego.adapter.destroyLiveRoom({ roomId: r.roomId })).rejects.toMatchObject({
      code: "NOT_FOUND",
      vendorCode: "660300001",
    });
  });

  it("pages members by NextFlag, keeping the first page's Limit", async () => {
    const r = await room(5);
    const first = await zego.adapter.listLiveRoomMembers({ roomId: r.roomId, limit: 2 });
    // A larger limit on a later page is ignored: ZIM wants the same Limit throughout.
    const second = await zego.adapter.listLiveRoomMembers({
      roomId: r.roomId,
      limit: 50,
      cursor: first.nextCursor,
    });
    const third = await zego.adapter.listLiveRoomMembers({
      roomId: r.roomId,
      cursor: second.nextCursor,
    });
    expect([first, second, third].map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(third.nextCursor).toBeNull();
    expect([...first.items, ...second.items, ...third.items].map((m) => m.userId)).toEqual(
      r.members,
    );
    expect(
      zego.emulator
        .requests({ route: "zim:QueryRoomUserList" })
        .slice(-3)
        .map((q) => q.query.Limit),
    ).toEqual(["2", "2", "2"]);
    await expect(
      zego.adapter.listLiveRoomMembers({ roomId: r.roomId, cursor: "forged" }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "cursor" });
    // A smaller one would be answered the first page's size: refused, as is a page size
    // ZEGO never takes.
    await expect(
      zego.adapter.listLiveRoomMembers({ roomId: r.roomId, limit: 1, cursor: first.nextCursor }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "limit" });
    const given = JSON.parse(Buffer.from(first.nextCursor as string, "base64url").toString());
    for (const l of [-1, 0, 501]) {
      const cursor = Buffer.from(JSON.stringify({ ...given, l })).toString("base64url");
      await expect(
        zego.adapter.listLiveRoomMembers({ roomId: r.roomId, cursor }),
      ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "cursor" });
    }
  });

  it("checks members 10 per call: out of the room or never logged in is false", async () => {
    const r = await room(2);
    const [outside] = (await zego.users(1)) as [string];
    const answers = await zego.adapter.checkLiveRoomMembers({
      roomId: r.roomId,
      userIds: [outside, ...r.members, "nobody-here"],
    });
    expect(answers.map((a) => (a.ok ? a.value : a.error.code))).toEqual([false, true, true, false]);
    await expect(
      zego.adapter.checkLiveRoomMembers({ roomId: zego.id("none"), userIds: [outside] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("kicks with KickoutRoomUser: reason ≤ 32 bytes, a user already out counts as removed", async () => {
    const r = await room(2);
    const [first, second] = r.members as [string, string];
    const kicked = await zego.adapter.kickLiveRoomMembers({
      roomId: r.roomId,
      userIds: [first],
      reason: "spam",
      actorId: r.owner,
    });
    expect(kicked).toEqual([{ key: first, ok: true, value: true }]);
    expect(zego.emulator.requests({ route: "zim:KickoutRoomUser" }).at(-1)?.query).toMatchObject({
      CustomReason: "spam",
      FromUserId: r.owner,
    });
    // Nobody listed is in the room: ZIM answers 660300002, already done.
    const again = await zego.adapter.kickLiveRoomMembers({ roomId: r.roomId, userIds: [first] });
    expect(again.every((a) => a.ok)).toBe(true);
    await expect(
      zego.adapter.kickLiveRoomMembers({
        roomId: r.roomId,
        userIds: [second],
        reason: "x".repeat(33),
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    await expect(
      zego.adapter.kickLiveRoomMembers({
        roomId: r.roomId,
        userIds: Array.from({ length: 51 }, (_, i) => `u${i}`),
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "userIds" });
  });

  it("sends with Priority 1 / 2 / 3 for LOW / NORMAL / HIGH, seen by the sender's clients too", async () => {
    const r = await room(1);
    for (const priority of ["LOW", undefined, "HIGH"] as const) {
      const sent = await zego.adapter.sendLiveRoomMessage({
        roomId: r.roomId,
        from: r.owner,
        content: { type: "TEXT", text: "hi" },
        ...(priority ? { priority } : {}),
      });
      expect(sent).toEqual({ messageId: null });
    }
    const bodies = zego.emulator
      .requests({ route: "zim:SendRoomMessage" })
      .slice(-3)
      .map((q) => JSON.parse(q.body ?? "{}") as { Priority: number; SenderUnaware: number });
    expect(bodies.map((b) => [b.Priority, b.SenderUnaware])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
    await expect(
      zego.adapter.sendLiveRoomMessage({
        roomId: zego.id("none"),
        from: r.owner,
        content: { type: "TEXT", text: "hi" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", vendorCode: "660300001" });
  });

  it("writes attributes as the actor (an admin's: operatorUserId), refusing a 17th key before the write", async () => {
    const r = await room(0);
    // An admin's call names no actor: the app's operatorUserId acts, else it cannot.
    await zego.adapter.setLiveRoomAttributes({ roomId: r.roomId, attributes: { a: "1" } });
    expect(lastBody("ModifyRoomAttribute")).toMatchObject({ FromUserId: OPERATOR_ID });
    await zego.adapter.removeLiveRoomAttributes({ roomId: r.roomId, keys: ["a"] });
    expect(lastBody("ModifyRoomAttribute")).toMatchObject({ FromUserId: OPERATOR_ID });
    const unset = zegoAdapter(zego.emulator, { operatorUserId: undefined });
    await expect(
      unset.setLiveRoomAttributes({ roomId: r.roomId, attributes: { a: "1" } }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    await unset.close();
    const sixteen = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, "v"]));
    await zego.adapter.setLiveRoomAttributes({
      roomId: r.roomId,
      attributes: sixteen,
      actorId: r.owner,
    });
    expect(lastBody("ModifyRoomAttribute")).toMatchObject({ FromUserId: r.owner, StopOnError: 0 });
    const writes = zego.emulator.requests({ route: "zim:ModifyRoomAttribute" }).length;
    await expect(
      zego.adapter.setLiveRoomAttributes({
        roomId: r.roomId,
        attributes: { extra: "1" },
        actorId: r.owner,
      }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED" });
    expect(zego.emulator.requests({ route: "zim:ModifyRoomAttribute" })).toHaveLength(writes);
    // Removing a key the room does not have is done already.
    await zego.adapter.removeLiveRoomAttributes({
      roomId: r.roomId,
      keys: ["k0", "gone"],
      actorId: r.owner,
    });
    expect(
      Object.keys(await zego.adapter.getLiveRoomAttributes({ roomId: r.roomId })),
    ).toHaveLength(15);
    await expect(
      zego.adapter.getLiveRoomAttributes({ roomId: zego.id("none") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
