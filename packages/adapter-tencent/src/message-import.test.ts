// Imports beyond the shared contract, over HTTP against the Tencent emulator.
import type { ImportedMessage } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { emulatorWithAdapter, SDK_APP_ID, uid } from "./testing/emulator.js";

const env = emulatorWithAdapter();
const HOUR = 3_600_000;

const users = (count: number) => env.seedUsers(count, "i");
const at = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);
const msg = (senderId: string, sentAt: Date, text: string): ImportedMessage => ({
  senderId,
  sentAt,
  content: { type: "TEXT", text },
});
const texts = (items: { content: unknown }[]) =>
  items.map((m) => (m.content as { text?: string }).text);

describe("importMessages, times", () => {
  it("refuses a message sent before 1970 before any call (Tencent keeps Unix seconds)", async () => {
    const [u1, u2] = users(2) as [string, string];
    const [owner] = users(1) as [string];
    const groupId = uid("ig");
    await env.adapter.createGroup({ id: groupId, name: "G", ownerId: owner, memberIds: [u1] });
    for (const conversation of [
      { type: "USER" as const, userId: u1, peerId: u2 },
      { type: "GROUP" as const, groupId },
    ]) {
      await env.fails(
        () =>
          env.adapter.importMessages({
            conversation,
            messages: [msg(u1, new Date(-86_400_000), "old"), msg(u1, at(Date.now() - HOUR), "x")],
          }),
        { code: "BAD_USER_INPUT", field: "messages[0].sentAt" },
        true,
      );
    }
  });
});

describe("importMessages, one-to-one", () => {
  it("keeps same-second order and identical messages; importing again adds nothing", async () => {
    const [u1, u2] = users(2) as [string, string];
    const t = at(Date.now() - HOUR);
    const input = {
      conversation: { type: "USER" as const, userId: u1, peerId: u2 },
      messages: [msg(u1, t, "first"), msg(u2, t, "same"), msg(u2, t, "same"), msg(u1, t, "last")],
    };
    const results = await env.adapter.importMessages(input);
    expect(results.map((r) => [r.key, r.ok])).toEqual([
      ["0", true],
      ["1", true],
      ["2", true],
      ["3", true],
    ]);
    await env.adapter.importMessages(input);
    const page = await env.adapter.listMessages({ conversation: input.conversation, limit: 10 });
    expect(texts(page.items)).toEqual(["last", "same", "same", "first"]);
    expect(page.items.map((m) => m.senderId)).toEqual([u1, u2, u2, u1]);
  });

  it("answers ids Tencent's other calls accept (the MsgKey importmsg stores)", async () => {
    const [u1, u2] = users(2) as [string, string];
    const [result] = await env.adapter.importMessages({
      conversation: { type: "USER", userId: u1, peerId: u2 },
      messages: [msg(u2, at(Date.now() - HOUR), "old")],
    });
    if (!result?.ok || !result.value.messageId) throw new Error("no id");
    await env.adapter.editMessage({
      messageId: result.value.messageId,
      content: { type: "TEXT", text: "edited" },
    });
    const page = await env.adapter.listMessages({
      conversation: { type: "USER", userId: u1, peerId: u2 },
    });
    expect(texts(page.items)).toEqual(["edited"]);
    expect(page.items[0]?.id).toBe(result.value.messageId);
  });

  it("answers a failed import per item and goes on with the rest", async () => {
    const [u1, u2] = users(2) as [string, string];
    const t = Date.now() - HOUR;
    env.emulator.addFault({
      route: "v4/openim/importmsg",
      kind: "vendor-error",
      code: 90008,
      times: 1,
      after: 1,
    });
    const results = await env.adapter.importMessages({
      conversation: { type: "USER", userId: u1, peerId: u2 },
      messages: [msg(u1, at(t), "a"), msg(u1, at(t + 1000), "b"), msg(u2, at(t + 2000), "c")],
    });
    expect(results.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(["ok", "NOT_FOUND", "ok"]);
  });
});

describe("importMessages, group", () => {
  /** A group created two hours ago, as a migration's import_group would have it. */
  function oldGroup(): { groupId: string; owner: string; member: string } {
    const [owner, member] = users(2) as [string, string];
    const groupId = uid("g");
    env.emulator.setClock({ advanceMs: -2 * HOUR });
    env.emulator.seed({ app: SDK_APP_ID, groups: [{ groupId, owner, members: [member] }] });
    env.emulator.setClock({ offsetMs: 0 });
    return { groupId, owner, member };
  }

  it("imports 7 a call, oldest first; ids carry the MsgSeq Tencent answered", async () => {
    const { groupId, owner, member } = oldGroup();
    const base = Date.now() - HOUR;
    const messages = Array.from({ length: 9 }, (_, i) =>
      msg(i % 2 ? member : owner, at(base + i * 1000), `g${i}`),
    );
    const mark = env.requestCount();
    const results = await env.adapter.importMessages({
      conversation: { type: "GROUP", groupId },
      messages,
    });
    const calls = env.emulator
      .requests({ route: "v4/group_open_http_svc/import_group_msg", afterSeq: mark })
      .map((r) => (JSON.parse(String(r.body)) as { MsgList: unknown[] }).MsgList.length);
    expect(calls).toEqual([7, 2]);
    expect(results.every((r) => r.ok)).toBe(true);
    const page = await env.adapter.listMessages({ conversation: { type: "GROUP", groupId } });
    expect(texts(page.items)).toEqual(
      messages.map((m) => (m.content as { text: string }).text).reverse(),
    );
    expect(page.items.map((m) => m.id)).toEqual(
      results.map((r) => (r.ok ? r.value.messageId : null)).reverse(),
    );
    expect(page.items.at(-1)?.sentAt.getTime()).toBe(messages[0]?.sentAt.getTime());
  });

  it("answers Tencent's refusal of a message older than the group's latest per item; a repeat is no duplicate", async () => {
    const { groupId, owner } = oldGroup();
    const base = Date.now() - HOUR;
    const first = [msg(owner, at(base + 60_000), "later")];
    const [done] = await env.adapter.importMessages({
      conversation: { type: "GROUP", groupId },
      messages: first,
    });
    const results = await env.adapter.importMessages({
      conversation: { type: "GROUP", groupId },
      messages: [msg(owner, at(base), "too old"), ...first],
    });
    // Result 10004 (a send time out of bounds) is that message's failure.
    expect(results[0]).toMatchObject({
      ok: false,
      error: {
        code: "VENDOR_REJECTED",
        vendorCode: "10004",
        message: expect.stringMatching(/latest message/),
      },
    });
    // The same sender, second, Random and body: the emulator answers 0 with the first
    // import's MsgSeq (whether Tencent drops such a repeat is not documented).
    expect(results[1]).toEqual({ ...done, key: "1" });
    const page = await env.adapter.listMessages({ conversation: { type: "GROUP", groupId } });
    expect(texts(page.items)).toEqual(["later"]);
  });

  it("refuses a sender outside a one-to-one conversation and bad content before any call", async () => {
    const [u1, u2, other] = users(3) as [string, string, string];
    const before = env.requestCount();
    await expect(
      env.adapter.importMessages({
        conversation: { type: "USER", userId: u1, peerId: u2 },
        messages: [msg(other, at(Date.now() - HOUR), "x")],
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "messages[0].senderId" });
    await expect(
      env.adapter.importMessages({
        conversation: { type: "USER", userId: u1, peerId: u2 },
        messages: [
          msg(u1, new Date(Date.now() - HOUR), "ok"),
          {
            senderId: u1,
            sentAt: new Date(Date.now() - HOUR),
            content: { type: "TEXT", text: "" },
          },
        ],
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "messages[1].content.text" });
    expect(env.requestCount()).toBe(before);
  });
});
