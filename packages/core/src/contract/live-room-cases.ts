import { expect } from "vitest";
import type { LiveRoomMessagePriority } from "../model/live-room.js";
import { collect, expectAllOk } from "./expect.js";
import type { ContractKit } from "./kit.js";

/**
 * Live rooms: created and destroyed by the server, entered by clients (the harness plays
 * the clients), moderated by their owner — the same behaviour on every vendor that has each.
 */
export function liveRoomCases({
  adapter,
  harness,
  id,
  users,
  check,
  refuses,
  noVendorCall,
}: ContractKit) {
  /** A fresh room owned by a fresh user, with `count` other users in it. */
  async function room(count: number) {
    const [owner, ...members] = (await users(count + 1, "lr")) as [string, ...string[]];
    const roomId = id("lr");
    await adapter().createLiveRoom({ roomId, name: "Live", ownerId: owner });
    if (count > 0) {
      const h = harness();
      if (!h.joinLiveRoom) throw new Error("the harness must implement joinLiveRoom");
      await h.joinLiveRoom(roomId, members);
    }
    const inRoom = async () =>
      (await collect((cursor) => adapter().listLiveRoomMembers({ roomId, limit: 2, cursor })))
        .map((m) => m.userId)
        .sort();
    return { roomId, owner, members: members.sort(), inRoom };
  }

  check("liveRooms.lifecycle", ["createLiveRoom", "getLiveRoom", "destroyLiveRoom"], async () => {
    const [owner] = (await users(1, "lo")) as [string];
    const roomId = id("lr");
    await adapter().createLiveRoom({ roomId, name: "Launch", ownerId: owner });
    const got = await adapter().getLiveRoom({ roomId });
    expect(got).toMatchObject({ id: roomId });
    if (got?.name !== null) expect(got?.name).toBe("Launch");
    if (got?.ownerId !== null) expect(got?.ownerId).toBe(owner);
    if (got?.memberCount !== null) expect(got?.memberCount).toBe(0);
    await adapter().destroyLiveRoom({ roomId, actorId: owner });
    expect(await adapter().getLiveRoom({ roomId })).toBeNull();
    expect(await adapter().getLiveRoom({ roomId: id("none") })).toBeNull();
    await refuses(() => adapter().createLiveRoom({ roomId: "", ownerId: owner }), "roomId");
    await refuses(
      () => adapter().createLiveRoom({ roomId: id("lr"), ownerId: owner, idleLifetimeSeconds: -1 }),
      "idleLifetimeSeconds",
    );
    await refuses(() => adapter().getLiveRoom({ roomId: "" }), "roomId");
    await refuses(() => adapter().destroyLiveRoom({ roomId: "" }), "roomId");
  });

  check("liveRooms.members", ["listLiveRoomMembers", "getLiveRoom"], async () => {
    const r = await room(3);
    expect(await r.inRoom()).toEqual(r.members);
    const got = await adapter().getLiveRoom({ roomId: r.roomId });
    if (got?.memberCount !== null) expect(got?.memberCount).toBe(3);
    await refuses(() => adapter().listLiveRoomMembers({ roomId: "" }), "roomId");
    await refuses(() => adapter().listLiveRoomMembers({ roomId: r.roomId, limit: 0 }), "limit");
  });

  check("liveRooms.member-check", ["checkLiveRoomMembers"], async () => {
    const r = await room(2);
    const [stranger] = (await users(1, "ls")) as [string];
    const answers = await adapter().checkLiveRoomMembers({
      roomId: r.roomId,
      userIds: [...r.members, stranger],
    });
    expect(answers.map((a) => [a.key, a.ok ? a.value : a.error.code])).toEqual([
      [r.members[0], true],
      [r.members[1], true],
      [stranger, false],
    ]);
    await refuses(
      () => adapter().checkLiveRoomMembers({ roomId: r.roomId, userIds: [] }),
      "userIds",
    );
    const over = adapter().limits.usersPerLiveRoomCheck + 1;
    await refuses(
      () =>
        adapter().checkLiveRoomMembers({
          roomId: r.roomId,
          userIds: Array.from({ length: over }, (_, i) => `u${i}`),
        }),
      "userIds",
    );
  });

  check("liveRooms.kick", ["kickLiveRoomMembers", "listLiveRoomMembers"], async () => {
    const r = await room(2);
    const [first, second] = r.members as [string, string];
    expectAllOk(
      await adapter().kickLiveRoomMembers({
        roomId: r.roomId,
        userIds: [first],
        reason: "bye",
        actorId: r.owner,
      }),
    );
    expect(await r.inRoom()).toEqual([second]);
    await refuses(
      () => adapter().kickLiveRoomMembers({ roomId: r.roomId, userIds: [] }),
      "userIds",
    );
  });

  check(
    "liveRooms.ban",
    ["banLiveRoomMembers", "listLiveRoomBans", "unbanLiveRoomMembers", "listLiveRoomMembers"],
    async () => {
      const r = await room(2);
      const [first, second] = r.members as [string, string];
      const before = Date.now();
      expectAllOk(
        await adapter().banLiveRoomMembers({
          roomId: r.roomId,
          userIds: [first],
          durationSeconds: 3600,
          actorId: r.owner,
        }),
      );
      // A ban removes the user at once.
      expect(await r.inRoom()).toEqual([second]);
      const bans = await adapter().listLiveRoomBans({ roomId: r.roomId });
      expect(bans.map((b) => b.userId)).toEqual([first]);
      expectUntil(bans[0]?.until ?? null, before, 3600);
      expectAllOk(await adapter().unbanLiveRoomMembers({ roomId: r.roomId, userIds: [first] }));
      expect(await adapter().listLiveRoomBans({ roomId: r.roomId })).toEqual([]);
      await refuses(
        () =>
          adapter().banLiveRoomMembers({ roomId: r.roomId, userIds: [first], durationSeconds: 0 }),
        "durationSeconds",
      );
      await refuses(
        () => adapter().banLiveRoomMembers({ roomId: r.roomId, userIds: [], durationSeconds: 60 }),
        "userIds",
      );
    },
  );

  check(
    "liveRooms.mute",
    ["muteLiveRoomMembers", "listLiveRoomMutes", "unmuteLiveRoomMembers"],
    async () => {
      const r = await room(2);
      const [first] = r.members as [string, string];
      const before = Date.now();
      expectAllOk(
        await adapter().muteLiveRoomMembers({
          roomId: r.roomId,
          userIds: [first],
          durationSeconds: 600,
          actorId: r.owner,
        }),
      );
      // Muted members stay in the room.
      expect(await r.inRoom()).toEqual(r.members);
      const mutes = await adapter().listLiveRoomMutes({ roomId: r.roomId });
      expect(mutes.map((m) => m.userId)).toEqual([first]);
      expectUntil(mutes[0]?.until ?? null, before, 600);
      expectAllOk(await adapter().unmuteLiveRoomMembers({ roomId: r.roomId, userIds: [first] }));
      expect(await adapter().listLiveRoomMutes({ roomId: r.roomId })).toEqual([]);
      await refuses(
        () =>
          adapter().muteLiveRoomMembers({
            roomId: r.roomId,
            userIds: [first],
            durationSeconds: -5,
          }),
        "durationSeconds",
      );
    },
  );

  check("liveRooms.mute-all", ["muteLiveRoom", "getLiveRoom"], async () => {
    const r = await room(0);
    await adapter().muteLiveRoom({ roomId: r.roomId, muted: true, actorId: r.owner });
    expect((await adapter().getLiveRoom({ roomId: r.roomId }))?.allMuted).toBe(true);
    await adapter().muteLiveRoom({ roomId: r.roomId, muted: false, actorId: r.owner });
    expect((await adapter().getLiveRoom({ roomId: r.roomId }))?.allMuted).toBe(false);
    await refuses(() => adapter().muteLiveRoom({ roomId: "", muted: true }), "roomId");
  });

  check("liveRooms.message", ["sendLiveRoomMessage"], async () => {
    const r = await room(1);
    const sent = await adapter().sendLiveRoomMessage({
      roomId: r.roomId,
      from: r.owner,
      content: { type: "TEXT", text: "welcome" },
    });
    expect(sent).toHaveProperty("messageId");
    const received = [{ from: r.owner, text: "welcome", priority: "NORMAL" }];
    // Each priority is sent as itself or refused before any call, never sent as another.
    for (const priority of ["HIGH", "LOW"] as LiveRoomMessagePriority[]) {
      const input = {
        roomId: r.roomId,
        from: r.owner,
        content: { type: "TEXT" as const, text: priority },
        priority,
      };
      try {
        await adapter().sendLiveRoomMessage(input);
        received.push({ from: r.owner, text: priority, priority });
      } catch (error) {
        expect(error).toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
        await noVendorCall(() => adapter().sendLiveRoomMessage(input), "UNSUPPORTED_BY_VENDOR");
      }
    }
    const seen = await harness().liveRoomMessages?.(r.roomId);
    if (seen) {
      expect(seen.map((m) => ({ ...m, priority: m.priority ?? "NORMAL" }))).toEqual(received);
    }
    await refuses(
      () =>
        adapter().sendLiveRoomMessage({
          roomId: r.roomId,
          from: r.owner,
          content: { type: "TEXT", text: "x" },
          priority: "URGENT" as LiveRoomMessagePriority,
        }),
      "priority",
    );
    await refuses(
      () =>
        adapter().sendLiveRoomMessage({
          roomId: "",
          from: r.owner,
          content: { type: "TEXT", text: "x" },
        }),
      "roomId",
    );
  });

  check("liveRooms.broadcast", ["broadcastLiveRoomMessage"], async () => {
    const first = await room(1);
    const second = await room(1);
    const sent = await adapter().broadcastLiveRoomMessage({
      from: first.owner,
      content: { type: "TEXT", text: "to every room" },
    });
    expect(sent).toHaveProperty("messageId");
    const h = harness();
    if (h.liveRoomMessages) {
      for (const r of [first, second]) {
        expect((await h.liveRoomMessages(r.roomId)).map((m) => m.text)).toContain("to every room");
      }
    }
    await refuses(
      () => adapter().broadcastLiveRoomMessage({ from: "", content: { type: "TEXT", text: "x" } }),
      "from",
    );
  });

  check(
    "liveRooms.attributes",
    ["setLiveRoomAttributes", "getLiveRoomAttributes", "removeLiveRoomAttributes"],
    async () => {
      const r = await room(0);
      expect(await adapter().getLiveRoomAttributes({ roomId: r.roomId })).toEqual({});
      const actorId = r.owner;
      await adapter().setLiveRoomAttributes({
        roomId: r.roomId,
        attributes: { topic: "launch", seats: "3" },
        actorId,
      });
      await adapter().setLiveRoomAttributes({
        roomId: r.roomId,
        attributes: { seats: "4" },
        actorId,
      });
      expect(await adapter().getLiveRoomAttributes({ roomId: r.roomId })).toEqual({
        topic: "launch",
        seats: "4",
      });
      expect(await adapter().getLiveRoomAttributes({ roomId: r.roomId, keys: ["seats"] })).toEqual({
        seats: "4",
      });
      await adapter().removeLiveRoomAttributes({ roomId: r.roomId, keys: ["topic"], actorId });
      expect(await adapter().getLiveRoomAttributes({ roomId: r.roomId })).toEqual({ seats: "4" });
      await refuses(
        () => adapter().setLiveRoomAttributes({ roomId: r.roomId, attributes: {}, actorId }),
        "attributes",
      );
      await refuses(
        () =>
          adapter().setLiveRoomAttributes({
            roomId: r.roomId,
            attributes: { "bad key!": "x" },
            actorId,
          }),
        /^attributes\./,
      );
      await refuses(
        () => adapter().removeLiveRoomAttributes({ roomId: r.roomId, keys: [], actorId }),
        "keys",
      );
    },
  );

  check("liveRooms.keep-alive", ["keepLiveRoomAlive"], async () => {
    const r = await room(0);
    const h = harness();
    await adapter().keepLiveRoomAlive({ roomId: r.roomId, keepAlive: true });
    if (h.liveRoomKeptAlive) expect(await h.liveRoomKeptAlive(r.roomId)).toBe(true);
    await adapter().keepLiveRoomAlive({ roomId: r.roomId, keepAlive: false });
    if (h.liveRoomKeptAlive) expect(await h.liveRoomKeptAlive(r.roomId)).toBe(false);
    await refuses(() => adapter().keepLiveRoomAlive({ roomId: "", keepAlive: true }), "roomId");
  });

  check("liveRooms.whitelist", ["setLiveRoomWhitelist", "listLiveRoomWhitelist"], async () => {
    const r = await room(2);
    const [first, second] = r.members as [string, string];
    await adapter().setLiveRoomWhitelist({
      roomId: r.roomId,
      userIds: [first, second],
      whitelisted: true,
    });
    expect((await adapter().listLiveRoomWhitelist({ roomId: r.roomId })).sort()).toEqual([
      first,
      second,
    ]);
    await adapter().setLiveRoomWhitelist({
      roomId: r.roomId,
      userIds: [first],
      whitelisted: false,
    });
    expect(await adapter().listLiveRoomWhitelist({ roomId: r.roomId })).toEqual([second]);
    await refuses(
      () => adapter().setLiveRoomWhitelist({ roomId: r.roomId, userIds: [], whitelisted: true }),
      "userIds",
    );
  });
}

/** A restriction's end: about `seconds` after `since` (vendors round to minutes), or unknown. */
function expectUntil(until: Date | null, since: number, seconds: number): void {
  if (until === null) return;
  const ends = until.getTime() - since;
  expect(ends).toBeGreaterThan((seconds - 120) * 1000);
  expect(ends).toBeLessThan((seconds + 120) * 1000);
}
