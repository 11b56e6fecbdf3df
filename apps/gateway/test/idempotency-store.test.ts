import { describe, expect, it } from "vitest";
import { RedisReplayStore } from "../src/realtime/redis-replay.js";
import { MemoryReplayStore, type ReplayStore } from "../src/realtime/replay.js";
import { hasRedisServer, type TestRedis, withRedis } from "./redis-server.js";

// The replay store keeps an idempotent write's answer with its done mark: the same in this
// process and in Redis (where every instance reads it).

async function keepsAnswers(store: ReplayStore) {
  expect(await store.claim("idem:a:push:k", "f1", 1000)).toBe("claimed");
  expect(await store.payload("idem:a:push:k")).toBeNull(); // pending: no answer yet
  await store.complete("idem:a:push:k", "f1", 60_000, '{"taskId":"t\\n1"}');
  expect(await store.claim("idem:a:push:k", "f1", 1000)).toBe("done");
  expect(await store.claim("idem:a:push:k", "f2", 1000)).toBe("conflict");
  expect(JSON.parse((await store.payload("idem:a:push:k")) ?? "null")).toEqual({ taskId: "t\n1" });
  // A webhook delivery's record, completed without an answer, still reads as done.
  expect(await store.claim("hook", "f", 1000)).toBe("claimed");
  await store.complete("hook", "f", 1000);
  expect(await store.claim("hook", "f", 1000)).toBe("done");
  expect(await store.payload("hook")).toBeNull();
}

describe("replay store answers", () => {
  it("in memory", async () => {
    await keepsAnswers(new MemoryReplayStore());
  });

  describe.skipIf(!hasRedisServer())("in Redis (redis-server on the PATH)", () => {
    let redis: TestRedis;
    withRedis((started) => {
      redis = started;
    });

    it("keeps the answer under the key's expiry, read by another connection", async () => {
      await keepsAnswers(new RedisReplayStore(redis.client, "t:replay:"));
      expect(await redis.client.pttl("t:replay:idem:a:push:k")).toBeGreaterThan(1000);
      const second = redis.client.duplicate();
      const other = new RedisReplayStore(second, "t:replay:");
      expect(await other.payload("idem:a:push:k")).toBe('{"taskId":"t\\n1"}');
      await second.quit();
    });
  });
});
