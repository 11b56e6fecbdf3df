import { describe, expect, it } from "vitest";
import { messageSender } from "../testing/tencent-messages.js";
import {
  type Body,
  createGroupOf,
  importUsers,
  ok,
  text,
  useTencent,
  withTencent,
} from "./test-support.js";

const fx = useTencent();
const send = messageSender(fx);
async function sendC2C(support = 1): Promise<string> {
  await importUsers(fx.tim, "a", "b");
  const sent = ok(
    await send.c2c("a", "b", { MsgBody: text("hi"), SupportMessageExtension: support }),
  );
  return sent.MsgKey as string;
}
const set = (body: Body) => fx.tim.call("openim_msg_ext_http_svc/set_key_values", body);
const get = (body: Body) => fx.tim.call("openim_msg_ext_http_svc/get_key_values", body);
const kv = (Key: string, Value: string, Seq?: number) => ({
  Key,
  Value,
  ...(Seq !== undefined ? { Seq } : {}),
});

describe("openim_msg_ext_http_svc/set_key_values and get_key_values (one-to-one)", () => {
  it("sets keys, each change taking the next Seq; reads them with LatestSeq", async () => {
    const MsgKey = await sendC2C();
    const msg = { From_Account: "a", To_Account: "b", MsgKey };
    const r = ok(
      await set({ ...msg, OperateType: 1, ExtensionList: [kv("k1", "v1", 0), kv("k2", "v2", 0)] }),
    );
    expect(r.ExtensionList).toEqual([
      { ErrorCode: 0, Extension: { Key: "k1", Value: "v1", Seq: 1 } },
      { ErrorCode: 0, Extension: { Key: "k2", Value: "v2", Seq: 2 } },
    ]);
    const read = ok(await get(msg));
    expect(read).toMatchObject({ CompleteFlag: 1, LatestSeq: 2, ClearSeq: 0 });
    expect(read.ExtensionList).toEqual([
      { Key: "k1", Value: "v1", Seq: 1 },
      { Key: "k2", Value: "v2", Seq: 2 },
    ]);
    // From_Account may be left out; StartSeq keeps keys changed at or after it.
    const since = ok(await get({ To_Account: "b", MsgKey, StartSeq: 2 }));
    expect(since.ExtensionList).toEqual([{ Key: "k2", Value: "v2", Seq: 2 }]);
  });

  it("the admin's writes apply whatever Seq they name (Seq is not checked for the App admin)", async () => {
    const MsgKey = await sendC2C();
    const msg = { From_Account: "a", To_Account: "b", MsgKey };
    ok(await set({ ...msg, OperateType: 1, ExtensionList: [kv("k", "one", 0)] }));
    ok(await set({ ...msg, OperateType: 1, ExtensionList: [kv("k", "two", 1)] }));
    const stale = ok(
      await set({ ...msg, OperateType: 1, ExtensionList: [kv("k", "three", 1), kv("n", "x", 0)] }),
    );
    expect(stale.ExtensionList).toEqual([
      { ErrorCode: 0, Extension: { Key: "k", Value: "three", Seq: 3 } },
      { ErrorCode: 0, Extension: { Key: "n", Value: "x", Seq: 4 } },
    ]);
    const forced = ok(await set({ ...msg, OperateType: 1, ExtensionList: [kv("k", "five")] }));
    expect(forced.ExtensionList).toEqual([
      { ErrorCode: 0, Extension: { Key: "k", Value: "five", Seq: 5 } },
    ]);
  });

  it("deletes keys (OperateType 2, whatever Seq) and clears all (3, ClearSeq)", async () => {
    const MsgKey = await sendC2C();
    const msg = { From_Account: "a", To_Account: "b", MsgKey };
    ok(
      await set({
        ...msg,
        OperateType: 1,
        ExtensionList: [kv("a", "1"), kv("b", "2"), kv("c", "3")],
      }),
    );
    ok(await set({ ...msg, OperateType: 2, ExtensionList: [kv("a", "", 7), { Key: "gone" }] }));
    expect(ok(await get(msg)).ExtensionList.map((e: Body) => e.Key)).toEqual(["b", "c"]);
    ok(await set({ ...msg, OperateType: 3 }));
    const cleared = ok(await get(msg));
    expect(cleared).toMatchObject({ ExtensionList: [], LatestSeq: 5, ClearSeq: 5 });
  });

  it("checks limits: 20 a request (90011), 300 a message (90011), key 100 and value 1000 bytes (90001)", async () => {
    const MsgKey = await sendC2C();
    const msg = { From_Account: "a", To_Account: "b", MsgKey, OperateType: 1 };
    const many = (n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => kv(`k${from + i}`, "v"));
    expect((await set({ ...msg, ExtensionList: many(21) })).ErrorCode).toBe(90011);
    for (let i = 0; i < 15; i++) ok(await set({ ...msg, ExtensionList: many(20, i * 20) }));
    expect((await set({ ...msg, ExtensionList: many(1, 300) })).ErrorCode).toBe(90011);
    expect(
      ok(await set({ ...msg, ExtensionList: [kv("k0", "changed")] })).ExtensionList[0].ErrorCode,
    ).toBe(0);
    const MsgKey2 = await sendC2C();
    const msg2 = { ...msg, MsgKey: MsgKey2 };
    expect((await set({ ...msg2, ExtensionList: [kv("x".repeat(101), "v")] })).ErrorCode).toBe(
      90001,
    );
    ok(await set({ ...msg2, ExtensionList: [kv("x".repeat(100), "v".repeat(1000))] }));
    expect((await set({ ...msg2, ExtensionList: [kv("y", "v".repeat(1001))] })).ErrorCode).toBe(
      90001,
    );
    expect((await set({ ...msg2, OperateType: 4, ExtensionList: [kv("y", "v")] })).ErrorCode).toBe(
      90001,
    );
  });

  it("needs a message sent with SupportMessageExtension (23002) that exists (23004), and the Pro edition (10008)", async () => {
    const plain = await sendC2C(0);
    const r = await set({
      From_Account: "a",
      To_Account: "b",
      MsgKey: plain,
      OperateType: 1,
      ExtensionList: [kv("k", "v")],
    });
    expect(r).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 23002 });
    expect((await get({ From_Account: "a", To_Account: "b", MsgKey: plain })).ErrorCode).toBe(
      23002,
    );
    const missing = await get({ From_Account: "a", To_Account: "b", MsgKey: "1_2_3" });
    expect(missing.ErrorCode).toBe(23004);
    expect((await get({ To_Account: "ghost", MsgKey: plain })).ErrorCode).toBe(90003);
    await withTencent({ edition: "standard" }, async (tim) => {
      await importUsers(tim, "a", "b");
      const sent = ok(
        await tim.call("openim/sendmsg", {
          From_Account: "a",
          To_Account: "b",
          MsgRandom: 1,
          MsgBody: text("x"),
          SupportMessageExtension: 1,
        }),
      );
      const off = await tim.call("openim_msg_ext_http_svc/get_key_values", {
        From_Account: "a",
        To_Account: "b",
        MsgKey: sent.MsgKey,
      });
      expect(off.ErrorCode).toBe(10008);
    });
  });
});

describe("openim_msg_ext_http_svc/group_set_key_values and group_get_key_values", () => {
  async function groupMessage(
    type = "Public",
    support = 1,
  ): Promise<{ GroupId: string; MsgSeq: number }> {
    const GroupId = await createGroupOf(fx.tim, "o", ["m"], { Type: type });
    const sent = ok(
      await send.group(GroupId, "o", { MsgBody: text("g"), SupportMessageExtension: support }),
    );
    return { GroupId, MsgSeq: sent.MsgSeq };
  }
  const gset = (body: Body) => fx.tim.call("openim_msg_ext_http_svc/group_set_key_values", body);
  const gget = (body: Body) => fx.tim.call("openim_msg_ext_http_svc/group_get_key_values", body);

  it("sets and reads a group message's keys by GroupId and MsgSeq, Seq unchecked as for one-to-one", async () => {
    const msg = await groupMessage();
    ok(await gset({ ...msg, OperateType: 1, ExtensionList: [kv("vote", "yes", 0)] }));
    const again = ok(await gset({ ...msg, OperateType: 1, ExtensionList: [kv("vote", "no", 0)] }));
    expect(again.ExtensionList[0]).toEqual({
      ErrorCode: 0,
      Extension: { Key: "vote", Value: "no", Seq: 2 },
    });
    expect(ok(await gget(msg)).ExtensionList).toEqual([{ Key: "vote", Value: "no", Seq: 2 }]);
  });

  it("refuses live groups (10007), missing or recalled messages (23004) and messages without support (23002)", async () => {
    const live = await groupMessage("AVChatRoom");
    expect((await gget(live)).ErrorCode).toBe(10007);
    const msg = await groupMessage();
    expect((await gget({ ...msg, MsgSeq: 99 })).ErrorCode).toBe(23004);
    ok(
      await fx.tim.call("group_open_http_svc/group_msg_recall", {
        GroupId: msg.GroupId,
        MsgSeqList: [{ MsgSeq: msg.MsgSeq }],
      }),
    );
    expect((await gget(msg)).ErrorCode).toBe(23004);
    const plain = await groupMessage("Public", 0);
    expect(
      (await gset({ ...plain, OperateType: 1, ExtensionList: [kv("k", "v")] })).ErrorCode,
    ).toBe(23002);
    expect((await gget({ GroupId: "nope", MsgSeq: 1 })).ErrorCode).toBe(10010);
  });
});
