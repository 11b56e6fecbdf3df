import type { ImAdapter } from "@imgraph/core";

/**
 * Group member lists for event filtering, shared by every subscriber of an instance: one
 * lookup serves all subscribers of a group for `ttlMs`, concurrent lookups are merged,
 * and at most `maxGroups` lists and `maxCachedMembers` ids in all are held (oldest lists
 * dropped first). Membership events seen
 * by subscribers patch the cached list so it does not lag behind them.
 */
export class MembershipCache {
  readonly #lists = new Map<string, { members: Set<string>; expires: number }>();
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

  /** Whether the user is a member; null when the vendor cannot tell right now. */
  async isMember(adapter: ImAdapter, groupId: string, userId: string): Promise<boolean | null> {
    const list = await this.#list(adapter, groupId);
    return list ? list.has(userId) : null;
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

  async #list(adapter: ImAdapter, groupId: string): Promise<Set<string> | null> {
    const k = key(adapter.info.id, groupId);
    const cached = this.#lists.get(k);
    if (cached && cached.expires > this.#now()) return cached.members;
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
