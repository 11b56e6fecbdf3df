// Message extensions and the reactions kept in them, beyond the shared contract, over HTTP
// against the Tencent emulator.
import { describe, expect, it } from "vitest";
import { adapterFor, emulatorWithAdapter, SDK_APP_ID, uid } from "./testing/emulator.js";

const env = emulatorWithAdapter({ messageExtensions: true });

const users = (count: number) => env.seedUsers(count, "x");
async function message(
  adapter = env.adapter,
  to?: { type: "GROUP"; groupId: string },
): Promise<string> {
  const [from, peer] = users(2) as [string, string];
  if (to) env.emulator.seed({ app: SDK_APP_ID, groups: [{ groupId: to.groupId, owner: from }] });
  const [sent] = await adapter.sendMessage({
    from,
    to: to ?? { type: "USERS", userIds: [peer] },
    content: { type: "TEXT", text: "hi" },
  });
  if (!sent?.ok) throw new Error("send failed");
  return sent.value.messageId;
}
const bodies = (route: string, mark: number) => env.sentBodies(route, mark);

describe("options.messageExtensions", () => {
  it("makes sends carry SupportMessageExtension 1; off, the operations are gaps with no vendor call", async () => {
    const mark = env.requestCount();
    await message();
    expect(bodies("openim/sendmsg", mark)[0]).toMatchObject({ SupportMessageExtension: 1 });
    const off = adapterFor([env.emulator.url]);
    const offMark = env.requestCount();
    await message(off);
    expect(bodies("openim/sendmsg", offMark)[0]).not.toHaveProperty("SupportMessageExtension");
    const before = env.requestCount();
    await expect(off.getMessageExtensions({ messageId: "x" })).rejects.toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
      message: expect.stringMatching(/options\.messageExtensions/),
    });
    await expect(
      off.addReaction({ messageId: "x", userId: "u", emoji: "👍" }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    expect(env.requestCount()).toBe(before);
    await off.close();
  });

  it("answers a message sent without extensions with Tencent's refusal (23002, VENDOR_REJECTED)", async () => {
    const off = adapterFor([env.emulator.url]);
    const messageId = await message(off);
    await off.close();
    await expect(env.adapter.getMessageExtensions({ messageId })).rejects.toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "23002",
      message: expect.stringContaining("SupportMessageExtension"),
    });
  });
});

describe("setMessageExtensions", () => {
  it("splits 25 keys into calls of 20 and 5; answers each key in input order", async () => {
    const messageId = await message();
    const keys = Array.from({ length: 25 }, (_, i) => `k${24 - i}`);
    const mark = env.requestCount();
    const written = await env.adapter.setMessageExtensions({
      messageId,
      extensions: keys.map((key) => ({ key, value: `v-${key}` })),
    });
    const calls = bodies("openim_msg_ext_http_svc/set_key_values", mark);
    expect(calls.map((b) => (b.ExtensionList as unknown[]).length)).toEqual([20, 5]);
    expect(calls[0]).toMatchObject({ OperateType: 1, MsgKey: expect.any(String) });
    expect(written.map((w) => [w.key, w.applied, w.current?.value])).toEqual(
      keys.map((k) => [k, true, `v-${k}`]),
    );
    expect(await env.adapter.getMessageExtensions({ messageId })).toHaveLength(25);
  });

  it("writes unconditionally (Tencent does not check the admin's Seq): a version is refused before any call", async () => {
    const messageId = await message();
    const mark = env.requestCount();
    const [first] = await env.adapter.setMessageExtensions({
      messageId,
      extensions: [{ key: "k", value: "one" }],
    });
    const [second] = await env.adapter.setMessageExtensions({
      messageId,
      extensions: [{ key: "k", value: "two" }],
    });
    expect(first).toEqual({
      key: "k",
      applied: true,
      current: { key: "k", value: "one", version: null },
    });
    expect(second).toEqual({
      key: "k",
      applied: true,
      current: { key: "k", value: "two", version: null },
    });
    // No Seq is sent: it would not be checked.
    expect(
      bodies("openim_msg_ext_http_svc/set_key_values", mark).map((b) => b.ExtensionList),
    ).toEqual([[{ Key: "k", Value: "one" }], [{ Key: "k", Value: "two" }]]);
    expect(await env.adapter.getMessageExtensions({ messageId })).toEqual([
      { key: "k", value: "two", version: null },
    ]);
    const before = env.requestCount();
    await expect(
      env.adapter.setMessageExtensions({
        messageId,
        extensions: [{ key: "k", value: "x", version: 1 }],
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "extensions[0].version" });
    expect(env.requestCount()).toBe(before);
  });

  it("works on group messages by GroupId and MsgSeq", async () => {
    const groupId = uid("g");
    const messageId = await message(env.adapter, { type: "GROUP", groupId });
    const mark = env.requestCount();
    await env.adapter.setMessageExtensions({ messageId, extensions: [{ key: "pin", value: "1" }] });
    expect(bodies("openim_msg_ext_http_svc/group_set_key_values", mark)[0]).toMatchObject({
      GroupId: groupId,
      MsgSeq: 1,
    });
    await env.adapter.removeMessageExtensions({ messageId, keys: ["pin", "never-set"] });
    expect(await env.adapter.getMessageExtensions({ messageId })).toEqual([]);
  });

  it("refuses keys over 100 bytes and values over 1000 bytes before any call", async () => {
    const messageId = await message();
    const before = env.requestCount();
    await expect(
      env.adapter.setMessageExtensions({
        messageId,
        extensions: [{ key: "é".repeat(51), value: "v" }],
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "extensions[0].key" });
    await expect(
      env.adapter.setMessageExtensions({
        messageId,
        extensions: [{ key: "k", value: "v".repeat(1001) }],
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "extensions[0].value" });
    await expect(
      env.adapter.removeMessageExtensions({ messageId, keys: ["ok", "x".repeat(101)] }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "keys[1]" });
    expect(env.requestCount()).toBe(before);
  });
});

describe("reactions (kept in extensions)", () => {
  it("keeps every reactor of an emoji, added one after another (writes are last-wins)", async () => {
    const messageId = await message();
    const reactors = users(4);
    for (const userId of reactors)
      await env.adapter.addReaction({ messageId, userId, emoji: "👍" });
    await env.adapter.removeReaction({ messageId, userId: reactors[0] as string, emoji: "👍" });
    const [thumbs] = await env.adapter.listReactions({ messageId });
    expect(thumbs?.emoji).toBe("👍");
    expect([...(thumbs?.userIds ?? [])].sort()).toEqual(reactors.slice(1).sort());
    const keys = (await env.adapter.getMessageExtensions({ messageId })).map((e) => e.key);
    expect(keys).toEqual(["rx_1f44d"]);
  });
});
