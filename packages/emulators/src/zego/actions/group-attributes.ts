/** ZIM group attributes: ModifyGroupAttribute (zego.md #17 §G2, §U3). */
import { ZegoError, ZIM } from "../errors.js";
import { bytes } from "../params.js";
import type { Group } from "../state.js";
import { groupAction } from "./common.js";
import type { ActionContext, ActionTable } from "./types.js";

/** Per group, key and value (CreateGroup's page; ModifyGroupAttribute states none). */
export const GROUP_ATTRIBUTES_MAX = 10;
const KEY_MAX_BYTES = 16;
const VALUE_MAX_BYTES = 1024;

/** FailKeys reasons: the docs show "key db-non-existent"; the length text is ours. */
const MISSING_KEY = "key db-non-existent";
const TOO_LONG = "key exceeds 16 bytes or value exceeds 1024 bytes";

type FailKey = { Key: string; Reason: string };

/** Action 0: per-key upsert; keys not sent are kept. Over 10 keys refuses the whole call. */
function upsert(g: Group, items: { key: string; value: string }[]) {
  const fails: FailKey[] = [];
  const ok = items.filter(({ key, value }) => {
    const fits = bytes(key) <= KEY_MAX_BYTES && bytes(value) <= VALUE_MAX_BYTES;
    if (!fits) fails.push({ Key: key, Reason: TOO_LONG });
    return fits;
  });
  const after = new Set([...g.attributes.keys(), ...ok.map((i) => i.key)]);
  if (after.size > GROUP_ATTRIBUTES_MAX) {
    throw new ZegoError(ZIM.tooManyAttributes, "too many group attributes (max 10)");
  }
  for (const { key, value } of ok) g.attributes.set(key, value);
  return fails;
}

/** Action 1: deletes the listed keys; a key the group does not have is a FailKeys entry. */
function remove(g: Group, keys: string[]): FailKey[] {
  const fails: FailKey[] = [];
  for (const key of keys) {
    if (!g.attributes.delete(key)) fails.push({ Key: key, Reason: MISSING_KEY });
  }
  return fails;
}

export const groupAttributeActions: ActionTable = {
  /**
   * Not on the Free plan ("Group Attribute Management" ✖, Pricing): 660000028. Answers the
   * keys that failed (FailKeys) and the group's whole map after the change (§U3: whether
   * the echo is the changed keys or the whole map is unverified).
   */
  ModifyGroupAttribute: groupAction("POST", (ctx, g) => {
    if (ctx.app.config.plan === "free") {
      throw new ZegoError(ZIM.freePlan, "group attributes need the Pro or Enterprise plan");
    }
    const action = ctx.p.optInt("Action", { min: 0, max: 1 }) ?? 0; // 0 (default) upsert, 1 delete
    const items = ctx.p.objList("Attributes", { required: true }).map((a) => ({
      key: a.str("Key"),
      // Value is required for an upsert and ignored for a delete.
      value: action === 0 ? (a.optStr("Value") ?? throwMissingValue(ctx)) : "",
    }));
    const FailKeys =
      action === 0
        ? upsert(g, items)
        : remove(
            g,
            items.map((i) => i.key),
          );
    return {
      FailKeys,
      Attributes: { Attributes: [...g.attributes].map(([Key, Value]) => ({ Key, Value })) },
    };
  }),
};

function throwMissingValue(ctx: ActionContext): never {
  throw ctx.p.fail("Attributes[].Value is required when Action is 0");
}
