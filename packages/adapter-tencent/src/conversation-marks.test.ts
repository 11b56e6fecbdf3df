// Conversation marks beyond the shared contract, over HTTP against the Tencent emulator.
import { generateUserSig } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { markBits } from "./contact-groups.js";
import { marksOf, markToBit } from "./conversation-marks.js";
import {
  ADMIN,
  adapterFor,
  emulatorWithAdapter,
  KEY,
  SDK_APP_ID,
  startEmulator,
  uid,
} from "./testing/emulator.js";

const env = emulatorWithAdapter({ conversationGroups: true });

const users = (count: number) => env.seedUsers(count, "m");
const sent = (mark: number) => env.sentBodies("recentcontact/mark_contact", mark);

describe("conversation marks", () => {
  it("maps neutral marks 1..32 onto Tencent's app bits 33..64 (numbered from 1)", () => {
    expect(markToBit(1)).toBe(33);
    expect(markToBit(32)).toBe(64);
    // Bit n is 1 << (n - 1): Tencent's own bits 1..32 (star 0x1 ... 1 << 31) are no marks.
    expect(marksOf((1n << 63n) | (1n << 32n) | (1n << 31n) | 0b1111n)).toEqual([1, 32]);
    // StandardMark is a bit string, bit 1 last; a plain number is read too.
    expect(markBits("100000000000000000000000000000001")).toBe((1n << 32n) | 1n);
    expect(markBits(5)).toBe(5n);
    expect(markBits("nope")).toBe(0n);
  });

  it("sends SetMark / ClearMark bit numbers with OptType 1 (the custom mark string stays)", async () => {
    const [me, peer] = users(2) as [string, string];
    const conversation = { type: "USER" as const, id: peer };
    const mark = env.requestCount();
    await env.adapter.setConversationMarks({ userId: me, conversation, add: [1, 32], remove: [2] });
    expect(sent(mark)).toEqual([
      {
        From_Account: me,
        MarkItem: [
          {
            OptType: 1,
            ContactItem: { Type: 1, To_Account: peer },
            SetMark: [33, 64],
            ClearMark: [34],
          },
        ],
      },
    ]);
    expect(await env.adapter.listConversationMarks({ userId: me })).toEqual([
      { conversation, marks: [1, 32] },
    ]);
  });

  it("leaves out Tencent's own standard marks (bits 1..32) a client set", async () => {
    const [me, starred, both] = users(3) as [string, string, string];
    await env.adapter.setConversationMarks({
      userId: me,
      conversation: { type: "USER", id: both },
      add: [5],
    });
    // What a client SDK's markConversation(STAR / UNREAD) leaves: bits 1 and 2, and the
    // last of Tencent's own, 32.
    expect((await clientMark(me, starred, [1, 32])).ActionStatus).toBe("OK");
    expect((await clientMark(me, both, [1, 2])).ActionStatus).toBe("OK");
    expect(await env.adapter.listConversationMarks({ userId: me })).toEqual([
      { conversation: { type: "USER", id: both }, marks: [5] },
    ]);
  });

  it("refuses marks outside 1..32 before any call; a refused row is VENDOR_REJECTED", async () => {
    const [me, peer, owner] = users(3) as [string, string, string];
    const conversation = { type: "USER" as const, id: peer };
    const before = env.requestCount();
    await expect(
      env.adapter.setConversationMarks({ userId: me, conversation, add: [33] }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "add[0]" });
    await expect(
      env.adapter.setConversationMarks({ userId: me, conversation, remove: [0] }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "remove[0]" });
    expect(env.requestCount()).toBe(before);
    const groupId = uid("g");
    env.emulator.seed({ app: SDK_APP_ID, groups: [{ groupId, owner }] });
    await expect(
      env.adapter.setConversationMarks({
        userId: me,
        conversation: { type: "GROUP", id: groupId },
        add: [1],
      }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "51007" });
  });
});

describe("below the Pro edition", () => {
  it("answers Tencent's 51013 as VENDOR_REJECTED naming the edition", async () => {
    const standard = await startEmulator({ edition: "standard" });
    const adapter = adapterFor([standard.url], { conversationGroups: true });
    try {
      standard.seed({ app: SDK_APP_ID, accounts: ["me", "peer"] });
      await expect(
        adapter.setConversationMarks({
          userId: "me",
          conversation: { type: "USER", id: "peer" },
          add: [1],
        }),
      ).rejects.toMatchObject({
        code: "VENDOR_REJECTED",
        vendorCode: "51013",
        message: expect.stringContaining("Pro edition"),
      });
    } finally {
      await adapter.close();
      await standard.close();
    }
  });
});

/** mark_contact with bit numbers of Tencent's own, straight at the emulator as the admin. */
async function clientMark(
  from: string,
  peer: string,
  SetMark: number[],
): Promise<Record<string, unknown>> {
  const usersig = generateUserSig({
    sdkAppId: SDK_APP_ID,
    key: KEY,
    userId: ADMIN,
    expireSeconds: 600,
    now: Date.now(),
  });
  const query = new URLSearchParams({
    sdkappid: String(SDK_APP_ID),
    identifier: ADMIN,
    usersig,
    random: "7",
    contenttype: "json",
  });
  const body = {
    From_Account: from,
    MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: peer }, SetMark }],
  };
  const res = await fetch(`${env.emulator.url}/v4/recentcontact/mark_contact?${query}`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}
