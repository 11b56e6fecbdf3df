/**
 * Collects the keys that one request's resolvers ask for while a level of the query runs,
 * and fetches them in one call (the adapter then splits it by the vendor's per-call limit);
 * keys answered once are answered from memory for the rest of the request.
 *
 * What DataLoader does, shaped for list reads: `loadMany` of 500 ids is one pending entry
 * here, where DataLoader makes a promise and a cache entry per id; and the usual request,
 * which asks once, never builds the per-key index at all (bench/, BENCHMARKS.md).
 */
export class BatchLoader<V> {
  readonly #fetch: (keys: string[]) => Promise<Array<V | Error>>;
  /** Answers of calls that went through (per key, an item or its error). */
  readonly #answers = new Map<string, V | Error>();
  /** Keys whose call is in flight, with that call. */
  readonly #inFlight = new Map<string, Call<V>>();
  /** Calls not in the two maps yet: indexed only when a later batch needs to know. */
  #unindexed: Call<V>[] = [];
  #queue: Waiter<V>[] = [];

  /** `fetch` answers one value or Error per key, in order; it may reject as a whole. */
  constructor(fetch: (keys: string[]) => Promise<Array<V | Error>>) {
    this.#fetch = fetch;
  }

  /** One answer or Error per key, in the order asked; rejects only on a bug. */
  loadMany(keys: readonly string[]): Promise<Array<V | Error>> {
    return new Promise((resolve, reject) => {
      if (this.#queue.push({ keys, resolve, reject }) === 1) afterThisLevel(() => this.#flush());
    });
  }

  async load(key: string): Promise<V> {
    const [answer] = await this.loadMany([key]);
    if (answer instanceof Error) throw answer;
    return answer as V;
  }

  #flush(): void {
    const waiters = this.#queue;
    this.#queue = [];
    const [only] = waiters;
    if (only && waiters.length === 1 && this.#isFresh()) {
      // The usual request: one read and nothing asked before. Its keys go out as they are
      // (the adapter sends a repeated key once) and come back in the same order.
      const call = this.#call(only.keys);
      this.#unindexed.push(call);
      call.settled.then(
        () => only.resolve(call.failure ? only.keys.map(() => call.failure as Error) : call.values),
        only.reject,
      );
      return;
    }
    this.#index();
    const missing: string[] = [];
    const asked = new Set<string>();
    for (const waiter of waiters) {
      for (const key of waiter.keys) {
        if (this.#answers.has(key) || this.#inFlight.has(key) || asked.has(key)) continue;
        asked.add(key);
        missing.push(key);
      }
    }
    if (missing.length > 0) this.#track(this.#call(missing));
    for (const waiter of waiters) this.#answerWhenReady(waiter);
  }

  #isFresh(): boolean {
    return this.#unindexed.length === 0 && this.#answers.size === 0 && this.#inFlight.size === 0;
  }

  #call(keys: readonly string[]): Call<V> {
    const call: Call<V> = { keys, values: [], failure: undefined, done: false, settled: resolved };
    call.settled = this.#fetch([...keys]).then(
      (values) => {
        call.values =
          values.length === keys.length ? values : keys.map((key, i) => values[i] ?? notFound(key));
        call.done = true;
      },
      (error: unknown) => {
        call.failure = error instanceof Error ? error : new Error(String(error));
        call.done = true;
      },
    );
    return call;
  }

  #index(): void {
    for (const call of this.#unindexed) this.#track(call);
    this.#unindexed = [];
  }

  /** Puts a call's keys in the maps: in flight now, answered once it settles. */
  #track(call: Call<V>): void {
    if (call.done) {
      this.#remember(call);
      return;
    }
    for (const key of call.keys) this.#inFlight.set(key, call);
    void call.settled.then(() => {
      for (const key of call.keys) if (this.#inFlight.get(key) === call) this.#inFlight.delete(key);
      this.#remember(call);
    });
  }

  /** A failed call is not remembered: a later load in the same request asks again. */
  #remember(call: Call<V>): void {
    if (call.failure) return;
    call.keys.forEach((key, i) => {
      this.#answers.set(key, call.values[i] as V | Error);
    });
  }

  #answerWhenReady(waiter: Waiter<V>): void {
    const calls = new Set<Call<V>>();
    for (const key of waiter.keys) {
      const call = this.#inFlight.get(key);
      if (call) calls.add(call);
    }
    const answer = () => {
      const failure = [...calls].find((c) => c.failure)?.failure;
      waiter.resolve(waiter.keys.map((key) => this.#answers.get(key) ?? failure ?? notFound(key)));
    };
    if (calls.size === 0) answer();
    else Promise.all([...calls].map((c) => c.settled)).then(answer, waiter.reject);
  }
}

interface Call<V> {
  keys: readonly string[];
  /** One per key once settled without failure. */
  values: Array<V | Error>;
  failure: Error | undefined;
  done: boolean;
  settled: Promise<void>;
}

interface Waiter<V> {
  keys: readonly string[];
  resolve: (answers: Array<V | Error>) => void;
  reject: (error: unknown) => void;
}

function notFound(key: string): Error {
  return new Error(`No answer for ${key}.`);
}

const resolved = Promise.resolve();

/**
 * Runs `task` once the resolvers of the current level of the query have all been called:
 * after the pending promise jobs, then the next tick (the schedule DataLoader uses).
 */
function afterThisLevel(task: () => void): void {
  void resolved.then(() => process.nextTick(task));
}
