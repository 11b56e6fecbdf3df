import { beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, TEST_APP_ID, TEST_SECRET, useZego } from "./test-support.js";

const fx = useZego();
beforeEach(async () => {
  fx.emu.seed({
    users: [{ userId: "a" }, { userId: "b" }, { userId: "c" }],
    groups: [{ groupId: "g", owner: "a", members: ["b"] }],
  });
});

const text = (Message: string) => ({ MessageType: 1, Priority: 1, MessageBody: { Message } });
const peer = (body: Record<string, unknown>) =>
  fx.zim.post("SendPeerMessage", { FromUserId: "a", ToUserId: ["b"], ...text("hi"), ...body });
const group = (body: Record<string, unknown>) =>
  fx.zim.post("SendGroupMessage", { FromUserId: "a", GroupId: "g", ...text("hi"), ...body });

describe("SendPeerMessage", () => {
  it("answers SuccList with MsgId strings and per-conversation MsgSeq", async () => {
    const res = await peer({ ToUserId: ["b", "c", "b"] });
    expect(res.body).toMatchObject({ Code: 0, ErrorList: [], AuditInfos: [] });
    const succ = res.body.SuccList as { UserId: string; MsgId: string; MsgSeq: number }[];
    expect(succ.map((s) => [s.UserId, s.MsgSeq])).toEqual([
      ["b", 1],
      ["c", 1],
    ]);
    expect(typeof succ[0]?.MsgId).toBe("string");
    expect(succ[0]?.MsgId).not.toBe(succ[1]?.MsgId);
    const second = await peer({});
    expect((second.body.SuccList as { MsgSeq: number }[])[0]?.MsgSeq).toBe(2);
  });

  it("validates the request", async () => {
    expect((await peer({ FromUserId: "ghost" })).body.Code).toBe(660500002);
    expect((await peer({ ToUserId: ["a"] })).body.Code).toBe(660000002);
    expect(
      (await peer({ ToUserId: Array.from({ length: 101 }, (_, i) => `u${i}`) })).body.Code,
    ).toBe(660000011);
    expect((await peer({ ToUserId: [] })).body.Code).toBe(660000002);
    expect((await peer({ MessageType: 99 })).body.Code).toBe(660000002);
    expect((await peer({ Priority: 4 })).body.Code).toBe(660000002);
    expect((await peer({ Priority: undefined })).body.Code).toBe(660000002);
    expect((await peer({ MessageBody: { Message: "" } })).body.Code).toBe(660000002);
    expect((await peer({ MessageBody: undefined })).body.Code).toBe(660000002);
    expect((await peer({ MessageBody: { Message: "x".repeat(2049) } })).body.Code).toBe(660400001);
    expect((await peer({ MessageBody: { Message: "x".repeat(2048) } })).body.Code).toBe(0);
    expect(
      (await peer({ MessageBody: { Message: "x", ExtendedData: "e".repeat(1025) } })).body.Code,
    ).toBe(660400001);
    expect((await peer({ MessageType: "1" })).body.Code).toBe(660000002);
  });

  it("partial success and all-failed", async () => {
    const res = await peer({ ToUserId: ["b", "y".repeat(40)] });
    expect(res.body.Code).toBe(0);
    expect(res.body.ErrorList).toEqual([{ UserId: "y".repeat(40), SubCode: 660000002 }]);
    const all = await peer({ ToUserId: ["z".repeat(40)] });
    expect(all.body.Code).toBe(660000002);
    expect(all.body.ErrorList).toHaveLength(1);
  });

  it("validates media, custom, multi-item and command bodies", async () => {
    const image = JSON.stringify({
      Origin: { Url: "https://x/i.png", Width: 1, Height: 1 },
      FileName: "i.png",
    });
    expect((await peer({ MessageType: 11, MessageBody: { Message: image } })).body.Code).toBe(0);
    expect((await peer({ MessageType: 11, MessageBody: { Message: "not json" } })).body.Code).toBe(
      660000002,
    );
    expect((await peer({ MessageType: 11, MessageBody: { Message: "{}" } })).body.Code).toBe(
      660000002,
    );
    const file = JSON.stringify({ Url: "https://x/f.pdf", FileName: "f".repeat(151) });
    expect((await peer({ MessageType: 12, MessageBody: { Message: file } })).body.Code).toBe(
      660000002,
    );
    expect(
      (
        await peer({
          MessageType: 12,
          MessageBody: { Message: JSON.stringify({ Url: "https://x/f" }) },
        })
      ).body.Code,
    ).toBe(0);
    expect(
      (await peer({ MessageType: 200, SubMsgType: 7, MessageBody: { Message: "{}" } })).body.Code,
    ).toBe(0);
    expect(
      (await peer({ MessageType: 200, SubMsgType: 201, MessageBody: { Message: "{}" } })).body.Code,
    ).toBe(660000002);
    expect(
      (
        await peer({
          MessageType: 200,
          SearchedContent: "s".repeat(65),
          MessageBody: { Message: "{}" },
        })
      ).body.Code,
    ).toBe(660000002);
    const multi = JSON.stringify({ MultiMsg: [{ MsgType: 1, Msg: "a" }] });
    expect((await peer({ MessageType: 10, MessageBody: { Message: multi } })).body.Code).toBe(0);
    expect(
      (
        await peer({
          MessageType: 10,
          MessageBody: { Message: JSON.stringify({ MultiMsg: [{ MsgType: 2, Msg: "a" }] }) },
        })
      ).body.Code,
    ).toBe(660000002);
    const cmd = await peer({ MessageType: 2, MessageBody: { Message: "aGVsbG8=", IsBase64: 1 } });
    expect(cmd.body.Code).toBe(0);
    expect((cmd.body.SuccList as Record<string, unknown>[])[0]?.MsgSeq).toBeUndefined();
    expect(
      (await peer({ MessageType: 2, MessageBody: { Message: "not base64!", IsBase64: 1 } })).body
        .Code,
    ).toBe(660000025);
  });
});

describe("SendGroupMessage / SendRoomMessage / SendMessageToAllUsers", () => {
  it("sends to a group with top-level MsgSeq and numeric MsgId", async () => {
    const res = await group({});
    expect(res.body).toMatchObject({ Code: 0, MsgSeq: 1, AuditInfos: [] });
    expect(typeof res.body.MsgId).toBe("number");
    expect((await group({ GroupId: "nope" })).body.Code).toBe(660600001);
    expect((await group({ FromUserId: "ghost" })).body.Code).toBe(660500002);
    expect(
      (
        await group({
          SendMsgOptions: { TargetOption: { ReceiverUserIds: ["b"], Inclusive: true } },
        })
      ).body.MsgSeq,
    ).toBe(2);
  });

  it("sends to a room; receipts are refused; missing room is 660300001", async () => {
    fx.emu.seed({ rooms: [{ roomId: "r1" }] });
    const room = (body: Record<string, unknown>) =>
      fx.zim.post("SendRoomMessage", { FromUserId: "a", RoomId: "r1", ...text("yo"), ...body });
    expect((await room({})).body).toMatchObject({ Code: 0, AuditInfos: [] });
    expect((await room({ MessageType: 20 })).body.Code).toBe(0);
    expect((await room({ RoomId: "nope" })).body.Code).toBe(660300001);
    expect((await room({ MessageBody: { Message: "x", HasReceipt: 1 } })).body.Code).toBe(
      660300013,
    );
  });

  it("SendMessageToAllUsers checks types and plan", async () => {
    const all = (body: Record<string, unknown>) =>
      fx.zim.post("SendMessageToAllUsers", {
        FromUserId: "a",
        MessageType: 1,
        MessageBody: { Message: "news" },
        ...body,
      });
    expect((await all({})).body.Code).toBe(0);
    expect((await all({ MessageType: 2 })).body.Code).toBe(660000002);
    expect((await all({ FromUserId: "ghost" })).body.Code).toBe(660500002);
    const state = fx.emu.state(String(TEST_APP_ID)) as {
      signals: { kind: string; to: string[] }[];
    };
    expect(state.signals).toMatchObject([{ kind: "zim-broadcast", to: ["b", "c"] }]);
    const free = await startTestEmulator({}, { plan: "free" });
    try {
      free.emu.seed({ users: [{ userId: "a" }] });
      const res = await free.zim.post("SendMessageToAllUsers", {
        FromUserId: "a",
        MessageType: 1,
        MessageBody: { Message: "x" },
      });
      expect(res.body.Code).toBe(660000028);
    } finally {
      await free.emu.close();
    }
  });
});

describe("history, revoke", () => {
  const sendMany = async (n: number, from = "a", to = "b") => {
    for (let i = 1; i <= n; i++) {
      await fx.zim.post("SendPeerMessage", { FromUserId: from, ToUserId: [to], ...text(`m${i}`) });
      fx.emu.setClock({ advanceMs: 10 });
    }
  };
  type Item = {
    MsgSeq: number;
    MsgBody: string;
    MsgType: number;
    IsEmpty: number;
    MsgTime: number;
    MsgId: number;
    Sender: string;
  };

  it("QueryPeerMsg pages newest first with Next as the MsgSeq cursor", async () => {
    await sendMany(5);
    const p1 = await fx.zim.post("QueryPeerMsg", {
      FromUserId: "b",
      ToUserId: "a",
      Limit: 2,
      Next: 0,
    });
    const l1 = p1.body.List as Item[];
    expect(l1.map((m) => m.MsgBody)).toEqual(["m5", "m4"]);
    expect(p1.body.Next).toBe(4);
    expect(l1[0]).toMatchObject({
      Sender: "a",
      MsgType: 1,
      SubMsgType: 0,
      IsEmpty: 0,
      Payload: "",
    });
    expect(typeof l1[0]?.MsgId).toBe("number");
    expect(l1[0]!.MsgTime).toBeGreaterThan(l1[1]!.MsgTime);
    const p2 = await fx.zim.post("QueryPeerMsg", {
      FromUserId: "b",
      ToUserId: "a",
      Limit: 2,
      Next: p1.body.Next,
    });
    expect((p2.body.List as Item[]).map((m) => m.MsgSeq)).toEqual([3, 2]);
    const p3 = await fx.zim.post("QueryPeerMsg", {
      FromUserId: "b",
      ToUserId: "a",
      Limit: 2,
      Next: p2.body.Next,
    });
    expect((p3.body.List as Item[]).map((m) => m.MsgSeq)).toEqual([1]);
    expect(p3.body.Next).toBe(0);
    // Limit ≤ 0 → 10, > 100 → 100.
    expect(
      (await fx.zim.post("QueryPeerMsg", { FromUserId: "a", ToUserId: "b", Limit: 0 })).body.List,
    ).toHaveLength(5);
    expect(
      (await fx.zim.post("QueryPeerMsg", { FromUserId: "a", ToUserId: "c" })).body,
    ).toMatchObject({ Code: 0, Next: 0, List: [] });
    expect(
      (await fx.zim.post("QueryPeerMsg", { FromUserId: "ghost", ToUserId: "a" })).body.Code,
    ).toBe(660500002);
  });

  it("media bodies come back URL-encoded", async () => {
    const file = JSON.stringify({ Url: "https://x/f a.pdf", FileName: "f a.pdf" });
    await fx.zim.post("SendPeerMessage", {
      FromUserId: "a",
      ToUserId: ["b"],
      MessageType: 12,
      Priority: 2,
      MessageBody: { Message: file },
    });
    const res = await fx.zim.post("QueryPeerMsg", { FromUserId: "a", ToUserId: "b" });
    const item = (res.body.List as Item[])[0];
    expect(item?.MsgType).toBe(12);
    expect(item?.MsgBody).toBe(encodeURIComponent(file));
  });

  it("revokes peer messages with the documented codes, then history hides or marks them", async () => {
    await sendMany(3);
    const revoke = (body: Record<string, unknown>) =>
      fx.zim.post("RevokePeerMessage", { FromUserId: "a", ToUserId: "b", MsgSeq: 2, ...body });
    expect((await revoke({ FromUserId: "b", ToUserId: "a" })).body.Code).toBe(660000026);
    expect((await revoke({ MsgSeq: 99 })).body.Code).toBe(660000022);
    expect((await revoke({ Payload: "p".repeat(201) })).body.Code).toBe(660000002);
    expect((await revoke({ Payload: "oops" })).body.Code).toBe(0);
    expect((await revoke({})).body.Code).toBe(660000023);
    const visible = await fx.zim.post("QueryPeerMsg", { FromUserId: "a", ToUserId: "b" });
    expect((visible.body.List as Item[]).map((m) => m.MsgSeq)).toEqual([3, 1]);
    const withEmpty = await fx.zim.post("QueryPeerMsg", {
      FromUserId: "a",
      ToUserId: "b",
      WithEmptyMsg: 1,
    });
    expect((withEmpty.body.List as Item[])[1]).toMatchObject({
      MsgSeq: 2,
      MsgType: 31,
      IsEmpty: 2,
      MsgBody: "",
      Payload: "oops",
    });
    fx.emu.setClock({ advanceMs: 121_000 });
    expect((await revoke({ MsgSeq: 3 })).body.Code).toBe(660000024);
  });

  it("revokes and queries group messages; QueryMessagesByMsgSeq", async () => {
    for (let i = 1; i <= 3; i++) await group(text(`g${i}`));
    expect(
      (await fx.zim.post("RevokeGroupMessage", { FromUserId: "b", GroupId: "g", MsgSeq: 1 })).body
        .Code,
    ).toBe(660000026);
    expect(
      (await fx.zim.post("RevokeGroupMessage", { FromUserId: "a", GroupId: "nope", MsgSeq: 1 }))
        .body.Code,
    ).toBe(660600001);
    expect(
      (await fx.zim.post("RevokeGroupMessage", { FromUserId: "a", GroupId: "g", MsgSeq: 1 })).body
        .Code,
    ).toBe(0);
    const hist = await fx.zim.post("QueryGroupMsg", { GroupId: "g", Limit: 10 });
    expect((hist.body.List as Item[]).map((m) => m.MsgBody)).toEqual(["g3", "g2"]);
    expect((await fx.zim.post("QueryGroupMsg", { GroupId: "nope" })).body.Code).toBe(660600001);
    const bySeq = await fx.zim.post("QueryMessagesByMsgSeq", {
      FromUserId: "a",
      ConvId: "g",
      ConvType: 2,
      MsgSeqList: [3, 1, 42],
    });
    expect((bySeq.body.MessageList as Item[]).map((m) => [m.MsgSeq, m.MsgType])).toEqual([
      [3, 1],
      [1, 31],
    ]);
    await sendMany(1);
    const peerSeq = await fx.zim.post("QueryMessagesByMsgSeq", {
      FromUserId: "b",
      ConvId: "a",
      ConvType: 0,
      MsgSeqList: [1],
    });
    expect(peerSeq.body.MessageList).toMatchObject([{ MsgBody: "m1" }]);
    expect(
      (
        await fx.zim.post("QueryMessagesByMsgSeq", {
          FromUserId: "a",
          ConvId: "g",
          ConvType: 1,
          MsgSeqList: [1],
        })
      ).body.Code,
    ).toBe(660000002);
    expect(
      (
        await fx.zim.post("QueryMessagesByMsgSeq", {
          FromUserId: "a",
          ConvId: "g",
          ConvType: 2,
          MsgSeqList: Array.from({ length: 21 }, (_, i) => i),
        })
      ).body.Code,
    ).toBe(660000011);
  });

  it("RevokeRoomMessage needs Flagship room storage", async () => {
    fx.emu.seed({ rooms: [{ roomId: "r1" }] });
    await fx.zim.post("SendRoomMessage", { FromUserId: "a", RoomId: "r1", ...text("r") });
    expect(
      (await fx.zim.post("RevokeRoomMessage", { FromUserId: "a", RoomId: "r1", MsgSeq: 1 })).body
        .Code,
    ).toBe(0);
    expect(
      (await fx.zim.post("RevokeRoomMessage", { FromUserId: "a", RoomId: "nope", MsgSeq: 1 })).body
        .Code,
    ).toBe(660300001);
    const pro = await startTestEmulator(
      {},
      { plan: "professional", appId: TEST_APP_ID, serverSecret: TEST_SECRET },
    );
    try {
      pro.emu.seed({ users: [{ userId: "a" }], rooms: [{ roomId: "r1" }] });
      await pro.zim.post("SendRoomMessage", { FromUserId: "a", RoomId: "r1", ...text("r") });
      expect(
        (await pro.zim.post("RevokeRoomMessage", { FromUserId: "a", RoomId: "r1", MsgSeq: 1 })).body
          .Code,
      ).toBe(660000027);
    } finally {
      await pro.emu.close();
    }
  });
});
