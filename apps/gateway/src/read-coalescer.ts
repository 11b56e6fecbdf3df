import {
  type CallOptions,
  deadlineOf,
  type ImAdapter,
  ImError,
  InternalError,
  type ItemResult,
  itemError,
  markDeadline,
  type Presence,
  type User,
} from "@imgraph/core";
import { withSignal } from "./abortable.js";

/** Merged calls of one kind per app at once; more reads wait and join the next one. */
const MAX_IN_FLIGHT = 2;
/** ... unless there is capacity to spare (see spare-capacity.ts): then up to this many. */
const MAX_IN_FLIGHT_SPARE = 6;

interface Waiting<V> {
  ids: readonly string[];
  options: CallOptions;
  resolve: (results: ItemResult<V>[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Merges one kind of read (profiles, presence) of one app across requests: reads that
 * arrive within `windowMs` of the first become one adapter call over their distinct ids
 * (the adapter splits it by the vendor's per-call cap), and each caller gets exactly its
 * own ids' results, in its order, with their per-item errors. Authorization is each
 * caller's own and happens before (the resolvers' `allow`).
 */
export class ReadCoalescer<V> {
  readonly #read: (ids: string[], options: CallOptions) => Promise<ItemResult<V>[]>;
  readonly #windowMs: number;
  readonly #flushAt: number;
  readonly #spare: () => boolean;
  #waiting: Waiting<V>[] = [];
  #distinct = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  /** Merged calls on their way; while MAX_IN_FLIGHT are, new reads keep gathering. */
  #inFlight = 0;
  /** The window ended (or the batch filled) while no call could start: go when one ends. */
  #due = false;

  constructor(
    read: (ids: string[], options: CallOptions) => Promise<ItemResult<V>[]>,
    windowMs: number,
    /** Distinct ids at which the batch goes at once (the vendor's cap: nothing to wait for). */
    flushAt: number,
    /** Whether a batch may go beside MAX_IN_FLIGHT others (budget and CPU to spare). */
    spare: () => boolean = () => false,
  ) {
    this.#read = read;
    this.#windowMs = windowMs;
    this.#flushAt = Math.max(1, flushAt);
    this.#spare = spare;
  }

  read(ids: readonly string[], options: CallOptions): Promise<ItemResult<V>[]> {
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    const answer = new Promise<ItemResult<V>[]>((resolve, reject) => {
      this.#waiting.push({ ids, options, resolve, reject });
    });
    for (const id of ids) this.#distinct.add(id);
    if (this.#distinct.size >= this.#flushAt) this.#flush();
    else this.#timer ??= setTimeout(() => this.#flush(), this.#windowMs);
    return withSignal(answer, options.signal);
  }

  #flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (
      this.#inFlight >= MAX_IN_FLIGHT &&
      (this.#inFlight >= MAX_IN_FLIGHT_SPARE || !this.#spare())
    ) {
      // The vendor (or its rate limit) is the bottleneck: a bigger batch later serves more
      // readers per call than a small one queued now (the adapter splits it by its cap).
      this.#due = true;
      return;
    }
    this.#due = false;
    const waiting = this.#waiting;
    const ids = [...this.#distinct];
    this.#waiting = [];
    this.#distinct = new Set();
    if (waiting.length === 0) return;
    this.#inFlight++;
    const settled = () => {
      this.#inFlight--;
      if (this.#due && this.#waiting.length > 0) this.#flush();
    };
    this.#read(ids, mergedOptions(waiting.map((w) => w.options))).then(
      (results) => {
        settled();
        const byId = new Map(results.map((r) => [r.key, r]));
        for (const w of waiting) {
          w.resolve(w.ids.map((id) => byId.get(id) ?? missing(id)));
        }
      },
      (error: unknown) => {
        settled();
        // One caller's bad id fails the merged read before any vendor call: each caller
        // then reads alone, so it gets its own answer and only the bad one its error.
        if (waiting.length > 1 && error instanceof ImError && error.code === "BAD_USER_INPUT") {
          for (const w of waiting) this.#read([...w.ids], w.options).then(w.resolve, w.reject);
          return;
        }
        for (const w of waiting) w.reject(error);
      },
    );
  }
}

/**
 * One call's options for several callers: the first caller's request id (for the vendor's
 * logs), aborted only once every caller has gone, and held to the latest caller deadline.
 */
function mergedOptions(options: CallOptions[]): CallOptions {
  if (options.length === 1) return options[0] as CallOptions;
  const signals = options.map((o) => o.signal);
  const merged: CallOptions = {};
  const requestId = options.find((o) => o.requestId)?.requestId;
  if (requestId) merged.requestId = requestId;
  if (signals.some((s) => s === undefined)) return merged;
  const controller = new AbortController();
  let left = signals.length;
  for (const s of signals as AbortSignal[]) {
    const gone = () => {
      if (--left === 0) controller.abort(s.reason);
    };
    if (s.aborted) gone();
    else s.addEventListener("abort", gone, { once: true });
  }
  const deadlines = (signals as AbortSignal[]).map(deadlineOf);
  if (deadlines.every((d) => d !== undefined)) {
    markDeadline(controller.signal, Math.max(...(deadlines as number[])));
  }
  merged.signal = controller.signal;
  return merged;
}

/** An id the adapter gave no answer for (it answers every id: a bug, not the vendor). */
function missing<V>(id: string): ItemResult<V> {
  return itemError(id, new InternalError(`No answer for ${id}.`));
}

/** Every app's shared profile and presence reads. */
export class SharedReads {
  readonly #windowMs: number;
  readonly #users = new Map<string, ReadCoalescer<User>>();
  readonly #presence = new Map<string, ReadCoalescer<Presence>>();

  readonly #spare: (adapter: ImAdapter) => () => boolean;

  constructor(windowMs: number, spare: (adapter: ImAdapter) => () => boolean = () => () => false) {
    this.#windowMs = windowMs;
    this.#spare = spare;
  }

  users(adapter: ImAdapter): ReadCoalescer<User> {
    return this.#of(this.#users, adapter, adapter.limits.usersPerRead, (ids, o) =>
      adapter.getUsers(ids, o),
    );
  }

  presence(adapter: ImAdapter): ReadCoalescer<Presence> {
    return this.#of(this.#presence, adapter, adapter.limits.usersPerPresence, (ids, o) =>
      adapter.getPresence(ids, o),
    );
  }

  #of<V>(
    map: Map<string, ReadCoalescer<V>>,
    adapter: ImAdapter,
    cap: number,
    read: (ids: string[], options: CallOptions) => Promise<ItemResult<V>[]>,
  ): ReadCoalescer<V> {
    let c = map.get(adapter.info.id);
    if (!c) {
      c = new ReadCoalescer(read, this.#windowMs, cap, this.#spare(adapter));
      map.set(adapter.info.id, c);
    }
    return c;
  }
}
