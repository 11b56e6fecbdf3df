import type { ImError } from "@imgraph/core";
import { signRongCloudRequest } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { newTagId } from "./conversation-tag-calls.js";
import { emulatorWithAdapter, requestCount, TEST_APP } from "./test-support.js";

// Folders over RongCloud's conversation tags, against the emulator over real HTTP: found by
// name before any write (NOT_FOUND), renamed in place, the documented caps refused before a
// call, vendor codes mapped.

const env = emulatorWithAdapter();

const peer = (id: string) => ({ type: "USER" as const, id });
const writesSince = (after: number) =>
  env.emu
    .requests({ afterSeq: after })
    .filter((r) => r.method === "POST")
    .map((r) => r.path);
const failure = async (p: Promise<unknown>): Promise<ImError> => {
  try {
    await p;
  } catch (err) {
    return err as ImError;
  }
  throw new Error("expected a failure");
};

describe("conversation folders on RongCloud tags", () => {
  it("a folder that does not exist is NOT_FOUND, found by a read and with no write", async () => {
    await env.im.createConversationGroup({
      userId: "me",
      name: "Work",
      conversations: [peer("p")],
    });
    const before = requestCount(env.emu);
    const calls = [
      env.im.addToConversationGroup({ userId: "me", name: "Nope", conversations: [peer("p")] }),
      env.im.removeFromConversationGroup({
        userId: "me",
        name: "Nope",
        conversations: [peer("p")],
      }),
      env.im.renameConversationGroup({ userId: "me", name: "Nope", newName: "X" }),
      env.im.deleteConversationGroup({ userId: "other", name: "Work" }),
    ];
    for (const call of calls) expect((await failure(call)).code).toBe("NOT_FOUND");
    expect(writesSince(before)).toEqual([]);
  });

  it("a rename keeps the tagId and its conversations; the id comes from the first name", async () => {
    await env.im.createConversationGroup({
      userId: "me",
      name: "Work",
      conversations: [peer("p"), { type: "GROUP", id: "g1" }],
    });
    const [created] = env.emu.conversationTags({ userId: "me" });
    expect(created?.tagId).toBe(newTagId("Work", new Set()));
    await env.im.renameConversationGroup({ userId: "me", name: "Work", newName: "Team" });
    expect(env.emu.conversationTags({ userId: "me" })).toEqual([
      {
        tagId: created?.tagId,
        tagName: "Team",
        conversations: [
          { targetId: "p", conversationType: 1 },
          { targetId: "g1", conversationType: 3 },
        ],
      },
    ]);
    // A new "Work" cannot take the renamed folder's id.
    await env.im.createConversationGroup({
      userId: "me",
      name: "Work",
      conversations: [peer("q")],
    });
    const ids = env.emu.conversationTags({ userId: "me" }).map((t) => t.tagId);
    expect(new Set(ids).size).toBe(2);
    expect(ids.every((id) => /^[a-z0-9]{10}$/.test(id))).toBe(true);
  });

  it("refuses a taken name, and names over RongCloud's 15 characters, before a write", async () => {
    await env.im.createConversationGroup({
      userId: "me",
      name: "Work",
      conversations: [peer("p")],
    });
    await env.im.createConversationGroup({
      userId: "me",
      name: "Home",
      conversations: [peer("q")],
    });
    const before = requestCount(env.emu);
    const taken = await failure(
      env.im.createConversationGroup({ userId: "me", name: "Home", conversations: [peer("p")] }),
    );
    expect(taken).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
    const renamed = await failure(
      env.im.renameConversationGroup({ userId: "me", name: "Work", newName: "Home" }),
    );
    expect(renamed).toMatchObject({ code: "BAD_USER_INPUT", field: "newName" });
    expect(writesSince(before)).toEqual([]);
    const sixteen = "一二三四五六七八九十一二三四五六";
    const long = await failure(
      env.im.createConversationGroup({ userId: "me", name: sixteen, conversations: [peer("p")] }),
    );
    expect(long).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
    const longNew = await failure(
      env.im.renameConversationGroup({ userId: "me", name: "Work", newName: sixteen }),
    );
    expect(longNew).toMatchObject({ code: "BAD_USER_INPUT", field: "newName" });
    await env.im.renameConversationGroup({ userId: "me", name: "Work", newName: sixteen.slice(1) });
    expect((await env.im.listConversationGroups({ userId: "me" })).map((g) => g.name)).toEqual([
      sixteen.slice(1),
      "Home",
    ]);
  });

  it("the 21st folder is VENDOR_REJECTED 1002 before any write", async () => {
    for (let i = 0; i < 20; i++)
      await env.im.createConversationGroup({
        userId: "me",
        name: `F${i}`,
        conversations: [peer("p")],
      });
    const before = requestCount(env.emu);
    const error = await failure(
      env.im.createConversationGroup({ userId: "me", name: "F20", conversations: [peer("p")] }),
    );
    expect(error).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "1002" });
    expect(writesSince(before)).toEqual([]);
    expect(await env.im.listConversationGroups({ userId: "me" })).toHaveLength(20);
  });

  it("adding past 1000 conversations a folder is refused, not silently trimmed", async () => {
    const users = (from: number) => Array.from({ length: 100 }, (_, i) => peer(`u${from + i}`));
    await env.im.createConversationGroup({ userId: "me", name: "Big", conversations: users(0) });
    for (let n = 100; n < 1000; n += 100)
      await env.im.addToConversationGroup({ userId: "me", name: "Big", conversations: users(n) });
    // Conversations already in it do not count twice.
    await env.im.addToConversationGroup({ userId: "me", name: "Big", conversations: users(900) });
    const before = requestCount(env.emu);
    const error = await failure(
      env.im.addToConversationGroup({ userId: "me", name: "Big", conversations: [peer("x")] }),
    );
    expect(error).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "1000-per-tag" });
    expect(writesSince(before)).toEqual([]);
    expect(env.emu.conversationTags({ userId: "me" })[0]?.conversations).toHaveLength(1000);
  });

  it("lists system conversations a client tagged as SYSTEM, and maps vendor codes", async () => {
    await env.im.createConversationGroup({
      userId: "me",
      name: "Work",
      conversations: [peer("p")],
    });
    const [tag] = env.emu.conversationTags({ userId: "me" });
    const res = await fetch(`${env.emu.url}/tag/conversation/set.json`, {
      method: "POST",
      headers: {
        ...signRongCloudRequest(TEST_APP),
        "Content-Type": "application/json",
      },
      body: JSON.stringify({
        userId: "me",
        tagId: tag?.tagId,
        conversations: [{ targetId: "notices", conversationType: 6 }],
      }),
    });
    expect(await res.json()).toEqual({ code: 200 });
    expect(await env.im.listConversationGroups({ userId: "me" })).toEqual([
      { name: "Work", conversations: [peer("p"), { type: "SYSTEM", id: "notices" }] },
    ]);
    env.emu.addFault({ route: "/tag/conversation/del.json", kind: "vendor-error", code: "1008" });
    const limited = await failure(
      env.im.removeFromConversationGroup({
        userId: "me",
        name: "Work",
        conversations: [peer("p")],
      }),
    );
    expect(limited.code).toBe("RATE_LIMITED");
    env.emu.clearFaults();
    env.emu.addFault({
      route: "/user/conversation/tag/del.json",
      kind: "vendor-error",
      code: "1002",
    });
    const refused = await failure(env.im.deleteConversationGroup({ userId: "me", name: "Work" }));
    expect(refused).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "1002" });
  });
});
