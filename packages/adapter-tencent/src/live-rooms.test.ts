// Live rooms beyond the shared contract (Tencent specifics), over HTTP against the emulator.
import type { LiveRoomMember } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { adapterFor, emulatorWithAdapter, SDK_APP_ID, uid } from "./testing/emulator.js";

const env = emulatorWithAdapter({
  liveRoomOnlineMembers: true,
  liveRoomBans: true,
  liveRoomBroadcast: true,
});

const sent = (route: string, mark: number) => env.sentBodies(route, mark);

/** A live room owned by a fresh user, with `count` fresh users entered from their clients. */
async function room(count: number) {
  const [owner, ...members] = env.seedUsers(count + 1, "lrt") as [string, ...string[]];
  const roomId = uid("lrt");
  await env.adapter.createLiveRoom({ roomId, ownerId: owner });
  for (const userId of members) env.emulator.login({ app: SDK_APP_ID, userId, groupId: roomId });
  return { roomId, owner, members };
}

const fails = env.fails;

describe("live room lifecycle", () => {
  it("creates an AVChatRoom named after the room id, muted and with attributes when asked", async () => {
    const [owner] = env.seedUsers(1, "lrc") as [string];
    const roomId = uid("lrc");
    const mark = env.requestCount();
    await env.adapter.createLiveRoom({
      roomId,
      ownerId: owner,
      allMuted: true,
      attributes: { topic: "t" },
    });
    expect(sent("group_open_http_svc/create_group", mark)).toEqual([
      { Type: "AVChatRoom", GroupId: roomId, Name: roomId, Owner_Account: owner },
    ]);
    expect(await env.adapter.getLiveRoom({ roomId })).toMatchObject({
      id: roomId,
      name: roomId,
      ownerId: owner,
      memberCount: 0,
      allMuted: true,
      idleLifetimeSeconds: null,
    });
    expect(await env.adapter.getLiveRoomAttributes({ roomId })).toEqual({ topic: "t" });
  });

  it("refuses an idle lifetime (Tencent never destroys idle groups) and reserved ids, before any call", async () => {
    await fails(
      () => env.adapter.createLiveRoom({ roomId: uid("lrc"), idleLifetimeSeconds: 600 }),
      { code: "UNSUPPORTED_BY_VENDOR" },
      true,
    );
    await fails(
      () => env.adapter.createLiveRoom({ roomId: "@TGS#abc" }),
      { code: "BAD_USER_INPUT", field: "roomId" },
      true,
    );
    await fails(
      () => env.adapter.createLiveRoom({ roomId: uid("lrc"), name: "n".repeat(31) }),
      { code: "BAD_USER_INPUT", field: "name" },
      true,
    );
  });

  it("a plain group is no live room: getLiveRoom answers null, destroyLiveRoom NOT_FOUND and leaves it", async () => {
    const [owner] = env.seedUsers(1, "lrp") as [string];
    const groupId = uid("lrp");
    await env.adapter.createGroup({ id: groupId, name: "G", ownerId: owner, memberIds: [] });
    expect(await env.adapter.getLiveRoom({ roomId: groupId })).toBeNull();
    await fails(() => env.adapter.destroyLiveRoom({ roomId: groupId }), { code: "NOT_FOUND" });
    expect(await env.adapter.getGroup(groupId)).toMatchObject({ id: groupId });
    // Unknown rooms: Tencent's 10010 is NOT_FOUND for writes.
    await fails(() => env.adapter.muteLiveRoom({ roomId: uid("none"), muted: true }), {
      code: "NOT_FOUND",
      vendorCode: "10010",
    });
  });
});

describe("live room members", () => {
  it("slices Tencent's 250-member pages into neutral pages and follows NextTimestamp", async () => {
    const r = await room(260);
    const mark = env.requestCount();
    const all: LiveRoomMember[] = [];
    let cursor: string | null = null;
    do {
      const page = await env.adapter.listLiveRoomMembers({ roomId: r.roomId, limit: 100, cursor });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(all.map((m) => m.userId)).toEqual(r.members);
    const timestamps = sent("group_open_avchatroom_http_svc/get_members", mark).map(
      (b) => b.Timestamp,
    );
    // Three neutral pages from the first vendor page, one from the second.
    expect(timestamps).toHaveLength(4);
    expect(timestamps.slice(0, 3)).toEqual([0, 0, 0]);
    expect(timestamps[3]).toBeGreaterThan(0);
    expect((await env.adapter.getLiveRoom({ roomId: r.roomId }))?.memberCount).toBe(260);
    // listRoomUsers reads the same online list.
    const users = await env.adapter.listRoomUsers({ roomId: r.roomId, limit: 5 });
    expect(users.items.map((u) => u.userId)).toEqual(r.members.slice(0, 5));
  });

  it("checks at most 500 users a call, before any call", async () => {
    const r = await room(1);
    const over = Array.from({ length: 501 }, (_, i) => `u${i}`);
    await fails(
      () => env.adapter.checkLiveRoomMembers({ roomId: r.roomId, userIds: over }),
      { code: "BAD_USER_INPUT", field: "userIds" },
      true,
    );
  });
});

describe("live room moderation", () => {
  it("bans for Duration seconds with the reason as Description; 20 users a call", async () => {
    const r = await room(2);
    const mark = env.requestCount();
    await env.adapter.banLiveRoomMembers({
      roomId: r.roomId,
      userIds: [r.members[0] as string],
      durationSeconds: 90,
      reason: "spam",
    });
    expect(sent("group_open_http_svc/ban_group_member", mark)).toEqual([
      { GroupId: r.roomId, Members_Account: [r.members[0]], Duration: 90, Description: "spam" },
    ]);
    const many = Array.from({ length: 21 }, (_, i) => `u${i}`);
    await fails(
      () =>
        env.adapter.banLiveRoomMembers({ roomId: r.roomId, userIds: many, durationSeconds: 60 }),
      { code: "BAD_USER_INPUT", field: "userIds" },
      true,
    );
  });

  it("mutes for MuteTime seconds, unmutes with 0, and refuses a reason (forbid_send_msg has none)", async () => {
    const r = await room(1);
    const [user] = r.members as [string];
    const mark = env.requestCount();
    await env.adapter.muteLiveRoomMembers({
      roomId: r.roomId,
      userIds: [user],
      durationSeconds: 45,
    });
    await env.adapter.unmuteLiveRoomMembers({ roomId: r.roomId, userIds: [user] });
    expect(sent("group_open_http_svc/forbid_send_msg", mark).map((b) => b.MuteTime)).toEqual([
      45, 0,
    ]);
    await fails(
      () =>
        env.adapter.muteLiveRoomMembers({
          roomId: r.roomId,
          userIds: [user],
          durationSeconds: 60,
          reason: "x",
        }),
      { code: "UNSUPPORTED_BY_VENDOR" },
      true,
    );
  });
});

describe("live room messages", () => {
  it("sends the priority as Tencent's MsgPriority and broadcasts with one send_broadcast_msg", async () => {
    const r = await room(0);
    const mark = env.requestCount();
    const content = { type: "TEXT" as const, text: "hi" };
    await env.adapter.sendLiveRoomMessage({
      roomId: r.roomId,
      from: r.owner,
      content,
      priority: "LOW",
    });
    expect(sent("group_open_http_svc/send_group_msg", mark)).toMatchObject([
      { GroupId: r.roomId, From_Account: r.owner, MsgPriority: "Low" },
    ]);
    expect(await env.adapter.broadcastLiveRoomMessage({ from: r.owner, content })).toEqual({
      messageId: null,
    });
    expect(sent("group_open_http_svc/send_broadcast_msg", mark)).toMatchObject([
      { From_Account: r.owner, MsgBody: [{ MsgType: "TIMTextElem" }] },
    ]);
  });
});

describe("live room options", () => {
  it("without the console switches, check, bans and broadcast are unsupported with the option named", async () => {
    const plain = adapterFor([env.emulator.url]);
    try {
      const ops = new Map(plain.operations.map((o) => [o.name, o]));
      expect(ops.get("checkLiveRoomMembers")).toMatchObject({
        supported: false,
        condition: "options.liveRoomOnlineMembers: true",
      });
      for (const name of [
        "banLiveRoomMembers",
        "unbanLiveRoomMembers",
        "listLiveRoomBans",
      ] as const) {
        expect(ops.get(name)).toMatchObject({ condition: "options.liveRoomBans: true" });
      }
      expect(ops.get("broadcastLiveRoomMessage")).toMatchObject({
        condition: "options.liveRoomBroadcast: true",
      });
      expect(ops.get("listLiveRoomMembers")).toMatchObject({ supported: true });
      await fails(
        () => plain.checkLiveRoomMembers({ roomId: "r", userIds: ["u"] }),
        { code: "UNSUPPORTED_BY_VENDOR" },
        true,
      );
    } finally {
      await plain.close();
    }
  });
});
