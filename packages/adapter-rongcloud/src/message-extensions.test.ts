import type { MessageTarget } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { adapterFor, emulatorWithAdapter, failure, requestCount } from "./test-support.js";

// Message extensions and reactions over real HTTP against the emulator's expansion endpoints.

const env = emulatorWithAdapter({ messageExtensions: true });

const SET = "/message/expansion/set.json";
const DELETE = "/message/expansion/delete.json";
const forms = (path: string) =>
  env.emu
    .requests({ route: path })
    .map((r) => Object.fromEntries(new URLSearchParams(r.body ?? "")));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sent(to: MessageTarget, adapter = env.im): Promise<string> {
  const [result] = await adapter.sendMessage({
    from: "x1",
    to,
    content: { type: "TEXT", text: "hi" },
  });
  if (!result?.ok) throw new Error("send failed");
  return result.value.messageId;
}
const toUser: MessageTarget = { type: "USERS", userIds: ["x2"] };
const keys = (n: number, prefix = "k") =>
  Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, value: `v${i}` }));

describe("message extensions", () => {
  it("sends messages with expansion=true only when messageExtensions is on", async () => {
    await sent(toUser);
    await sent({ type: "GROUP", groupId: "xg" });
    const plain = adapterFor(env.emu);
    await sent(toUser, plain);
    await plain.close();
    const publishes = [
      ...env.emu.requests({ route: "/message/private/publish.json" }),
      ...env.emu.requests({ route: "/message/group/publish.json" }),
    ].sort((a, b) => a.seq - b.seq);
    expect(publishes.map((r) => new URLSearchParams(r.body ?? "").get("expansion"))).toEqual([
      "true",
      "true",
      null,
    ]);
  });

  it("writes as the sender by default, or as the recipient or a group member named by actorId", async () => {
    const messageId = await sent(toUser);
    await env.im.setMessageExtensions({ messageId, extensions: [{ key: "a", value: "1" }] });
    await env.im.setMessageExtensions({
      messageId,
      extensions: [{ key: "b", value: "2" }],
      actorId: "x2",
    });
    await env.im.removeMessageExtensions({ messageId, keys: ["a"], actorId: "x1" });
    expect(
      forms(SET).map((f) => [f.userId, f.targetId, f.conversationType, f.extraKeyVal]),
    ).toEqual([
      ["x1", "x2", "1", '{"a":"1"}'],
      ["x2", "x1", "1", '{"b":"2"}'],
    ]);
    expect(forms(DELETE).map((f) => [f.userId, f.targetId, f.extraKey])).toEqual([
      ["x1", "x2", '["a"]'],
    ]);
    expect(await env.im.getMessageExtensions({ messageId })).toEqual([
      { key: "b", value: "2", version: null },
    ]);
    const groupMessage = await sent({ type: "GROUP", groupId: "xg" });
    await env.im.setMessageExtensions({
      messageId: groupMessage,
      extensions: [{ key: "v", value: "yes" }],
      actorId: "x9",
    });
    expect(forms(SET).at(-1)).toMatchObject({
      userId: "x9",
      targetId: "xg",
      conversationType: "3",
    });
  });

  it("refuses before any call: system messages, an outsider actor, a version, RongCloud's key and value rules", async () => {
    const messageId = await sent(toUser);
    const [system] = await env.im.sendSystemMessage({
      from: "x1",
      userIds: ["x2"],
      content: { type: "TEXT", text: "sys" },
    });
    if (!system?.ok) throw new Error("send failed");
    const before = requestCount(env.emu);
    const write = (extensions: { key: string; value: string; version?: number }[]) =>
      failure(env.im.setMessageExtensions({ messageId, extensions }));
    expect(
      await failure(env.im.getMessageExtensions({ messageId: system.value.messageId })),
    ).toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
      message: expect.stringContaining("one-to-one and group"),
    });
    expect(
      await failure(
        env.im.setMessageExtensions({
          messageId,
          extensions: [{ key: "a", value: "1" }],
          actorId: "x3",
        }),
      ),
    ).toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
      message: expect.stringContaining("two users"),
    });
    expect(await write([{ key: "a", value: "1", version: 1 }])).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "extensions[0].version",
    });
    expect(await write([{ key: "a b", value: "1" }])).toMatchObject({
      field: "extensions[0].key",
    });
    expect(await write([{ key: "k".repeat(33), value: "1" }])).toMatchObject({
      field: "extensions[0].key",
    });
    // 4097 characters: within the byte bound, over RongCloud's character limit.
    expect(await write([{ key: "a", value: "字".repeat(4097) }])).toMatchObject({
      field: "extensions[0].value",
      message: expect.stringContaining("4096 characters"),
    });
    expect(await write(keys(301))).toMatchObject({ field: "extensions" });
    expect(
      await failure(env.im.removeMessageExtensions({ messageId, keys: ["ok", "not ok"] })),
    ).toMatchObject({ field: "keys[1]" });
    expect(requestCount(env.emu)).toBe(before);
  });

  it("splits writes into calls of 100 keys and removes in calls of 100", async () => {
    const messageId = await sent(toUser);
    const written = await env.im.setMessageExtensions({ messageId, extensions: keys(250) });
    expect(forms(SET).map((f) => Object.keys(JSON.parse(f.extraKeyVal ?? "{}")).length)).toEqual([
      100, 100, 50,
    ]);
    expect(written).toHaveLength(250);
    expect(written.every((w) => w.applied && w.current?.value === `v${w.key.slice(1)}`)).toBe(true);
    expect(written[0]).toEqual({
      key: "k0",
      applied: true,
      current: { key: "k0", value: "v0", version: null },
    });
    await env.im.removeMessageExtensions({
      messageId,
      keys: keys(150).map((k) => k.key),
    });
    expect(forms(DELETE).map((f) => JSON.parse(f.extraKey ?? "[]").length)).toEqual([100, 50]);
    expect(await env.im.getMessageExtensions({ messageId })).toHaveLength(100);
  });

  it("answers applied false for a key RongCloud dropped: a message keeps 300", async () => {
    const messageId = await sent(toUser);
    await env.im.setMessageExtensions({ messageId, extensions: keys(300) });
    const [kept, dropped] = await env.im.setMessageExtensions({
      messageId,
      extensions: [
        { key: "k0", value: "changed" },
        { key: "extra", value: "x" },
      ],
    });
    expect(kept).toMatchObject({ applied: true, current: { value: "changed" } });
    expect(dropped).toEqual({ key: "extra", applied: false, current: null });
    expect(await env.im.getMessageExtensions({ messageId })).toHaveLength(300);
  });

  it("answers applied false with the winner when another write replaced the key before the read-back", async () => {
    const messageId = await sent(toUser);
    env.emu.addFault({ route: SET, kind: "latency", phase: "after", ms: 400, times: 1 });
    const slow = env.im.setMessageExtensions({
      messageId,
      extensions: [{ key: "c", value: "mine" }],
    });
    await pause(150);
    await env.im.setMessageExtensions({ messageId, extensions: [{ key: "c", value: "theirs" }] });
    expect(await slow).toEqual([
      { key: "c", applied: false, current: { key: "c", value: "theirs", version: null } },
    ]);
  });

  it("maps RongCloud's refusals: a message sent without expansion (1002), a rate limit (1008)", async () => {
    const plain = adapterFor(env.emu);
    const messageId = await sent(toUser, plain);
    await plain.close();
    expect(
      await failure(
        env.im.setMessageExtensions({ messageId, extensions: [{ key: "a", value: "1" }] }),
      ),
    ).toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "1002",
      message: expect.stringContaining("messageExtensions was on"),
    });
    // Such a message has no extensions to read: RongCloud answers an empty map.
    expect(await env.im.getMessageExtensions({ messageId })).toEqual([]);
    env.emu.addFault({ route: DELETE, kind: "vendor-error", code: 1008 });
    expect(await failure(env.im.removeMessageExtensions({ messageId, keys: ["a"] }))).toMatchObject(
      {
        code: "RATE_LIMITED",
      },
    );
  });

  it("is off by default: UNSUPPORTED_BY_VENDOR naming the option, before any call", async () => {
    const plain = adapterFor(env.emu);
    const messageId = await sent(toUser, plain);
    const before = requestCount(env.emu);
    for (const call of [
      plain.getMessageExtensions({ messageId }),
      plain.addReaction({ messageId, userId: "x2", emoji: "👍" }),
    ]) {
      expect(await failure(call)).toMatchObject({
        code: "UNSUPPORTED_BY_VENDOR",
        message: expect.stringContaining("messageExtensions: true"),
      });
    }
    expect(requestCount(env.emu)).toBe(before);
    await plain.close();
  });
});

describe("reactions kept in extensions", () => {
  it("keeps each emoji as an extension key holding the users' JSON list", async () => {
    const messageId = await sent(toUser);
    await env.im.addReaction({ messageId, userId: "x2", emoji: "👍" });
    await env.im.addReaction({ messageId, userId: "x1", emoji: "👍" });
    expect(await env.im.getMessageExtensions({ messageId })).toEqual([
      { key: "rx_1f44d", value: '["x2","x1"]', version: null },
    ]);
    expect(await env.im.removeReaction({ messageId, userId: "x2", emoji: "👍" })).toEqual([
      { emoji: "👍", userIds: ["x1"] },
    ]);
  });

  it("retries a reaction another write replaced before the read-back (last write wins)", async () => {
    const messageId = await sent(toUser);
    env.emu.addFault({ route: SET, kind: "latency", phase: "after", ms: 400, times: 1 });
    const slow = env.im.addReaction({ messageId, userId: "x1", emoji: "👍" });
    await pause(150);
    // A writer that read the reactions before x1's write lands while its answer is on its
    // way, and overwrites it with its own list.
    await env.im.setMessageExtensions({
      messageId,
      extensions: [{ key: "rx_1f44d", value: '["x2"]' }],
    });
    expect(await slow).toEqual([{ emoji: "👍", userIds: ["x2", "x1"] }]);
    expect(await env.im.listReactions({ messageId })).toEqual([
      { emoji: "👍", userIds: ["x2", "x1"] },
    ]);
  });
});
