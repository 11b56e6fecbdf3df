import { describe, expect, it, onTestFinished } from "vitest";
import { controlRequest } from "../testing/control.js";
import { messageSender, roam } from "../testing/tencent-messages.js";
import { type Body, createGroup, importUsers, ok, SDK_APP_ID, useTencent } from "./test-support.js";

const fx = useTencent();
const { c2c: send, group: sendGroup } = messageSender(fx);
const FIRST = { TimeStamp: 0, StartIndex: 0, TopTimeStamp: 0, TopStartIndex: 0 };
const list = (user: string, body: Body = {}) =>
  fx.tim.call("recentcontact/get_list", { From_Account: user, ...FIRST, AssistFlags: 7, ...body });
const remove = (body: Body) => fx.tim.call("recentcontact/delete", body);
const peers = (r: Body) => r.SessionItem.map((s: Body) => s.To_Account ?? s.GroupId);
/** The cursor fields of an answer, to send back for the next page. */
const cursorOf = (r: Body) => ({
  TimeStamp: r.TimeStamp,
  StartIndex: r.StartIndex,
  TopTimeStamp: r.TopTimeStamp,
  TopStartIndex: r.TopStartIndex,
});
const tick = () => fx.emu.setClock({ advanceMs: 1_000 });
const control = (method: string, path: string, body?: unknown) =>
  controlRequest(fx.emu.url, method, path, body);
const roamCount = async (op: string, peer: string) => ok(await roam(fx.tim, op, peer)).MsgCnt;

describe("recentcontact/get_list", () => {
  it("lists both sides of a one-to-one send and every member of a group, newest first", async () => {
    // Stopped time, so that each tick is exactly one second between the sends.
    fx.emu.setClock({ frozen: true });
    onTestFinished(() => {
      fx.emu.setClock({ frozen: false, offsetMs: 0 });
    });
    await importUsers(fx.tim, "me", "a", "b", "quiet");
    const groupId = await createGroup(fx.tim, {
      Owner_Account: "a",
      MemberList: [{ Member_Account: "me" }],
    });
    ok(await send("a", "me"));
    tick();
    ok(await send("b", "me"));
    tick();
    const g = ok(await sendGroup(groupId, "a"));
    const r = ok(await list("me"));
    expect(r.SessionItem).toEqual([
      { Type: 2, GroupId: groupId, MsgTime: g.MsgTime, TopFlag: 0 },
      { Type: 1, To_Account: "b", MsgTime: g.MsgTime - 1, TopFlag: 0 },
      { Type: 1, To_Account: "a", MsgTime: g.MsgTime - 2, TopFlag: 0 },
    ]);
    expect(r.CompleteFlag).toBe(1);
    expect(r.ErrorDisplay).toBe("");
    // The sender's list has the conversation too; the group's owner has the group.
    expect(peers(ok(await list("a")))).toEqual([groupId, "me"]);
    expect(peers(ok(await list("b")))).toEqual(["me"]);
    expect(ok(await list("quiet")).SessionItem).toEqual([]);
  });

  it("pages at 100 conversations, the cursor fields sent back continuing without loss", async () => {
    const many = Array.from({ length: 105 }, (_, i) => `p${i}`);
    await importUsers(fx.tim, "me", ...many.slice(0, 99));
    await importUsers(fx.tim, ...many.slice(99));
    ok(await send("me", many));
    const first = ok(await list("me"));
    expect(first.SessionItem).toHaveLength(100);
    expect(first.CompleteFlag).toBe(0);
    const second = ok(await list("me", cursorOf(first)));
    expect(second.SessionItem).toHaveLength(5);
    expect(second.CompleteFlag).toBe(1);
    expect(new Set([...peers(first), ...peers(second)]).size).toBe(105);
  });

  it("pages pinned conversations within the 100 with bit 2, all on the first call without", async () => {
    const many = Array.from({ length: 105 }, (_, i) => `p${i}`);
    await importUsers(fx.tim, "me", ...many.slice(0, 99));
    await importUsers(fx.tim, ...many.slice(99));
    ok(await send("me", many));
    const pins = ["p0", "p1"].map((peer) => ({ userId: "me", type: 1, peer }));
    await control("POST", "seed", { pins });
    const sizes = async (AssistFlags: number) => {
      const first = ok(await list("me", { AssistFlags }));
      const second = ok(await list("me", { AssistFlags, ...cursorOf(first) }));
      const all = [...first.SessionItem, ...second.SessionItem];
      expect(new Set(all.map((s: Body) => s.To_Account)).size).toBe(105);
      expect(first.SessionItem.slice(0, 2).map((s: Body) => s.TopFlag)).toEqual([1, 1]);
      return [first.SessionItem.length, second.SessionItem.length, second.CompleteFlag];
    };
    expect(await sizes(5)).toEqual([100, 5, 1]);
    expect(await sizes(1)).toEqual([102, 3, 1]);
  });

  it("answers pinned conversations first (AssistFlags bit 0), pinned through the control seed", async () => {
    await importUsers(fx.tim, "me", "a", "b", "c");
    for (const peer of ["a", "b", "c"]) {
      ok(await send(peer, "me"));
      tick();
    }
    const seeded = await control("POST", "seed", {
      pins: [{ userId: "me", type: 1, peer: "a" }],
    });
    expect(seeded.body.result[0].pins).toEqual([{ userId: "me", type: 1, peer: "a", top: true }]);
    const r = ok(await list("me"));
    expect(r.SessionItem.map((s: Body) => `${s.To_Account}:${s.TopFlag}`)).toEqual([
      "a:1",
      "c:0",
      "b:0",
    ]);
    // Without bit 0: one list by time, no TopFlag.
    const plain = ok(await list("me", { AssistFlags: 0 }));
    expect(plain.SessionItem.map((s: Body) => `${s.To_Account}:${s.TopFlag}`)).toEqual([
      "c:0",
      "b:0",
      "a:0",
    ]);
    await control("POST", "seed", { pins: [{ userId: "me", type: 1, peer: "a", top: false }] });
    expect(ok(await list("me")).SessionItem[0].To_Account).toBe("c");
  });

  it("lists a conversation without messages only with AssistFlags bit 1", async () => {
    await importUsers(fx.tim, "me", "a");
    await control("POST", "seed", { pins: [{ userId: "me", type: 1, peer: "a" }] });
    expect(ok(await list("me", { AssistFlags: 5 })).SessionItem).toEqual([]);
    expect(ok(await list("me", { AssistFlags: 7 })).SessionItem).toEqual([
      { Type: 1, To_Account: "a", MsgTime: 0, TopFlag: 1 },
    ]);
  });

  it("refuses a missing field with 50002 and an account never imported with 50001", async () => {
    await importUsers(fx.tim, "me");
    expect((await list("ghost")).ErrorCode).toBe(50001);
    expect((await list("me", { From_Account: undefined })).ErrorCode).toBe(50002);
    expect((await list("me", { TimeStamp: undefined })).ErrorCode).toBe(50002);
    expect((await list("me", { AssistFlags: "7" })).ErrorCode).toBe(50002);
  });
});

describe("recentcontact/delete", () => {
  it("removes the conversation from the user's list only; a new message brings it back", async () => {
    await importUsers(fx.tim, "me", "a", "b");
    ok(await send("a", "me"));
    ok(await send("b", "me"));
    ok(await remove({ From_Account: "me", Type: 1, To_Account: "a", ClearRamble: 0 }));
    expect(peers(ok(await list("me")))).toEqual(["b"]);
    expect(peers(ok(await list("a")))).toEqual(["me"]);
    // Without ClearRamble the history stays.
    expect(await roamCount("me", "a")).toBe(1);
    ok(await send("a", "me"));
    expect(peers(ok(await list("me"))).sort()).toEqual(["a", "b"]);
  });

  it("ClearRamble 1 clears the user's copy of the history and its unread, not the peer's", async () => {
    await importUsers(fx.tim, "me", "a");
    ok(await send("a", "me"));
    ok(await send("a", "me"));
    ok(await remove({ From_Account: "me", Type: 1, To_Account: "a", ClearRamble: 1 }));
    expect(await roamCount("me", "a")).toBe(0);
    expect(await roamCount("a", "me")).toBe(2);
    const unread = ok(await fx.tim.call("openim/get_c2c_unread_msg_num", { To_Account: "me" }));
    expect(unread.AllC2CUnreadMsgNum).toBe(0);
    ok(await send("a", "me"));
    expect(await roamCount("me", "a")).toBe(1);
  });

  it("deletes a group conversation, spelled ToGroupid or ToGroupId", async () => {
    await importUsers(fx.tim, "me", "o");
    const g1 = await createGroup(fx.tim, {
      Owner_Account: "o",
      MemberList: [{ Member_Account: "me" }],
    });
    const g2 = await createGroup(fx.tim, {
      Owner_Account: "o",
      MemberList: [{ Member_Account: "me" }],
    });
    ok(await sendGroup(g1, "o"));
    ok(await sendGroup(g2, "o"));
    ok(await remove({ From_Account: "me", Type: 2, ToGroupid: g1, ClearRamble: 1 }));
    expect(peers(ok(await list("me")))).toEqual([g2]);
    ok(await remove({ From_Account: "me", Type: 2, ToGroupId: g2 }));
    expect(ok(await list("me")).SessionItem).toEqual([]);
    // ClearRamble also cleared the member's unread in g1; g2 kept its one.
    const joined = ok(
      await fx.tim.call("group_open_http_svc/get_joined_group_list", {
        Member_Account: "me",
        ResponseFilter: { SelfInfoFilter: ["UnreadMsgNum"] },
      }),
    );
    const unread = Object.fromEntries(
      joined.GroupIdList.map((g: Body) => [g.GroupId, g.SelfInfo.UnreadMsgNum]),
    );
    expect(unread).toEqual({ [g1]: 0, [g2]: 1 });
  });

  it("succeeds for a conversation the user does not have; refuses bad fields", async () => {
    await importUsers(fx.tim, "me");
    ok(await remove({ From_Account: "me", Type: 1, To_Account: "nobody" }));
    expect((await remove({ From_Account: "ghost", Type: 1, To_Account: "me" })).ErrorCode).toBe(
      50001,
    );
    expect((await remove({ From_Account: "me", Type: 3, To_Account: "a" })).ErrorCode).toBe(50002);
    expect((await remove({ From_Account: "me", Type: 1 })).ErrorCode).toBe(50002);
    expect((await remove({ From_Account: "me", Type: 2 })).ErrorCode).toBe(50002);
    expect(
      (await remove({ From_Account: "me", Type: 1, To_Account: "a", ClearRamble: 2 })).ErrorCode,
    ).toBe(50002);
  });
});

describe("control API: conversation state", () => {
  it("dumps each user's conversations and the stored messages' current content", async () => {
    await importUsers(fx.tim, "me", "a");
    const groupId = await createGroup(fx.tim, {
      Owner_Account: "a",
      MemberList: [{ Member_Account: "me" }],
    });
    const sent = ok(await send("a", "me", { CloudCustomData: "cd" }));
    ok(await sendGroup(groupId, "a"));
    const state = (await control("GET", `state?app=${SDK_APP_ID}`)).body;
    const mine = state.recentContacts.me as Body[];
    expect(mine).toContainEqual({
      Type: 1,
      To_Account: "a",
      MsgTime: sent.MsgTime,
      TopFlag: 0,
      UnreadMsgNum: 1,
      MsgFlag: null,
      MessageCount: 1,
    });
    expect(mine.find((c) => c.GroupId === groupId)).toMatchObject({
      UnreadMsgNum: 1,
      MsgFlag: "AcceptAndNotify",
      MessageCount: 1,
    });
    expect(state.recentContacts.a.find((c: Body) => c.GroupId === groupId).UnreadMsgNum).toBe(0);
    expect(state.messageBodies.c2c).toContainEqual({
      From_Account: "a",
      To_Account: "me",
      MsgKey: sent.MsgKey,
      MsgBody: expect.any(Array),
      CloudCustomData: "cd",
    });
    expect(state.messageBodies.group).toEqual([
      expect.objectContaining({ GroupId: groupId, MsgSeq: 1, From_Account: "a" }),
    ]);
  });

  it("refuses malformed pins with 400 and unknown users with 404", async () => {
    await importUsers(fx.tim, "me");
    expect((await control("POST", "seed", { pins: {} })).status).toBe(400);
    expect(
      (await control("POST", "seed", { pins: [{ userId: "me", type: 3, peer: "x" }] })).status,
    ).toBe(400);
    expect(
      (await control("POST", "seed", { pins: [{ userId: "me", type: 1, peer: "x", top: 1 }] }))
        .status,
    ).toBe(400);
    expect(
      (await control("POST", "seed", { pins: [{ userId: "ghost", type: 1, peer: "x" }] })).status,
    ).toBe(404);
  });
});

describe("recentcontact/top", () => {
  const top = (body: Body) => fx.tim.call("recentcontact/top", body);
  const pin = (user: string, OperationType: number, ...items: Body[]) =>
    top({ From_Account: user, OperationType, RecentContactItem: items });
  const flags = async (user: string) =>
    ok(await list(user)).SessionItem.map((s: Body) => `${s.To_Account ?? s.GroupId}:${s.TopFlag}`);

  it("pins and unpins one-to-one and group conversations; get_list answers them first", async () => {
    await importUsers(fx.tim, "me", "a", "b");
    const groupId = await createGroup(fx.tim, {
      Owner_Account: "a",
      MemberList: [{ Member_Account: "me" }],
    });
    ok(await sendGroup(groupId, "a"));
    tick();
    ok(await send("a", "me"));
    tick();
    ok(await send("b", "me"));
    ok(await pin("me", 1, { Type: 1, To_Account: "a" }, { Type: 2, GroupId: groupId }));
    expect(await flags("me")).toEqual(["a:1", `${groupId}:1`, "b:0"]);
    // Pinning again and unpinning what is not pinned both succeed.
    ok(await pin("me", 1, { Type: 1, To_Account: "a" }));
    ok(await pin("me", 2, { Type: 1, To_Account: "b" }, { Type: 1, To_Account: "a" }));
    expect(await flags("me")).toEqual([`${groupId}:1`, "b:0", "a:0"]);
    // Only the user's own list changes.
    expect((await flags("a")).every((f: string) => f.endsWith(":0"))).toBe(true);
  });

  it("adds a conversation the user does not have yet, empty", async () => {
    await importUsers(fx.tim, "me", "a");
    ok(await pin("me", 1, { Type: 1, To_Account: "a" }));
    expect(ok(await list("me", { AssistFlags: 7 })).SessionItem).toEqual([
      { Type: 1, To_Account: "a", MsgTime: 0, TopFlag: 1 },
    ]);
  });

  it("keeps at most 50 pinned conversations: the 51st is refused with 51012", async () => {
    const peersOf = Array.from({ length: 51 }, (_, i) => `p${i}`);
    await importUsers(fx.tim, "me");
    const items = peersOf.map((p) => ({ Type: 1, To_Account: p }));
    ok(await pin("me", 1, ...items.slice(0, 50)));
    expect((await pin("me", 1, items[50] as Body)).ErrorCode).toBe(51012);
    // Re-pinning a pinned one is no new pin.
    ok(await pin("me", 1, items[0] as Body));
    ok(await pin("me", 2, items[0] as Body));
    ok(await pin("me", 1, items[50] as Body));
  });

  it("refuses bad fields with 50002 and an account never imported with 50001", async () => {
    await importUsers(fx.tim, "me");
    expect((await pin("ghost", 1, { Type: 1, To_Account: "a" })).ErrorCode).toBe(50001);
    expect((await pin("me", 3, { Type: 1, To_Account: "a" })).ErrorCode).toBe(50002);
    expect((await pin("me", 1)).ErrorCode).toBe(50002);
    expect((await pin("me", 1, { Type: 3, To_Account: "a" })).ErrorCode).toBe(50002);
    expect((await pin("me", 1, { Type: 2, ToGroupid: "g" })).ErrorCode).toBe(50002);
    expect((await top({ From_Account: "me", RecentContactItem: [] })).ErrorCode).toBe(50002);
  });
});
