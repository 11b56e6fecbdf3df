import { beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, TEST_APP_ID, useZego } from "./test-support.js";

const fx = useZego();
beforeEach(() => {
  fx.emu.seed({ users: [{ userId: "a", userName: "A" }, { userId: "b" }, { userId: "c" }] });
});

describe("ZIM rooms", () => {
  it("CreateRoom / QueryRoomUserList / QueryRoomMembers / KickoutRoomUser / DestroyRoom", async () => {
    const created = await fx.zim.post("CreateRoom", {
      FromUserId: "a",
      RoomId: "r1",
      RoomName: "Room",
      Attributes: [{ Key: "k", Value: "v" }],
    });
    expect(created.body).toMatchObject({ Code: 0, AttributeSeq: 1 });
    expect((await fx.zim.post("CreateRoom", { FromUserId: "a", RoomId: "r1" })).body.Code).toBe(
      660300014,
    );
    expect(
      (await fx.zim.post("CreateRoom", { FromUserId: "a", RoomId: "r2", DestroyDelayTime: 10_801 }))
        .body.Code,
    ).toBe(660000002);
    // The creator is not auto-joined; clients join through the simulated login.
    expect((await fx.zim.get("QueryRoomUserList", { RoomId: "r1" })).body).toMatchObject({
      Count: 0,
      UserList: [],
    });
    await fx.emu.login({ userId: "a", roomId: "r1" });
    fx.emu.setClock({ advanceMs: 5 });
    await fx.emu.login({ userId: "b", roomId: "r1" });
    const list = await fx.zim.get("QueryRoomUserList", {
      RoomId: "r1",
      Mode: 1,
      Limit: 1,
      NextFlag: "",
    });
    expect(list.body).toMatchObject({ Count: 2, NextFlag: "1", UserList: [{ UserId: "b" }] });
    const list2 = await fx.zim.get("QueryRoomUserList", {
      RoomId: "r1",
      Mode: 1,
      Limit: 1,
      NextFlag: list.body.NextFlag as string,
    });
    expect(list2.body).toMatchObject({ NextFlag: "0", UserList: [{ UserId: "a", UserName: "A" }] });
    const members = await fx.zim.get("QueryRoomMembers", { RoomId: "r1", UserId: ["a", "c"] });
    expect(members.body).toMatchObject({
      Code: 0,
      UserList: [{ user_id: "a", user_name: "A", avatar: "", extra: "" }],
      ErrorList: [{ UserId: "c", SubCode: 660300012 }],
    });
    expect(
      (
        await fx.zim.get("QueryRoomMembers", {
          RoomId: "r1",
          UserId: Array.from({ length: 11 }, (_, i) => `u${i}`),
        })
      ).body.Code,
    ).toBe(660000011);
    expect((await fx.zim.get("KickoutRoomUser", { RoomId: "r1", UserId: ["c"] })).body.Code).toBe(
      660300002,
    );
    expect((await fx.zim.get("KickoutRoomUser", { RoomId: "nope", UserId: ["a"] })).body.Code).toBe(
      660300001,
    );
    const kick = await fx.zim.get("KickoutRoomUser", {
      RoomId: "r1",
      UserId: ["b", "c"],
      FromUserId: "a",
    });
    expect(kick.body).toMatchObject({ Code: 0, ErrorList: [{ UserId: "c", SubCode: 660300002 }] });
    expect((await fx.zim.get("QueryRoomUserList", { RoomId: "r1" })).body.Count).toBe(1);
    expect((await fx.zim.get("DestroyRoom", { RoomId: "r1" })).body.Code).toBe(0);
    expect((await fx.zim.get("DestroyRoom", { RoomId: "r1" })).body.Code).toBe(660300001);
    expect((await fx.zim.get("QueryRoomUserList", { RoomId: "r1" })).body.Code).toBe(660300001);
  });

  it("a client-made room disappears with its last user; logout leaves rooms", async () => {
    await fx.emu.login({ userId: "a", roomId: "live" });
    expect((await fx.zim.get("QueryRoomUserList", { RoomId: "live" })).body.Count).toBe(1);
    await fx.emu.logout({ userId: "a" });
    expect((await fx.zim.get("QueryRoomUserList", { RoomId: "live" })).body.Code).toBe(660300001);
  });

  it("refuses rooms beyond the app's room limit", async () => {
    const limited = await startTestEmulator({}, { roomLimit: 1 });
    try {
      limited.emu.seed({ users: [{ userId: "a" }] });
      expect(
        (await limited.zim.post("CreateRoom", { FromUserId: "a", RoomId: "r1" })).body.Code,
      ).toBe(0);
      expect(
        (await limited.zim.post("CreateRoom", { FromUserId: "a", RoomId: "r2" })).body.Code,
      ).toBe(660300015);
    } finally {
      await limited.emu.close();
    }
  });
});

describe("RTC rooms (results under Data)", () => {
  const join = (userId: string, roomId = "live", role = 1) =>
    fx.emu.login({ product: "rtc", userId, roomId, userName: userId.toUpperCase(), role });

  beforeEach(async () => {
    await join("host", "live", 1);
    fx.emu.setClock({ advanceMs: 5 });
    await join("aud", "live", 2);
    fx.emu.setClock({ advanceMs: 5 });
    await join("adm", "live", 4);
  });

  it("DescribeUserNum counts users and admins; missing room → 0", async () => {
    const res = await fx.zim.get("DescribeUserNum", { RoomId: ["live", "empty"] });
    expect(res.body).toMatchObject({
      Code: 0,
      Data: {
        UserCountList: [
          { RoomId: "live", UserCount: 3, AdminUserCount: 1 },
          { RoomId: "empty", UserCount: 0, AdminUserCount: 0 },
        ],
      },
    });
    expect(
      (
        await fx.zim.get("DescribeUserNum", {
          RoomId: Array.from({ length: 11 }, (_, i) => `r${i}`),
        })
      ).body.Code,
    ).toBe(2);
    expect((await fx.zim.get("DescribeUserNum", {})).body.Code).toBe(2);
  });

  it("DescribeUserList pages by login time with Marker", async () => {
    const p1 = await fx.zim.get("DescribeUserList", {
      RoomId: "live",
      Mode: 0,
      Limit: 2,
      Marker: "",
    });
    const d1 = p1.body.Data as { Marker: string; UserList: { UserId: string; UserRole: number }[] };
    expect(d1.UserList.map((u) => u.UserId)).toEqual(["host", "aud"]);
    expect(d1.Marker).not.toBe("");
    fx.emu.setClock({ advanceMs: 1_000 }); // 1/s per room
    const p2 = await fx.zim.get("DescribeUserList", {
      RoomId: "live",
      Mode: 0,
      Limit: 2,
      Marker: d1.Marker,
    });
    expect(p2.body.Data).toMatchObject({
      Marker: "",
      UserList: [{ UserId: "adm", UserName: "ADM", UserRole: 4 }],
    });
    fx.emu.setClock({ advanceMs: 1_000 });
    const desc = await fx.zim.get("DescribeUserList", { RoomId: "live", Mode: 1 });
    expect((desc.body.Data as typeof d1).UserList.map((u) => u.UserId)).toEqual([
      "adm",
      "aud",
      "host",
    ]);
    expect((await fx.zim.get("DescribeUserList", { RoomId: "none" })).body.Data).toEqual({
      Marker: "",
      UserList: [],
    });
    expect((await fx.zim.get("DescribeUserList", { RoomId: "live2", Limit: 201 })).body.Code).toBe(
      2,
    );
  });

  it("DescribeUsers reports in/out", async () => {
    const res = await fx.zim.get("DescribeUsers", { RoomId: "live", UserId: ["aud", "nobody"] });
    const list = (res.body.Data as { UserStatusList: Record<string, unknown>[] }).UserStatusList;
    expect(list[0]).toMatchObject({ UserId: "aud", Status: 1, UserRole: 2 });
    expect(list[0]?.LoginTime).toBeGreaterThan(0);
    expect(list[1]).toMatchObject({ UserId: "nobody", Status: 0 });
  });

  it("KickoutUser removes users; more than 5 → 50011; long reason → 3", async () => {
    expect(
      (await fx.zim.get("KickoutUser", { RoomId: "live", UserId: ["aud"], CustomReason: "bye" }))
        .body,
    ).toMatchObject({ Code: 0 });
    const num = await fx.zim.get("DescribeUserNum", { RoomId: ["live"] });
    expect(num.body.Data).toMatchObject({ UserCountList: [{ UserCount: 2 }] });
    expect(
      (await fx.zim.get("KickoutUser", { RoomId: "live", UserId: ["1", "2", "3", "4", "5", "6"] }))
        .body.Code,
    ).toBe(50011);
    expect(
      (
        await fx.zim.get("KickoutUser", {
          RoomId: "live",
          UserId: ["host"],
          CustomReason: "r".repeat(257),
        })
      ).body.Code,
    ).toBe(3);
  });

  it("SendCustomCommand reports offline targets in FailUsers", async () => {
    const res = await fx.zim.get("SendCustomCommand", {
      RoomId: "live",
      FromUserId: "srv",
      ToUserId: ["aud", "gone"],
      MessageContent: "ping",
    });
    expect(res.body).toMatchObject({
      Code: 0,
      Data: { FailUsers: [{ Uid: "gone", Code: 50003 }] },
    });
    const all = await fx.zim.get("SendCustomCommand", {
      RoomId: "live",
      FromUserId: "host",
      MessageContent: "all",
    });
    expect(all.body.Data).toEqual({ FailUsers: [] });
    const state = fx.emu.state(String(TEST_APP_ID)) as { signals: { to: string[] }[] };
    expect(state.signals.at(-1)?.to).toEqual(["aud", "adm"]); // the sender does not receive its own
    expect(
      (
        await fx.zim.get("SendCustomCommand", {
          RoomId: "live",
          FromUserId: "s",
          MessageContent: "",
        })
      ).body.Code,
    ).toBe(1008);
    expect(
      (
        await fx.zim.get("SendCustomCommand", {
          RoomId: "live",
          FromUserId: "s",
          MessageContent: "x".repeat(1025),
        })
      ).body.Code,
    ).toBe(50012);
    expect(
      (
        await fx.zim.get("SendCustomCommand", {
          RoomId: "live",
          FromUserId: "s",
          ToUserId: Array.from({ length: 11 }, (_, i) => `u${i}`),
          MessageContent: "x",
        })
      ).body.Code,
    ).toBe(50011);
    expect(
      (
        await fx.zim.get("SendCustomCommand", {
          RoomId: "none",
          FromUserId: "s",
          MessageContent: "x",
        })
      ).body.Code,
    ).toBe(50001);
  });

  it("SendBroadcastMessage (integer id) and SendBarrageMessage (string id)", async () => {
    const msg = {
      RoomId: "live",
      UserId: "srv",
      UserName: "Server",
      MessageCategory: 1,
      MessageContent: "hello room",
    };
    const b = await fx.zim.get("SendBroadcastMessage", msg);
    expect(b.body.Code).toBe(0);
    expect(typeof (b.body.Data as { MessageId: unknown }).MessageId).toBe("number");
    const r = await fx.zim.get("SendBarrageMessage", { ...msg, MessageCategory: 2 });
    expect((r.body.Data as { MessageId: string }).MessageId).toMatch(/^1_\d+_\d+$/);
    expect(
      (await fx.zim.get("SendBroadcastMessage", { ...msg, MessageCategory: 3 })).body.Code,
    ).toBe(2);
    expect((await fx.zim.get("SendBroadcastMessage", { ...msg, RoomId: "none" })).body.Code).toBe(
      104,
    );
    expect((await fx.zim.get("SendBarrageMessage", { ...msg, MessageContent: "" })).body.Code).toBe(
      1008,
    );
  });

  it("CloseRoom empties the room; a missing room is 5024", async () => {
    expect(
      (await fx.zim.get("CloseRoom", { RoomId: "live", CustomReason: "done" })).body.Code,
    ).toBe(0);
    expect((await fx.zim.get("DescribeUserNum", { RoomId: ["live"] })).body.Data).toMatchObject({
      UserCountList: [{ UserCount: 0 }],
    });
    expect((await fx.zim.get("CloseRoom", { RoomId: "live" })).body.Code).toBe(5024);
  });

  it("AddStream / DeleteStream / DescribeSimpleStreamList (1 per 10 s per room)", async () => {
    const add = (p: Record<string, string>) =>
      fx.zim.get("AddStream", { RoomId: "live", UserId: "host", StreamId: "s1", ...p });
    expect((await add({ StreamTitle: "Main" })).body.Code).toBe(0);
    expect((await add({ UserId: "aud" })).body.Code).toBe(1012);
    expect((await add({ StreamId: "x".repeat(257) })).body.Code).toBe(3);
    expect((await add({ RoomId: "none" })).body.Code).toBe(104);
    await fx.emu.login({ product: "rtc", userId: "aud", roomId: "live", streamId: "s2" });
    const list = await fx.zim.get("DescribeSimpleStreamList", { RoomId: "live" });
    const streams = (
      list.body.Data as {
        StreamList: { StreamId: string; UserId: string; StreamNumberId: number }[];
      }
    ).StreamList;
    expect(streams.map((s) => [s.StreamId, s.UserId])).toEqual([
      ["s1", "host"],
      ["s2", "aud"],
    ]);
    expect(streams[0]?.StreamNumberId).toBeGreaterThan(0);
    // Rate limits are off in this suite: turn them on to see the per-room throttle.
    fx.emu.setRateLimits(true);
    try {
      expect((await fx.zim.get("DescribeSimpleStreamList", { RoomId: "live" })).body.Code).toBe(0);
      expect((await fx.zim.get("DescribeSimpleStreamList", { RoomId: "live" })).body.Code).toBe(
        207,
      );
      fx.emu.setClock({ advanceMs: 10_000 });
      expect((await fx.zim.get("DescribeSimpleStreamList", { RoomId: "live" })).body.Code).toBe(0);
    } finally {
      fx.emu.setRateLimits(false);
    }
    expect(
      (await fx.zim.get("DeleteStream", { RoomId: "live", UserId: "host", StreamId: "s1" })).body
        .Code,
    ).toBe(0);
    expect(
      (await fx.zim.get("DeleteStream", { RoomId: "live", UserId: "host", StreamId: "s1" })).body
        .Code,
    ).toBe(138);
    // A user's streams end when they leave.
    await fx.emu.logout({ product: "rtc", userId: "aud", roomId: "live" });
    expect((await fx.zim.get("DescribeSimpleStreamList", { RoomId: "live" })).body.Data).toEqual({
      StreamList: [],
    });
  });

  it("the room disappears with its last user", async () => {
    for (const id of ["host", "aud", "adm"])
      await fx.emu.logout({ product: "rtc", userId: id, roomId: "live" });
    expect((await fx.zim.get("CloseRoom", { RoomId: "live" })).body.Code).toBe(5024);
  });
});
