import type { ImAdapter, ImEvent, MessageContent } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { MessageSightings } from "../src/realtime/message-sightings.js";
import { RedisReplayStore } from "../src/realtime/redis-replay.js";
import { MemoryReplayStore, type ReplayStore } from "../src/realtime/replay.js";
import { hasRedisServer, type TestRedis, withRedis } from "./redis-server.js";

// Where a vendor calls an edit back as a send of the same message (ZIM), the gateway tells a
// new message from an edit and from the same delivery again. Over the demo: edit-echoes.test.ts.

const at = new Date(1_700_000_000_000);
const text = (t: string): MessageContent => ({ type: "TEXT", text: t });
const adapter = (windowMs?: number) =>
  ({
    info: { id: "app1" },
    ...(windowMs ? { editsReportedAsSendsForMs: windowMs } : {}),
  }) as unknown as ImAdapter;

function sent(id: string, content: MessageContent, type: "USER" | "ROOM" = "USER"): ImEvent {
  return {
    type: "MESSAGE_SENT",
    appId: "app1",
    at,
    message: {
      id,
      conversation: { type, id: "bob" },
      senderId: "alice",
      sentAt: at,
      content,
      recalled: false,
    },
  };
}

/** The events one send callback is told as, by type and content text. */
async function told(s: MessageSightings, a: ImAdapter, event: ImEvent) {
  const { events } = await s.fold(a, [event]);
  return events.map((e) => {
    if (e.type === "MESSAGE_SENT") return ["SENT", (e.message.content as { text: string }).text];
    if (e.type === "MESSAGE_EDITED")
      return ["EDITED", (e.content as { text: string } | null)?.text, e.editorId];
    return [e.type];
  });
}

async function tellsEditsApart(store: ReplayStore) {
  const s = new MessageSightings(store);
  const zim = adapter(60_000);
  expect(await told(s, zim, sent("m1", text("hi")))).toEqual([["SENT", "hi"]]);
  // The same delivery again (another signature, the same body): nothing new.
  expect(await told(s, zim, sent("m1", text("hi")))).toEqual([]);
  // Other content under the same id: an edit made elsewhere, editor unknown.
  expect(await told(s, zim, sent("m1", text("hi!")))).toEqual([["EDITED", "hi!", null]]);
  expect(await told(s, zim, sent("m1", text("hi!")))).toEqual([]);
  // An edit the gateway made and published: its send callback is not told again...
  await s.editedHere(zim, "m1");
  expect(await told(s, zim, sent("m1", text("hello")))).toEqual([]);
  // ...and a later edit elsewhere still is.
  expect(await told(s, zim, sent("m1", text("bye")))).toEqual([["EDITED", "bye", null]]);
  // Another message is new.
  expect(await told(s, zim, sent("m2", text("bye")))).toEqual([["SENT", "bye"]]);
}

describe("message sightings", () => {
  it("tell a new message, the same delivery again, and edits apart (memory)", async () => {
    await tellsEditsApart(new MemoryReplayStore());
  });

  it("leave other vendors' sends, room messages and other events as they are", async () => {
    const store = new MemoryReplayStore();
    const s = new MessageSightings(store);
    const plain = adapter();
    const event = sent("m1", text("hi"));
    for (let i = 0; i < 2; i++) expect((await s.fold(plain, [event])).events).toEqual([event]);
    await s.editedHere(plain, "m1");
    expect(store.size()).toBe(0);
    const zim = adapter(60_000);
    const room = sent("r1", text("hi"), "ROOM");
    const joined: ImEvent = { type: "GROUP_DISMISSED", appId: "app1", at, groupId: "g" };
    for (let i = 0; i < 2; i++)
      expect((await s.fold(zim, [room, joined])).events).toEqual([room, joined]);
    expect(store.size()).toBe(0);
  });

  it("undo forgets what a fold recorded, so the vendor's retry is news again", async () => {
    const s = new MessageSightings(new MemoryReplayStore());
    const zim = adapter(60_000);
    expect(await told(s, zim, sent("m1", text("hi")))).toEqual([["SENT", "hi"]]);
    const failed = await s.fold(zim, [sent("m1", text("edited")), sent("m2", text("new"))]);
    expect(failed.events.map((e) => e.type)).toEqual(["MESSAGE_EDITED", "MESSAGE_SENT"]);
    await failed.undo(); // the PubSub refused them: the retry must be told the same
    const retry = await s.fold(zim, [sent("m1", text("edited")), sent("m2", text("new"))]);
    expect(retry.events.map((e) => e.type)).toEqual(["MESSAGE_EDITED", "MESSAGE_SENT"]);
  });

  it("keep a message for the vendor's edit window only", async () => {
    let now = 1_000_000;
    const s = new MessageSightings(new MemoryReplayStore({ now: () => now }));
    const zim = adapter(60_000);
    expect(await told(s, zim, sent("m1", text("hi")))).toEqual([["SENT", "hi"]]);
    now += 60_001;
    expect(await told(s, zim, sent("m1", text("hi")))).toEqual([["SENT", "hi"]]);
  });

  describe.skipIf(!hasRedisServer())("in Redis (redis-server on the PATH)", () => {
    let redis: TestRedis;
    withRedis((started) => {
      redis = started;
    });

    it("tell them apart the same way, each record expiring with the edit window", async () => {
      await tellsEditsApart(new RedisReplayStore(redis.client, "t:sent:"));
      const ttl = await redis.client.pttl("t:sent:app1\nm1");
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    });

    it("two instances swapping one key see each other's value", async () => {
      const other = redis.client.duplicate();
      const [a, b] = [
        new RedisReplayStore(redis.client, "t:swap:"),
        new RedisReplayStore(other, "t:swap:"),
      ];
      const answers = await Promise.all([a.swap("k", "1", 1000), b.swap("k", "2", 1000)]);
      // Whichever came second got the first one's value.
      expect(answers).toEqual(answers[0] === null ? [null, "1"] : ["2", null]);
      await other.quit();
    });
  });
});
