import type { ImEvent } from "@imgraph/core";
import type { LRUCache } from "lru-cache";
import { boundedCache } from "../bounded-cache.js";

/**
 * A user's presence from the vendor's per-connection callbacks. RongCloud and ZEGO report
 * each connection (device, session) of a user on its own; a user online on a phone and a
 * desktop who logs out on the desktop is still online. Only changes of the user's own
 * presence are published: online when the first connection comes up, offline when the last
 * one goes. Events without a connection key (Tencent's, or a vendor's that names none) are
 * the whole user's: an online one passes; an offline one ends every connection known, and
 * passes unless a connection came up after it.
 */

/** One connection's last known state and the vendor's time of it (ms). */
export type Connection = [online: 0 | 1, at: number];

/** A user's connections by the vendor's key. */
export type Connections = Record<string, Connection>;

/** Offline connections are kept this long, to refuse an online report that arrives late. */
export const OFFLINE_KEPT_MS = 10 * 60_000;
/**
 * A user's record lives this long after its last change. A connection whose offline
 * callback never came is forgotten then (the vendor's heartbeat ends a dead connection
 * within minutes, so only a lost callback leaves one behind).
 */
export const USER_KEPT_MS = 7 * 24 * 3_600_000;
/** The most connections kept per user (vendors allow 10 or so per platform). */
export const CONNECTIONS_MAX = 64;

/** Where the records live: one instance's memory, or Redis shared by every instance. */
export interface PresenceStore {
  /**
   * Reads the user's record, applies `change` and writes its `next` back atomically (no
   * other update of that user in between); answers the change's `publish`.
   */
  update(
    key: string,
    change: (stored: Connections) => { next: Connections; publish: boolean },
    ttlMs: number,
  ): Promise<boolean>;
}

type PresenceEvent = Extract<ImEvent, { type: "PRESENCE_CHANGED" }>;

/**
 * Whether a connection's change changes its user's presence, and the record after it.
 * A report older than what is known of that connection changes nothing (vendors may deliver
 * out of order). The same report again (same connection, state and time: a delivery retried
 * because its events were not published) is published again unless another connection is
 * online, so that an event lost once is not lost for good.
 */
export function applyConnection(
  record: Connections,
  connection: string,
  online: boolean,
  at: number,
  now: number,
): { next: Connections; publish: boolean } {
  const stored = prune(record, now);
  const prior = stored[connection];
  // A connection goes down after it came up: at the same time (ZEGO's callback time is in
  // seconds) the offline report is the later one, whichever arrived first.
  const stale = prior && (prior[1] > at || (prior[1] === at && prior[0] === 0 && online));
  if (stale) return { next: stored, publish: false };
  const repeat = prior !== undefined && prior[0] === (online ? 1 : 0) && prior[1] === at;
  const { [connection]: _self, ...others } = stored;
  const othersOnline = anyOnline(others);
  // Online: the first connection up. Offline: the last one down (or one we never saw up).
  const changes = online ? prior?.[0] !== 1 : prior === undefined || prior[0] === 1;
  const next = prune({ ...stored, [connection]: [online ? 1 : 0, at] }, now);
  return { next, publish: !othersOnline && (changes || repeat) };
}

/** Every connection offline as of `at`; one reported after `at` keeps that report. */
function allOffline(record: Connections, at: number, now: number): Connections {
  const ended = Object.entries(prune(record, now)).map(([key, c]): [string, Connection] => [
    key,
    c[1] > at ? c : [0, at],
  ]);
  return prune(Object.fromEntries(ended), now);
}

/** Whether any connection is online. */
function anyOnline(connections: Connections): boolean {
  return Object.values(connections).some((c) => c[0] === 1);
}

/** Drops offline connections past OFFLINE_KEPT_MS, then the oldest beyond CONNECTIONS_MAX. */
function prune(connections: Connections, now: number): Connections {
  const kept = Object.entries(connections).filter(
    ([, [online, at]]) => online === 1 || at >= now - OFFLINE_KEPT_MS,
  );
  kept.sort((a, b) => b[1][1] - a[1][1]);
  return Object.fromEntries(kept.slice(0, CONNECTIONS_MAX));
}

/**
 * The events to publish, in order: presence changes folded per user, the rest unchanged.
 * One user's reports are folded in turn; different users' at once (a RongCloud callback may
 * carry a thousand reports, and each is a store round trip in Redis).
 */
export async function foldPresence(
  store: PresenceStore,
  appId: string,
  events: readonly ImEvent[],
  now = Date.now(),
): Promise<ImEvent[]> {
  const byUser = new Map<string, PresenceEvent[]>();
  for (const event of events) {
    if (event.type !== "PRESENCE_CHANGED") continue;
    const key = `${appId}:${event.userId}`;
    const reports = byUser.get(key);
    if (reports) reports.push(event);
    else byUser.set(key, [event]);
  }
  const kept = new Set<ImEvent>();
  await Promise.all(
    [...byUser].map(async ([key, reports]) => {
      for (const report of reports) if (await foldOne(store, key, report, now)) kept.add(report);
    }),
  );
  return events.filter((event) => event.type !== "PRESENCE_CHANGED" || kept.has(event));
}

function foldOne(store: PresenceStore, key: string, event: PresenceEvent, now: number) {
  const online = event.status === "ONLINE";
  const { connection } = event;
  if (connection === undefined) {
    // The whole user: offline ends every connection; online says nothing of which.
    const at = event.at.getTime();
    return store.update(
      key,
      (stored) => {
        if (online) return { next: stored, publish: true };
        const next = allOffline(stored, at, now);
        // A connection that came up after `at` makes this offline old news.
        return { next, publish: !anyOnline(next) };
      },
      USER_KEPT_MS,
    );
  }
  return store.update(
    key,
    (stored) => applyConnection(stored, connection, online, event.at.getTime(), now),
    USER_KEPT_MS,
  );
}

/** One instance: a bounded map with expiry; the least recently changed users go first. */
export class MemoryPresenceStore implements PresenceStore {
  readonly #users: LRUCache<string, Connections>;

  constructor(options: { maxUsers?: number; now?: () => number } = {}) {
    this.#users = boundedCache(options.maxUsers ?? 100_000, options.now);
  }

  async update(
    key: string,
    change: (stored: Connections) => { next: Connections; publish: boolean },
    ttlMs: number,
  ): Promise<boolean> {
    const { next, publish } = change(this.#users.get(key) ?? {});
    if (Object.keys(next).length > 0) this.#users.set(key, next, { ttl: ttlMs });
    else this.#users.delete(key);
    return publish;
  }

  /** Users held — a bounded number. */
  size(): number {
    return this.#users.size;
  }
}
