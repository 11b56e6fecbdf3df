import type { ImEvent, PresenceStatus } from "@imgraph/core";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import {
  CONNECTIONS_MAX,
  foldPresence,
  MemoryPresenceStore,
  OFFLINE_KEPT_MS,
  type PresenceStore,
} from "../src/realtime/presence.js";
import { RedisPresenceStore } from "../src/realtime/redis-presence.js";
import { hasRedisServer, type TestRedis, withRedis } from "./redis-server.js";

const available = hasRedisServer();
if (!available && process.env.CI) throw new Error("redis-server is required in CI");

const T = Date.parse("2026-12-07T03:00:00Z");

function presence(
  userId: string,
  status: PresenceStatus,
  at: number,
  connection?: string,
): ImEvent {
  return {
    type: "PRESENCE_CHANGED",
    appId: "chat",
    at: new Date(at),
    userId,
    status,
    ...(connection ? { connection } : {}),
  };
}

/** What a subscriber hears of these reports, fed one callback at a time. */
async function heard(store: PresenceStore, reports: ImEvent[], now = T): Promise<string[]> {
  const out: string[] = [];
  for (const report of reports) {
    for (const e of await foldPresence(store, "chat", [report], now)) {
      if (e.type === "PRESENCE_CHANGED") out.push(`${e.userId} ${e.status}`);
    }
  }
  return out;
}

let redis: TestRedis | undefined;
if (available) {
  withRedis((started) => {
    redis = started;
  });
}

const stores: [string, () => PresenceStore][] = [
  ["memory", () => new MemoryPresenceStore()],
  ...(available
    ? ([
        ["redis", () => new RedisPresenceStore((redis as TestRedis).client, `t${Math.random()}:`)],
      ] as [string, () => PresenceStore][])
    : []),
];

/** Reports of one user, fed one callback at a time, and what subscribers hear of them. */
const SCENARIOS: Array<[string, ImEvent[], string[]]> = [
  [
    "a user online on two devices is offline only when the last one goes",
    [
      presence("carol", "ONLINE", T, "phone"),
      presence("carol", "ONLINE", T + 1, "desk"),
      presence("carol", "OFFLINE", T + 2, "desk"),
      presence("carol", "OFFLINE", T + 3, "phone"),
    ],
    ["carol ONLINE", "carol OFFLINE"],
  ],
  [
    "a second offline report of one connection (disconnected, then logged out) is not news",
    [
      presence("carol", "ONLINE", T, "s"),
      presence("carol", "OFFLINE", T + 5, "s"),
      presence("carol", "OFFLINE", T + 6, "s"),
    ],
    ["carol ONLINE", "carol OFFLINE"],
  ],
  [
    "a logout that arrives before the login it ends: the late login changes nothing",
    [presence("carol", "OFFLINE", T + 10, "s"), presence("carol", "ONLINE", T, "s")],
    ["carol OFFLINE"],
  ],
  [
    "a login and a logout at the same time (ZEGO's seconds): the logout is the later",
    [presence("carol", "OFFLINE", T, "s"), presence("carol", "ONLINE", T, "s")],
    ["carol OFFLINE"],
  ],
  [
    "a reconnect of an online connection is not news; a new connection after all left is",
    [
      presence("carol", "ONLINE", T, "s1"),
      presence("carol", "ONLINE", T + 1, "s1"),
      presence("carol", "OFFLINE", T + 2, "s1"),
      presence("carol", "ONLINE", T + 3, "s2"),
    ],
    ["carol ONLINE", "carol OFFLINE", "carol ONLINE"],
  ],
  [
    "a report without a connection is the whole user's; the connections' late reports are old news",
    [
      presence("carol", "ONLINE", T, "phone"),
      presence("carol", "ONLINE", T + 1, "desk"),
      presence("carol", "OFFLINE", T + 2),
      presence("carol", "OFFLINE", T + 1, "desk"),
      presence("carol", "OFFLINE", T + 3, "phone"),
      presence("carol", "ONLINE", T + 4),
      presence("carol", "ONLINE", T + 5),
    ],
    ["carol ONLINE", "carol OFFLINE", "carol ONLINE", "carol ONLINE"],
  ],
  [
    "a connection that came up after a whole-user offline keeps the user online",
    [presence("carol", "ONLINE", T + 10, "phone"), presence("carol", "OFFLINE", T + 5)],
    ["carol ONLINE"],
  ],
];

describe.each(stores)("presence per user (%s store)", (_name, makeStore) => {
  it.each(SCENARIOS)("%s", async (_scenario, reports, expected) => {
    expect(await heard(makeStore(), reports)).toEqual(expected);
  });

  it("users and apps are apart", async () => {
    const store = makeStore();
    expect(
      await heard(store, [presence("a", "ONLINE", T, "s1"), presence("b", "ONLINE", T, "s1")]),
    ).toEqual(["a ONLINE", "b ONLINE"]);
    const other = await foldPresence(store, "other", [presence("a", "ONLINE", T, "s2")], T);
    expect(other).toHaveLength(1);
  });

  it("the same report again (its first delivery was not published) is published again", async () => {
    const store = makeStore();
    const login = presence("carol", "ONLINE", T, "s1");
    expect(await heard(store, [login, login])).toEqual(["carol ONLINE", "carol ONLINE"]);
    // …but not while another connection is online.
    expect(await heard(store, [presence("carol", "ONLINE", T + 1, "s2"), login])).toEqual([]);
  });

  it("one callback's reports: each user's folded in turn, the answer in the callback's order", async () => {
    const out = await foldPresence(
      makeStore(),
      "chat",
      [
        presence("a", "ONLINE", T, "s1"),
        presence("b", "ONLINE", T, "s1"),
        presence("a", "ONLINE", T + 1, "s2"),
        presence("b", "OFFLINE", T + 1, "s1"),
        presence("a", "OFFLINE", T + 2, "s1"),
        presence("a", "OFFLINE", T + 3, "s2"),
      ],
      T,
    );
    expect(
      out.map((e) => (e.type === "PRESENCE_CHANGED" ? `${e.userId} ${e.status}` : "")),
    ).toEqual(["a ONLINE", "b ONLINE", "b OFFLINE", "a OFFLINE"]);
  });

  it("other events pass unchanged and in order", async () => {
    const store = makeStore();
    const dismissed: ImEvent = {
      type: "GROUP_DISMISSED",
      appId: "chat",
      at: new Date(T),
      groupId: "g",
    };
    const out = await foldPresence(
      store,
      "chat",
      [
        dismissed,
        presence("carol", "ONLINE", T, "a"),
        presence("carol", "ONLINE", T, "b"),
        dismissed,
      ],
      T,
    );
    expect(out.map((e) => e.type)).toEqual([
      "GROUP_DISMISSED",
      "PRESENCE_CHANGED",
      "GROUP_DISMISSED",
    ]);
  });

  it("forgets offline connections after a while and keeps at most CONNECTIONS_MAX", async () => {
    const store = makeStore();
    const many = Array.from({ length: CONNECTIONS_MAX + 6 }, (_, i) =>
      presence("carol", "ONLINE", T + i, `s${i}`),
    );
    expect(await heard(store, many)).toEqual(["carol ONLINE"]);
    // The oldest six were dropped: their offline reports are of connections never seen.
    expect(await heard(store, [presence("carol", "OFFLINE", T + 100, "s0")])).toEqual([]);
    const late = T + OFFLINE_KEPT_MS + 1_000;
    expect(await heard(store, [presence("dave", "OFFLINE", T, "s")], T)).toEqual(["dave OFFLINE"]);
    // Ten minutes on, the old offline is forgotten: a late login of it counts again.
    expect(await heard(store, [presence("dave", "ONLINE", T - 1, "s")], late)).toEqual([
      "dave ONLINE",
    ]);
  });
});

describe("memory presence store", () => {
  it("holds a bounded number of users, the least recently changed going first", async () => {
    const store = new MemoryPresenceStore({ maxUsers: 3 });
    await heard(
      store,
      ["a", "b", "c", "d"].map((u) => presence(u, "ONLINE", T, "s")),
    );
    expect(store.size()).toBe(3);
    // "a" was dropped: a second connection of it is news again.
    expect(await heard(store, [presence("a", "ONLINE", T, "s2")])).toEqual(["a ONLINE"]);
  });
});

describe.skipIf(!available)("Redis presence store", () => {
  it("two instances folding one user's callbacks at once lose neither's change", async () => {
    const { url } = redis as TestRedis;
    const clients = [new Redis(url), new Redis(url)];
    const prefix = `race${Math.random()}:`;
    const stores = clients.map((c) => new RedisPresenceStore(c, prefix));
    const logins = Array.from({ length: 20 }, (_, i) =>
      foldPresence(
        stores[i % 2] as PresenceStore,
        "chat",
        [presence("carol", "ONLINE", T + i, `s${i}`)],
        T,
      ),
    );
    const published = (await Promise.all(logins)).flat();
    // Exactly one of the twenty is the user coming online; all twenty are remembered.
    expect(published).toHaveLength(1);
    const stored = JSON.parse((await clients[0]?.get(`${prefix}chat:carol`)) ?? "{}");
    expect(Object.keys(stored)).toHaveLength(20);
    expect(await clients[0]?.pttl(`${prefix}chat:carol`)).toBeGreaterThan(0);
    await Promise.all(clients.map((c) => c.quit()));
  });

  it("reads an unreadable record as none", async () => {
    const { client } = redis as TestRedis;
    const prefix = `bad${Math.random()}:`;
    await client.set(`${prefix}chat:carol`, "not json");
    const store = new RedisPresenceStore(client, prefix);
    expect(await heard(store, [presence("carol", "ONLINE", T, "s")])).toEqual(["carol ONLINE"]);
    expect(JSON.parse((await client.get(`${prefix}chat:carol`)) ?? "")).toEqual({ s: [1, T] });
  });
});
