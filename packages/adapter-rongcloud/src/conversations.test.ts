import type { Conversation } from "@imgraph/core";
import { signRongCloudRequest } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import {
  adapterFor,
  emulatorWithAdapter,
  failure,
  requestCount,
  startTestEmulator,
  TEST_APP,
} from "./test-support.js";

// Pin, do-not-disturb and clearing history over real HTTP against the emulator.

const env = emulatorWithAdapter();

/** The form fields of the last call to `path`. */
const lastForm = (path: string) =>
  Object.fromEntries(new URLSearchParams(env.emu.requests({ route: path }).at(-1)?.body ?? ""));

async function send(from: string, to: string, text: string): Promise<void> {
  const [sent] = await env.im.sendMessage({
    from,
    to: { type: "USERS", userIds: [to] },
    content: { type: "TEXT", text },
  });
  expect(sent?.ok).toBe(true);
}

/** A signed form call straight to the emulator, as another RongCloud client would make it. */
async function vendorPost(path: string, fields: Record<string, string>) {
  const res = await fetch(`${env.emu.url}${path}`, {
    method: "POST",
    headers: {
      ...signRongCloudRequest(TEST_APP),
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(fields).toString(),
  });
  return (await res.json()) as { code: number };
}

describe("pinConversation", () => {
  it("pins and unpins a group conversation for one user, with RongCloud's fields", async () => {
    const conversation: Conversation = { type: "GROUP", id: "gp1" };
    await env.im.pinConversation({ userId: "p1", conversation, pinned: true });
    expect(lastForm("/conversation/top/set.json")).toEqual({
      userId: "p1",
      conversationType: "3",
      targetId: "gp1",
      setTop: "true",
    });
    const where = { userId: "p1", conversationType: 3, targetId: "gp1" };
    expect(env.emu.conversationState(where)?.pinned).toBe(true);
    await env.im.pinConversation({ userId: "p1", conversation, pinned: false });
    expect(env.emu.conversationState(where)?.pinned).toBe(false);
  });

  it("refuses a pinned that is not a boolean, before any call", async () => {
    const before = requestCount(env.emu);
    const error = await failure(
      env.im.pinConversation({
        userId: "p1",
        conversation: { type: "USER", id: "p2" },
        pinned: "yes",
      } as never),
    );
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", field: "pinned" });
    expect(requestCount(env.emu)).toBe(before);
  });
});

describe("conversation do-not-disturb", () => {
  const conversation: Conversation = { type: "USER", id: "d2" };

  it("sends unpushLevel 5 (and isMuted 1) to mute, 0 (and isMuted 0) to unmute", async () => {
    await env.im.setConversationDoNotDisturb({ userId: "d1", conversation, doNotDisturb: true });
    expect(lastForm("/conversation/notification/set.json")).toEqual({
      requestId: "d1",
      conversationType: "1",
      targetId: "d2",
      isMuted: "1",
      unpushLevel: "5",
    });
    expect(await env.im.getConversationDoNotDisturb({ userId: "d1", conversation })).toBe(true);
    await env.im.setConversationDoNotDisturb({ userId: "d1", conversation, doNotDisturb: false });
    expect(lastForm("/conversation/notification/set.json")).toMatchObject({
      isMuted: "0",
      unpushLevel: "0",
    });
    expect(await env.im.getConversationDoNotDisturb({ userId: "d1", conversation })).toBe(false);
  });

  it("reads mention-only levels as do-not-disturb, and 'notify all' (-1) as not", async () => {
    const set = (unpushLevel: string) =>
      vendorPost("/conversation/notification/set.json", {
        conversationType: "1",
        requestId: "d1",
        targetId: "d2",
        unpushLevel,
      });
    for (const [level, expected] of [
      ["1", true],
      ["2", true],
      ["4", true],
      ["-1", false],
    ] as const) {
      expect((await set(level)).code).toBe(200);
      expect(await env.im.getConversationDoNotDisturb({ userId: "d1", conversation })).toBe(
        expected,
      );
    }
  });

  it("maps RongCloud's errors: 1008 → RATE_LIMITED, 1002 → VENDOR_REJECTED", async () => {
    const route = "/conversation/notification/get.json";
    env.emu.addFault({ route, kind: "vendor-error", code: 1008, times: 10 });
    const limited = await failure(
      env.im.getConversationDoNotDisturb({ userId: "d1", conversation }),
    );
    expect(limited).toMatchObject({ code: "RATE_LIMITED", vendorCode: "1008" });
    env.emu.clearFaults();
    env.emu.addFault({ route, kind: "vendor-error", code: 1002, times: 1 });
    const rejected = await failure(
      env.im.getConversationDoNotDisturb({ userId: "d1", conversation }),
    );
    expect(rejected).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "1002" });
  });

  it("refuses a doNotDisturb that is not a boolean, before any call", async () => {
    const before = requestCount(env.emu);
    const error = await failure(
      env.im.setConversationDoNotDisturb({ userId: "d1", conversation, doNotDisturb: 1 } as never),
    );
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", field: "doNotDisturb" });
    expect(requestCount(env.emu)).toBe(before);
  });
});

describe("clearConversationHistory", () => {
  const mine = { userId: "h1", conversationType: 1, targetId: "h2" };

  it("clears only what was sent before `before`, from the user's copy alone", async () => {
    await send("h2", "h1", "old");
    env.emu.setClock({ advanceMs: 2000 });
    const cut = new Date(env.emu.now() - 1000);
    await send("h2", "h1", "new");
    await env.im.clearConversationHistory({
      userId: "h1",
      conversation: { type: "USER", id: "h2" },
      before: cut,
    });
    expect(lastForm("/conversation/message/history/clean.json")).toEqual({
      fromUserId: "h1",
      conversationType: "1",
      targetId: "h2",
      msgTimestamp: String(cut.getTime()),
    });
    expect(env.emu.conversationState(mine)?.messageCount).toBe(1);
    expect(env.emu.conversationState({ ...mine, userId: "h2", targetId: "h1" })?.messageCount).toBe(
      2,
    );
    const page = await env.im.listMessages({
      conversation: { type: "USER", userId: "h1", peerId: "h2" },
    });
    expect(page.items.map((m) => (m.content.type === "TEXT" ? m.content.text : ""))).toEqual([
      "new",
    ]);
  });

  it("makes no call for a time at or before the epoch (nothing is older)", async () => {
    await send("h2", "h1", "kept");
    const before = requestCount(env.emu);
    await env.im.clearConversationHistory({
      userId: "h1",
      conversation: { type: "USER", id: "h2" },
      before: new Date(0),
    });
    expect(requestCount(env.emu)).toBe(before);
    expect(env.emu.conversationState(mine)?.messageCount).toBe(1);
    const error = await failure(
      env.im.clearConversationHistory({
        userId: "h1",
        conversation: { type: "USER", id: "h2" },
        before: new Date("nope"),
      }),
    );
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", field: "before" });
  });

  it("is off without cloud storage, and VENDOR_REJECTED 1009 when the console service is off", async () => {
    const noHistory = adapterFor(env.emu, { features: { history: false } });
    const before = requestCount(env.emu);
    const off = await failure(
      noHistory.clearConversationHistory({
        userId: "h1",
        conversation: { type: "USER", id: "h2" },
      }),
    );
    expect(off).toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    expect(requestCount(env.emu)).toBe(before);
    await noHistory.close();

    const bare = await startTestEmulator({}, { features: { cloudStorage: false } });
    const misconfigured = adapterFor(bare);
    const rejected = await failure(
      misconfigured.clearConversationHistory({
        userId: "h1",
        conversation: { type: "GROUP", id: "g1" },
      }),
    );
    expect(rejected).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "1009" });
    await misconfigured.close();
    await bare.close();
  });
});
