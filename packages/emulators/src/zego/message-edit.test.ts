import { beforeEach, describe, expect, it } from "vitest";
import { TEST_APP_ID, useZego } from "./test-support.js";

// EditC2cMsgBody / EditGroupMsgBody and ClearPeerMessage / ClearMemberGroupMessage
// (zego.md #16 §2.1-2.2).
const fx = useZego({}, { callbackUrl: "http://127.0.0.1:9/cb" });
beforeEach(() => {
  fx.emu.seed({
    users: [{ userId: "a" }, { userId: "b" }, { userId: "c" }],
    groups: [{ groupId: "g", owner: "a", members: ["b"] }],
  });
});

const text = (Message: string) => ({ MessageType: 1, Priority: 1, MessageBody: { Message } });
const peer = (from = "a", to = "b", Message = "hi") =>
  fx.zim.post("SendPeerMessage", { FromUserId: from, ToUserId: [to], ...text(Message) });
const inGroup = (from = "a", body: Record<string, unknown> = text("hi")) =>
  fx.zim.post("SendGroupMessage", { FromUserId: from, GroupId: "g", ...body });
const editPeer = (body: Record<string, unknown>) =>
  fx.zim.post("EditC2cMsgBody", {
    FromUserId: "a",
    SenderId: "a",
    ConvId: "b",
    MsgType: 1,
    ConvMsgSeq: 1,
    EditType: 1,
    MessageBody: { Message: "edited" },
    ...body,
  });
const editGroup = (body: Record<string, unknown>) =>
  fx.zim.post("EditGroupMsgBody", {
    FromUserId: "a",
    ConvId: "g",
    MsgType: 1,
    ConvMsgSeq: 1,
    EditType: 1,
    MessageBody: { Message: "edited" },
    ...body,
  });

type Item = { MsgBody: string; MsgSeq: number; MsgId: number; IsEmpty: number; Payload: string };
async function peerHistory(from: string, to: string, WithEmptyMsg = 0): Promise<Item[]> {
  const res = await fx.zim.post("QueryPeerMsg", { FromUserId: from, ToUserId: to, WithEmptyMsg });
  return res.body.List as Item[];
}
async function groupHistory(): Promise<Item[]> {
  return (await fx.zim.post("QueryGroupMsg", { GroupId: "g" })).body.List as Item[];
}

describe("EditC2cMsgBody / EditGroupMsgBody", () => {
  it("replaces a peer message's body, keeping its id, seq and time, and counts edits", async () => {
    await peer();
    const [before] = await peerHistory("b", "a");
    const sent = Math.floor(fx.emu.now() / 1000);
    const res = await editPeer({});
    const answered = Math.floor(fx.emu.now() / 1000);
    expect(res.body).toMatchObject({ Code: 0, StateMsgSeq: 1, EditMsgSeq: 1 });
    // Seconds of the emulated clock, between the request and its answer.
    expect(res.body.LatestEditTime).toBeGreaterThanOrEqual(sent);
    expect(res.body.LatestEditTime).toBeLessThanOrEqual(answered);
    const [after] = await peerHistory("b", "a");
    expect(after).toMatchObject({ MsgBody: "edited", MsgSeq: 1, MsgId: before?.MsgId });
    const again = await editPeer({ MessageBody: { Message: "twice" } });
    expect(again.body).toMatchObject({ StateMsgSeq: 2, EditMsgSeq: 2 });
  });

  it("edits a group message (SenderId optional) and fires send_msg with the same seq", async () => {
    await inGroup();
    fx.emu.clearCallbacks();
    expect((await editGroup({})).body.Code).toBe(0);
    expect((await groupHistory())[0]?.MsgBody).toBe("edited");
    await fx.emu.flushCallbacks();
    const [sent] = fx.emu.callbackDeliveries({ kind: "send_msg" });
    expect(JSON.parse(sent?.body ?? "{}")).toMatchObject({
      conv_id: "g",
      msg_seq: 1,
      msg_body: "edited",
      source: 1,
    });
  });

  it("edits ExtendedData and a custom message's SubMsgType by EditType bits", async () => {
    await inGroup("a", { MessageType: 200, Priority: 1, MessageBody: { Message: "{}" } });
    const res = await editGroup({
      MsgType: 200,
      EditType: 1 | 2 | 16,
      SubMsgType: 7,
      MessageBody: { Message: '{"x":1}', ExtendedData: "ext" },
    });
    expect(res.body.Code).toBe(0);
    const state = fx.emu.state(String(TEST_APP_ID)) as {
      groupConversations: {
        messages: { body: string; extendedData: string; subMsgType: number }[];
      }[];
    };
    expect(state.groupConversations[0]?.messages[0]).toMatchObject({
      body: '{"x":1}',
      extendedData: "ext",
      subMsgType: 7,
    });
    // EditType 16 needs a custom message.
    expect((await editGroup({ EditType: 16, SubMsgType: 1 })).body.Code).toBe(660000002);
  });

  it("refuses edits after the 24-hour window, measured from the original send", async () => {
    await peer();
    fx.emu.setClock({ advanceMs: 23 * 3_600_000 });
    expect((await editPeer({})).body.Code).toBe(0);
    fx.emu.setClock({ advanceMs: 2 * 3_600_000 });
    expect((await editPeer({})).body.Code).toBe(661000001);
  });

  it("answers the undocumented failures as zego.md #16 §6 chooses", async () => {
    await peer();
    await inGroup();
    expect((await editPeer({ ConvMsgSeq: 9 })).body.Code).toBe(660000022);
    expect((await editPeer({ SenderId: "b" })).body.Code).toBe(660000026);
    expect((await editPeer({ SenderId: "c" })).body.Code).toBe(660000002);
    expect((await editPeer({ SenderId: undefined })).body.Code).toBe(660000002);
    expect((await editPeer({ MsgType: 200 })).body.Code).toBe(660000002);
    expect((await editPeer({ MsgType: 11 })).body.Code).toBe(660000002);
    expect((await editPeer({ MessageBody: { Message: "" } })).body.Code).toBe(660000002);
    expect((await editPeer({ EditType: 0 })).body.Code).toBe(660000002);
    expect((await editPeer({ EditType: 32 })).body.Code).toBe(660000002);
    expect((await editPeer({ EditType: 4 })).body.Code).toBe(660000002);
    expect((await editPeer({ FromUserId: "ghost" })).body.Code).toBe(660500002);
    expect((await editPeer({ MessageBody: { Message: "x".repeat(2049) } })).body.Code).toBe(
      660400001,
    );
    expect((await editGroup({ FromUserId: "c" })).body.Code).toBe(660600024);
    expect((await editGroup({ ConvId: "nogroup" })).body.Code).toBe(660600001);
    await fx.zim.post("RevokePeerMessage", { FromUserId: "a", ToUserId: "b", MsgSeq: 1 });
    expect((await editPeer({})).body.Code).toBe(660000023);
  });

  it("lets the receiver of a peer message edit in the sender's name (a participant)", async () => {
    await peer();
    const res = await editPeer({ FromUserId: "b", ConvId: "a" });
    expect(res.body.Code).toBe(0);
  });
});

describe("ClearPeerMessage / ClearMemberGroupMessage", () => {
  it("clears one user's view of a peer conversation only", async () => {
    await peer("a", "b", "1");
    await peer("b", "a", "2");
    const res = await fx.zim.post("ClearPeerMessage", { FromUserId: "b", ToUserId: "a" });
    expect(res.body).toEqual({ Code: 0, Message: "success", RequestId: expect.any(String) });
    expect(await peerHistory("b", "a")).toEqual([]);
    expect((await peerHistory("b", "a", 1)).map((m) => [m.MsgSeq, m.IsEmpty, m.MsgBody])).toEqual([
      [2, 1, ""],
      [1, 1, ""],
    ]);
    expect((await peerHistory("a", "b")).map((m) => m.MsgBody)).toEqual(["2", "1"]);
    // The entry stays listed; new messages are seen again.
    const list = await fx.zim.post("QueryConversationList", { FromUserId: "b" });
    expect(list.body.List).toEqual([expect.objectContaining({ ConvId: "a" })]);
    await peer("a", "b", "3");
    expect((await peerHistory("b", "a")).map((m) => m.MsgBody)).toEqual(["3"]);
  });

  it("clears one member's view of a group conversation; QueryGroupMsg is unaffected", async () => {
    await inGroup();
    const res = await fx.zim.post("ClearMemberGroupMessage", { FromUserId: "b", GroupId: "g" });
    expect(res.body.Code).toBe(0);
    const state = fx.emu.state(String(TEST_APP_ID)) as {
      userConversations: { userId: string; convId: string; messageCount: number }[];
    };
    const counts = state.userConversations
      .filter((c) => c.convId === "g")
      .map((c) => [c.userId, c.messageCount]);
    expect(counts.sort()).toEqual([
      ["a", 1],
      ["b", 0],
    ]);
    expect(await groupHistory()).toHaveLength(1);
  });

  it("checks the user, the group and membership", async () => {
    const clearGroup = (FromUserId: string, GroupId: string) =>
      fx.zim.post("ClearMemberGroupMessage", { FromUserId, GroupId });
    expect((await clearGroup("c", "g")).body.Code).toBe(660600024);
    expect((await clearGroup("a", "nogroup")).body.Code).toBe(660600001);
    expect((await clearGroup("ghost", "g")).body.Code).toBe(660500002);
    expect(
      (await fx.zim.post("ClearPeerMessage", { FromUserId: "ghost", ToUserId: "a" })).body.Code,
    ).toBe(660500002);
    expect((await fx.zim.post("ClearPeerMessage", { FromUserId: "a" })).body.Code).toBe(660000002);
    // Nothing to clear is fine.
    expect(
      (await fx.zim.post("ClearPeerMessage", { FromUserId: "a", ToUserId: "c" })).body.Code,
    ).toBe(0);
  });
});
