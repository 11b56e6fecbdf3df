import { describe, expect, it } from "vitest";
import { validateConfig } from "../src/config/validate.js";
import type { DemoGateway } from "../src/demo/start.js";
import { ReadCache } from "../src/read-cache/read-cache.js";
import { MemoryCacheStore, RedisCacheStore } from "../src/read-cache/store.js";
import { configError, sourcesOf } from "./config-helpers.js";
import { gql, withDemo } from "./helpers.js";
import { hasRedisServer, type TestRedis, withRedis } from "./redis-server.js";

const user = (id: string, name: string) => ({ id, name, avatarUrl: null, extra: null });

describe("ReadCache", () => {
  it("serves within the staleness bound, not after it", async () => {
    let now = 1_000;
    const cache = new ReadCache(
      new MemoryCacheStore(() => now),
      { profilesTtlMs: 500, groupsTtlMs: 0 },
      "t:",
    );
    await cache.putUsers("chat", [user("a", "A")]);
    expect([...(await cache.users("chat", ["a", "b"])).keys()]).toEqual(["a"]);
    // Another app's cache is its own.
    expect((await cache.users("other", ["a"])).size).toBe(0);
    now += 501;
    expect((await cache.users("chat", ["a"])).size).toBe(0);
    // Group info is off (0): nothing kept.
    await cache.putGroup("chat", {
      id: "g",
      name: "G",
      ownerId: null,
      memberCount: 1,
      createdAt: null,
    });
    expect(await cache.group("chat", "g")).toBeUndefined();
  });

  it("forgets what a callback says changed", async () => {
    const cache = new ReadCache(
      new MemoryCacheStore(),
      { profilesTtlMs: 60_000, groupsTtlMs: 60_000 },
      "",
    );
    await cache.putUsers("chat", [user("a", "A"), user("b", "B")]);
    const created = new Date("2026-01-02T03:04:05Z");
    await cache.putGroup("chat", {
      id: "g",
      name: "G",
      ownerId: "a",
      memberCount: 2,
      createdAt: created,
    });
    expect((await cache.group("chat", "g"))?.createdAt).toEqual(created);
    await cache.forgetEvents("chat", [
      { type: "PROFILE_UPDATED", appId: "chat", at: new Date(), userId: "a", fields: [] },
      { type: "GROUP_MEMBER_JOINED", appId: "chat", at: new Date(), groupId: "g", userIds: ["c"] },
    ]);
    expect([...(await cache.users("chat", ["a", "b"])).keys()]).toEqual(["b"]);
    expect(await cache.group("chat", "g")).toBeUndefined();
  });

  it("is read around when its store fails", async () => {
    const broken = {
      getMany: () => Promise.reject(new Error("down")),
      setMany: () => Promise.reject(new Error("down")),
      delete: () => Promise.reject(new Error("down")),
    };
    const cache = new ReadCache(broken, { profilesTtlMs: 1_000, groupsTtlMs: 1_000 }, "");
    await cache.putUsers("chat", [user("a", "A")]);
    expect((await cache.users("chat", ["a"])).size).toBe(0);
    await cache.forget("chat", { users: ["a"] });
  });

  it("is off unless configured, and its bounds are checked", () => {
    const base = { apps: [{ id: "c", vendor: "rongcloud", appKey: "k", appSecretEnv: "S" }] };
    expect(validateConfig(base, sourcesOf({ S: "s" })).readCache).toBeUndefined();
    expect(
      validateConfig({ ...base, readCache: { profilesTtlMs: 5_000 } }, sourcesOf({ S: "s" }))
        .readCache,
    ).toEqual({ profilesTtlMs: 5_000, groupsTtlMs: 0 });
    expect(
      configError({ ...base, readCache: { profilesTtlMs: -1 } }, sourcesOf({ S: "s" })).message,
    ).toMatch(/readCache\.profilesTtlMs/);
    expect(configError({ ...base, readCache: { ttl: 1 } }, sourcesOf({ S: "s" })).message).toMatch(
      /readCache\.ttl: not a known setting/,
    );
  });
});

const redisAvailable = hasRedisServer();
describe.skipIf(!redisAvailable)("ReadCache in Redis", () => {
  let redis: TestRedis;
  withRedis((started) => {
    redis = started;
  });

  it("is shared: what one instance keeps or forgets, the other sees", async () => {
    const config = { profilesTtlMs: 60_000, groupsTtlMs: 60_000 };
    const a = new ReadCache(new RedisCacheStore(redis.client), config, "imgraph:");
    const b = new ReadCache(new RedisCacheStore(redis.client), config, "imgraph:");
    await a.putUsers("chat", [user("a", "A")]);
    expect((await b.users("chat", ["a"])).get("a")?.name).toBe("A");
    expect(await redis.client.pttl("imgraph:cache:{chat}:user:a")).toBeGreaterThan(59_000);
    await b.forget("chat", { users: ["a"] });
    expect((await a.users("chat", ["a"])).size).toBe(0);
  });
});

describe("the gateway with a read cache", () => {
  let g: DemoGateway;
  withDemo({ readCache: { profilesTtlMs: 60_000, groupsTtlMs: 60_000 } }, (started) => {
    g = started;
  });

  const calls = (vendor: string, path: string) =>
    g.emulators
      .find((e) => e.vendor === vendor)
      ?.requests()
      .filter((r) => r.path.includes(path)).length ?? 0;
  const read = (app: string, id: string) =>
    gql<{ user: { name: string } | null }>(
      g.url,
      `query { user(app: "${app}", id: "${id}") { name } }`,
      {},
      { "x-api-key": g.adminKey },
    );

  it("reads a profile once, and again after the gateway's own write", async () => {
    const before = calls("tencent", "portrait_get");
    expect((await read("tencent", "carol")).data?.user?.name).toBe("Carol");
    expect((await read("tencent", "carol")).data?.user?.name).toBe("Carol");
    expect(calls("tencent", "portrait_get")).toBe(before + 1);
    const update = await gql(
      g.url,
      `mutation { updateUser(app: "tencent", input: { id: "carol", name: "Caroline" }) { name } }`,
      {},
      { "x-api-key": g.adminKey },
    );
    expect(update.errors).toBeUndefined();
    expect((await read("tencent", "carol")).data?.user?.name).toBe("Caroline");
    // Fresh after the write, then cached again.
    const afterWrite = calls("tencent", "portrait_get");
    expect(afterWrite).toBeGreaterThan(before + 1);
    expect((await read("tencent", "carol")).data?.user?.name).toBe("Caroline");
    expect(calls("tencent", "portrait_get")).toBe(afterWrite);
  });

  it("reads a group once, and again after a member joins through the gateway", async () => {
    const group = () =>
      gql<{ group: { memberCount: number | null } }>(
        g.url,
        `query { group(app: "tencent", id: "demogroup") { memberCount } }`,
        {},
        { "x-api-key": g.adminKey },
      );
    const before = calls("tencent", "get_group_info");
    const first = (await group()).data?.group.memberCount ?? 0;
    await group();
    expect(calls("tencent", "get_group_info")).toBe(before + 1);
    const added = await gql(
      g.url,
      `mutation { addGroupMembers(app: "tencent", groupId: "demogroup", userIds: ["dave"]) { ok } }`,
      {},
      { "x-api-key": g.adminKey },
    );
    expect(added.errors).toBeUndefined();
    expect((await group()).data?.group.memberCount).toBe(first + 1);
  });

  it("drops a profile when the vendor's callback says it changed", async () => {
    const before = calls("rongcloud", "/user/info.json");
    await read("rongcloud", "bob");
    await read("rongcloud", "bob");
    const afterTwo = calls("rongcloud", "/user/info.json");
    expect(afterTwo - before).toBeLessThanOrEqual(1);
    // Changed at the vendor, not through the gateway: RongCloud's profile callback tells.
    await g.apps
      .get("rongcloud")
      .setUserAttributes({ userId: "bob", attributes: { city: "Oslo" } });
    await g.flushCallbacks();
    await read("rongcloud", "bob");
    expect(calls("rongcloud", "/user/info.json")).toBe(afterTwo + 1);
  });
});
