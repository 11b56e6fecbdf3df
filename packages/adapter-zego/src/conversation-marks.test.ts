import type { Conversation } from "@imgraph/core";
import { rejection } from "@imgraph/core/contract";
import { afterEach, describe, expect, it } from "vitest";
import { failureOf } from "./mark-answer.js";
import { APP_ID, requestCount, zegoSession } from "./testing/emulator.js";
import { conversationMarks } from "./testing/vendor-marks.js";

// setConversationMarks over HTTP against the emulator's SetConvMark (zego.md #16 §1.6).
const zego = zegoSession({ rateLimits: false });
afterEach(() => zego.emulator.clearFaults());

const marksOf = (userId: string, conversation: Conversation) =>
  conversationMarks(zego.emulator, APP_ID, userId, conversation);

/** The SetConvMark bodies sent since `before`. */
const bodiesSince = (before: number) =>
  zego.emulator
    .requests({ afterSeq: before })
    .filter((r) => r.query.Action === "SetConvMark")
    .map((r) => JSON.parse(r.body));

async function groupOf(owner: string, members: string[]): Promise<string> {
  const groupId = zego.id("g");
  await zego.adapter.createGroup({ id: groupId, name: "G", ownerId: owner, memberIds: members });
  return groupId;
}

describe("setConversationMarks", () => {
  it("sends one SetConvMark per mark, adds before removes, the marks unchanged (1..30)", async () => {
    const [me, peer] = (await zego.users(2)) as [string, string];
    const conversation: Conversation = { type: "USER", id: peer };
    await zego.adapter.setConversationMarks({ userId: me, conversation, add: [5] });
    const before = requestCount(zego.emulator);
    await zego.adapter.setConversationMarks({
      userId: me,
      conversation,
      add: [30, 1],
      remove: [5],
    });
    expect(bodiesSince(before)).toEqual(
      [
        [30, true],
        [1, true],
        [5, false],
      ].map(([MarkContent, Action]) => ({
        FromUserId: me,
        ConvMarkInfoList: [{ UserId: me, SetMarkC2c: { [peer]: { MarkContent } }, Action }],
      })),
    );
    expect(marksOf(me, conversation)).toEqual([1, 30]);
    // Removing a mark the conversation does not carry changes nothing and succeeds.
    await zego.adapter.setConversationMarks({ userId: me, conversation, remove: [7] });
    expect(marksOf(me, conversation)).toEqual([1, 30]);
  });

  it("marks a group conversation through SetMarkGroup", async () => {
    const [me, owner] = (await zego.users(2)) as [string, string];
    const groupId = await groupOf(owner, [me]);
    const conversation: Conversation = { type: "GROUP", id: groupId };
    const before = requestCount(zego.emulator);
    await zego.adapter.setConversationMarks({ userId: me, conversation, add: [2] });
    expect(bodiesSince(before)[0].ConvMarkInfoList[0].SetMarkGroup).toEqual({
      [groupId]: { MarkContent: 2 },
    });
    expect(marksOf(me, conversation)).toEqual([2]);
    expect(marksOf(owner, conversation)).toEqual([]);
  });

  it("answers ZIM's all-failed code for a group the user is not in, or that does not exist", async () => {
    const [me, owner] = (await zego.users(2)) as [string, string];
    const groupId = await groupOf(owner, []);
    for (const id of [groupId, zego.id("nogroup")]) {
      const error = await rejection(
        zego.adapter.setConversationMarks({
          userId: me,
          conversation: { type: "GROUP", id },
          add: [1],
        }),
      );
      // The vendor answers Code 1 inside for both: it cannot be told apart as NOT_FOUND.
      expect(error).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "660800054" });
      expect(error.message).toMatch(/could not change the mark on any conversation/);
    }
    expect(marksOf(me, { type: "GROUP", id: groupId })).toEqual([]);
  });

  it("answers NOT_FOUND for a user ZIM does not know (660800001)", async () => {
    const [peer] = (await zego.users(1)) as [string];
    const error = await rejection(
      zego.adapter.setConversationMarks({
        userId: zego.id("ghost"),
        conversation: { type: "USER", id: peer },
        add: [1],
      }),
    );
    expect(error).toMatchObject({ code: "NOT_FOUND", vendorCode: "660800001" });
  });

  it("refuses marks outside ZIM's 1..30 before any call", async () => {
    const [me, peer] = (await zego.users(2)) as [string, string];
    const conversation: Conversation = { type: "USER", id: peer };
    const before = requestCount(zego.emulator);
    const cases: [{ add?: number[]; remove?: number[] }, string][] = [
      [{ add: [31] }, "add[0]"],
      [{ remove: [2, 0] }, "remove[1]"],
      [{ add: [3, 3] }, "add"],
      [{ add: [], remove: [] }, "add"],
    ];
    for (const [input, field] of cases) {
      const error = await rejection(
        zego.adapter.setConversationMarks({ userId: me, conversation, ...input }),
      );
      expect(error).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect(requestCount(zego.emulator)).toBe(before);
  });

  it("stops at the first failing mark; the marks before it stay, a repeat completes it", async () => {
    const [me, peer] = (await zego.users(2)) as [string, string];
    const conversation: Conversation = { type: "USER", id: peer };
    zego.emulator.addFault({
      route: "zim:SetConvMark",
      kind: "vendor-error",
      code: 660800054,
      after: 1,
      times: 1,
    });
    const before = requestCount(zego.emulator);
    const error = await rejection(
      zego.adapter.setConversationMarks({ userId: me, conversation, add: [1, 2, 3] }),
    );
    expect(error).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "660800054" });
    expect(bodiesSince(before)).toHaveLength(2);
    expect(marksOf(me, conversation)).toEqual([1]);
    await zego.adapter.setConversationMarks({ userId: me, conversation, add: [1, 2, 3] });
    expect(marksOf(me, conversation)).toEqual([1, 2, 3]);
  });
});

describe("setConversationMarks under ZIM's 20 calls a second", () => {
  const limited = zegoSession({ rateLimits: true });

  it("sets 25 marks, waiting out the rate limit (660300005 is repeated)", async () => {
    const [me, peer] = (await limited.users(2)) as [string, string];
    const conversation: Conversation = { type: "USER", id: peer };
    const add = Array.from({ length: 25 }, (_, i) => i + 1);
    // Start a fresh one-second window (a whole second, near real time for the signatures).
    limited.emulator.setClock({ now: Math.ceil(Date.now() / 1000) * 1000 });
    const before = requestCount(limited.emulator);
    await limited.adapter.setConversationMarks({ userId: me, conversation, add });
    expect(conversationMarks(limited.emulator, APP_ID, me, conversation)).toEqual(add);
    const codes = limited.emulator
      .requests({ afterSeq: before })
      .map((r) => JSON.parse(r.responseBody ?? "{}").Code);
    expect(codes.filter((c) => c === 660300005).length).toBeGreaterThan(0);
    expect(codes.filter((c) => c === 0)).toHaveLength(25);
  }, 20_000);
});

describe("failureOf (a Code 0 answer's two-level FailList)", () => {
  it("takes the conversation's Code, else the user's SubCode, else nothing", () => {
    // The shapes of the docs' example answer.
    const conv = { Code: 1, Message: "mark content is invalide", ConvId: "x", ConvType: 0 };
    expect(
      failureOf({ Code: 0, FailList: [{ SubCode: 0, UserId: "UserA", FailList: [conv] }] }),
    ).toEqual({ code: 1, message: "mark content is invalide" });
    expect(
      failureOf({ Code: 0, FailList: [{ SubCode: 1, SubMessage: "user not exist", UserId: "B" }] }),
    ).toEqual({ code: 1, message: "user not exist" });
    expect(failureOf({ Code: 0, FailList: [] })).toBeNull();
    expect(failureOf({ Code: 0 })).toBeNull();
    expect(failureOf({ Code: 0, FailList: [null, { SubCode: 0, FailList: [null] }] })).toBeNull();
  });
});
