import type { CallOptions, ImAdapter, ItemResult, Presence, User } from "@imgraph/core";
import { BatchLoader } from "./batch-loader.js";
import type { SharedReads } from "./read-coalescer.js";

/**
 * Per-request loaders, one set per app: the profile and presence reads of one query level
 * become one read, merged with other requests' reads of the same moment (SharedReads) into
 * one adapter call, which the adapter splits into the fewest vendor calls its per-call
 * limits allow (and runs under its concurrency cap).
 */
export class Loaders {
  readonly #options: () => CallOptions;
  readonly #users = new Map<string, BatchLoader<User>>();
  readonly #presence = new Map<string, BatchLoader<Presence>>();

  readonly #shared: SharedReads | undefined;

  constructor(options: () => CallOptions, shared?: SharedReads) {
    this.#options = options;
    this.#shared = shared;
  }

  users(adapter: ImAdapter): BatchLoader<User> {
    return this.#loader(this.#users, adapter, (ids) =>
      this.#shared
        ? this.#shared.users(adapter).read(ids, this.#options())
        : adapter.getUsers(ids, this.#options()),
    );
  }

  presence(adapter: ImAdapter): BatchLoader<Presence> {
    return this.#loader(this.#presence, adapter, (ids) =>
      this.#shared
        ? this.#shared.presence(adapter).read(ids, this.#options())
        : adapter.getPresence(ids, this.#options()),
    );
  }

  #loader<V>(
    loaders: Map<string, BatchLoader<V>>,
    adapter: ImAdapter,
    read: (ids: string[]) => Promise<ItemResult<V>[]>,
  ): BatchLoader<V> {
    let loader = loaders.get(adapter.info.id);
    if (!loader) {
      loader = new BatchLoader<V>(async (ids) =>
        (await read(ids)).map((r) => (r.ok ? r.value : r.error)),
      );
      loaders.set(adapter.info.id, loader);
    }
    return loader;
  }
}
