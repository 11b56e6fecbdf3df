/**
 * Group counters, service group_open_http_svc (docs/vendors/tencent.md #17 §2.5):
 * get_group_counter, update_group_counter (Mode Set / Increase / Decrease), delete_group_counter.
 * Pro edition or higher (the older pages' "Ultimate"), else 10059; not Community groups
 * (10007). At most 20 keys a request and a group (10063), keys ≤ 128 bytes, int64 values.
 */
import { GROUP_CODES, TimError } from "../errors.js";
import { type Fields, isObject, type Json, utf8Bytes } from "../fields.js";
import { findGroup } from "../groups.js";
import type { RouteTable } from "../route.js";
import type { AppState, Group } from "../state.js";

const KEYS_MAX = 20;
const KEY_MAX_BYTES = 128;
const MODES = ["Set", "Increase", "Decrease"] as const;

/** The group, when the app's edition has counters and the group's type keeps them. */
function counterGroup(app: AppState, f: Fields): Group {
  if (app.config.edition !== "pro" && app.config.edition !== "ultimate")
    throw new TimError(10059, "group counters need the Pro edition or higher");
  const g = findGroup(app, f.str("GroupId"));
  if (g.type === "Community") throw new TimError(10007, "Community groups have no counters");
  return g;
}

/** GroupCounterKeys: absent = every key. */
function readKeys(f: Fields, g: Group): string[] {
  if (!f.has("GroupCounterKeys")) return [...g.counters.keys()];
  const keys = f.optArray("GroupCounterKeys", Number.MAX_SAFE_INTEGER) ?? [];
  if (keys.length > KEYS_MAX) throw new TimError(10063, `more than ${KEYS_MAX} counter keys`);
  if (!keys.every((k) => typeof k === "string" && k !== ""))
    f.fail("GroupCounterKeys holds a non-string");
  return [...new Set(keys as string[])];
}

/** int64 in Tencent; the emulator keeps safe integers and refuses the rest (10004). */
function int64(f: Fields, v: unknown, what: string): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v)) f.fail(`${what} must be an integer`);
  return v;
}

/** One GroupCounter item: a Key of at most 128 bytes and an integer Value. */
function readChange(f: Fields, item: unknown): { key: string; value: number } {
  if (!isObject(item) || typeof item.Key !== "string" || item.Key === "")
    f.fail("GroupCounter[].Key is required (string)");
  if (utf8Bytes(item.Key) > KEY_MAX_BYTES)
    f.fail(`counter key ${item.Key} is over ${KEY_MAX_BYTES} bytes`);
  return { key: item.Key, value: int64(f, item.Value, `the value of ${item.Key}`) };
}

const listed = (g: Group, keys: string[]): Json[] =>
  keys.filter((k) => g.counters.has(k)).map((Key) => ({ Key, Value: g.counters.get(Key) }));

export const groupCounterRoutes: RouteTable = {
  "v4/group_open_http_svc/get_group_counter": {
    codes: GROUP_CODES,
    handle({ app, f }) {
      const g = counterGroup(app, f);
      // Keys the group does not have are left out of the answer (unverified).
      return { GroupCounter: listed(g, readKeys(f, g)) };
    },
  },
  "v4/group_open_http_svc/update_group_counter": {
    codes: GROUP_CODES,
    handle({ app, f }) {
      const g = counterGroup(app, f);
      const items = f.array("GroupCounter", Number.MAX_SAFE_INTEGER);
      if (items.length > KEYS_MAX) throw new TimError(10063, `more than ${KEYS_MAX} counter keys`);
      // Mode absent: Set (the page does not say; unverified).
      const mode = f.optStr("Mode") ?? "Set";
      if (!(MODES as readonly string[]).includes(mode))
        f.fail(`Mode must be one of ${MODES.join(", ")}`);
      const changes = items.map((item) => readChange(f, item));
      const next = new Map(g.counters);
      for (const { key, value } of changes) {
        // Increase and Decrease start a missing key at 0; no floor below zero is documented.
        const base = mode === "Set" ? 0 : (next.get(key) ?? 0);
        const after = mode === "Decrease" ? base - value : base + value;
        if (!Number.isSafeInteger(after)) f.fail(`counter ${key} would leave the int64 range`);
        next.set(key, mode === "Set" ? value : after);
      }
      if (next.size > KEYS_MAX)
        throw new TimError(10063, `the group's counter keys would exceed ${KEYS_MAX}`);
      g.counters = next;
      return { GroupCounter: listed(g, [...new Set(changes.map((c) => c.key))]) };
    },
  },
  "v4/group_open_http_svc/delete_group_counter": {
    codes: GROUP_CODES,
    handle({ app, f }) {
      const g = counterGroup(app, f);
      for (const k of readKeys(f, g)) g.counters.delete(k);
      return undefined;
    },
  },
};
