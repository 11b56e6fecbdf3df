import { describe, expect, it } from "vitest";
import { type Form, ok, rcClient, textMessage } from "../testing/rongcloud-client.js";
import { publishUid, queryHistory, texts } from "../testing/rongcloud-messages.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

const fx = useRongCloud({
  apps: [{ ...APP }, { appKey: "nostore", appSecret: "s", features: { cloudStorage: false } }],
});

const state = (userId: string, conversationType: number, targetId: string) =>
  fx.emu.conversationState({ userId, conversationType, targetId });
const history = async (kind: "private" | "group", userId: string, targetId: string) =>
  texts(ok(await queryHistory(fx, kind, { userId, targetId, pageSize: 100 })));
const sendPrivate = (from: string, to: string, text: string) =>
  publishUid(fx, "private", { fromUserId: from, toUserId: to, ...textMessage(text) });

describe("/conversation/top/set.json (§1.2)", () => {
  it("pins and unpins one user's conversation; the peer's stays unpinned", async () => {
    await sendPrivate("b", "a", "hi");
    const pin = { userId: "a", conversationType: 1, targetId: "b" };
    ok(await fx.rc.post("/conversation/top/set.json", { ...pin, setTop: "true" }));
    expect(state("a", 1, "b")).toMatchObject({ pinned: true, unreadCount: null });
    expect(state("b", 1, "a")).toMatchObject({ pinned: false });
    ok(await fx.rc.post("/conversation/top/set.json", { ...pin, setTop: "false" }));
    expect(state("a", 1, "b")?.pinned).toBe(false);
    const stored = fx.emu.state(APP.appKey) as {
      conversations: Record<string, Record<string, { top: { top: boolean; topTime: number } }>>;
    };
    expect(stored.conversations.a?.["1:b"]?.top).toEqual({
      top: false,
      topTime: expect.any(Number),
    });
  });

  it("pins a conversation without messages (U10); a user with neither has no conversation", async () => {
    expect(state("a", 3, "g1")).toBeNull();
    ok(
      await fx.rc.post("/conversation/top/set.json", {
        userId: "a",
        conversationType: 3,
        targetId: "g1",
        setTop: true,
      }),
    );
    expect(state("a", 3, "g1")).toEqual({
      unreadCount: null,
      pinned: true,
      doNotDisturb: false,
      unpushLevel: 0,
      messageCount: 0,
    });
  });

  it("validates: required fields, conversation types 1/3/6, 64-byte ids", async () => {
    const good = { userId: "a", conversationType: 1, targetId: "b", setTop: "true" };
    for (const [form, code] of [
      [{ ...good, setTop: undefined }, 1002],
      [{ ...good, setTop: "yes" }, 1002],
      [{ ...good, userId: undefined }, 1002],
      [{ ...good, targetId: undefined }, 1002],
      [{ ...good, conversationType: 4 }, 1002],
      [{ ...good, conversationType: undefined }, 1002],
      [{ ...good, userId: "u".repeat(65) }, 1005],
    ] as const) {
      const res = await fx.rc.post("/conversation/top/set.json", form);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
    }
    ok(await fx.rc.post("/conversation/top/set.json", { ...good, conversationType: 6 }));
    expect((await fx.rc.post("/conversation/top/set.json", {})).body.code).toBe(1003);
  });
});

describe("/conversation/notification/{set,get}.json (§1.3)", () => {
  const conv = { conversationType: 3, requestId: "a", targetId: "g1" };
  const level = async (requestId = "a") =>
    ok(await fx.rc.post("/conversation/notification/get.json", { ...conv, requestId })).isMuted;

  it("sets every unpushLevel per user; get answers it as isMuted (0 when never set)", async () => {
    expect(await level()).toBe(0);
    for (const unpushLevel of [5, 1, 2, 4, -1, 0]) {
      ok(await fx.rc.post("/conversation/notification/set.json", { ...conv, unpushLevel }));
      expect(await level()).toBe(unpushLevel);
    }
    ok(await fx.rc.post("/conversation/notification/set.json", { ...conv, unpushLevel: 5 }));
    expect(state("a", 3, "g1")).toMatchObject({ doNotDisturb: true, unpushLevel: 5 });
    expect(await level("b")).toBe(0);
  });

  it("isMuted alone maps 1 → 5 and 0 → 0; with both, unpushLevel wins (U4)", async () => {
    ok(await fx.rc.post("/conversation/notification/set.json", { ...conv, isMuted: 1 }));
    expect(await level()).toBe(5);
    ok(await fx.rc.post("/conversation/notification/set.json", { ...conv, isMuted: 0 }));
    expect(await level()).toBe(0);
    ok(
      await fx.rc.post("/conversation/notification/set.json", {
        ...conv,
        isMuted: 1,
        unpushLevel: 2,
      }),
    );
    expect(await level()).toBe(2);
    expect(state("a", 3, "g1")?.doNotDisturb).toBe(true);
  });

  it("validates levels, types (1, 3, 6, 10) and required fields with 1002", async () => {
    for (const form of [
      { ...conv, unpushLevel: 3 },
      { ...conv, unpushLevel: "x" },
      { ...conv, isMuted: 2 },
      { ...conv },
      { ...conv, conversationType: 4, unpushLevel: 5 },
      { ...conv, requestId: undefined, unpushLevel: 5 },
      { ...conv, targetId: undefined, unpushLevel: 5 },
    ]) {
      const res = await fx.rc.post("/conversation/notification/set.json", form);
      expect(res.body.code).toBe(1002);
    }
    ok(
      await fx.rc.post("/conversation/notification/set.json", {
        ...conv,
        conversationType: 10,
        unpushLevel: 1,
      }),
    );
    const get = await fx.rc.post("/conversation/notification/get.json", { ...conv, requestId: "" });
    expect(get.body.code).toBe(1002);
  });
});

describe("/conversation/message/history/clean.json (§2.5)", () => {
  const CLEAN = "/conversation/message/history/clean.json";
  /** Cleans `fromUserId`'s copy of a conversation (`form` adds to the call); answered OK. */
  const clean = async (
    conversationType: number,
    fromUserId: string,
    targetId: string,
    form: Form = {},
  ) => ok(await fx.rc.post(CLEAN, { conversationType, fromUserId, targetId, ...form }));

  it("clears one user's copy of a private conversation; the peer keeps theirs", async () => {
    await sendPrivate("b", "a", "one");
    await sendPrivate("a", "b", "two");
    expect(state("a", 1, "b")?.messageCount).toBe(2);
    await clean(1, "a", "b");
    expect(state("a", 1, "b")).toMatchObject({ messageCount: 0 });
    expect(await history("private", "a", "b")).toEqual([]);
    expect(await history("private", "b", "a")).toEqual(["one", "two"]);
    expect(state("b", 1, "a")?.messageCount).toBe(2);
    // Later messages are in the user's copy again.
    await sendPrivate("b", "a", "three");
    expect(await history("private", "a", "b")).toEqual(["three"]);
  });

  it("with msgTimestamp clears only what was sent before it", async () => {
    await sendPrivate("b", "a", "old");
    fx.emu.setClock({ advanceMs: 1000 });
    const cut = fx.emu.now();
    await sendPrivate("b", "a", "new");
    await clean(1, "a", "b", { msgTimestamp: cut });
    expect(await history("private", "a", "b")).toEqual(["new"]);
    expect(state("a", 1, "b")?.messageCount).toBe(1);
  });

  it("clears a group for one member; a chatroom (type 4) for everyone", async () => {
    ok(
      await fx.rc.post("/group/create.json", { userId: ["a", "b"], groupId: "g1", groupName: "G" }),
    );
    ok(await fx.rc.publish("group", { fromUserId: "b", toGroupId: "g1", ...textMessage("hey") }));
    expect(state("a", 3, "g1")?.messageCount).toBe(1);
    await clean(3, "a", "g1");
    expect(await history("group", "a", "g1")).toEqual([]);
    expect(await history("group", "b", "g1")).toEqual(["hey"]);

    ok(await fx.rc.post("/chatroom/create_new.json", { chatroomId: "r1" }));
    ok(await fx.rc.publish("chatroom", { fromUserId: "b", toChatroomId: "r1" }));
    await clean(4, "op", "r1");
    const room = ok(await queryHistory(fx, "chatroom", { userId: "b", targetId: "r1" }));
    expect(room.data).toEqual([]);
  });

  it("validates fields with 1002; needs cloud storage (430/1009 without)", async () => {
    const good = { conversationType: 1, fromUserId: "a", targetId: "b" };
    for (const form of [
      { ...good, conversationType: 2 },
      { ...good, fromUserId: undefined },
      { ...good, targetId: undefined },
      { ...good, msgTimestamp: "yesterday" },
      { ...good, msgTimestamp: -1 },
    ]) {
      expect((await fx.rc.post(CLEAN, form)).body.code).toBe(1002);
    }
    const bare = rcClient({ url: fx.emu.url, appKey: "nostore", appSecret: "s" });
    const off = await bare.post(CLEAN, good);
    expect(off.status).toBe(430);
    expect(off.body.code).toBe(1009);
  });
});

describe("conversation endpoints RongCloud does not have (§1.1)", () => {
  it("answers 404 for list, unread and delete paths nobody documents", async () => {
    for (const path of [
      "/conversation/list.json",
      "/conversation/unread/get.json",
      "/conversation/delete.json",
    ]) {
      const res = await fx.rc.post(path, { userId: "a" });
      expect(res.status).toBe(404);
    }
  });
});
