import type { ImEvent } from "@imgraph/core";
import { EventStream, type StreamObserver } from "./stream.js";

/** Counters that show nothing is left behind (tests, health). */
export interface PubSubStats {
  /** Local subscribers across all apps. */
  listeners: number;
  /** Apps with at least one local subscriber (Redis: channels subscribed). */
  channels: number;
}

/**
 * Event fan-out. `publish` resolves once the events (one callback's, all or none) are
 * accepted for delivery to every subscriber on every instance; `subscribe` gives an
 * iterator whose `return()` removes the subscriber at once.
 */
export interface PubSub {
  publish(appId: string, events: readonly ImEvent[]): Promise<void>;
  /** Resolves once the subscriber is registered everywhere it needs to be. */
  subscribe(appId: string): Promise<EventStream>;
  stats(): PubSubStats;
  close(): Promise<void>;
}

/** Listeners per app, shared by the in-memory and the Redis PubSub. */
export class LocalFanout {
  readonly #byApp = new Map<string, Set<EventStream>>();
  #count = 0;

  /** Adds a stream; returns true when it is the app's first. */
  add(appId: string, stream: EventStream): boolean {
    let set = this.#byApp.get(appId);
    const first = !set;
    if (!set) {
      set = new Set();
      this.#byApp.set(appId, set);
    }
    set.add(stream);
    this.#count++;
    return first;
  }

  /** Removes a stream; returns true when it was the app's last. */
  remove(appId: string, stream: EventStream): boolean {
    const set = this.#byApp.get(appId);
    if (!set?.delete(stream)) return false;
    this.#count--;
    if (set.size > 0) return false;
    this.#byApp.delete(appId);
    return true;
  }

  emit(appId: string, event: ImEvent): void {
    const set = this.#byApp.get(appId);
    if (!set) return;
    for (const stream of [...set]) stream.push(event);
  }

  stats(): PubSubStats {
    return { listeners: this.#count, channels: this.#byApp.size };
  }

  endAll(): void {
    for (const set of [...this.#byApp.values()]) for (const s of [...set]) void s.return();
  }
}

/** One process: events go straight to the local subscribers. */
export class MemoryPubSub implements PubSub {
  readonly #fanout = new LocalFanout();
  readonly #maxBuffered: number;
  readonly #observer: StreamObserver | undefined;

  constructor(options: { maxBuffered?: number; observer?: StreamObserver } = {}) {
    this.#maxBuffered = options.maxBuffered ?? 1000;
    this.#observer = options.observer;
  }

  async publish(appId: string, events: readonly ImEvent[]): Promise<void> {
    for (const event of events) this.#fanout.emit(appId, event);
  }

  async subscribe(appId: string): Promise<EventStream> {
    const stream = new EventStream(
      () => this.#fanout.remove(appId, stream),
      this.#maxBuffered,
      this.#observer,
    );
    this.#fanout.add(appId, stream);
    return stream;
  }

  stats(): PubSubStats {
    return this.#fanout.stats();
  }

  async close(): Promise<void> {
    this.#fanout.endAll();
  }
}
