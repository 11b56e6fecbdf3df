import { beforeEach, describe, expect, it } from "vitest";
import { ids, TEST_APP_ID, useZego } from "./test-support.js";

// Conversation entries, QueryConversationList, ClearConversationUnread, DeleteConv,
// ConvPinned and SilenceConvNotification (zego.md #16 §1).
const fx = useZego();
beforeEach(() => {
  fx.emu.seed({
    users: [{ userId: "a" }, { userId: "b" }, { userId: "c" }, { userId: "d" }],
    groups: [{ groupId: "g", owner: "a", members: ["b", "c"] }],
  });
});

const text = (Message: string) => ({ MessageType: 1, Priority: 1, MessageBody: { Message } });
const peer = (from: string, to: string[], extra: Record<string, unknown> = {}) =>
  fx.zim.post("SendPeerMessage", { FromUserId: from, ToUserId: to, ...text("hi"), ...extra });
const inGroup = (from: string, extra: Record<string, unknown> = {}) =>
  fx.zim.post("SendGroupMessage", { FromUserId: from, GroupId: "g", ...text("hi"), ...extra });
const list = (FromUserId: string, more: Record<string, unknown> = {}) =>
  fx.zim.post("QueryConversationList", { FromUserId, ...more });
const clearUnread = (FromUserId: string, ConvId: string, ConvType: number) =>
  fx.zim.get("ClearConversationUnread", { FromUserId, ConvId, ConvType });
const pin = (FromUserId: string, convs: [string, number][], PinnedType = 1) =>
  fx.zim.post("ConvPinned", {
    FromUserId,
    ConvList: convs.map(([ConvId, ConvType]) => ({ ConvId, ConvType })),
    PinnedType,
  });
const silence = (FromUserId: string, ConvType: number, ConvIds: string[], Enable = true) =>
  fx.zim.post("SilenceConvNotification", { FromUserId, ConvType, ConvIds, Enable });

interface Entry {
  userId: string;
  convType: number;
  convId: string;
  unread: number;
  pinned: boolean;
  silenced: boolean;
  listed: boolean;
  messageCount: number;
}

/** One user's entry, as the control API's state dump shows it. */
function entry(userId: string, convType: number, convId: string): Entry | undefined {
  const state = fx.emu.state(String(TEST_APP_ID)) as { userConversations: Entry[] };
  return state.userConversations.find(
    (e) => e.userId === userId && e.convType === convType && e.convId === convId,
  );
}

describe("conversation entries made by sends", () => {
  it("lists a peer message on both sides and raises only the receiver's unread", async () => {
    await peer("a", ["b"]);
    await peer("a", ["b"]);
    expect(entry("b", 0, "a")).toMatchObject({ unread: 2, listed: true, messageCount: 2 });
    expect(entry("a", 0, "b")).toMatchObject({ unread: 0, listed: true, messageCount: 2 });
    // NoUnread: listed, not counted.
    await peer("c", ["b"], { SendMsgOptions: { NoUnread: true } });
    expect(entry("b", 0, "c")).toMatchObject({ unread: 0, listed: true });
  });

  it("lists a group message for every member, unread for all but the sender", async () => {
    await inGroup("a");
    expect([
      entry("a", 2, "g")?.unread,
      entry("b", 2, "g")?.unread,
      entry("c", 2, "g")?.unread,
    ]).toEqual([0, 1, 1]);
    expect(entry("d", 2, "g")).toBeUndefined();
    // A targeted message reaches only the listed members and counts as unread for nobody.
    await inGroup("a", {
      SendMsgOptions: { TargetOption: { ReceiverUserIds: ["b"], Inclusive: true } },
    });
    expect([entry("b", 2, "g")?.unread, entry("c", 2, "g")?.unread]).toEqual([1, 1]);
  });

  it("answers the state over the control API", async () => {
    await peer("a", ["b"]);
    const res = await fetch(`${fx.emu.url}/__emulator/state?app=${TEST_APP_ID}`);
    const body = (await res.json()) as { userConversations: Entry[] };
    expect(body.userConversations).toContainEqual(
      expect.objectContaining({ userId: "b", convType: 0, convId: "a", unread: 1 }),
    );
  });
});

describe("QueryConversationList", () => {
  it("pages the user's conversations in ascending UpdateTime; peers carry no ConvType", async () => {
    await peer("a", ["b"]);
    fx.emu.setClock({ advanceMs: 10 });
    await peer("c", ["a"]);
    fx.emu.setClock({ advanceMs: 10 });
    await inGroup("b");
    const first = await list("a", { Limit: 2 });
    expect(first.body).toMatchObject({ Code: 0, TotalCount: 3, Next: 2 });
    expect(first.body.List).toEqual([
      { ConvId: "b", UpdateTime: expect.any(Number) },
      { ConvId: "c", UpdateTime: expect.any(Number) },
    ]);
    const rest = await list("a", { Limit: 2, Next: 2 });
    expect(rest.body).toMatchObject({ Next: 0, List: [{ ConvId: "g", ConvType: 2 }] });
    const times = [
      ...(first.body.List as { UpdateTime: number }[]),
      ...(rest.body.List as { UpdateTime: number }[]),
    ];
    expect(times.map((t) => t.UpdateTime)).toEqual(
      [...times.map((t) => t.UpdateTime)].sort((x, y) => x - y),
    );
    // Limit ≤ 0 is corrected to 100, not refused.
    expect((await list("a", { Limit: -5 })).body.List).toHaveLength(3);
    expect((await list("d")).body).toMatchObject({ Code: 0, TotalCount: 0, Next: 0, List: [] });
    expect((await list("ghost")).body.Code).toBe(660500002);
    expect((await list("a", { Next: "x" })).body.Code).toBe(660000002);
  });

  it("keeps a kicked member's group conversation and drops a dismissed group's", async () => {
    await inGroup("a");
    await fx.zim.post("KickoutGroupUser", { FromUserId: "a", GroupId: "g", UserId: ["c"] });
    expect((await list("c")).body.List).toEqual([expect.objectContaining({ ConvId: "g" })]);
    await fx.zim.get("DismissGroup", { FromUserId: "a", GroupId: "g" });
    expect((await list("c")).body.List).toEqual([]);
  });

  it("returns only the latest 1000 conversations, and clears unread only among them", async () => {
    fx.emu.setClock({ frozen: true });
    const peers = ids(1001, "p");
    await peer("a", [peers[0] as string]);
    for (let i = 1; i < 1001; i += 100) {
      fx.emu.setClock({ advanceMs: 1 });
      await peer("a", peers.slice(i, i + 100));
    }
    fx.emu.setClock({ frozen: false });
    const seen: string[] = [];
    let next = 0;
    do {
      const page = await list("a", { Limit: 500, Next: next });
      expect(page.body.TotalCount).toBe(1000);
      seen.push(...(page.body.List as { ConvId: string }[]).map((c) => c.ConvId));
      next = page.body.Next as number;
    } while (next !== 0);
    expect(seen).toHaveLength(1000);
    expect(seen).not.toContain("p0");
    // Over 500 is corrected to 500.
    expect((await list("a", { Limit: 600 })).body.List).toHaveLength(500);
    expect((await clearUnread("a", "p0", 0)).body.Code).toBe(660800002);
    expect((await clearUnread("a", "p1", 0)).body.Code).toBe(0);
  });
});

describe("ClearConversationUnread", () => {
  it("zeroes one conversation's unread count for one user (GET)", async () => {
    await peer("a", ["b"]);
    await inGroup("a");
    const res = await clearUnread("b", "a", 0);
    expect(res.body).toEqual({ Code: 0, Message: "success", RequestId: expect.any(String) });
    expect(entry("b", 0, "a")?.unread).toBe(0);
    expect(entry("b", 2, "g")?.unread).toBe(1);
    expect((await clearUnread("b", "g", 2)).body.Code).toBe(0);
    expect(entry("b", 2, "g")?.unread).toBe(0);
  });

  it("refuses unknown conversations, bad types and unregistered users", async () => {
    await peer("a", ["b"]);
    expect((await clearUnread("b", "c", 0)).body.Code).toBe(660800002);
    expect((await clearUnread("b", "a", 2)).body.Code).toBe(660800002);
    expect((await clearUnread("b", "a", 1)).body.Code).toBe(660000002);
    expect((await clearUnread("ghost", "a", 0)).body.Code).toBe(660500002);
    expect((await fx.zim.get("ClearConversationUnread", { FromUserId: "b" })).body.Code).toBe(
      660000002,
    );
  });
});

describe("DeleteConv", () => {
  it("removes the conversation from one user's list; a new message lists it again", async () => {
    await peer("a", ["b"]);
    await peer("c", ["b"]);
    const del = await fx.zim.post("DeleteConv", { FromUserId: "b", ConvId: "a", ConvType: 0 });
    expect(del.body.Code).toBe(0);
    expect((await list("b")).body.List).toEqual([expect.objectContaining({ ConvId: "c" })]);
    expect((await list("a")).body.List).toEqual([expect.objectContaining({ ConvId: "b" })]);
    // History stays queryable.
    const history = await fx.zim.post("QueryPeerMsg", { FromUserId: "b", ToUserId: "a" });
    expect(history.body.List).toHaveLength(1);
    await peer("a", ["b"]);
    expect(entry("b", 0, "a")).toMatchObject({ listed: true, unread: 1 });
  });

  it("answers Code 0 for a conversation the user does not have; checks its input", async () => {
    expect(
      (await fx.zim.post("DeleteConv", { FromUserId: "a", ConvId: "zz", ConvType: 0 })).body.Code,
    ).toBe(0);
    expect(
      (await fx.zim.post("DeleteConv", { FromUserId: "a", ConvId: "b", ConvType: 3 })).body.Code,
    ).toBe(660000002);
    expect(
      (await fx.zim.post("DeleteConv", { FromUserId: "ghost", ConvId: "b", ConvType: 0 })).body
        .Code,
    ).toBe(660500002);
  });
});

describe("ConvPinned", () => {
  it("pins and unpins for one user; repeats succeed", async () => {
    await peer("a", ["b"]);
    expect(
      (
        await pin("a", [
          ["b", 0],
          ["g", 2],
        ])
      ).body,
    ).toMatchObject({ Code: 0, ErrorList: [] });
    expect(entry("a", 0, "b")?.pinned).toBe(true);
    expect(entry("a", 2, "g")?.pinned).toBe(true);
    expect(entry("b", 0, "a")?.pinned).toBe(false);
    expect((await pin("a", [["b", 0]])).body.Code).toBe(0);
    expect((await pin("a", [["b", 0]], 0)).body.Code).toBe(0);
    expect(entry("a", 0, "b")?.pinned).toBe(false);
    expect((await pin("a", [["b", 0]], 0)).body.Code).toBe(0);
  });

  it("answers per conversation: partial success is Code 0, all failed the SubCode", async () => {
    const partial = await pin("a", [
      ["b", 0],
      ["ghost", 0],
      ["nogroup", 2],
    ]);
    expect(partial.body).toMatchObject({
      Code: 0,
      ErrorList: [
        { ConvId: "ghost", ConvType: 0, SubCode: 660800001 },
        { ConvId: "nogroup", ConvType: 2, SubCode: 660000002 },
      ],
    });
    const failed = await pin("a", [["ghost", 0]]);
    expect(failed.body).toMatchObject({
      Code: 660800001,
      ErrorList: [{ ConvId: "ghost", SubCode: 660800001 }],
    });
  });

  it("takes 20 conversations a call and 100 pins per user", async () => {
    const peers = ids(101, "p");
    fx.emu.seed({ users: peers.map((userId) => ({ userId })) });
    const tooMany = await pin(
      "a",
      peers.slice(0, 21).map((id) => [id, 0]),
    );
    expect(tooMany.body.Code).toBe(660000002);
    for (let i = 0; i < 100; i += 20) {
      expect(
        (
          await pin(
            "a",
            peers.slice(i, i + 20).map((id) => [id, 0]),
          )
        ).body.Code,
      ).toBe(0);
    }
    const over = await pin("a", [["p100", 0]]);
    expect(over.body).toMatchObject({
      Code: 660800048,
      ErrorList: [{ ConvId: "p100", SubCode: 660800048 }],
    });
    // Re-pinning one already pinned is not over the cap.
    expect((await pin("a", [["p0", 0]])).body.Code).toBe(0);
  });

  it("refuses bad input as a whole", async () => {
    expect((await pin("ghost", [["b", 0]])).body.Code).toBe(660500002);
    expect((await pin("a", [["b", 1]])).body.Code).toBe(660000002);
    expect((await pin("a", [["b", 0]], 2)).body.Code).toBe(660000002);
    expect((await pin("a", [])).body.Code).toBe(660000002);
  });
});

describe("SilenceConvNotification", () => {
  it("mutes and unmutes for one user; repeats are errors", async () => {
    await inGroup("a");
    expect((await silence("b", 2, ["g"])).body).toMatchObject({ Code: 0, ErrorList: [] });
    expect(entry("b", 2, "g")?.silenced).toBe(true);
    expect(entry("a", 2, "g")?.silenced).toBe(false);
    expect((await silence("b", 2, ["g"])).body).toMatchObject({
      Code: 660800051,
      ErrorList: [{ ConvId: "g", SubCode: 660800051 }],
    });
    expect((await silence("b", 2, ["g"], false)).body.Code).toBe(0);
    expect(entry("b", 2, "g")?.silenced).toBe(false);
    expect((await silence("b", 2, ["g"], false)).body.Code).toBe(660800052);
  });

  it("answers per conversation with the documented codes", async () => {
    const partial = await silence("a", 0, ["b", "ghost"]);
    expect(partial.body).toMatchObject({
      Code: 0,
      ErrorList: [{ ConvId: "ghost", SubCode: 660700015 }],
    });
    expect((partial.body.ErrorList as object[])[0]).not.toHaveProperty("ConvType");
    expect((await silence("a", 0, ["ghost"])).body.Code).toBe(660700015);
    expect((await silence("d", 2, ["g"])).body.Code).toBe(660600024);
    expect((await silence("a", 2, ["nogroup"])).body.Code).toBe(660600001);
    expect((await silence("a", 0, ids(11, "b"))).body.Code).toBe(660000002);
    expect((await silence("ghost", 0, ["b"])).body.Code).toBe(660500002);
    expect(
      (
        await fx.zim.post("SilenceConvNotification", {
          FromUserId: "a",
          ConvType: 0,
          ConvIds: ["b"],
        })
      ).body.Code,
    ).toBe(660000002);
  });

  it("mutes at most 500 one-to-one conversations per user", async () => {
    const peers = ids(501, "p");
    fx.emu.seed({ users: peers.map((userId) => ({ userId })) });
    for (let i = 0; i < 500; i += 10) {
      expect((await silence("a", 0, peers.slice(i, i + 10))).body.Code).toBe(0);
    }
    expect((await silence("a", 0, ["p500"])).body.Code).toBe(660800030);
    // Groups are not counted against it.
    expect((await silence("a", 2, ["g"])).body.Code).toBe(0);
  });
});

describe("conversation Action rate", () => {
  it("answers 660300005 over 20 calls a second", async () => {
    fx.emu.setRateLimits(true);
    fx.emu.setClock({ now: Date.UTC(2030, 0, 1), frozen: true });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 21; i++) codes.push((await pin("a", [["b", 0]])).body.Code);
      expect(codes.slice(0, 20).every((c) => c === 0)).toBe(true);
      expect(codes[20]).toBe(660300005);
    } finally {
      fx.emu.setRateLimits(false);
    }
  });
});
