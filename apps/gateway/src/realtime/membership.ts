import type { ImAdapter, ImEvent } from "@imgraph/core";

/**
 * Group member lists for event filtering, shared by every subscriber of an instance: one
 * lookup serves all subscribers of a group for `ttlMs`, concurrent lookups are merged,
 * and at most `maxGroups` lists and `maxCachedMembers` ids in all are held (oldest lists
 * dropped first).
 *
 * A cached list is kept in step by the app's membership events, which every subscription
 * passes to `observe` before its own filters (a subscriber listening to messages only must
 * not leave a removed member's entry behind). Lists are only trusted while someone is
 * watching the app's events: when its last subscription ends (`watch`'s release), its
 * lists are dropped, since changes after that would go unseen.
 */
export class MembershipCache {
  readonly #lists = new Map<string, { members: Set<string>; expires: number }>();
  readonly #watchers = new Map<string, number>();
  readonly #inflight = new Map<string, Promise<Set<string> | null>>();
  readonly #ttlMs: number;
  readonly #maxGroups: number;
  readonly #maxMembers: number;
  readonly #maxCachedMembers: number;
  readonly #now: () => number;

  constructor(
    options: {
      ttlMs?: number;
      maxGroups?: number;
      maxMembers?: number;
      maxCachedMembers?: number;
      now?: () => number;
    } = {},
  ) {
    this.#ttlMs = options.ttlMs ?? 30_000;
    this.#maxGroups = options.maxGroups ?? 1_000;
    this.#maxMembers = options.maxMembers ?? 20_000;
    this.#maxCachedMembers = options.maxCachedMembers ?? 200_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Whether the user is a member; null when the vendor cannot tell right now. `fresh` asks
   * the vendor even when a list is cached (and caches its answer).
   */
  async isMember(
    adapter: ImAdapter,
    groupId: string,
    userId: string,
    options: { fresh?: boolean } = {},
  ): Promise<boolean | null> {
    const list = await this.#list(adapter, groupId, options.fresh === true);
    return list ? list.has(userId) : null;
  }

  /** A subscription of the app starts; call the answer when it ends. */
  watch(appId: string): () => void {
    this.#watchers.set(appId, (this.#watchers.get(appId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#watchers.get(appId) ?? 1) - 1;
      if (left > 0) {
        this.#watchers.set(appId, left);
        return;
      }
      this.#watchers.delete(appId);
      const prefix = key(appId, "");
      for (const k of [...this.#lists.keys()]) if (k.startsWith(prefix)) this.#lists.delete(k);
    };
  }

  /**
   * Patches the cached lists with one of the app's events (any event may be passed). A group
   * dismissed or created under an id is a new list: the old one is kept (for `wasMember`)
   * but asked afresh next time, so a group re-created under the same id has only its own.
   */
  observe(appId: string, event: ImEvent): void {
    if (event.type === "GROUP_MEMBER_JOINED") this.joined(appId, event.groupId, event.userIds);
    else if (event.type === "GROUP_MEMBER_LEFT") this.left(appId, event.groupId, event.userIds);
    else if (event.type === "GROUP_DISMISSED" || event.type === "GROUP_CREATED") {
      const list = this.#lists.get(key(appId, event.groupId));
      if (list) list.expires = 0;
    }
  }

  /** Whether the cached list (if any, even expired) has the user: for dismissed groups. */
  wasMember(appId: string, groupId: string, userId: string): boolean {
    return this.#lists.get(key(appId, groupId))?.members.has(userId) ?? false;
  }

  joined(appId: string, groupId: string, userIds: string[]): void {
    const list = this.#lists.get(key(appId, groupId));
    for (const id of userIds) list?.members.add(id);
  }

  left(appId: string, groupId: string, userIds: string[]): void {
    const list = this.#lists.get(key(appId, groupId));
    for (const id of userIds) list?.members.delete(id);
  }

  size(): number {
    return this.#lists.size;
  }

  clear(): void {
    this.#lists.clear();
  }

  async #list(adapter: ImAdapter, groupId: string, fresh: boolean): Promise<Set<string> | null> {
    const k = key(adapter.info.id, groupId);
    const cached = this.#lists.get(k);
    if (!fresh && cached && cached.expires > this.#now()) return cached.members;
    let pending = this.#inflight.get(k);
    if (!pending) {
      pending = this.#load(adapter, groupId).finally(() => this.#inflight.delete(k));
      this.#inflight.set(k, pending);
    }
    const members = await pending;
    if (members) {
      this.#lists.delete(k);
      this.#lists.set(k, { members, expires: this.#now() + this.#ttlMs });
      let total = 0;
      for (const list of this.#lists.values()) total += list.members.size;
      for (const [old, list] of this.#lists) {
        if (this.#lists.size <= this.#maxGroups && total <= this.#maxCachedMembers) break;
        if (old === k) break; // the list just loaded stays, whatever its size
        total -= list.members.size;
        this.#lists.delete(old);
      }
    }
    return members;
  }

  async #load(adapter: ImAdapter, groupId: string): Promise<Set<string> | null> {
    const members = new Set<string>();
    let cursor: string | null = null;
    try {
      do {
        const page: Awaited<ReturnType<ImAdapter["listGroupMembers"]>> =
          await adapter.listGroupMembers(
            { groupId, limit: adapter.limits.pageSize, cursor },
            { signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) },
          );
        for (const m of page.items) members.add(m.userId);
        cursor = page.nextCursor;
      } while (cursor && members.size < this.#maxMembers);
    } catch {
      return null; // unknown group or vendor trouble: nobody is shown the event
    }
    return members;
  }
}

/** A member list lookup runs outside any request: its own deadline. */
const LOOKUP_TIMEOUT_MS = 10_000;

function key(appId: string, groupId: string): string {
  return `${appId}\u0000${groupId}`;
}
