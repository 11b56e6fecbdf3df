/**
 * Custom group attributes (docs/vendors/tencent.md #17 §2.2): get_group_attr lives in
 * group_open_attr_http_svc, the writes in group_open_http_svc. Keys and values are spelled
 * lower-case (`key`, `value`). Limits: key ≤ 32 bytes (10045), value ≤ 4000 bytes (10046),
 * ≤ 16 keys a group (10047), ≤ 16000 value bytes a group (10048), 5 writes a second a group
 * (10049); deleting a missing key 10050. Every write calls back
 * Group.CallbackAfterGroupAttrChanged with its OptionType.
 */
import { GROUP_CODES, TimError } from "../errors.js";
import { type Fields, isObject, type Json, utf8Bytes } from "../fields.js";
import { findGroup } from "../groups.js";
import type { RouteContext, RouteTable } from "../route.js";
import type { Group } from "../state.js";

const KEY_MAX_BYTES = 32;
const VALUE_MAX_BYTES = 4_000;
const KEYS_MAX = 16;
const TOTAL_MAX_BYTES = 16_000;
/** "5 writes per second per group" (unverified window: a fixed second, as the other limits). */
const WRITES_PER_SECOND = 5;

type Option = "modify" | "set" | "delete" | "clear";

/** GroupAttr: [{key, value}] (or [{key}] for delete), each key and value within its limit. */
function readAttrs(f: Fields, withValues: boolean): Array<[string, string]> {
  const items = f.array("GroupAttr", Number.MAX_SAFE_INTEGER);
  return items.map((item) => {
    if (!isObject(item) || typeof item.key !== "string" || item.key === "")
      f.fail("GroupAttr[].key is required (string)");
    if (utf8Bytes(item.key) > KEY_MAX_BYTES)
      throw new TimError(10045, `attribute key ${item.key} is over ${KEY_MAX_BYTES} bytes`);
    if (!withValues) return [item.key, ""];
    if (typeof item.value !== "string") f.fail("GroupAttr[].value is required (string)");
    if (utf8Bytes(item.value) > VALUE_MAX_BYTES)
      throw new TimError(10046, `the value of ${item.key} is over ${VALUE_MAX_BYTES} bytes`);
    return [item.key, item.value];
  });
}

/** The group's attributes must stay within 16 keys and 16000 value bytes. */
function checkTotals(next: Map<string, string>): void {
  if (next.size > KEYS_MAX) throw new TimError(10047, `a group keeps at most ${KEYS_MAX} keys`);
  let bytes = 0;
  for (const v of next.values()) bytes += utf8Bytes(v);
  if (bytes > TOTAL_MAX_BYTES)
    throw new TimError(10048, `a group's attribute values exceed ${TOTAL_MAX_BYTES} bytes`);
}

/** Spends one of the group's writes this second (10049 when over), then applies and calls back. */
function write(
  ctx: RouteContext,
  g: Group,
  option: Option,
  next: Map<string, string>,
  sent: Json[],
) {
  ctx.limit(`groupAttr:${g.id}`, [{ limit: WRITES_PER_SECOND, window: "second" }], 1, "app", 10049);
  g.attributes = next;
  ctx.callbacks.send(ctx.app, "Group.CallbackAfterGroupAttrChanged", {
    GroupId: g.id,
    Type: g.type,
    Operator_Account: ctx.admin,
    OptionType: option,
    GroupAttr: sent,
  });
  return undefined;
}

const asList = (pairs: Iterable<[string, string]>) =>
  [...pairs].map(([key, value]) => ({ key, value }));

export const groupAttrRoutes: RouteTable = {
  "v4/group_open_attr_http_svc/get_group_attr": {
    codes: GROUP_CODES,
    handle({ app, f }) {
      const g = findGroup(app, f.str("GroupId"));
      return { GroupAttrAry: asList(g.attributes) };
    },
  },
  // Merge: the given keys are added or overwritten, the others stay.
  "v4/group_open_http_svc/modify_group_attr": {
    codes: GROUP_CODES,
    handle(ctx) {
      const g = findGroup(ctx.app, ctx.f.str("GroupId"));
      const attrs = readAttrs(ctx.f, true);
      const next = new Map(g.attributes);
      for (const [k, v] of attrs) next.set(k, v);
      checkTotals(next);
      return write(ctx, g, "modify", next, asList(attrs));
    },
  },
  // Reset: the given keys become the whole set.
  "v4/group_open_http_svc/set_group_attr": {
    codes: GROUP_CODES,
    handle(ctx) {
      const g = findGroup(ctx.app, ctx.f.str("GroupId"));
      const next = new Map(readAttrs(ctx.f, true));
      checkTotals(next);
      return write(ctx, g, "set", next, asList(next));
    },
  },
  // All or nothing: one missing key (10050) deletes none.
  "v4/group_open_http_svc/delete_group_attr": {
    codes: GROUP_CODES,
    handle(ctx) {
      const g = findGroup(ctx.app, ctx.f.str("GroupId"));
      const keys = readAttrs(ctx.f, false).map(([k]) => k);
      const missing = keys.find((k) => !g.attributes.has(k));
      if (missing !== undefined)
        throw new TimError(10050, `attribute ${missing} does not exist in ${g.id}`);
      const next = new Map(g.attributes);
      for (const k of keys) next.delete(k);
      return write(
        ctx,
        g,
        "delete",
        next,
        [...new Set(keys)].map((key) => ({ key })),
      );
    },
  },
  "v4/group_open_http_svc/clear_group_attr": {
    codes: GROUP_CODES,
    handle(ctx) {
      const g = findGroup(ctx.app, ctx.f.str("GroupId"));
      if (g.type === "Community")
        throw new TimError(10007, "Community groups do not support clear_group_attr");
      return write(ctx, g, "clear", new Map(), []);
    },
  },
};
