import { describe, expect, it } from "vitest";
import { messageSender } from "../testing/tencent-messages.js";
import { type Body, createGroupOf, importUsers, ok, text, useTencent } from "./test-support.js";

const fx = useTencent();
const { c2c: send, group: sendGroup } = messageSender(fx);
const c2cUnread = (body: Body) => fx.tim.call("openim/get_c2c_unread_msg_num", body);
const setUnread = (body: Body) => fx.tim.call("group_open_http_svc/set_unread_msg_num", body);
/** SelfInfo.UnreadMsgNum of each of the user's groups. */
async function groupUnread(user: string): Promise<Record<string, number>> {
  const r = ok(
    await fx.tim.call("group_open_http_svc/get_joined_group_list", {
      Member_Account: user,
      ResponseFilter: { SelfInfoFilter: ["UnreadMsgNum"] },
    }),
  );
  return Object.fromEntries(r.GroupIdList.map((g: Body) => [g.GroupId, g.SelfInfo.UnreadMsgNum]));
}
const group = (Type = "Public") => createGroupOf(fx.tim, "o", ["me"], { Type });

describe("openim/get_c2c_unread_msg_num", () => {
  it("answers the total without Peer_Account and per peer with it; the sender has none", async () => {
    await importUsers(fx.tim, "me", "a", "b", "c");
    ok(await send("a", "me"));
    ok(await send("a", "me"));
    ok(await send("b", "me"));
    const all = ok(await c2cUnread({ To_Account: "me" }));
    expect(all.AllC2CUnreadMsgNum).toBe(3);
    expect(all.C2CUnreadMsgNumList).toBeUndefined();
    const per = ok(await c2cUnread({ To_Account: "me", Peer_Account: ["a", "b", "c", "ghost"] }));
    expect(per.C2CUnreadMsgNumList).toEqual([
      { Peer_Account: "a", C2CUnreadMsgNum: 2 },
      { Peer_Account: "b", C2CUnreadMsgNum: 1 },
      { Peer_Account: "c", C2CUnreadMsgNum: 0 },
    ]);
    expect(per.ErrorList).toEqual([{ Peer_Account: "ghost", ErrorCode: 70107 }]);
    expect(per.AllC2CUnreadMsgNum).toBeUndefined();
    expect(ok(await c2cUnread({ To_Account: "a" })).AllC2CUnreadMsgNum).toBe(0);
  });

  it("drops what admin_set_msg_read marks read and what is recalled", async () => {
    await importUsers(fx.tim, "me", "a", "b");
    const first = ok(await send("a", "me"));
    ok(await send("b", "me"));
    ok(await fx.tim.call("openim/admin_set_msg_read", { Report_Account: "me", Peer_Account: "b" }));
    ok(
      await fx.tim.call("openim/admin_msgwithdraw", {
        From_Account: "a",
        To_Account: "me",
        MsgKey: first.MsgKey,
      }),
    );
    expect(ok(await c2cUnread({ To_Account: "me" })).AllC2CUnreadMsgNum).toBe(0);
    fx.emu.setClock({ advanceMs: 1_000 });
    ok(await send("b", "me"));
    expect(ok(await c2cUnread({ To_Account: "me" })).AllC2CUnreadMsgNum).toBe(1);
  });

  it("takes at most 10 peers (90001) and an imported To_Account (90003)", async () => {
    await importUsers(fx.tim, "me");
    const eleven = Array.from({ length: 11 }, (_, i) => `p${i}`);
    const over = await c2cUnread({ To_Account: "me", Peer_Account: eleven });
    expect(over.ErrorCode).toBe(90001);
    expect(over.ErrorInfo).toContain("at most 10");
    ok(await c2cUnread({ To_Account: "me", Peer_Account: eleven.slice(0, 10) }));
    expect((await c2cUnread({ To_Account: "ghost" })).ErrorCode).toBe(90003);
    expect((await c2cUnread({})).ErrorCode).toBe(90003);
    expect((await c2cUnread({ To_Account: "me", Peer_Account: "a" })).ErrorCode).toBe(90001);
  });
});

describe("group unread (get_joined_group_list SelfInfo.UnreadMsgNum)", () => {
  it("counts each member's unread group messages, never the sender's own", async () => {
    const id = await group();
    ok(await sendGroup(id, "o"));
    ok(await sendGroup(id, "o"));
    expect(await groupUnread("me")).toEqual({ [id]: 2 });
    expect(await groupUnread("o")).toEqual({ [id]: 0 });
    ok(await sendGroup(id, "me"));
    expect(await groupUnread("o")).toEqual({ [id]: 1 });
    expect(await groupUnread("me")).toEqual({ [id]: 2 });
  });

  it("does not count online-only messages", async () => {
    const id = await group();
    ok(await sendGroup(id, "o", { MsgBody: text("x"), OnlineOnlyFlag: 1 }));
    expect(await groupUnread("me")).toEqual({ [id]: 0 });
  });
});

describe("group_open_http_svc/set_unread_msg_num", () => {
  it("sets a member's unread, clamped to the group's message count", async () => {
    const id = await group();
    for (let i = 0; i < 3; i++) ok(await sendGroup(id, "o"));
    ok(await setUnread({ GroupId: id, Member_Account: "me", UnreadMsgNum: 1 }));
    expect(await groupUnread("me")).toEqual({ [id]: 1 });
    ok(await setUnread({ GroupId: id, Member_Account: "me", UnreadMsgNum: 0 }));
    expect(await groupUnread("me")).toEqual({ [id]: 0 });
    ok(await setUnread({ GroupId: id, Member_Account: "me", UnreadMsgNum: 50 }));
    expect(await groupUnread("me")).toEqual({ [id]: 3 });
    ok(await sendGroup(id, "o"));
    expect(await groupUnread("me")).toEqual({ [id]: 4 });
  });

  it("has no effect on a Meeting (ChatRoom) group, and no error", async () => {
    const id = await group("ChatRoom");
    ok(await sendGroup(id, "o"));
    ok(await setUnread({ GroupId: id, Member_Account: "me", UnreadMsgNum: 0 }));
    expect(await groupUnread("me")).toEqual({ [id]: 1 });
  });

  it("refuses non-members (10007), unknown accounts (10019), groups (10010) and bad fields (10004)", async () => {
    const id = await group();
    await importUsers(fx.tim, "out");
    const code = async (body: Body) =>
      (await setUnread({ GroupId: id, Member_Account: "me", UnreadMsgNum: 0, ...body })).ErrorCode;
    expect(await code({ Member_Account: "out" })).toBe(10007);
    expect(await code({ Member_Account: "ghost" })).toBe(10019);
    expect(await code({ GroupId: "nope" })).toBe(10010);
    expect(await code({ UnreadMsgNum: -1 })).toBe(10004);
    expect(await code({ UnreadMsgNum: undefined })).toBe(10004);
    expect(await code({ Member_Account: undefined })).toBe(10004);
  });
});
