// One-sided deletes and deletes by sender beyond the shared contract, over HTTP against the
// Tencent emulator.
import { describe, expect, it } from "vitest";
import { emulatorWithAdapter, SDK_APP_ID, uid } from "./testing/emulator.js";

const env = emulatorWithAdapter();

const users = (count: number) => env.seedUsers(count, "d");
async function texts(from: string, to: string, count: number): Promise<string[]> {
  const [sent] = await env.adapter.sendMessage({
    from,
    to: { type: "USERS", userIds: [to] },
    content: { type: "TEXT", text: "x" },
  });
  const ids = [sent?.ok ? sent.value.messageId : ""];
  for (let i = 1; i < count; i++) {
    const [more] = await env.adapter.sendMessage({
      from,
      to: { type: "USERS", userIds: [to] },
      content: { type: "TEXT", text: `x${i}` },
    });
    if (more?.ok) ids.push(more.value.messageId);
  }
  return ids;
}
const calls = (mark: number) =>
  env.emulator
    .requests({ route: "v4/openim/delete_c2c_msg_ramble", afterSeq: mark })
    .map((r) => JSON.parse(String(r.body)) as { Peer_Account: string; MsgKeyList: string[] });
async function count(user: string, peer: string): Promise<number> {
  const page = await env.adapter.listMessages({
    conversation: { type: "USER", userId: user, peerId: peer },
    limit: 100,
  });
  return page.items.length;
}

describe("deleteMessages", () => {
  it("groups ids by peer and splits them by 30 MsgKeys a call; each answered in input order", async () => {
    const [me, a, c] = users(3) as [string, string, string];
    const fromA = await texts(a, me, 31);
    const [fromC] = (await texts(c, me, 1)) as [string];
    const mine = await texts(me, a, 1);
    const ids = [fromA[0] as string, fromC, ...fromA.slice(1), ...mine];
    const mark = env.requestCount();
    const results = await env.adapter.deleteMessages({ userId: me, messageIds: ids });
    expect(results.map((r) => r.key)).toEqual(ids);
    expect(results.every((r) => r.ok)).toBe(true);
    const sent = calls(mark);
    expect(sent.map((b) => [b.Peer_Account, b.MsgKeyList.length]).sort()).toEqual(
      [
        [a, 30],
        [a, 2],
        [c, 1],
      ].sort(),
    );
    expect(await count(me, a)).toBe(0);
    expect(await count(a, me)).toBe(32);
    expect(await count(me, c)).toBe(0);
  });

  it("answers group messages UNSUPPORTED_BY_VENDOR and other users' messages BAD_USER_INPUT, without calls for them", async () => {
    const [me, a, b] = users(3) as [string, string, string];
    const groupId = uid("g");
    env.emulator.seed({ app: SDK_APP_ID, groups: [{ groupId, owner: me, members: [a] }] });
    const [group] = await env.adapter.sendMessage({
      from: a,
      to: { type: "GROUP", groupId },
      content: { type: "TEXT", text: "g" },
    });
    const groupMessage = group?.ok ? group.value.messageId : "";
    const [others] = (await texts(a, b, 1)) as [string];
    const [own] = (await texts(a, me, 1)) as [string];
    const mark = env.requestCount();
    const results = await env.adapter.deleteMessages({
      userId: me,
      messageIds: [groupMessage, others, own],
    });
    expect(results[0]).toMatchObject({
      ok: false,
      error: { code: "UNSUPPORTED_BY_VENDOR", message: expect.stringMatching(/by sender/) },
    });
    expect(results[1]).toMatchObject({
      ok: false,
      error: { code: "BAD_USER_INPUT", field: "messageIds[1]" },
    });
    expect(results[2]).toMatchObject({ ok: true });
    expect(calls(mark)).toHaveLength(1);
    expect(await count(b, a)).toBe(1);
  });

  it("answers a failed call's messages with its error (per item), the other calls' ok", async () => {
    const [me, a, c] = users(3) as [string, string, string];
    const [fromA] = (await texts(a, me, 1)) as [string];
    const [fromC] = (await texts(c, me, 1)) as [string];
    const mark = env.requestCount();
    env.emulator.addFault({
      route: "v4/openim/delete_c2c_msg_ramble",
      kind: "vendor-error",
      code: 90003,
      times: 1,
    });
    const results = await env.adapter.deleteMessages({ userId: me, messageIds: [fromA, fromC] });
    expect(calls(mark)).toHaveLength(2);
    expect(results.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: "NOT_FOUND" }) }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});

describe("deleteGroupMessagesBySender", () => {
  it("leaves the group's history without the sender's messages, for everyone", async () => {
    const [owner, member] = users(2) as [string, string];
    const groupId = uid("g");
    env.emulator.seed({ app: SDK_APP_ID, groups: [{ groupId, owner, members: [member] }] });
    for (const from of [member, owner, member]) {
      await env.adapter.sendMessage({
        from,
        to: { type: "GROUP", groupId },
        content: { type: "TEXT", text: from },
      });
    }
    await env.adapter.deleteGroupMessagesBySender({ groupId, senderId: member });
    const page = await env.adapter.listMessages({ conversation: { type: "GROUP", groupId } });
    expect(page.items.map((m) => m.senderId)).toEqual([owner]);
  });

  it("maps Tencent's refusals: live groups (10035) VENDOR_REJECTED, unknown groups NOT_FOUND", async () => {
    const [owner] = users(1) as [string];
    const roomId = uid("r");
    env.emulator.seed({
      app: SDK_APP_ID,
      groups: [{ groupId: roomId, type: "AVChatRoom", owner }],
    });
    await expect(
      env.adapter.deleteGroupMessagesBySender({ groupId: roomId, senderId: owner }),
    ).rejects.toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "10035",
      message: expect.stringMatching(/live groups/),
    });
    await expect(
      env.adapter.deleteGroupMessagesBySender({ groupId: uid("none"), senderId: owner }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
