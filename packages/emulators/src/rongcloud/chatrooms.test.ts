import { describe, expect, it } from "vitest";
import { ok } from "../testing/rongcloud-client.js";
import { useRongCloud } from "../testing/rongcloud-setup.js";

const fx = useRongCloud();

/** Creates chatroom `chatroomId` with the other create_new `fields`; answered 200. */
const createRoom = async (chatroomId: string, fields: Record<string, unknown> = {}) =>
  ok(await fx.rc.post("/chatroom/create_new.json", { chatroomId, ...fields }));

describe("chatrooms (§2.4)", () => {
  it("create_new, get, members from simulated clients, exist checks, destroy", async () => {
    await createRoom("r1", {
      destroyType: 1,
      destroyTime: 120,
      isBan: "true",
      whiteUserIds: ["w"],
    });
    fx.emu.login({ userId: "a", chatroomId: "r1" });
    fx.emu.setClock({ advanceMs: 1000 });
    fx.emu.login({ userId: "b", chatroomId: "r1" });
    const info = ok(await fx.rc.post("/chatroom/get.json", { chatroomId: "r1" }));
    expect(info).toMatchObject({
      chatroomId: "r1",
      memberCount: 2,
      destroyType: 1,
      destroyTime: 120,
      ban: true,
    });
    const asc = ok(
      await fx.rc.post("/chatroom/user/query.json", { chatroomId: "r1", count: 10, order: 1 }),
    );
    expect(asc.total).toBe(2);
    expect(asc.users.map((u: { id: string }) => u.id)).toEqual(["a", "b"]);
    expect(asc.users[0].time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const desc = ok(
      await fx.rc.post("/chatroom/user/query.json", { chatroomId: "r1", count: 1, order: 2 }),
    );
    expect(desc.users.map((u: { id: string }) => u.id)).toEqual(["b"]);
    expect(
      ok(await fx.rc.post("/chatroom/user/exist.json", { chatroomId: "r1", userId: "a" })).isInChrm,
    ).toBe(true);
    expect(
      ok(await fx.rc.post("/chatroom/user/exist.json", { chatroomId: "r1", userId: "z" })).isInChrm,
    ).toBe(false);
    expect(
      ok(await fx.rc.post("/chatroom/users/exist.json", { chatroomId: "r1", userId: ["a", "z"] }))
        .result,
    ).toEqual([
      { userId: "a", isInChrm: 1 },
      { userId: "z", isInChrm: 0 },
    ]);
    fx.emu.logout({ userId: "a", chatroomId: "r1" });
    expect(ok(await fx.rc.post("/chatroom/get.json", { chatroomId: "r1" })).memberCount).toBe(1);
    ok(await fx.rc.post("/chatroom/destroy.json", { chatroomId: ["r1", "unknown"] }));
    const gone = await fx.rc.post("/chatroom/get.json", { chatroomId: "r1" });
    expect([gone.status, gone.body.code]).toEqual([200, 23410]);
  });

  it("legacy create with chatroom[<id>]=<name> and legacy query", async () => {
    ok(
      await fx.rc.postRaw("/chatroom/create.json", "chatroom%5Bc1%5D=Lobby&chatroom%5Bc2%5D=Hall"),
    );
    const q = ok(await fx.rc.post("/chatroom/query.json", { chatroomId: ["c1", "c2", "nope"] }));
    expect(q.chatRooms.map((r: { chrmId: string; name: string }) => [r.chrmId, r.name])).toEqual([
      ["c1", "Lobby"],
      ["c2", "Hall"],
    ]);
    expect(q.chatRooms[0].time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect((await fx.rc.postRaw("/chatroom/create.json", "x=1")).body.code).toBe(1002);
  });

  it("destroys rooms by the clock: fixed time (type 1) and inactivity (type 0)", async () => {
    await createRoom("fixed", { destroyType: 1, destroyTime: 60 });
    await createRoom("idle", { destroyTime: 60 });
    await createRoom("busy", { destroyTime: 60 });
    fx.emu.login({ userId: "a", chatroomId: "busy" });
    fx.emu.setClock({ advanceMs: 61 * 60_000 });
    const q = ok(
      await fx.rc.post("/chatroom/query.json", { chatroomId: ["fixed", "idle", "busy"] }),
    );
    expect(q.chatRooms.map((r: { chrmId: string }) => r.chrmId)).toEqual(["busy"]);
  });

  it("validates parameters", async () => {
    expect(
      (await fx.rc.post("/chatroom/create_new.json", { chatroomId: "r", destroyTime: 59 })).body
        .code,
    ).toBe(1002);
    expect(
      (await fx.rc.post("/chatroom/create_new.json", { chatroomId: "r", destroyTime: 10801 })).body
        .code,
    ).toBe(1002);
    expect(
      (await fx.rc.post("/chatroom/create_new.json", { chatroomId: "r", destroyType: 2 })).body
        .code,
    ).toBe(1002);
    expect(
      (await fx.rc.post("/chatroom/create_new.json", { chatroomId: "r".repeat(65) })).body.code,
    ).toBe(1005);
    const wl = Array.from({ length: 21 }, (_, i) => `w${i}`);
    expect(
      (await fx.rc.post("/chatroom/create_new.json", { chatroomId: "r", whiteUserIds: wl })).body
        .code,
    ).toBe(1002);
    expect(
      (await fx.rc.post("/chatroom/user/query.json", { chatroomId: "r", count: 501, order: 1 }))
        .body.code,
    ).toBe(1002);
    expect(
      (await fx.rc.post("/chatroom/user/query.json", { chatroomId: "r", count: 5, order: 3 })).body
        .code,
    ).toBe(1002);
    expect(
      (await fx.rc.post("/chatroom/user/query.json", { chatroomId: "r", count: 5 })).body.code,
    ).toBe(1002);
    expect((await fx.rc.post("/chatroom/user/exist.json", { chatroomId: "r" })).body.code).toBe(
      1002,
    );
  });
});
