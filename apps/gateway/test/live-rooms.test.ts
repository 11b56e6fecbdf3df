import { describe, expect, it, onTestFinished } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { firstError, inDemoApp } from "./demo-app.js";
import { ok, uniqueIds, withDemo } from "./helpers.js";
import { collect, EVENTS, type Received, sleep, until, wsClient } from "./ws-helpers.js";

// Live rooms over GraphQL, end to end through each vendor's emulator: created by the server,
// entered by emulated clients, read by anyone, moderated by the owner (where the vendor keeps
// one) and admins; comings and goings reach subscribers; bad input is refused before any
// vendor call; gaps answer their reason.

const APPS = ["rongcloud", "tencent", "zego"] as const;

const CREATE = `mutation($app: ID, $r: ID!, $o: ID, $n: String) {
  createLiveRoom(app: $app, roomId: $r, ownerId: $o, name: $n) { id ownerId memberCount } }`;
const ROOM = `query($app: ID, $r: ID!) { liveRoom(app: $app, roomId: $r) { id name ownerId memberCount allMuted } }`;
const MEMBERS = `query($app: ID, $r: ID!) { liveRoomMembers(app: $app, roomId: $r, first: 50) { nodes { userId } } }`;
const PRESENCE = `query($app: ID, $r: ID!, $u: [ID!]!) { liveRoomPresence(app: $app, roomId: $r, userIds: $u) { userId inRoom error { code } } }`;
const BAN = `mutation($app: ID, $r: ID!, $u: [ID!]!, $d: Int!) { banLiveRoomMembers(app: $app, roomId: $r, userIds: $u, durationSeconds: $d) { key ok error { code } } }`;
const SEND = `mutation($app: ID, $r: ID!, $f: ID!, $p: LiveRoomMessagePriority) {
  sendLiveRoomMessage(app: $app, roomId: $r, from: $f, content: { text: { text: "hi" } }, priority: $p) { messageId } }`;
const DESTROY = `mutation($app: ID, $r: ID!) { destroyLiveRoom(app: $app, roomId: $r) }`;

let g: DemoGateway;
withDemo((started) => {
  g = started;
});

describe.each(APPS)("live rooms on %s", (app) => {
  const { q, as, supported, expectGap, vendorRequests, register } = inDemoApp(() => g, app, "lv");
  const uid = uniqueIds();

  it("creates a room, counts and lists who entered, and tells who is in it", async () => {
    const [owner, a, b, outsider] = (await register(4)) as [string, string, string, string];
    const id = uid("lv");
    const created = ok(
      await q<{ createLiveRoom: { id: string } }>(CREATE, { r: id, o: owner, n: "Show" }),
    );
    expect(created.createLiveRoom.id).toBe(id);
    await g.enterLiveRoom(app, id, [a, b]);
    // Any user of the app reads the room.
    const read = ok(
      await q<{ liveRoom: { memberCount: number | null } }>(ROOM, { r: id }, await as(outsider)),
    );
    if (read.liveRoom.memberCount !== null) expect(read.liveRoom.memberCount).toBe(2);
    const members = ok(
      await q<{ liveRoomMembers: { nodes: Array<{ userId: string }> } }>(
        MEMBERS,
        { r: id },
        await as(outsider),
      ),
    );
    expect(members.liveRoomMembers.nodes.map((m) => m.userId).sort()).toEqual([a, b].sort());
    const presence = await q<{
      liveRoomPresence: Array<{ userId: string; inRoom: boolean | null }>;
    }>(PRESENCE, { r: id, u: [a, outsider] });
    if (!supported("CHECK_LIVE_ROOM_MEMBERS"))
      return expectGap(presence, "CHECK_LIVE_ROOM_MEMBERS");
    expect(ok(presence).liveRoomPresence.map((p) => [p.userId, p.inRoom])).toEqual([
      [a, true],
      [outsider, false],
    ]);
  });

  it("refuses bad input before any vendor call, naming the field", async () => {
    const [owner] = (await register(1)) as [string];
    const id = uid("lv");
    ok(await q(CREATE, { r: id, o: owner }));
    const before = vendorRequests();
    expect(firstError(await q(ROOM, { r: "" }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "roomId",
    });
    expect(firstError(await q(BAN, { r: id, u: [owner], d: 0 }))).toMatchObject({
      code: supported("BAN_LIVE_ROOM_MEMBERS") ? "BAD_USER_INPUT" : "UNSUPPORTED_BY_VENDOR",
    });
    expect(firstError(await q(BAN, { r: id, u: [], d: 60 }))).toMatchObject({
      code: supported("BAN_LIVE_ROOM_MEMBERS") ? "BAD_USER_INPUT" : "UNSUPPORTED_BY_VENDOR",
    });
    expect(vendorRequests()).toBe(before);
  });

  it("lets only the owner (where kept) and admins send and moderate; end users are refused", async () => {
    const [owner, other] = (await register(2)) as [string, string];
    const id = uid("lv");
    ok(await q(CREATE, { r: id, o: owner }));
    const room = ok(await q<{ liveRoom: { ownerId: string | null } }>(ROOM, { r: id })).liveRoom;
    const byOther = await q(SEND, { r: id, f: other }, await as(other));
    expect(firstError(byOther)).toMatchObject({ code: "FORBIDDEN" });
    const byOwner = await q(SEND, { r: id, f: owner }, await as(owner));
    if (room.ownerId === owner) ok(byOwner);
    else expect(firstError(byOwner)).toMatchObject({ code: "FORBIDDEN" });
    // An admin sends with each priority the vendor has; the others are refused, not downgraded.
    for (const p of ["HIGH", "NORMAL", "LOW"]) {
      const sent = await q(SEND, { r: id, f: owner, p });
      if (sent.errors) expect(firstError(sent)).toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
      else expect(p === "NORMAL" || sent.errors === undefined).toBe(true);
    }
    ok(await q(SEND, { r: id, f: owner, p: "NORMAL" }));
  });

  it("an admin sets and removes attributes (the vendor records the app's operator where it needs a user)", async () => {
    const [owner] = (await register(1)) as [string];
    const id = uid("lv");
    ok(await q(CREATE, { r: id, o: owner }));
    const SET = `mutation($app: ID, $r: ID!) { setLiveRoomAttributes(app: $app, roomId: $r, attributes: [{ key: "topic", value: "news" }, { key: "mood", value: "calm" }]) }`;
    const REMOVE = `mutation($app: ID, $r: ID!) { removeLiveRoomAttributes(app: $app, roomId: $r, keys: ["mood"]) }`;
    const READ = `query($app: ID, $r: ID!) { liveRoomAttributes(app: $app, roomId: $r) { key value } }`;
    ok(await q(SET, { r: id }));
    ok(await q(REMOVE, { r: id }));
    const read = ok(
      await q<{ liveRoomAttributes: Array<{ key: string; value: string }> }>(READ, { r: id }),
    );
    expect(read.liveRoomAttributes).toEqual([{ key: "topic", value: "news" }]);
  });

  it("bans where the vendor has bans: the banned user is out at once", async () => {
    const [owner, a, b] = (await register(3)) as [string, string, string];
    const id = uid("lv");
    ok(await q(CREATE, { r: id, o: owner }));
    await g.enterLiveRoom(app, id, [a, b]);
    const banned = await q<{ banLiveRoomMembers: Array<{ ok: boolean }> }>(BAN, {
      r: id,
      u: [a],
      d: 600,
    });
    if (!supported("BAN_LIVE_ROOM_MEMBERS")) return expectGap(banned, "BAN_LIVE_ROOM_MEMBERS");
    expect(ok(banned).banLiveRoomMembers.every((r) => r.ok)).toBe(true);
    const members = ok(
      await q<{ liveRoomMembers: { nodes: Array<{ userId: string }> } }>(MEMBERS, { r: id }),
    );
    expect(members.liveRoomMembers.nodes.map((m) => m.userId)).toEqual([b]);
  });

  it("reports entries and the room's end to subscribers from the vendor's callbacks", async () => {
    const [owner, a] = (await register(2)) as [string, string];
    const id = uid("lv");
    const client = wsClient(g.url, await as(a));
    onTestFinished(() => client.dispose());
    const before = g.realtime.pubsub.stats().listeners;
    const heard: Received<Record<string, unknown>> = collect(client, EVENTS, {
      app,
      conversation: { type: "ROOM", id },
    });
    await until(() => g.realtime.pubsub.stats().listeners === before + 1);
    ok(await q(CREATE, { r: id, o: owner }));
    await g.enterLiveRoom(app, id, [a]);
    ok(await q(DESTROY, { r: id }));
    await g.flushCallbacks();
    await until(() => heard.events.some((e) => e.type === "LIVE_ROOM_DESTROYED"), 10_000);
    const types = heard.events.map((e) => e.type);
    expect(types).toContain("LIVE_ROOM_MEMBER_JOINED");
    expect(heard.events.find((e) => e.type === "LIVE_ROOM_MEMBER_JOINED")).toMatchObject({
      roomId: id,
      userIds: [a],
    });
    expect(heard.events.every((e) => e.roomId === id)).toBe(true);
    // The vendor's callbacks report these writes; the gateway adds no second event.
    await sleep(300);
    const count = (type: string) => heard.events.filter((e) => e.type === type).length;
    expect(count("LIVE_ROOM_DESTROYED")).toBe(1);
    expect(count("LIVE_ROOM_CREATED")).toBeLessThanOrEqual(1);
  });
});
