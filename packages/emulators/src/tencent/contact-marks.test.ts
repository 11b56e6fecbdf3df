// Conversation marks (recentcontact/mark_contact) and the C2C read-report callback, over HTTP.
import { describe, expect, it } from "vitest";
import { useTencentCallbacks } from "../testing/tencent-callbacks.js";
import { type Body, createGroup, demoState, ok, SDK_APP_ID, text } from "./test-support.js";

const fx = useTencentCallbacks();
const c2c = (id: string) => ({ Type: 1, To_Account: id });
const grp = (id: string) => ({ Type: 2, ToGroupId: id });
const seed = (...accounts: string[]) => fx.emu.seed({ app: SDK_APP_ID, accounts });
const mark = (from: string, items: Body[]) =>
  fx.tim.call("recentcontact/mark_contact", { From_Account: from, MarkItem: items });
const contacts = async (from: string): Promise<Body[]> =>
  ok(await fx.tim.call("recentcontact/get_contact_group", { From_Account: from, StartIndex: 0 }))
    .ContactItem;

describe("recentcontact/mark_contact", () => {
  it("sets and clears standard mark bits 1..64; get answers them as a bit string, bit 1 last", async () => {
    seed("me", "p1");
    const r = ok(
      await mark("me", [
        { OptType: 3, ContactItem: c2c("p1"), SetMark: [2, 33, 64], CustomMark: "abcd" },
      ]),
    );
    expect(r.ResultItem).toEqual([
      { OptType: 3, ContactItem: c2c("p1"), ResultCode: 0, ResultInfo: "" },
    ]);
    const [item] = await contacts("me");
    expect(item).toMatchObject({ ...c2c("p1"), CustomMark: "abcd" });
    expect(item?.StandardMark).toBe(((1n << 63n) | (1n << 32n) | 2n).toString(2));
    expect(item?.ContactGroupId).toBeUndefined();
    // OptType 1 leaves the custom mark; ClearMark drops bits.
    ok(
      await mark("me", [
        { OptType: 1, ContactItem: c2c("p1"), ClearMark: [64, 2], CustomMark: "x" },
      ]),
    );
    const state = demoState(fx.emu);
    expect(state.conversationGroups.me.ContactItem[0]).toMatchObject({
      MarkBits: [33],
      CustomMark: "abcd",
    });
    // Nothing left: the conversation leaves the list.
    ok(await mark("me", [{ OptType: 3, ContactItem: c2c("p1"), ClearMark: [33], CustomMark: "" }]));
    expect(await contacts("me")).toEqual([]);
  });

  it("checks bit numbers, OptType, CustomMark length and the 100-item cap", async () => {
    seed("me", "p1");
    const bad = async (item: Body) =>
      (await mark("me", [{ ContactItem: c2c("p1"), OptType: 1, ...item }])).ErrorCode;
    expect(await bad({ SetMark: [65] })).toBe(50002);
    expect(await bad({ SetMark: [0] })).toBe(50002);
    expect(await bad({ ClearMark: [-1] })).toBe(50002);
    expect(await bad({ SetMark: [1.5] })).toBe(50002);
    expect(await bad({ OptType: 4 })).toBe(50002);
    expect(await bad({ OptType: 2, CustomMark: "x".repeat(257) })).toBe(50002);
    const many = Array.from({ length: 101 }, () => ({
      OptType: 1,
      ContactItem: c2c("p1"),
      SetMark: [40],
    }));
    expect((await mark("me", many)).ErrorCode).toBe(51006);
    expect(
      (await mark("ghost", [{ OptType: 1, ContactItem: c2c("p1"), SetMark: [40] }])).ErrorCode,
    ).toBe(50001);
  });

  it("marks only groups the user is in (51007 per item)", async () => {
    seed("me", "owner");
    const mine = await createGroup(fx.tim, {
      Owner_Account: "owner",
      MemberList: [{ Member_Account: "me" }],
    });
    const other = await createGroup(fx.tim, { Owner_Account: "owner" });
    const r = ok(
      await mark("me", [
        { OptType: 1, ContactItem: grp(mine), SetMark: [33] },
        { OptType: 1, ContactItem: grp(other), SetMark: [33] },
      ]),
    );
    expect(r.ResultItem.map((i: Body) => i.ResultCode)).toEqual([0, 51007]);
    expect((await contacts("me")).map((c) => c.ToGroupId)).toEqual([mine]);
  });
});

describe("openim/admin_set_msg_read", () => {
  it("fires C2C.CallbackAfterMsgReport with the reader, peer, read time and unread count", async () => {
    seed("a", "b");
    ok(
      await fx.tim.call("openim/sendmsg", {
        From_Account: "a",
        To_Account: "b",
        MsgRandom: 1,
        MsgBody: text("hi"),
      }),
    );
    ok(
      await fx.tim.call("openim/admin_set_msg_read", {
        Report_Account: "b",
        Peer_Account: "a",
        MsgReadTime: 1_800_000_000,
      }),
    );
    const [cb] = await fx.bodiesOf("C2C.CallbackAfterMsgReport");
    expect(cb).toMatchObject({
      CallbackCommand: "C2C.CallbackAfterMsgReport",
      Report_Account: "b",
      Peer_Account: "a",
      LastReadTime: 1_800_000_000,
      UnreadMsgNum: 0,
    });
  });
});
