import type { Group, ImEvent, User } from "@imgraph/core";
import type { CacheStore } from "./store.js";

/** The staleness bounds: how long a profile or group read may be served from the cache. */
export interface ReadCacheConfig {
  /** 0: profiles are not cached. */
  profilesTtlMs: number;
  /** 0: group info is not cached. */
  groupsTtlMs: number;
}

/** What a write or a callback makes stale. */
export interface Stale {
  users?: readonly string[];
  groups?: readonly string[];
}

/**
 * Profiles and group info served from a cache for at most their configured staleness, and
 * dropped the moment the gateway writes them or a vendor callback says they changed. A
 * cache that fails (Redis down) is read around, never in the way of an answer.
 */
export class ReadCache {
  readonly #store: CacheStore;
  readonly #config: ReadCacheConfig;
  readonly #prefix: string;

  constructor(store: CacheStore, config: ReadCacheConfig, keyPrefix: string) {
    this.#store = store;
    this.#config = config;
    this.#prefix = `${keyPrefix}cache:`;
  }

  get cachesProfiles(): boolean {
    return this.#config.profilesTtlMs > 0;
  }

  get cachesGroups(): boolean {
    return this.#config.groupsTtlMs > 0;
  }

  /** The cached profiles among `ids`. */
  async users(appId: string, ids: readonly string[]): Promise<Map<string, User>> {
    if (!this.cachesProfiles) return new Map();
    const values = await this.#get(ids.map((id) => this.#userKey(appId, id)));
    const found = new Map<string, User>();
    values.forEach((value, i) => {
      if (value !== null) found.set(ids[i] as string, JSON.parse(value) as User);
    });
    return found;
  }

  async putUsers(appId: string, users: readonly User[]): Promise<void> {
    if (!this.cachesProfiles || users.length === 0) return;
    const entries = users.map((u) => [this.#userKey(appId, u.id), JSON.stringify(u)] as const);
    await this.#store.setMany(entries, this.#config.profilesTtlMs).catch(() => undefined);
  }

  /** The cached group, or undefined. */
  async group(appId: string, id: string): Promise<Group | undefined> {
    if (!this.cachesGroups) return undefined;
    const [value] = await this.#get([this.#groupKey(appId, id)]);
    if (!value) return undefined;
    const group = JSON.parse(value) as Group & { createdAt: string | null };
    return { ...group, createdAt: group.createdAt === null ? null : new Date(group.createdAt) };
  }

  async putGroup(appId: string, group: Group): Promise<void> {
    if (!this.cachesGroups) return;
    const entry = [[this.#groupKey(appId, group.id), JSON.stringify(group)] as const];
    await this.#store.setMany(entry, this.#config.groupsTtlMs).catch(() => undefined);
  }

  /** Drops what a write or a callback made stale. */
  async forget(appId: string, stale: Stale): Promise<void> {
    const keys = [
      ...(stale.users ?? []).map((id) => this.#userKey(appId, id)),
      ...(stale.groups ?? []).map((id) => this.#groupKey(appId, id)),
    ];
    if (keys.length > 0) await this.#store.delete(keys).catch(() => undefined);
  }

  /** What a vendor callback's events make stale. */
  async forgetEvents(appId: string, events: readonly ImEvent[]): Promise<void> {
    const users: string[] = [];
    const groups: string[] = [];
    for (const event of events) {
      if (event.type === "PROFILE_UPDATED") users.push(event.userId);
      else if ("groupId" in event && typeof event.groupId === "string") groups.push(event.groupId);
    }
    await this.forget(appId, { users, groups });
  }

  async #get(keys: string[]): Promise<Array<string | null>> {
    try {
      return await this.#store.getMany(keys);
    } catch {
      return keys.map(() => null);
    }
  }

  #userKey(appId: string, id: string): string {
    return `${this.#prefix}{${appId}}:user:${id}`;
  }

  #groupKey(appId: string, id: string): string {
    return `${this.#prefix}{${appId}}:group:${id}`;
  }
}
