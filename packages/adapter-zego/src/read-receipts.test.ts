import type { MessageTarget } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { APP_ID, requestCount, value, zegoAdapter, zegoSession } from "./testing/emulator.js";
import { readBy } from "./testing/vendor-state.js";

// markMessagesRead over HTTP against the emulator, beyond the shared contract.
const zego = zegoSession({ rateLimits: false });

const readers = (messageId: string) => readBy(zego.emulator, APP_ID, messageId);

async function texts(from: string, to: MessageTarget, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const [sent] = await zego.adapter.sendMessage({
      from,
      to,
      content: { type: "TEXT", text: `m${i}` },
    });
    ids.push(value(sent).messageId);
  }
  return ids;
}

async function group(owner: string, members: string[]): Promise<string> {
  const groupId = zego.id("g");
  await zego.adapter.createGroup({ id: groupId, name: "G", ownerId: owner, memberIds: members });
  return groupId;
}

/** The receipt calls since `after`: Action and body. */
function receiptCalls(after: number) {
  return zego.emulator
    .requests({ afterSeq: after })
    .map((r) => [r.query.Action, JSON.parse(r.body ?? "{}")]);
}

describe("markMessagesRead", () => {
  it("sends one call per conversation and 10 MsgSeqs, in the reader's name", async () => {
    const [a, b, c] = (await zego.users(3)) as [string, string, string];
    const fromA = await texts(a, { type: "USERS", userIds: [b] }, 12);
    const fromC = await texts(c, { type: "USERS", userIds: [b] }, 1);
    const before = requestCount(zego.emulator);
    await zego.adapter.markMessagesRead({ userId: b, messageIds: [...fromA, ...fromC] });
    const calls = receiptCalls(before);
    expect(calls).toHaveLength(3);
    expect(calls).toEqual(
      expect.arrayContaining([
        [
          "C2cReadReceipt",
          { FromUserId: b, ConvId: a, ConvMsgSeq: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
        ],
        ["C2cReadReceipt", { FromUserId: b, ConvId: a, ConvMsgSeq: [11, 12] }],
        ["C2cReadReceipt", { FromUserId: b, ConvId: c, ConvMsgSeq: [1] }],
      ]),
    );
    for (const messageId of [...fromA, ...fromC]) expect(readers(messageId)).toEqual([b]);
  });

  it("marks group messages read with GroupReadReceipt", async () => {
    const [owner, m1, m2] = (await zego.users(3)) as [string, string, string];
    const groupId = await group(owner, [m1, m2]);
    const [fromOwner] = (await texts(owner, { type: "GROUP", groupId }, 1)) as [string];
    const [fromM2] = (await texts(m2, { type: "GROUP", groupId }, 1)) as [string];
    const before = requestCount(zego.emulator);
    await zego.adapter.markMessagesRead({ userId: m1, messageIds: [fromOwner, fromM2] });
    expect(receiptCalls(before)).toEqual([
      ["GroupReadReceipt", { FromUserId: m1, GroupId: groupId, ConvMsgSeq: [1, 2] }],
    ]);
    expect(readers(fromOwner)).toEqual([m1]);
    expect(readers(fromM2)).toEqual([m1]);
  });

  it("refuses, before any call, messages the reader sent or did not receive", async () => {
    const [a, b, c] = (await zego.users(3)) as [string, string, string];
    const [toB] = (await texts(a, { type: "USERS", userIds: [b] }, 1)) as [string];
    const [toC] = (await texts(a, { type: "USERS", userIds: [c] }, 1)) as [string];
    const before = requestCount(zego.emulator);
    const refused = (userId: string, messageIds: string[]) =>
      zego.adapter.markMessagesRead({ userId, messageIds });
    await expect(refused(a, [toB])).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      field: "messageIds[0]",
      message: /sent/,
    });
    await expect(refused(b, [toB, toC])).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      field: "messageIds[1]",
    });
    await expect(refused(b, [toB, toB])).rejects.toMatchObject({ field: "messageIds[1]" });
    await expect(refused(b, ["msg1.forged.id"])).rejects.toMatchObject({
      field: "messageIds[0]",
    });
    await expect(refused("", [toB])).rejects.toMatchObject({ field: "userId" });
    expect(requestCount(zego.emulator)).toBe(before);
  });

  it("maps ZIM's refusals: a reader outside the group, an unregistered reader", async () => {
    const [owner, member, outsider] = (await zego.users(3)) as [string, string, string];
    const groupId = await group(owner, [member]);
    const [messageId] = (await texts(owner, { type: "GROUP", groupId }, 1)) as [string];
    await expect(
      zego.adapter.markMessagesRead({ userId: outsider, messageIds: [messageId] }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "660600024" });
    const [a] = (await zego.users(1)) as [string];
    const [toGhost] = (await texts(a, { type: "USERS", userIds: ["ghost-reader"] }, 1)) as [string];
    await expect(
      zego.adapter.markMessagesRead({ userId: "ghost-reader", messageIds: [toGhost] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", vendorCode: "660500002" });
  });

  it("needs features.readReceipts, which also makes sends ask for receipts (HasReceipt)", async () => {
    const plain = zegoAdapter(zego.emulator, { features: { broadcast: true } });
    try {
      const [a, b] = (await zego.users(2)) as [string, string];
      const before = requestCount(zego.emulator);
      const [sent] = await plain.sendMessage({
        from: a,
        to: { type: "USERS", userIds: [b] },
        content: { type: "TEXT", text: "no receipt" },
      });
      const messageId = value(sent).messageId;
      const [send] = zego.emulator.requests({ afterSeq: before });
      expect(JSON.parse(send?.body ?? "{}").MessageBody).toEqual({ Message: "no receipt" });
      await expect(
        plain.markMessagesRead({ userId: b, messageIds: [messageId] }),
      ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR", message: /features\.readReceipts/ });
      // ZIM keeps no receipt for a message sent without HasReceipt.
      await zego.adapter.markMessagesRead({ userId: b, messageIds: [messageId] });
      expect(readers(messageId)).toEqual([]);
      const [withReceipt] = await texts(a, { type: "USERS", userIds: [b] }, 1);
      const [asked] = zego.emulator.requests({ route: "zim:SendPeerMessage" }).slice(-1);
      expect(JSON.parse(asked?.body ?? "{}").MessageBody).toMatchObject({ HasReceipt: 1 });
      await zego.adapter.markMessagesRead({ userId: b, messageIds: [withReceipt as string] });
      expect(readers(withReceipt as string)).toEqual([b]);
    } finally {
      await plain.close();
    }
  });
});
