import type { ImportedMessage, ImportMessagesInput } from "@imgraph/core";
import { afterEach, describe, expect, it } from "vitest";
import { errorOf, requestCount, value, zegoSession } from "./testing/emulator.js";

// importMessages over HTTP against the emulator, beyond the shared contract.
const zego = zegoSession({ rateLimits: false });
afterEach(() => zego.emulator.clearFaults());

const HOUR = 3_600_000;
/** Whole seconds an hour ago: an import time ZIM keeps as it is. */
const base = () => Math.floor(Date.now() / 1000) * 1000 - HOUR;
const text = (senderId: string, at: number, t: string): ImportedMessage => ({
  senderId,
  sentAt: new Date(at),
  content: { type: "TEXT", text: t },
});

/** The import calls since `after`: [ImportedUserId or GroupId, FromUserId, text]. */
function importCalls(after: number) {
  return zego.emulator.requests({ afterSeq: after }).map((r) => {
    const body = JSON.parse(r.body ?? "{}");
    return [
      r.query.Action,
      body.ImportedUserId ?? body.GroupId,
      body.FromUserId,
      body.MessageBody.Message,
    ];
  });
}

async function history(conversation: ImportMessagesInput["conversation"]) {
  const page = await zego.adapter.listMessages({ conversation, limit: 10 });
  return page.items.map((m) => [
    m.content.type === "TEXT" ? m.content.text : "?",
    m.senderId,
    m.sentAt.getTime(),
  ]);
}

/** A new group of a new owner and one new member. */
async function groupOfTwo() {
  const [owner, member] = (await zego.users(2)) as [string, string];
  const groupId = zego.id("g");
  await zego.adapter.createGroup({ id: groupId, name: "G", ownerId: owner, memberIds: [member] });
  return { owner, member, groupId };
}

describe("importMessages", () => {
  it("imports each one-to-one message for its sender, then the other user, oldest first", async () => {
    const [u1, u2] = (await zego.users(2)) as [string, string];
    const t = base();
    const conversation = { type: "USER" as const, userId: u1, peerId: u2 };
    const before = requestCount(zego.emulator);
    const results = await zego.adapter.importMessages({
      conversation,
      messages: [text(u1, t, "one"), text(u2, t + 1000, "two")],
    });
    expect(importCalls(before)).toEqual([
      ["ImportPeerMsg", u1, u1, "one"],
      ["ImportPeerMsg", u2, u1, "one"],
      ["ImportPeerMsg", u2, u2, "two"],
      ["ImportPeerMsg", u1, u2, "two"],
    ]);
    // Both users' views hold both messages, with their original senders and times.
    const expected = [
      ["two", u2, t + 1000],
      ["one", u1, t],
    ];
    expect(await history(conversation)).toEqual(expected);
    expect(await history({ type: "USER", userId: u2, peerId: u1 })).toEqual(expected);
    // The id names the receiver's copy, as a sent message's id does.
    const first = value(results[0]).messageId as string;
    expect(zego.adapter.describeMessageId(first)).toEqual({
      senderId: u1,
      conversation: { type: "USER", id: u2 },
    });
    const receiverView = await zego.adapter.listMessages({
      conversation: { type: "USER", userId: u2, peerId: u1 },
    });
    expect(receiverView.items.map((m) => m.id)).toContain(first);
  });

  it("imports group messages with ImportGroupMsg, the id built from its MsgSeq", async () => {
    const { owner, member, groupId } = await groupOfTwo();
    const t = base();
    const results = await zego.adapter.importMessages({
      conversation: { type: "GROUP", groupId },
      messages: [text(member, t, "a"), text(owner, t + 1000, "b")],
    });
    expect(results.map((r) => r.key)).toEqual(["0", "1"]);
    const page = await zego.adapter.listMessages({ conversation: { type: "GROUP", groupId } });
    expect(page.items.map((m) => [m.id, m.senderId, m.sentAt.getTime()])).toEqual([
      [value(results[1]).messageId, owner, t + 1000],
      [value(results[0]).messageId, member, t],
    ]);
  });

  it("answers per message: a refused one fails alone, the others land in order", async () => {
    const { owner, member, groupId } = await groupOfTwo();
    const t = base();
    const results = await zego.adapter.importMessages({
      conversation: { type: "GROUP", groupId },
      messages: [text(owner, t, "a"), text("ghost-sender", t + 1, "b"), text(member, t + 2, "c")],
    });
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(errorOf(results[1])).toMatchObject({ code: "NOT_FOUND", vendorCode: "660500002" });
    // Older than the app's history retention (90 days here): ZIM refuses that message.
    const [u1, u2] = (await zego.users(2)) as [string, string];
    const old = await zego.adapter.importMessages({
      conversation: { type: "USER", userId: u1, peerId: u2 },
      messages: [text(u1, Date.now() - 100 * 24 * HOUR, "too old"), text(u2, t, "fine")],
    });
    expect(old.map((r) => r.ok)).toEqual([false, true]);
    expect(errorOf(old[0])).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "660000002" });
  });

  it("says when a message reached only its sender's history, and never repeats an import", async () => {
    const [u1, u2] = (await zego.users(2)) as [string, string];
    const conversation = { type: "USER" as const, userId: u1, peerId: u2 };
    zego.emulator.addFault({
      route: "zim:ImportPeerMsg",
      kind: "vendor-error",
      code: 660400001,
      after: 1,
      times: 1,
    });
    const [half] = await zego.adapter.importMessages({
      conversation,
      messages: [text(u1, base(), "half")],
    });
    expect(errorOf(half)).toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "660400001",
      message: new RegExp(`into ${u1}'s history only`),
    });
    expect((await history(conversation)).map(([t]) => t)).toEqual(["half"]);
    expect(await history({ type: "USER", userId: u2, peerId: u1 })).toEqual([]);
    // A failure that may have reached ZIM is not retried (it would store a second copy).
    zego.emulator.addFault({ route: "zim:ImportPeerMsg", kind: "http-error", times: 1 });
    const before = requestCount(zego.emulator);
    const [lost] = await zego.adapter.importMessages({
      conversation,
      messages: [text(u2, base(), "lost")],
    });
    expect(errorOf(lost)?.code).toBe("VENDOR_UNAVAILABLE");
    expect(requestCount(zego.emulator) - before).toBe(1);
  });

  it("refuses, before any call, bad order, future or epoch times and bad content", async () => {
    const [u1, u2] = (await zego.users(2)) as [string, string];
    const conversation = { type: "USER" as const, userId: u1, peerId: u2 };
    const t = base();
    const before = requestCount(zego.emulator);
    const refused = (messages: ImportedMessage[]) =>
      zego.adapter.importMessages({ conversation, messages });
    await expect(refused([text(u1, t, "b"), text(u1, t - 1, "a")])).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      field: "messages[1].sentAt",
    });
    await expect(refused([text(u1, Date.now() + HOUR, "x")])).rejects.toMatchObject({
      field: "messages[0].sentAt",
    });
    // ZIM would read SendMessageTime 0 as "now".
    await expect(refused([text(u1, 0, "x")])).rejects.toMatchObject({
      field: "messages[0].sentAt",
    });
    await expect(
      refused([
        text(u1, t, "ok"),
        { senderId: u2, sentAt: new Date(t), content: { type: "IMAGE", url: "not a url" } },
      ]),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "messages[1].content.url" });
    await expect(refused([text("someone-else", t, "x")])).rejects.toMatchObject({
      field: "messages[0].senderId",
    });
    expect(requestCount(zego.emulator)).toBe(before);
  });
});
