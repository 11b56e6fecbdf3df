import type { CallOptions, ImAdapter, Presence, User } from "@imgraph/core";
import DataLoader from "dataloader";
import type { AppRegistry } from "./apps.js";

/**
 * Per-request DataLoaders, one set per app, each batch sized to the vendor's per-call
 * limit so that N profile reads in one query become the fewest vendor calls.
 */
export class Loaders {
  readonly #apps: AppRegistry;
  readonly #options: () => CallOptions;
  readonly #users = new Map<string, DataLoader<string, User>>();
  readonly #presence = new Map<string, DataLoader<string, Presence>>();

  constructor(apps: AppRegistry, options: () => CallOptions) {
    this.#apps = apps;
    this.#options = options;
  }

  users(adapter: ImAdapter): DataLoader<string, User> {
    let loader = this.#users.get(adapter.info.id);
    if (!loader) {
      loader = new DataLoader<string, User>(async (ids) => {
        const results = await adapter.getUsers([...ids], this.#options());
        return results.map((r) => (r.ok ? r.value : r.error));
      }, batchOptions(adapter.limits.usersPerRead));
      this.#users.set(adapter.info.id, loader);
    }
    return loader;
  }

  presence(adapter: ImAdapter): DataLoader<string, Presence> {
    let loader = this.#presence.get(adapter.info.id);
    if (!loader) {
      loader = new DataLoader<string, Presence>(async (ids) => {
        const results = await adapter.getPresence([...ids], this.#options());
        return results.map((r) => (r.ok ? r.value : r.error));
      }, batchOptions(adapter.limits.usersPerPresence));
      this.#presence.set(adapter.info.id, loader);
    }
    return loader;
  }

  get apps(): AppRegistry {
    return this.#apps;
  }
}

/**
 * One DataLoader batch = one vendor call where the vendor takes many ids per call. Where it
 * takes one (RongCloud), the batch stays whole and the adapter runs the calls under its
 * concurrency cap instead of the loader firing them all at once.
 */
function batchOptions<V>(perCall: number): DataLoader.Options<string, V> {
  return perCall > 1 ? { maxBatchSize: perCall } : {};
}
