import { beforeEach, describe, expect, it } from "vitest";
import { ids, TEST_APP_ID, useZego } from "./test-support.js";

// ZIM rooms as imgraph's live rooms (#17 §L): destroy delay, attributes, room messages.
const fx = useZego();
beforeEach(() => {
  fx.emu.seed({ users: [{ userId: "a" }, { userId: "b" }, { userId: "c" }] });
});

interface RoomState {
  roomId: string;
  messages: Array<{ from: string; body: string; priority: number; senderUnaware: boolean }>;
}
const roomOf = (roomId: string) =>
  (fx.emu.state(String(TEST_APP_ID)) as { zimRooms: RoomState[] }).zimRooms.find(
    (r) => r.roomId === roomId,
  );

describe("ZIM live rooms", () => {
  it("an emptied room waits out DestroyDelayTime (660300008), then is gone (660300001)", async () => {
    await fx.zim.post("CreateRoom", { FromUserId: "a", RoomId: "d", DestroyDelayTime: 60 });
    await fx.emu.login({ userId: "b", roomId: "d" });
    await fx.emu.logout({ userId: "b", roomId: "d" });
    expect((await fx.zim.get("QueryRoomUserList", { RoomId: "d" })).body.Code).toBe(660300008);
    // Entering again during the delay keeps the room.
    await fx.emu.login({ userId: "c", roomId: "d" });
    expect((await fx.zim.get("QueryRoomUserList", { RoomId: "d" })).body.Count).toBe(1);
    await fx.emu.logout({ userId: "c", roomId: "d" });
    fx.emu.setClock({ advanceMs: 61_000 });
    expect((await fx.zim.get("QueryRoomUserList", { RoomId: "d" })).body.Code).toBe(660300001);
    // Without a delay the room goes with its last member.
    await fx.zim.post("CreateRoom", { FromUserId: "a", RoomId: "n" });
    await fx.emu.login({ userId: "b", roomId: "n" });
    await fx.zim.get("KickoutRoomUser", { RoomId: "n", UserId: ["b"] });
    expect((await fx.zim.get("QueryRoomUserList", { RoomId: "n" })).body.Code).toBe(660300001);
  });

  it("refuses more than 50 users per kick and more than 10 per member check", async () => {
    await fx.zim.post("CreateRoom", { FromUserId: "a", RoomId: "r" });
    const kick = await fx.zim.get("KickoutRoomUser", { RoomId: "r", UserId: ids(51) });
    expect(kick.body.Code).toBe(660000011);
    const check = await fx.zim.get("QueryRoomMembers", { RoomId: "r", UserId: ids(11) });
    expect(check.body.Code).toBe(660000011);
    const long = await fx.zim.get("KickoutRoomUser", {
      RoomId: "r",
      UserId: ["a"],
      CustomReason: "x".repeat(33),
    });
    // Refused for the reason's length, not for "a" being outside the room (660300002).
    expect(long.body.Code).toBe(660000002);
  });

  it("QueryRoomAttribute / ModifyRoomAttribute: per-key set and delete, seqs, limits", async () => {
    const created = await fx.zim.post("CreateRoom", {
      FromUserId: "a",
      RoomId: "r",
      Attributes: [
        { Key: "k1", Value: "v1" },
        { Key: "k2", Value: "v2", AutoDelete: 1 },
      ],
    });
    expect(created.body.AttributeSeq).toBe(2);
    const modify = await fx.zim.post("ModifyRoomAttribute", {
      FromUserId: "a",
      RoomId: "r",
      Attributes: [
        { Action: 0, Key: "k1", Value: "new" },
        { Action: 1, Key: "k2" },
        { Action: 0, Key: "k".repeat(17), Value: "x" },
        { Action: 0, Key: "big", Value: "x".repeat(1025) },
      ],
    });
    expect(modify.body).toMatchObject({
      Code: 0,
      AttributeSeq: 4,
      SuccKeyList: [
        { Key: "k1", Seq: 3 },
        { Key: "k2", Seq: 4 },
      ],
      ErrKeyList: [
        { SubCode: 1, Key: "k".repeat(17) },
        { SubCode: 1, Key: "big" },
      ],
    });
    const read = await fx.zim.post("QueryRoomAttribute", { FromUserId: "b", RoomId: "r" });
    expect(read.body).toMatchObject({
      AttributeSeq: 4,
      Attributes: [{ Key: "k1", Value: "new", Seq: 3, AutoDelete: 0 }],
    });
    // 16 keys per room at most (docs_all 929b3bf5c): k1 and m0..m14 fit, m15..m19 do not.
    const many = Array.from({ length: 20 }, (_, i) => ({ Action: 0, Key: `m${i}`, Value: "v" }));
    const over = await fx.zim.post("ModifyRoomAttribute", {
      FromUserId: "a",
      RoomId: "r",
      Attributes: many,
    });
    expect(over.body.ErrKeyList).toEqual(
      [15, 16, 17, 18, 19].map((i) => ({ SubCode: 2, Key: `m${i}` })),
    );
    expect(
      (await fx.zim.post("QueryRoomAttribute", { FromUserId: "a", RoomId: "nope" })).body.Code,
    ).toBe(660300001);
    expect(
      (
        await fx.zim.post("ModifyRoomAttribute", {
          FromUserId: "zz",
          RoomId: "r",
          Attributes: many,
        })
      ).body.Code,
    ).toBe(660500002);
  });

  it("an AutoDelete attribute goes when the user who set it leaves", async () => {
    await fx.zim.post("CreateRoom", { FromUserId: "a", RoomId: "r", DestroyDelayTime: 60 });
    await fx.zim.post("ModifyRoomAttribute", {
      FromUserId: "b",
      RoomId: "r",
      Attributes: [{ Action: 0, Key: "seat", Value: "1", AutoDelete: 1 }],
    });
    await fx.emu.login({ userId: "b", roomId: "r" });
    await fx.emu.logout({ userId: "b", roomId: "r" });
    const read = await fx.zim.post("QueryRoomAttribute", { FromUserId: "a", RoomId: "r" });
    expect(read.body.Attributes).toEqual([]);
  });

  it("SendRoomMessage delivers into the room with its priority; unknown room 660300001", async () => {
    await fx.zim.post("CreateRoom", { FromUserId: "a", RoomId: "r" });
    const send = (Priority: number, RoomId = "r") =>
      fx.zim.post("SendRoomMessage", {
        FromUserId: "a",
        RoomId,
        MessageType: 1,
        Priority,
        MessageBody: { Message: `p${Priority}` },
      });
    expect((await send(3)).body.Code).toBe(0);
    expect((await send(1)).body.Code).toBe(0);
    expect((await send(4)).body.Code).toBe(660000002);
    expect((await send(2, "nope")).body.Code).toBe(660300001);
    expect(roomOf("r")?.messages.map((m) => [m.body, m.priority, m.senderUnaware])).toEqual([
      ["p3", 3, true],
      ["p1", 1, true],
    ]);
  });
});
