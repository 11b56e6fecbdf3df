import { beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, TEST_APP_ID, useZego } from "./test-support.js";

// C2cReadReceipt / GroupReadReceipt (zego.md #16 §2.4, choices §6.9).
const fx = useZego();
beforeEach(() => {
  fx.emu.seed({
    users: [{ userId: "a" }, { userId: "b" }, { userId: "c" }],
    groups: [{ groupId: "g", owner: "a", members: ["b"] }],
  });
});

const body = (Message: string, HasReceipt?: number) => ({
  MessageType: 1,
  Priority: 1,
  MessageBody: { Message, ...(HasReceipt === undefined ? {} : { HasReceipt }) },
});
const peer = (from: string, to: string, HasReceipt = 1) =>
  fx.zim.post("SendPeerMessage", { FromUserId: from, ToUserId: [to], ...body("hi", HasReceipt) });
const inGroup = (from: string, GroupId = "g") =>
  fx.zim.post("SendGroupMessage", { FromUserId: from, GroupId, ...body("hi", 1) });
const c2c = (FromUserId: string, ConvId: string, ConvMsgSeq: unknown) =>
  fx.zim.post("C2cReadReceipt", { FromUserId, ConvId, ConvMsgSeq });
const groupReceipt = (FromUserId: string, ConvMsgSeq: unknown, GroupId = "g") =>
  fx.zim.post("GroupReadReceipt", { FromUserId, GroupId, ConvMsgSeq });

interface Dumped {
  seq: number;
  readBy?: string[];
}
/** Who the emulator recorded as readers, by MsgSeq (the control API's state dump). */
function readers(kind: "peer" | "group"): Record<number, string[]> {
  const state = fx.emu.state(String(TEST_APP_ID)) as {
    peerConversations: { messages: Dumped[] }[];
    groupConversations: { messages: Dumped[] }[];
  };
  const convs = kind === "peer" ? state.peerConversations : state.groupConversations;
  const messages = convs.flatMap((c) => c.messages);
  return Object.fromEntries(messages.map((m) => [m.seq, m.readBy ?? []]));
}

describe("C2cReadReceipt", () => {
  it("records the reader on received messages sent with HasReceipt, answering ReadTime in ms", async () => {
    await peer("a", "b");
    await peer("a", "b");
    await peer("a", "b", 0);
    fx.emu.setClock({ frozen: true });
    const res = await c2c("b", "a", [1, 2, 3]);
    expect(res.body).toMatchObject({ Code: 0, ReadTime: fx.emu.now() });
    // Without HasReceipt the seq is accepted and ignored.
    expect(readers("peer")).toEqual({ 1: ["b"], 2: ["b"], 3: [] });
    // Repeating is Code 0 and records nobody twice.
    expect((await c2c("b", "a", [1])).body.Code).toBe(0);
    expect(readers("peer")[1]).toEqual(["b"]);
  });

  it("leaves unread counts alone", async () => {
    await peer("a", "b");
    await c2c("b", "a", [1]);
    const state = fx.emu.state(String(TEST_APP_ID)) as {
      userConversations: { userId: string; unread: number }[];
    };
    expect(state.userConversations.find((e) => e.userId === "b")?.unread).toBe(1);
  });

  it("takes at most 10 seqs (660400102) and fails when none is a message the user received (660400104)", async () => {
    await peer("a", "b");
    expect((await c2c("b", "a", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).body.Code).toBe(660400102);
    // Ten is fine: the unknown ones are skipped while one counts.
    expect((await c2c("b", "a", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).body.Code).toBe(0);
    expect((await c2c("b", "a", [7])).body.Code).toBe(660400104);
    // The sender's own message is not a received one.
    expect((await c2c("a", "b", [1])).body.Code).toBe(660400104);
    expect((await c2c("b", "c", [1])).body.Code).toBe(660400104);
  });

  it("checks its parameters: the reader registered, the peer another user, seqs given", async () => {
    await peer("a", "b");
    expect((await c2c("ghost", "a", [1])).body.Code).toBe(660500002);
    expect((await c2c("b", "b", [1])).body.Code).toBe(660000002);
    expect((await c2c("b", "a", [])).body.Code).toBe(660000002);
    expect((await c2c("b", "a", ["x"])).body.Code).toBe(660000002);
    expect((await fx.zim.post("C2cReadReceipt", { FromUserId: "b", ConvId: "a" })).body.Code).toBe(
      660000002,
    );
  });
});

describe("GroupReadReceipt", () => {
  it("records each member who read a group message", async () => {
    fx.emu.seed({ groups: [{ groupId: "g2", owner: "a", members: ["b", "c"] }] });
    await inGroup("a", "g2");
    expect((await groupReceipt("b", [1], "g2")).body.Code).toBe(0);
    expect((await groupReceipt("c", [1], "g2")).body.Code).toBe(0);
    expect(readers("group")).toEqual({ 1: ["b", "c"] });
  });

  it("refuses a missing group, a non-member, and seqs that are no received message (660400103)", async () => {
    await inGroup("a");
    expect((await groupReceipt("b", [1], "nope")).body.Code).toBe(660600001);
    expect((await groupReceipt("c", [1])).body.Code).toBe(660600024);
    expect((await groupReceipt("b", [2])).body.Code).toBe(660400103);
    expect((await groupReceipt("a", [1])).body.Code).toBe(660400103);
    expect(
      (
        await groupReceipt(
          "b",
          Array.from({ length: 11 }, (_, i) => i + 1),
        )
      ).body.Code,
    ).toBe(660400102);
  });
});

describe("read receipts and the plan", () => {
  it("answers 660000028 on the free plan (a Pro / Enterprise feature)", async () => {
    const free = await startTestEmulator({}, { plan: "free" });
    try {
      free.emu.seed({ users: [{ userId: "a" }, { userId: "b" }] });
      await free.zim.post("SendPeerMessage", { FromUserId: "a", ToUserId: ["b"], ...body("x", 1) });
      const res = await free.zim.post("C2cReadReceipt", {
        FromUserId: "b",
        ConvId: "a",
        ConvMsgSeq: [1],
      });
      expect(res.body.Code).toBe(660000028);
    } finally {
      await free.emu.close();
    }
  });
});
