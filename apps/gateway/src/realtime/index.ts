import { Redis } from "ioredis";
import type { Logger } from "pino";
import { REALTIME_DEFAULTS, type RealtimeConfig } from "../config/types.js";
import { MembershipCache } from "./membership.js";
import { MessageSightings } from "./message-sightings.js";
import { MemoryPresenceStore } from "./presence.js";
import { MemoryPubSub } from "./pubsub.js";
import { RedisPresenceStore } from "./redis-presence.js";
import { RedisPubSub } from "./redis-pubsub.js";
import { RedisReplayStore } from "./redis-replay.js";
import { MemoryReplayStore } from "./replay.js";
import type { RealtimeServices } from "./services.js";
import type { StreamObserver } from "./stream.js";

export type { RealtimeServices } from "./services.js";

export interface Realtime extends RealtimeServices {
  /** "redis" when events fan out through Redis, else "memory". */
  mode: "memory" | "redis";
  /** Whether the Redis connections are ready; absent in memory mode. */
  redisReady?: () => boolean;
  /** Commands on the shared Redis (rate buckets, the read cache); absent in memory mode. */
  redis?: Redis;
  close(): Promise<void>;
}

/** In-memory fan-out, replay and presence stores, or all in Redis when a URL is configured. */
export async function createRealtime(
  config: RealtimeConfig = REALTIME_DEFAULTS,
  log?: Logger,
  observer?: StreamObserver,
): Promise<Realtime> {
  const members = new MembershipCache();
  if (!config.redisUrl) {
    const pubsub = new MemoryPubSub({
      maxBuffered: config.maxBufferedEvents,
      ...(observer ? { observer } : {}),
    });
    const replay = new MemoryReplayStore();
    return {
      mode: "memory",
      pubsub,
      replay,
      members,
      presence: new MemoryPresenceStore(),
      // A store of its own: a busy app's messages must not push replay records out.
      sightings: new MessageSightings(new MemoryReplayStore()),
      async close() {
        await pubsub.close();
        await replay.close();
        members.clear();
      },
    };
  }
  const options = { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true };
  const publisher = new Redis(config.redisUrl, options);
  const subscriber = new Redis(config.redisUrl, options);
  for (const [name, client] of [
    ["publisher", publisher],
    ["subscriber", subscriber],
  ] as const) {
    // ioredis reconnects by itself; log without the URL (it may hold a password).
    client.on("error", (error: Error) =>
      log?.warn({ redis: name, error: error.message }, "redis connection error"),
    );
  }
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw new Error(`Cannot connect to Redis: ${(error as Error).message}`);
  }
  const pubsub = new RedisPubSub({
    publisher,
    subscriber,
    prefix: `${config.keyPrefix}events:`,
    maxBuffered: config.maxBufferedEvents,
    ...(observer ? { observer } : {}),
    ...(log ? { log } : {}),
  });
  const replay = new RedisReplayStore(publisher, `${config.keyPrefix}replay:`);
  return {
    mode: "redis",
    pubsub,
    replay,
    members,
    presence: new RedisPresenceStore(publisher, `${config.keyPrefix}presence:`),
    sightings: new MessageSightings(new RedisReplayStore(publisher, `${config.keyPrefix}sent:`)),
    redisReady: () => publisher.status === "ready" && subscriber.status === "ready",
    redis: publisher,
    async close() {
      await pubsub.close();
      members.clear();
    },
  };
}
