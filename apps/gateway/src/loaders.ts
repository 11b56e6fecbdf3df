import {
  type CallOptions,
  type ImAdapter,
  type ItemResult,
  itemOk,
  type Presence,
  type User,
} from "@imgraph/core";
import { BatchLoader } from "./batch-loader.js";
import type { ReadCache } from "./read-cache/read-cache.js";
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
  readonly #cache: ReadCache | undefined;

  constructor(options: () => CallOptions, shared?: SharedReads, cache?: ReadCache) {
    this.#options = options;
    this.#shared = shared;
    this.#cache = cache;
  }

  users(adapter: ImAdapter): BatchLoader<User> {
    const read = (ids: string[]) =>
      this.#shared
        ? this.#shared.users(adapter).read(ids, this.#options())
        : adapter.getUsers(ids, this.#options());
    return this.#loader(this.#users, adapter, (ids) =>
      this.#cache?.cachesProfiles ? cachedRead(this.#cache, adapter.info.id, ids, read) : read(ids),
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

/** Profiles from the cache where it holds them; the rest read, then kept (users only). */
async function cachedRead(
  cache: ReadCache,
  appId: string,
  ids: string[],
  read: (ids: string[]) => Promise<ItemResult<User>[]>,
): Promise<ItemResult<User>[]> {
  const cached = await cache.users(appId, ids);
  const missing = ids.filter((id) => !cached.has(id));
  const fresh = missing.length > 0 ? await read(missing) : [];
  await cache.putUsers(
    appId,
    fresh.flatMap((r) => (r.ok ? [r.value] : [])),
  );
  const byId = new Map(fresh.map((r) => [r.key, r]));
  return ids.map((id) => {
    const user = cached.get(id);
    return user ? itemOk(id, user) : (byId.get(id) as ItemResult<User>);
  });
}
