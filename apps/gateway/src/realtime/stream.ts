import type { ImEvent } from "@imgraph/core";

/** Told how long each event waited for its subscriber (metrics). */
export interface StreamObserver {
  waited(seconds: number): void;
}

/** The error code a subscription that fell behind ends with. */
export const LAGGED_CODE = "SUBSCRIPTION_LAGGED";

/**
 * The last item of a stream that fell `maxBuffered` events behind: the subscriber is told
 * why its events stop instead of seeing a silent end.
 */
export class StreamLagged {
  constructor(readonly maxBuffered: number) {}
}

/**
 * One subscriber's events as an async iterator. `return()` unsubscribes at once, even
 * while a `next()` is waiting (an async generator would wait for the next event first).
 * A subscriber that falls `maxBuffered` events behind is ended rather than left to grow:
 * its buffer is dropped and it gets one `StreamLagged`, then the end.
 */
export class EventStream implements AsyncIterableIterator<ImEvent | StreamLagged> {
  #buffer: { event: ImEvent; at: number }[] = [];
  #waiting: ((result: IteratorResult<ImEvent | StreamLagged>) => void) | null = null;
  #done = false;
  #lagged: StreamLagged | null = null;
  readonly #unsubscribe: () => void;
  readonly #maxBuffered: number;
  readonly #observer: StreamObserver | undefined;

  constructor(unsubscribe: () => void, maxBuffered: number, observer?: StreamObserver) {
    this.#unsubscribe = unsubscribe;
    this.#maxBuffered = maxBuffered;
    this.#observer = observer;
  }

  push(event: ImEvent): void {
    if (this.#done) return;
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = null;
      this.#observer?.waited(0);
      waiting({ value: event, done: false });
      return;
    }
    if (this.#buffer.length >= this.#maxBuffered) {
      void this.return();
      this.#lagged = new StreamLagged(this.#maxBuffered);
      return;
    }
    this.#buffer.push({ event, at: performance.now() });
  }

  next(): Promise<IteratorResult<ImEvent | StreamLagged>> {
    const first = this.#buffer.shift();
    if (first !== undefined) {
      this.#observer?.waited((performance.now() - first.at) / 1000);
      return Promise.resolve({ value: first.event, done: false });
    }
    const lagged = this.#lagged;
    if (lagged) {
      this.#lagged = null;
      return Promise.resolve({ value: lagged, done: false });
    }
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.#waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<ImEvent | StreamLagged>> {
    if (!this.#done) {
      this.#done = true;
      this.#buffer = [];
      this.#unsubscribe();
      const waiting = this.#waiting;
      this.#waiting = null;
      waiting?.({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<ImEvent | StreamLagged>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ImEvent | StreamLagged> {
    return this;
  }
}

/**
 * Keeps the events a predicate accepts (and passes a `StreamLagged` on). `return()` goes
 * straight to the source, so a pending `next()` ends at once. `onEnd` runs once, however
 * the stream ends.
 */
export class FilteredStream<T> implements AsyncIterableIterator<T | StreamLagged> {
  constructor(
    private readonly source: AsyncIterator<ImEvent | StreamLagged>,
    private readonly keep: (event: ImEvent) => Promise<T | null> | T | null,
    private readonly onEnd: () => void = () => {},
  ) {}

  async next(): Promise<IteratorResult<T | StreamLagged>> {
    for (;;) {
      const r = await this.source.next();
      if (r.done) {
        this.onEnd();
        return { value: undefined, done: true };
      }
      if (r.value instanceof StreamLagged) return { value: r.value, done: false };
      const kept = await this.keep(r.value);
      if (kept !== null) return { value: kept, done: false };
    }
  }

  async return(): Promise<IteratorResult<T | StreamLagged>> {
    this.onEnd();
    await this.source.return?.();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<T | StreamLagged>> {
    this.onEnd();
    await this.source.return?.();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T | StreamLagged> {
    return this;
  }
}
