import type { ImEvent } from "@imgraph/core";

/**
 * One subscriber's events as an async iterator. `return()` unsubscribes at once, even
 * while a `next()` is waiting (an async generator would wait for the next event first).
 * A subscriber that falls `maxBuffered` events behind is ended rather than left to grow.
 */
export class EventStream implements AsyncIterableIterator<ImEvent> {
  #buffer: ImEvent[] = [];
  #waiting: ((result: IteratorResult<ImEvent>) => void) | null = null;
  #done = false;
  readonly #unsubscribe: () => void;
  readonly #maxBuffered: number;

  constructor(unsubscribe: () => void, maxBuffered: number) {
    this.#unsubscribe = unsubscribe;
    this.#maxBuffered = maxBuffered;
  }

  push(event: ImEvent): void {
    if (this.#done) return;
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = null;
      waiting({ value: event, done: false });
      return;
    }
    if (this.#buffer.length >= this.#maxBuffered) {
      void this.return();
      return;
    }
    this.#buffer.push(event);
  }

  next(): Promise<IteratorResult<ImEvent>> {
    const value = this.#buffer.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.#waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<ImEvent>> {
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

  throw(error?: unknown): Promise<IteratorResult<ImEvent>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ImEvent> {
    return this;
  }
}

/**
 * Keeps the events a predicate accepts. `return()` goes straight to the source, so a
 * pending `next()` ends at once.
 */
export class FilteredStream<T> implements AsyncIterableIterator<T> {
  constructor(
    private readonly source: AsyncIterator<ImEvent>,
    private readonly keep: (event: ImEvent) => Promise<T | null> | T | null,
  ) {}

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      const r = await this.source.next();
      if (r.done) return { value: undefined, done: true };
      const kept = await this.keep(r.value);
      if (kept !== null) return { value: kept, done: false };
    }
  }

  async return(): Promise<IteratorResult<T>> {
    await this.source.return?.();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    await this.source.return?.();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
