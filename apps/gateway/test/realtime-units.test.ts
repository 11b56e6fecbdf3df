import type { ImAdapter, ImEvent } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { decodeEvent, encodeEvent } from "../src/realtime/codec.js";
import { MembershipCache } from "../src/realtime/membership.js";
import { MemoryPubSub } from "../src/realtime/pubsub.js";
import { MemoryReplayStore } from "../src/realtime/replay.js";
import { StreamLagged } from "../src/realtime/stream.js";

const presence = (userId: string): ImEvent => ({
  type: "PRESENCE_CHANGED",
  appId: "a",
  at: new Date(1_700_000_000_000),
  userId,
  status: "ONLINE",
});

describe("MemoryReplayStore", () => {
  it("tells a redelivery, a pending claim and a reused key apart; release frees the key", async () => {
    const store = new MemoryReplayStore();
    expect(await store.claim("k", "body1", 1000)).toBe("claimed");
    expect(await store.claim("k", "body1", 1000)).toBe("pending");
    await store.complete("k", "body1", 1000);
    expect(await store.claim("k", "body1", 1000)).toBe("done");
    expect(await store.claim("k", "body2", 1000)).toBe("conflict");
    await store.release("k");
    expect(await store.claim("k", "body2", 1000)).toBe("claimed");
  });

  it("forgets keys after their window and holds at most maxEntries", async () => {
    let now = 1_000_000;
    const store = new MemoryReplayStore({ maxEntries: 100, now: () => now });
    await store.claim("old", "x", 1000);
    now += 1001;
    expect(await store.claim("old", "x", 1000)).toBe("claimed");
    for (let i = 0; i < 1000; i++) await store.claim(`k${i}`, "x", 60_000);
    expect(store.size()).toBe(100);
    expect(await store.claim("k999", "x", 60_000)).toBe("pending");
  });
});

describe("MemoryPubSub", () => {
  it("delivers to every subscriber of the app, and return() unsubscribes a waiting reader", async () => {
    const pubsub = new MemoryPubSub();
    const a = await pubsub.subscribe("a");
    const b = await pubsub.subscribe("a");
    const other = await pubsub.subscribe("b");
    const waiting = a.next();
    await pubsub.publish("a", [presence("u1")]);
    expect((await waiting).value).toMatchObject({ userId: "u1" });
    expect((await b.next()).value).toMatchObject({ userId: "u1" });
    const pending = other.next();
    await other.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    await a.return();
    await b.return();
    expect(pubsub.stats()).toEqual({ listeners: 0, channels: 0 });
  });

  it("ends a subscriber that falls too far behind, telling it so once", async () => {
    const pubsub = new MemoryPubSub({ maxBuffered: 3 });
    const slow = await pubsub.subscribe("a");
    for (let i = 0; i < 5; i++) await pubsub.publish("a", [presence(`u${i}`)]);
    expect(pubsub.stats().listeners).toBe(0);
    const last = await slow.next();
    expect(last.value).toBeInstanceOf(StreamLagged);
    expect((last.value as StreamLagged).maxBuffered).toBe(3);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
  });

  it("tells its observer how long each event waited for the subscriber", async () => {
    const waits: number[] = [];
    const pubsub = new MemoryPubSub({ observer: { waited: (s) => waits.push(s) } });
    const sub = await pubsub.subscribe("a");
    const waiting = sub.next();
    await pubsub.publish("a", [presence("u1"), presence("u2")]);
    await waiting;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await sub.next()).value).toMatchObject({ userId: "u2" });
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBe(0);
    expect(waits[1]).toBeGreaterThanOrEqual(0.02);
    await sub.return();
  });
});

describe("event codec", () => {
  it("round-trips events with their dates", () => {
    const sent: ImEvent = {
      type: "MESSAGE_SENT",
      appId: "a",
      at: new Date(5),
      message: {
        id: "m",
        conversation: { type: "USER", id: "b" },
        senderId: "c",
        sentAt: new Date(7),
        content: { type: "TEXT", text: "hi" },
        recalled: false,
      },
    };
    expect(decodeEvent(encodeEvent(sent))).toEqual(sent);
    expect(decodeEvent("nope")).toBeNull();
    expect(decodeEvent("{}")).toBeNull();
  });
});

describe("MembershipCache", () => {
  function adapter(members: Record<string, string[]>, calls: string[]): ImAdapter {
    return {
      info: { id: "app" },
      limits: { pageSize: 100 },
      async listGroupMembers({ groupId }: { groupId: string }) {
        calls.push(groupId);
        const list = members[groupId];
        if (!list) throw new Error("no such group");
        return { items: list.map((userId) => ({ userId })), nextCursor: null };
      },
    } as unknown as ImAdapter;
  }

  it("looks a group up once for all subscribers, and patches it from membership events", async () => {
    const calls: string[] = [];
    const a = adapter({ g: ["x", "y"] }, calls);
    const cache = new MembershipCache();
    const checks = await Promise.all([
      cache.isMember(a, "g", "x"),
      cache.isMember(a, "g", "z"),
      cache.isMember(a, "g", "y"),
    ]);
    expect(checks).toEqual([true, false, true]);
    expect(calls).toEqual(["g"]);
    cache.joined("app", "g", ["z"]);
    cache.left("app", "g", ["x"]);
    expect(await cache.isMember(a, "g", "z")).toBe(true);
    expect(await cache.isMember(a, "g", "x")).toBe(false);
    expect(cache.wasMember("app", "g", "y")).toBe(true);
    expect(await cache.isMember(a, "missing", "x")).toBeNull();
  });

  it("keeps lists in step with every membership event, and asks afresh on request", async () => {
    const calls: string[] = [];
    const groups = { g: ["x", "y"] };
    const a = adapter(groups, calls);
    const cache = new MembershipCache();
    const release = cache.watch("app");
    expect(await cache.isMember(a, "g", "x")).toBe(true);
    const at = new Date(0);
    cache.observe("app", {
      type: "GROUP_MEMBER_LEFT",
      appId: "app",
      at,
      groupId: "g",
      userIds: ["x"],
    });
    cache.observe("app", {
      type: "GROUP_MEMBER_JOINED",
      appId: "app",
      at,
      groupId: "g",
      userIds: ["z"],
    });
    cache.observe("app", { type: "PROFILE_UPDATED", appId: "app", at, userId: "y" } as never);
    expect(await cache.isMember(a, "g", "x")).toBe(false);
    expect(await cache.isMember(a, "g", "z")).toBe(true);
    expect(calls).toEqual(["g"]);
    // A change no event told of: the cached list still says so, the vendor does not.
    groups.g = ["y"];
    expect(await cache.isMember(a, "g", "z")).toBe(true);
    expect(await cache.isMember(a, "g", "z", { fresh: true })).toBe(false);
    expect(calls).toEqual(["g", "g"]);
    release();
  });

  it("asks afresh for a group dismissed or created under an id, keeping who was in it", async () => {
    const calls: string[] = [];
    const groups: Record<string, string[]> = { g: ["x"] };
    const a = adapter(groups, calls);
    const cache = new MembershipCache();
    expect(await cache.isMember(a, "g", "x")).toBe(true);
    const at = new Date(0);
    cache.observe("app", { type: "GROUP_DISMISSED", appId: "app", at, groupId: "g" } as never);
    expect(cache.wasMember("app", "g", "x")).toBe(true);
    // Re-created under the same id, with other members.
    groups.g = ["y"];
    cache.observe("app", {
      type: "GROUP_CREATED",
      appId: "app",
      at,
      groupId: "g",
      ownerId: "y",
      userIds: ["y"],
    } as never);
    expect(await cache.isMember(a, "g", "x")).toBe(false);
    expect(await cache.isMember(a, "g", "y")).toBe(true);
    expect(calls).toEqual(["g", "g"]);
  });

  it("drops an app's lists when its last subscription ends", async () => {
    const calls: string[] = [];
    const a = adapter({ g: ["x"] }, calls);
    const cache = new MembershipCache();
    const first = cache.watch("app");
    const second = cache.watch("app");
    await cache.isMember(a, "g", "x");
    first();
    first(); // a second release of the same watch counts once
    expect(cache.size()).toBe(1);
    second();
    expect(cache.size()).toBe(0);
    await cache.isMember(a, "g", "x");
    expect(calls).toEqual(["g", "g"]);
  });

  it("expires lists and holds a bounded number of them", async () => {
    let now = 0;
    const calls: string[] = [];
    const groups = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`g${i}`, ["u"]]));
    const a = adapter(groups, calls);
    const cache = new MembershipCache({ ttlMs: 100, maxGroups: 10, now: () => now });
    for (let i = 0; i < 50; i++) await cache.isMember(a, `g${i}`, "u");
    expect(cache.size()).toBe(10);
    await cache.isMember(a, "g49", "u");
    expect(calls).toHaveLength(50);
    now = 101;
    await cache.isMember(a, "g49", "u");
    expect(calls).toHaveLength(51);
  });
});
