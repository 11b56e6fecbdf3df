import type { ImEvent } from "@imgraph/core";
import { GraphQLError } from "graphql";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { decodeEvent, encodeEvent } from "./codec.js";
import { LocalFanout, type PubSub, type PubSubStats } from "./pubsub.js";
import { EventStream, type StreamObserver } from "./stream.js";

/**
 * Fan-out across instances: an event is PUBLISHed once to its app's channel; every
 * instance with subscribers to that app holds one SUBSCRIBE to the channel and hands
 * each message to its local subscribers. So each subscriber on each instance gets it
 * exactly once, whichever instance received the callback. An instance subscribes to a
 * channel only while it has a local subscriber for that app.
 */
export class RedisPubSub implements PubSub {
  readonly #pub: Redis;
  readonly #sub: Redis;
  readonly #prefix: string;
  readonly #fanout = new LocalFanout();
  readonly #maxBuffered: number;
  readonly #observer: StreamObserver | undefined;
  readonly #log: Logger | undefined;
  /** The SUBSCRIBE (or UNSUBSCRIBE) last sent per channel: commands run in order. */
  readonly #pending = new Map<string, Promise<unknown>>();

  constructor(options: {
    publisher: Redis;
    subscriber: Redis;
    prefix?: string;
    maxBuffered?: number;
    observer?: StreamObserver;
    log?: Logger;
  }) {
    this.#pub = options.publisher;
    this.#sub = options.subscriber;
    this.#prefix = options.prefix ?? "imgraph:events:";
    this.#maxBuffered = options.maxBuffered ?? 1000;
    this.#observer = options.observer;
    this.#log = options.log;
    this.#sub.on("message", (channel: string, message: string) => {
      if (!channel.startsWith(this.#prefix)) return;
      const event = decodeEvent(message);
      if (!event) {
        this.#log?.warn({ channel }, "unreadable event on the event channel");
        return;
      }
      this.#fanout.emit(channel.slice(this.#prefix.length), event);
    });
  }

  channel(appId: string): string {
    return `${this.#prefix}${appId}`;
  }

  /** One MULTI for a callback's events: Redis takes all of them or none. */
  async publish(appId: string, events: readonly ImEvent[]): Promise<void> {
    if (events.length === 0) return;
    const channel = this.channel(appId);
    const multi = this.#pub.multi();
    for (const event of events) multi.publish(channel, encodeEvent(event));
    const results = await multi.exec();
    const failed = results?.find(([error]) => error !== null);
    if (!results || failed) throw failed?.[0] ?? new Error("redis transaction aborted");
  }

  async subscribe(appId: string): Promise<EventStream> {
    const channel = this.channel(appId);
    const stream = new EventStream(
      () => {
        if (this.#fanout.remove(appId, stream)) this.#command(channel, "unsubscribe");
      },
      this.#maxBuffered,
      this.#observer,
    );
    if (this.#fanout.add(appId, stream)) this.#command(channel, "subscribe");
    // Ready once our channel's latest command (a SUBSCRIBE) has been answered.
    try {
      await this.#pending.get(channel);
    } catch {
      await stream.return();
      throw new GraphQLError("Real-time events are unavailable right now; try again.", {
        extensions: { code: "SERVICE_UNAVAILABLE" },
      });
    }
    return stream;
  }

  #command(channel: string, command: "subscribe" | "unsubscribe"): void {
    const run = this.#sub[command](channel);
    this.#pending.set(channel, run);
    run.then(
      () => {
        if (this.#pending.get(channel) === run) this.#pending.delete(channel);
      },
      (error: unknown) => {
        if (this.#pending.get(channel) === run) this.#pending.delete(channel);
        this.#log?.error({ error: (error as Error).message, channel }, `redis ${command} failed`);
      },
    );
  }

  stats(): PubSubStats {
    return this.#fanout.stats();
  }

  async close(): Promise<void> {
    this.#fanout.endAll();
    await Promise.allSettled([...this.#pending.values()]);
    await Promise.allSettled([this.#sub.quit(), this.#pub.quit()]);
  }
}
