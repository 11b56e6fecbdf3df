// Behaviour beyond the shared contract, over HTTP against the Tencent emulator.
import type { ItemResult } from "@imgraph/core";
import {
  decodeUserSig,
  parsePrivateMapKeyUserBuf,
  TrtcPrivilege,
  verifyUserSig,
} from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { adapterFor, emulatorWithAdapter, KEY, SDK_APP_ID, uid } from "./testing/emulator.js";

const env = emulatorWithAdapter({ extraProfileTag: "Tag_Profile_Custom_Extra" });

function value<T>(r: ItemResult<T> | undefined): T {
  if (!r?.ok) throw r?.error ?? new Error("no result");
  return r.value;
}

async function users(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => uid("u"));
  const results = await env.adapter.registerUsers(ids.map((id) => ({ id, name: id })));
  expect(results.filter((r) => !r.ok)).toEqual([]);
  return ids;
}

/** A new group, without members, owned by a new user. */
async function ownedGroup(name: string): Promise<{ owner: string; groupId: string }> {
  const [owner] = (await users(1)) as [string];
  const groupId = uid(name.toLowerCase());
  await env.adapter.createGroup({ id: groupId, name, ownerId: owner, memberIds: [] });
  return { owner, groupId };
}

describe("users", () => {
  it("keeps extra JSON in the configured custom profile tag", async () => {
    const id = uid("x");
    const [r] = await env.adapter.registerUsers([
      { id, name: "X", extra: { plan: "pro", seats: 3 } },
    ]);
    expect(value(r).extra).toEqual({ plan: "pro", seats: 3 });
    expect(value((await env.adapter.getUsers([id]))[0])).toEqual({
      id,
      name: "X",
      avatarUrl: null,
      extra: { plan: "pro", seats: 3 },
    });
    await env.adapter.updateUser({ id, extra: { plan: "free" } });
    expect(value((await env.adapter.getUsers([id]))[0]).extra).toEqual({ plan: "free" });
    await expect(
      env.adapter.updateUser({ id, extra: { big: "x".repeat(600) } }),
    ).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      field: "extra",
      message: expect.stringContaining("500 bytes"),
    });
  });

  it("refuses extra without a configured tag, and ids over 32 bytes, before any call", async () => {
    const plain = adapterFor([env.emulator.url]);
    try {
      expect(plain.capabilities.has("USER_EXTRA")).toBe(false);
      const before = env.requestCount();
      await expect(plain.registerUsers([{ id: "ok", extra: { a: 1 } }])).rejects.toMatchObject({
        code: "UNSUPPORTED_BY_VENDOR",
      });
      await expect(plain.getUsers(["x".repeat(33)])).rejects.toMatchObject({
        code: "BAD_USER_INPUT",
        message: expect.stringContaining("32 bytes"),
      });
      await expect(plain.getUsers(["has space"])).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
      expect(env.requestCount()).toBe(before);
    } finally {
      await plain.close();
    }
  });

  it("issues a UserSig with an exact expiry, up to ten years; longer is refused", async () => {
    await expect(
      env.adapter.issueChatCredential({ userId: "someone", ttlSeconds: 10 * 365 * 86_400 + 1 }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "ttlSeconds" });
    const started = Math.floor(Date.now() / 1000);
    const credential = await env.adapter.issueChatCredential({
      userId: "someone",
      ttlSeconds: 10 * 365 * 86_400,
    });
    const claims = decodeUserSig(credential.token);
    expect(claims.ok).toBe(true);
    if (!claims.ok) return;
    expect(claims.value).toMatchObject({
      userId: "someone",
      sdkAppId: SDK_APP_ID,
      expireSeconds: 10 * 365 * 86_400,
    });
    expect(claims.value.issuedAt).toBeGreaterThanOrEqual(started);
    expect(credential.expiresAt?.getTime()).toBe(
      (claims.value.issuedAt + claims.value.expireSeconds) * 1000,
    );
    const byDefault = decodeUserSig(
      (await env.adapter.issueChatCredential({ userId: "someone" })).token,
    );
    expect(byDefault.ok && byDefault.value.expireSeconds).toBe(86_400);
  });

  it("answers presence per user, unknown users as NOT_FOUND items", async () => {
    const [on] = await users(1);
    env.emulator.login({ app: SDK_APP_ID, userId: on as string, platform: "iOS" });
    const presence = await env.adapter.getPresence([on as string, "ghost-user"]);
    expect(value(presence[0])).toEqual({ userId: on, status: "ONLINE" });
    expect(presence[1]).toMatchObject({
      key: "ghost-user",
      ok: false,
      error: { code: "NOT_FOUND" },
    });
  });
});

describe("groups", () => {
  it("creates a group with more members than create_group takes, then adds the rest", async () => {
    const [owner, ...members] = await users(151);
    const groupId = uid("big");
    const before = env.emulator.requests({
      route: "v4/group_open_http_svc/add_group_member",
    }).length;
    const group = await env.adapter.createGroup({
      id: groupId,
      name: "Big",
      ownerId: owner as string,
      memberIds: members,
    });
    expect(group).toMatchObject({ id: groupId, ownerId: owner, memberCount: 151 });
    expect(
      env.emulator.requests({ route: "v4/group_open_http_svc/add_group_member" }).length - before,
    ).toBe(1);
    expect((await env.adapter.getGroup(groupId))?.memberCount).toBe(151);
  });

  it("lets Tencent pick the id when none is given and refuses ids Tencent reserves", async () => {
    const [owner] = await users(1);
    const group = await env.adapter.createGroup({
      name: "Auto",
      ownerId: owner as string,
      memberIds: [],
    });
    expect(group.id.startsWith("@TGS#")).toBe(true);
    expect((await env.adapter.getGroup(group.id))?.name).toBe("Auto");
    await expect(
      env.adapter.createGroup({
        id: "@TGS#mine",
        name: "X",
        ownerId: owner as string,
        memberIds: [],
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    await expect(
      env.adapter.createGroup({
        name: "a name far longer than thirty bytes",
        ownerId: owner as string,
        memberIds: [],
      }),
    ).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      message: expect.stringContaining("30 bytes"),
    });
  });

  it("refuses group and room ids of spaces only before any call (Tencent would take them)", async () => {
    const [owner] = (await users(1)) as [string];
    const mark = env.emulator.requests({ limit: 1 })[0]?.seq;
    for (const [run, field] of [
      [
        () => env.adapter.createGroup({ id: "   ", name: "X", ownerId: owner, memberIds: [] }),
        "id",
      ],
      [() => env.adapter.getGroup(" "), "groupId"],
      [() => env.adapter.createLiveRoom({ roomId: "  ", ownerId: owner }), "roomId"],
    ] as const) {
      await expect(run()).rejects.toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect(env.emulator.requests({ limit: 1 })[0]?.seq).toBe(mark);
    // Spaces inside an id are Tencent's printable ASCII still.
    const groupId = uid("a b ");
    await env.adapter.createGroup({ id: groupId, name: "X", ownerId: owner, memberIds: [] });
    expect((await env.adapter.getGroup(groupId))?.id).toBe(groupId);
  });

  it("reads a mute without an end as muted until unmuted", async () => {
    const [owner, member] = await users(2);
    const groupId = uid("m");
    await env.adapter.createGroup({
      id: groupId,
      name: "M",
      ownerId: owner as string,
      memberIds: [member as string],
    });
    await env.adapter.muteGroupMembers({ groupId, userIds: [member as string] });
    expect(await env.adapter.listMutedMembers(groupId)).toEqual([
      { userId: member, mutedUntil: null },
    ]);
  });

  it("pages the app's groups with Tencent's Next", async () => {
    const [owner] = await users(1);
    const created: string[] = [];
    for (let i = 0; i < 3; i++) {
      created.push(
        (await env.adapter.createGroup({ name: `P${i}`, ownerId: owner as string, memberIds: [] }))
          .id,
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 200; i++) {
      const page = await env.adapter.listAppGroups({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((g) => g.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(expect.arrayContaining(created));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("refuses mutes on Work groups up front, saying which option turns them on", async () => {
    const work = adapterFor([env.emulator.url], { groupType: "Private" });
    try {
      expect(work.capabilities.has("GROUP_MUTE")).toBe(false);
      // Group member mutes (app-wide user mutes and live rooms, always AVChatRoom, do not
      // depend on the group type).
      const mutes = work.operations.filter(
        (o) => /mute/i.test(o.name) && /member/i.test(o.name) && !/LiveRoom/.test(o.name),
      );
      expect(mutes).toHaveLength(3);
      for (const o of mutes) {
        expect(o).toMatchObject({
          supported: false,
          condition: expect.stringContaining("groupType"),
          reason: expect.stringContaining("forbid_send_msg"),
        });
      }
      const before = env.requestCount();
      await expect(work.muteGroupMembers({ groupId: "g", userIds: ["u"] })).rejects.toMatchObject({
        code: "UNSUPPORTED_BY_VENDOR",
        message: expect.stringContaining("Work groups"),
      });
      await expect(work.listMutedMembers("g")).rejects.toMatchObject({
        code: "UNSUPPORTED_BY_VENDOR",
      });
      expect(env.requestCount()).toBe(before);
      // The default (Public) supports them.
      expect(env.adapter.capabilities.has("GROUP_MUTE")).toBe(true);
      expect(env.adapter.operations.find((o) => o.name === "muteGroupMembers")?.supported).toBe(
        true,
      );
    } finally {
      await work.close();
    }
  });
});

describe("messages", () => {
  it("pages group history newest first across Tencent's 20-message calls", async () => {
    const { owner, groupId } = await ownedGroup("H");
    for (let i = 1; i <= 25; i++) {
      await env.adapter.sendMessage({
        from: owner,
        to: { type: "GROUP", groupId },
        content: { type: "TEXT", text: `m${i}` },
      });
    }
    const before = env.emulator.requests({
      route: "v4/group_open_http_svc/group_msg_get_simple",
    }).length;
    const first = await env.adapter.listMessages({
      conversation: { type: "GROUP", groupId },
      limit: 22,
    });
    expect(
      env.emulator.requests({ route: "v4/group_open_http_svc/group_msg_get_simple" }).length -
        before,
    ).toBe(2);
    const texts = (items: typeof first.items) =>
      items.map((m) => (m.content.type === "TEXT" ? m.content.text : "?"));
    expect(texts(first.items)).toEqual(Array.from({ length: 22 }, (_, i) => `m${25 - i}`));
    const second = await env.adapter.listMessages({
      conversation: { type: "GROUP", groupId },
      limit: 22,
      cursor: first.nextCursor,
    });
    expect(texts(second.items)).toEqual(["m3", "m2", "m1"]);
    expect(second.nextCursor).toBeNull();
    await expect(
      env.adapter.listMessages({
        conversation: { type: "GROUP", groupId },
        cursor: "bm90IGEgY3Vyc29y",
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "cursor" });
  });

  it("recalls a group message by its MsgSeq", async () => {
    const { owner, groupId } = await ownedGroup("R");
    const [sent] = await env.adapter.sendMessage({
      from: owner,
      to: { type: "GROUP", groupId },
      content: { type: "TEXT", text: "oops" },
    });
    await env.adapter.recallMessage({ messageId: value(sent).messageId });
    await expect(
      env.adapter.recallMessage({ messageId: value(sent).messageId }),
    ).rejects.toMatchObject({
      vendor: "tencent",
    });
  });

  it("reports per-recipient failures of a batch send", async () => {
    const [from, to] = await users(2);
    const sent = await env.adapter.sendMessage({
      from: from as string,
      to: { type: "USERS", userIds: [to as string, "not-imported"] },
      content: { type: "TEXT", text: "hi" },
    });
    expect(sent[0]?.ok).toBe(true);
    expect(sent[1]).toMatchObject({ key: "not-imported", ok: false, error: { code: "NOT_FOUND" } });
  });
});

describe("push", () => {
  it("broadcasts only when all-member push is enabled for the app", async () => {
    expect(env.adapter.capabilities.has("MESSAGE_BROADCAST")).toBe(false);
    expect(env.adapter.operations.find((o) => o.name === "broadcastMessage")).toMatchObject({
      supported: false,
      condition: "options.broadcast: true",
    });
    const before = env.requestCount();
    await expect(
      env.adapter.broadcastMessage({ from: "admin", content: { type: "TEXT", text: "hi" } }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    expect(env.requestCount()).toBe(before);
  });
});

describe("rooms", () => {
  it("issues a room-bound PrivateMapKey whose privileges follow canPublish", async () => {
    const watch = await env.adapter.issueRoomCredential({
      userId: "viewer",
      roomId: "live1",
      ttlSeconds: 600,
    });
    const host = await env.adapter.issueRoomCredential({
      userId: "host",
      roomId: "live1",
      canPublish: true,
    });
    const info = (token: string) => {
      const claims = decodeUserSig(token);
      if (!claims.ok || !claims.value.userBuf) throw new Error("not a PrivateMapKey");
      return parsePrivateMapKeyUserBuf(claims.value.userBuf);
    };
    expect(info(watch.token)).toMatchObject({
      userId: "viewer",
      roomId: "live1",
      sdkAppId: SDK_APP_ID,
    });
    expect((info(watch.token)?.privilegeMap ?? 0) & TrtcPrivilege.sendVideo).toBe(0);
    expect((info(watch.token)?.privilegeMap ?? 0) & TrtcPrivilege.enterRoom).toBe(
      TrtcPrivilege.enterRoom,
    );
    expect((info(host.token)?.privilegeMap ?? 0) & TrtcPrivilege.sendVideo).toBe(
      TrtcPrivilege.sendVideo,
    );
    expect(watch.expiresAt?.getTime()).toBe(((info(watch.token)?.expiresAt ?? 0) as number) * 1000);
    // TRTC enters with the UserSig and the key: the UserSig comes along, for the same user
    // and lifetime, plain (no room data).
    const sig = verifyUserSig(watch.userToken ?? "", {
      key: KEY,
      sdkAppId: SDK_APP_ID,
      userId: "viewer",
    });
    if (!sig.ok) throw new Error(`userToken is not a valid UserSig: ${sig.reason}`);
    expect(sig.value.userBuf).toBeUndefined();
    expect(sig.value.expiresAt * 1000).toBe(watch.expiresAt?.getTime());
  });

  it("creates the live room's chat group when a credential is first issued for it", async () => {
    const [u] = await users(1);
    const roomId = uid("auto");
    await env.adapter.issueRoomCredential({ userId: u as string, roomId });
    await env.adapter.issueRoomCredential({ userId: u as string, roomId }); // exists: still fine
    const sent = await env.adapter.sendRoomMessage({
      roomId,
      from: u as string,
      content: { type: "TEXT", text: "first" },
    });
    expect(sent.messageId).toMatch(/^msg1\./);
    expect(await env.adapter.getGroup(roomId)).toMatchObject({ id: roomId, ownerId: null });
  });

  it("posts to a live room and cannot kick from it", async () => {
    const [u] = await users(1);
    const roomId = uid("live");
    env.emulator.seed({
      app: SDK_APP_ID,
      groups: [{ groupId: roomId, type: "AVChatRoom", members: [u] }],
    });
    const sent = await env.adapter.sendRoomMessage({
      roomId,
      from: u as string,
      content: { type: "TEXT", text: "hey" },
    });
    expect(sent.messageId).toMatch(/^msg1\./);
    expect(env.adapter.capabilities.has("ROOM_KICK")).toBe(false);
  });
});
