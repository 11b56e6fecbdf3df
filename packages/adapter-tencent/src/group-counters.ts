import {
  BadUserInputError,
  type CounterMode,
  checkAttributeKeys,
  checkCount,
  checkCounterChanges,
  checkId,
  type GroupCounter,
  type GroupCounterChange,
  VendorUnavailableError,
} from "@imgraph/core";
import { call, type Op } from "./context.js";
import { COUNTER_VALUE, GROUP_COUNTER_RULES } from "./group-depth-limits.js";
import { GROUP_ID } from "./limits.js";

// Group counters (docs/vendors/tencent.md #17 §2.5): get_group_counter and
// update_group_counter, Pro edition or higher (options.groupCounters). One update takes one
// Mode for all its keys, so changes of different modes take one call each (Set, then
// Increase, then Decrease): atomic per mode, not across modes.
//
// Tencent keeps int64 values, a neutral counter is 32-bit (COUNTER_VALUE). Values set and
// amounts are checked before any call; an Increase or Decrease that takes a counter past the
// range is set back by the opposite change and refused; a value kept past it (a client
// SDK's) reads as the nearest bound, so one such counter does not fail every read.

interface CounterAnswer {
  GroupCounter?: Array<{ Key?: unknown; Value?: unknown }>;
}

const MODE: Record<CounterMode, string> = {
  SET: "Set",
  INCREASE: "Increase",
  DECREASE: "Decrease",
};

/** Increase and Decrease undo each other whatever else changed the counter meanwhile. */
const OPPOSITE = { INCREASE: "DECREASE", DECREASE: "INCREASE" } as const;

const inRange = (value: number) => value >= COUNTER_VALUE.min && value <= COUNTER_VALUE.max;

function toCounters(answer: CounterAnswer): GroupCounter[] {
  return (answer.GroupCounter ?? []).flatMap((c) => {
    const value = typeof c?.Value === "string" ? Number(c.Value) : c?.Value;
    return typeof c?.Key === "string" && typeof value === "number" && Number.isFinite(value)
      ? [{ key: c.Key, value }]
      : [];
  });
}

/** Every counter, or the keys asked (keys the group lacks are left out). */
export const getGroupCounters: Op<"getGroupCounters"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const keys =
    input.keys === undefined
      ? undefined
      : checkAttributeKeys("keys", input.keys, GROUP_COUNTER_RULES.key);
  if (keys) checkCount("keys", keys, { min: 1, max: GROUP_COUNTER_RULES.max });
  const answer = await call<CounterAnswer>(
    ctx,
    "getGroupCounters",
    "group_open_http_svc/get_group_counter",
    { GroupId: groupId, ...(keys ? { GroupCounterKeys: keys } : {}) },
    options,
    true,
  );
  return toCounters(answer).map(({ key, value }) => ({
    key,
    value: Math.min(Math.max(value, COUNTER_VALUE.min), COUNTER_VALUE.max),
  }));
};

/**
 * update_group_counter per mode; the answer is each key's value after the update. A Set
 * repeats harmlessly after a lost answer; an Increase or Decrease would count twice.
 */
export const changeGroupCounters: Op<"changeGroupCounters"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const changes = checkCounterChanges(input.changes, GROUP_COUNTER_RULES);
  const update = (mode: CounterMode, some: GroupCounterChange[]) =>
    call<CounterAnswer>(
      ctx,
      "changeGroupCounters",
      "group_open_http_svc/update_group_counter",
      {
        GroupId: groupId,
        Mode: MODE[mode],
        GroupCounter: some.map((c) => ({ Key: c.key, Value: c.value })),
      },
      options,
      mode === "SET",
    );
  const after = new Map<string, number>();
  for (const mode of ["SET", "INCREASE", "DECREASE"] as const) {
    const some = changes.filter((c) => c.mode === mode);
    if (some.length === 0) continue;
    const counters = toCounters(await update(mode, some));
    // A Set's values are in range; an amount may take a counter past it.
    const past = counters.find((c) => !inRange(c.value));
    if (past && mode !== "SET") {
      // The whole call is set back, as its counters changed together; the calls of earlier
      // modes stay made (atomic per mode, as any failure between modes leaves them).
      await update(OPPOSITE[mode], some);
      const at = `changes[${changes.findIndex((c) => c.key === past.key)}].value`;
      throw new BadUserInputError(
        at,
        `${at} would take counter ${past.key} to ${past.value}, outside a counter's 32-bit range; the ${MODE[mode]} was set back.`,
      );
    }
    for (const c of counters) after.set(c.key, c.value);
  }
  return changes.map((c) => {
    const value = after.get(c.key);
    if (value === undefined)
      throw new VendorUnavailableError(
        "tencent",
        `Tencent answered no value for counter ${c.key}.`,
      );
    return { key: c.key, value };
  });
};
