import type { ImError, ItemResult } from "@imgraph/core";
import type { RunningEmulator } from "@imgraph/emulators";
import { parseRtcPrivilegePayload, verifyToken04 } from "@imgraph/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZegoAdapter } from "./adapter.js";
import { APP_ID, requestCount, SERVER_SECRET, startZego, zegoAdapter } from "./testing/emulator.js";

// ZEGO-specific behaviour beyond the shared contract, over HTTP against the emulator.

let emulator: RunningEmulator;
let adapter: ZegoAdapter;
let seq = 0;
const run = Math.random().toString(36).slice(2, 8);
const id = (prefix: string) => `${prefix}${run}${(seq++).toString(36)}`;

beforeAll(async () => {
  emulator = await startZego({ rateLimits: false });
  adapter = zegoAdapter(emulator);
});
afterAll(async () => {
  await adapter?.close();
  await emulator?.close();
});

function value<T>(result: ItemResult<T> | undefined): T {
  if (!result) throw new Error("missing result");
  if (!result.ok) throw result.error;
  return result.value;
}

async function users(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => id("u"));
  const results = await adapter.registerUsers(ids.map((userId) => ({ id: userId })));
  expect(results.filter((r) => !r.ok)).toEqual([]);
  return ids;
}

describe("users", () => {
  it("keeps extra data as JSON and registering again updates the profile", async () => {
    const u = id("x");
    const [first] = await adapter.registerUsers([{ id: u, name: "One", extra: { level: 3 } }]);
    expect(value(first)).toEqual({ id: u, name: "One", avatarUrl: null, extra: { level: 3 } });
    expect(value((await adapter.getUsers([u]))[0]).extra).toEqual({ level: 3 });
    // UserRegister says "exists" (660700002): the adapter updates the profile instead.
    const [again] = await adapter.registerUsers([{ id: u, name: "Two" }]);
    expect(again?.ok).toBe(true);
    expect(value((await adapter.getUsers([u]))[0])).toMatchObject({
      name: "Two",
      extra: { level: 3 },
    });
    await adapter.updateUser({ id: u, extra: { level: 4, tags: ["a"] } });
    expect(value((await adapter.getUsers([u]))[0]).extra).toEqual({ level: 4, tags: ["a"] });
  });

  it("answers unknown users as NOT_FOUND items, also when all of them are unknown", async () => {
    const ghost = id("ghost");
    const [only] = await adapter.getUsers([ghost]);
    expect(only).toMatchObject({ key: ghost, ok: false, error: { code: "NOT_FOUND" } });
  });

  it("fails updates of unknown users with NOT_FOUND and checks extras first", async () => {
    await expect(adapter.updateUser({ id: id("ghost"), name: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      vendorCode: "660700012",
    });
    const before = requestCount(emulator);
    await expect(
      adapter.updateUser({ id: "a", extra: { big: "x".repeat(3000) } }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "extra", message: /2048 bytes/ });
    await expect(adapter.registerUsers([{ id: "bad/id" }])).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      message: /may only contain/,
    });
    await expect(
      adapter.registerUsers([{ id: "ok", name: "n".repeat(257) }]),
    ).rejects.toMatchObject({ field: "users[0].name", message: /256 bytes/ });
    expect(requestCount(emulator)).toBe(before);
  });

  it("answers presence for more than 100 users in key order", async () => {
    const ids = await users(105);
    await adapter.issueChatCredential({ userId: ids[104] as string });
    emulator.login({ userId: ids[104] as string });
    const presence = await adapter.getPresence(ids);
    expect(presence.map((p) => p.key)).toEqual(ids);
    expect(presence.map((p) => value(p).status).filter((s) => s === "ONLINE")).toHaveLength(1);
    expect(value(presence[104]).status).toBe("ONLINE");
    expect(
      emulator
        .requests({ route: "zim:QueryUserOnlineState" })
        .slice(-2)
        .map((r) => {
          const ids = r.query["UserId[]"];
          return Array.isArray(ids) ? ids.length : 1;
        }),
    ).toEqual([100, 5]);
  });

  it("issues a Token04 with the requested lifetime; outside ZEGO's bounds is refused", async () => {
    for (const ttlSeconds of [10, 59, 24 * 86_400 + 1, 10 ** 9]) {
      await expect(
        adapter.issueChatCredential({ userId: "tok", ttlSeconds }),
      ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "ttlSeconds" });
    }
    const credential = await adapter.issueChatCredential({ userId: "tok", ttlSeconds: 60 });
    const claims = verifyToken04(credential.token, { serverSecret: SERVER_SECRET, appId: APP_ID });
    expect(claims.ok).toBe(true);
    if (!claims.ok) return;
    expect(claims.value).toMatchObject({ userId: "tok", payload: "" });
    expect(claims.value.expiresAt - claims.value.issuedAt).toBe(60);
    expect(credential.expiresAt?.getTime()).toBe(claims.value.expiresAt * 1000);
    const long = await adapter.issueChatCredential({ userId: "tok", ttlSeconds: 24 * 86_400 });
    expect((long.expiresAt?.getTime() ?? 0) - Date.now()).toBeLessThanOrEqual(24 * 86_400_000);
    expect((long.expiresAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(24 * 86_400_000 - 2_000);
  });
});

describe("groups", () => {
  it("creates a group with a ZEGO-made '#' id and more than 100 members", async () => {
    const [owner, ...members] = await users(106);
    const group = await adapter.createGroup({
      name: "Big",
      ownerId: owner as string,
      memberIds: members,
    });
    expect(group.id.startsWith("#")).toBe(true);
    expect(group.memberCount).toBe(106);
    const got = await adapter.getGroup(group.id);
    expect(got).toMatchObject({ id: group.id, name: "Big", ownerId: owner, memberCount: 106 });
    expect(got?.createdAt).toBeInstanceOf(Date);
    const page = await adapter.listGroupMembers({ groupId: group.id, limit: 100 });
    expect(page.items).toHaveLength(100);
    const rest = await adapter.listGroupMembers({
      groupId: group.id,
      limit: 100,
      cursor: page.nextCursor,
    });
    expect(rest.items).toHaveLength(6);
    expect(rest.nextCursor).toBeNull();
    await expect(
      adapter.listGroupMembers({ groupId: group.id, limit: 10, cursor: page.nextCursor }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "limit" });
  });

  it("refuses ids ZEGO reserves and reports non-members on removal per item", async () => {
    const [owner, member, stranger] = (await users(3)) as [string, string, string];
    await expect(
      adapter.createGroup({ id: "#mine", name: "x", ownerId: owner, memberIds: [] }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    const groupId = id("g");
    await adapter.createGroup({ id: groupId, name: "G", ownerId: owner, memberIds: [member] });
    const removed = await adapter.removeGroupMembers({ groupId, userIds: [member, stranger] });
    expect(removed[0]?.ok).toBe(true);
    expect((removed[1] as { error: ImError }).error.code).toBe("NOT_FOUND");
  });

  it("mutes until unmuted by default and lists only members muted in person", async () => {
    const [owner, a, b] = (await users(3)) as [string, string, string];
    const groupId = id("g");
    await adapter.createGroup({ id: groupId, name: "M", ownerId: owner, memberIds: [a, b] });
    const muted = await adapter.muteGroupMembers({ groupId, userIds: [a] });
    expect(muted.every((r) => r.ok)).toBe(true);
    const sent = emulator.requests({ route: "zim:MuteGroupMembers" }).at(-1);
    expect(sent?.query).toMatchObject({ FromUserId: owner, Duration: "-1", "UserIds[]": a });
    expect(await adapter.listMutedMembers(groupId)).toEqual([{ userId: a, mutedUntil: null }]);
    await expect(
      adapter.muteGroupMembers({ groupId, userIds: [a], durationSeconds: 2_592_001 }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "durationSeconds" });
  });

  it("pages the groups of a user", async () => {
    const [owner] = (await users(1)) as [string];
    const ids = [id("g"), id("g"), id("g")];
    for (const groupId of ids) {
      await adapter.createGroup({ id: groupId, name: groupId, ownerId: owner, memberIds: [] });
    }
    const first = await adapter.listUserGroups({ userId: owner, limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await adapter.listUserGroups({
      userId: owner,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect([...first.items, ...second.items].map((g) => g.id).sort()).toEqual([...ids].sort());
    expect(second.nextCursor).toBeNull();
  });
});

describe("messages", () => {
  it("recalls a group message and shows it recalled in history", async () => {
    const [owner, member] = (await users(2)) as [string, string];
    const groupId = id("g");
    await adapter.createGroup({ id: groupId, name: "R", ownerId: owner, memberIds: [member] });
    const [sent] = await adapter.sendMessage({
      from: member,
      to: { type: "GROUP", groupId },
      content: { type: "TEXT", text: "oops" },
    });
    const messageId = value(sent).messageId;
    await adapter.recallMessage({ messageId, actorId: owner });
    const page = await adapter.listMessages({ conversation: { type: "GROUP", groupId }, limit: 5 });
    expect(page.items.map((m) => [m.id, m.recalled, m.senderId])).toEqual([
      [messageId, true, member],
    ]);
    await expect(adapter.recallMessage({ messageId })).rejects.toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "660000023",
    });
  });

  it("pages history by ZEGO's marker, cutting pages at the limit and applying time bounds", async () => {
    const [a, b] = (await users(2)) as [string, string];
    const texts = ["m0", "m1", "m2", "m3", "m4"];
    const times: number[] = [];
    for (const text of texts) {
      await adapter.sendMessage({
        from: a,
        to: { type: "USERS", userIds: [b] },
        content: { type: "TEXT", text },
      });
      times.push(Date.now());
      await new Promise((r) => setTimeout(r, 5));
    }
    const conversation = { type: "USER", userId: b, peerId: a } as const;
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Awaited<ReturnType<ZegoAdapter["listMessages"]>> = await adapter.listMessages({
        conversation,
        limit: 2,
        cursor,
      });
      seen.push(...page.items.map((m) => (m.content.type === "TEXT" ? m.content.text : "?")));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(["m4", "m3", "m2", "m1", "m0"]);
    // Only m1..m3, newest first, over more than one page of ZEGO's.
    const window = await adapter.listMessages({
      conversation,
      after: new Date((times[0] as number) + 1),
      before: new Date((times[3] as number) + 1),
      limit: 10,
    });
    expect(window.items.map((m) => (m.content.type === "TEXT" ? m.content.text : "?"))).toEqual([
      "m3",
      "m2",
      "m1",
    ]);
    expect(window.items[0]?.conversation).toEqual({ type: "USER", id: a });
  });

  it("sends numeric custom types as ZIM's SubMsgType and splits recipients by 100", async () => {
    const [from, ...to] = await users(102);
    const sent = await adapter.sendMessage({
      from: from as string,
      to: { type: "USERS", userIds: to },
      content: { type: "CUSTOM", customType: "7", data: { x: 1 } },
      pushText: "you have mail",
    });
    expect(sent.filter((r) => !r.ok)).toEqual([]);
    const bodies = emulator
      .requests({ route: "zim:SendPeerMessage" })
      .slice(-2)
      .map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.ToUserId.length).sort()).toEqual([1, 100]);
    expect(bodies[0]).toMatchObject({
      MessageType: 200,
      SubMsgType: 7,
      MessageBody: { Message: '{"x":1}', OfflinePush: { Enable: 1, Content: "you have mail" } },
    });
    const page = await adapter.listMessages({
      conversation: { type: "USER", userId: from as string, peerId: to[0] as string },
      limit: 1,
    });
    expect(page.items[0]?.content).toEqual({ type: "CUSTOM", customType: "7", data: { x: 1 } });
  });

  it("gives a peer message the same id in the send answer and in both sides' history", async () => {
    const [a, b] = (await users(2)) as [string, string];
    const [sent] = await adapter.sendMessage({
      from: a,
      to: { type: "USERS", userIds: [b] },
      content: { type: "TEXT", text: "same id" },
    });
    const ids = await Promise.all(
      [
        { userId: a, peerId: b },
        { userId: b, peerId: a },
      ].map(async (view) => {
        const page = await adapter.listMessages({
          conversation: { type: "USER", ...view },
          limit: 1,
        });
        return page.items[0]?.id;
      }),
    );
    expect(ids).toEqual([value(sent).messageId, value(sent).messageId]);
  });

  it("refuses to send to the sender itself before any call", async () => {
    const before = requestCount(emulator);
    await expect(
      adapter.sendMessage({
        from: "a",
        to: { type: "USERS", userIds: ["b", "a"] },
        content: { type: "TEXT", text: "x" },
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "to.userIds" });
    expect(requestCount(emulator)).toBe(before);
  });
});

describe("recall window", () => {
  it("refuses a recall after ZEGO's 2-minute window", async () => {
    const [a, b] = (await users(2)) as [string, string];
    const [sent] = await adapter.sendMessage({
      from: a,
      to: { type: "USERS", userIds: [b] },
      content: { type: "TEXT", text: "too late" },
    });
    emulator.setClock({ advanceMs: 180_000 });
    try {
      await expect(
        adapter.recallMessage({ messageId: value(sent).messageId }),
      ).rejects.toMatchObject({
        code: "VENDOR_REJECTED",
        vendorCode: "660000024",
        message: /too old/,
      });
    } finally {
      emulator.setClock({ offsetMs: 0 });
    }
  });
});

describe("rooms", () => {
  it("lists an unknown room as empty", async () => {
    expect(await adapter.listRoomUsers({ roomId: id("empty") })).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it("pages room users by ZEGO's Marker", async () => {
    const roomId = id("r");
    const ids = Array.from({ length: 5 }, () => id("ru"));
    for (const userId of ids) emulator.login({ product: "rtc", userId, roomId });
    const first = await adapter.listRoomUsers({ roomId, limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = await adapter.listRoomUsers({ roomId, limit: 3, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((u) => u.userId)).toEqual(ids);
    expect(second.nextCursor).toBeNull();
  });

  it("issues a room token the RTC login accepts, with publish only when asked", async () => {
    const roomId = id("r");
    const watcher = await adapter.issueRoomCredential({ userId: "w1", roomId });
    const claims = verifyToken04(watcher.token, {
      serverSecret: SERVER_SECRET,
      appId: APP_ID,
      userId: "w1",
    });
    expect(claims.ok && parseRtcPrivilegePayload(claims.value.payload)).toEqual({
      roomId,
      canLogin: true,
      canPublish: false,
      streamIds: null,
    });
    emulator.login({ product: "rtc", userId: "w1", roomId, token: watcher.token });
    expect(() =>
      emulator.login({ product: "rtc", userId: "w1", roomId: id("other"), token: watcher.token }),
    ).toThrow();
  });

  it("kicks five users per call and sends custom content as JSON text", async () => {
    const roomId = id("r");
    const ids = Array.from({ length: 7 }, () => id("ru"));
    for (const userId of ids) emulator.login({ product: "rtc", userId, roomId });
    const kicked = await adapter.kickRoomUsers({ roomId, userIds: ids.slice(0, 6) });
    expect(kicked.every((r) => r.ok)).toBe(true);
    expect(
      emulator
        .requests({ route: "rtc:KickoutUser" })
        .slice(-2)
        .map((r) => r.query["UserId[]"]?.length),
    ).toEqual(expect.arrayContaining([5]));
    const left = await adapter.listRoomUsers({ roomId });
    expect(left.items.map((u) => u.userId)).toEqual([ids[6]]);
    const result = await adapter.sendRoomMessage({
      roomId,
      from: "server",
      content: { type: "CUSTOM", customType: "cheer", data: { n: 1 } },
    });
    expect(result.messageId).toMatch(/\S/);
    const sent = emulator.requests({ route: "rtc:SendBroadcastMessage" }).at(-1);
    expect(sent?.query).toMatchObject({
      MessageCategory: "2",
      MessageContent: '{"imgraphType":"cheer","data":{"n":1}}',
    });
    await expect(
      adapter.sendRoomMessage({
        roomId,
        from: "server",
        content: { type: "IMAGE", url: "https://e.com/a.png" },
      }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
  });
});
