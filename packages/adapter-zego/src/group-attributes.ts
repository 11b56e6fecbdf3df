import {
  type CallOptions,
  checkAttributeKeys,
  checkAttributesRead,
  checkGroupAttributes,
  checkId,
  pickAttributes,
  VendorRejectedError,
} from "@imgraph/core";
import { type Op, type ZegoContext, zim } from "./context.js";
import { groupInfo } from "./group-info.js";
import { actorFor } from "./group-lookup.js";
import {
  attributeRules,
  GROUP_ATTRIBUTE_KEY_MAX_BYTES,
  GROUP_ATTRIBUTE_VALUE_MAX_BYTES,
  GROUP_ATTRIBUTES_MAX,
  GROUP_ID,
} from "./limits.js";

// Custom group attributes (#17 §G2): written with ModifyGroupAttribute (Action 0 per-key
// upsert, 1 delete), read whole with QueryGroupInfo; ZIM has no per-key read and no clear.

const RULES = attributeRules(
  GROUP_ATTRIBUTE_KEY_MAX_BYTES,
  GROUP_ATTRIBUTE_VALUE_MAX_BYTES,
  GROUP_ATTRIBUTES_MAX,
);
const KEY = RULES.key;

/** CreateGroup's code for more than 10 attributes, which the emulator answers too (#17 §U3). */
const TOO_MANY_ATTRIBUTES = 660600019;

/** FailKeys' reason for a key the group does not have (the docs' example text). */
const MISSING_KEY = /non-existent/i;

interface ModifyAnswer {
  FailKeys?: Array<{ Key?: unknown; Reason?: unknown }>;
}

async function modify(
  ctx: ZegoContext,
  operation: string,
  call: { groupId: string; actor: string; action: 0 | 1; attributes: Record<string, string> },
  options?: CallOptions,
): Promise<void> {
  const { groupId, actor, action, attributes } = call;
  const answer = await zim<ModifyAnswer>(
    ctx,
    {
      operation,
      action: "ModifyGroupAttribute",
      method: "POST",
      params: {
        Action: action,
        FromUserId: actor,
        GroupId: groupId,
        Attributes: Object.entries(attributes).map(([Key, Value]) =>
          action === 0 ? { Key, Value } : { Key },
        ),
      },
      idempotent: true,
    },
    options,
  );
  // A key already gone counts as removed; any other failed key fails the call.
  const failed = (answer.FailKeys ?? []).filter(
    (f) => !(action === 1 && MISSING_KEY.test(String(f.Reason ?? ""))),
  );
  if (failed.length > 0) {
    const keys = failed.map((f) => `${String(f.Key)} (${String(f.Reason ?? "")})`).join(", ");
    // Code 0 with failed keys: the reasons are text, so the vendor code stays "0".
    throw new VendorRejectedError("zego", "0", `ZEGO did not change: ${keys}.`);
  }
}

/** Every attribute, read as the actor or the owner (QueryGroupInfo wants a FromUserId). */
async function readAll(
  ctx: ZegoContext,
  operation: string,
  groupId: string,
  actor: string,
  options?: CallOptions,
): Promise<Record<string, string>> {
  return (await groupInfo(ctx, operation, groupId, actor, options)).attributes;
}

export const getGroupAttributes: Op<"getGroupAttributes"> = async (ctx, input, options) => {
  const { groupId, keys } = checkAttributesRead(input, GROUP_ID, KEY);
  const actor = await actorFor(ctx, "getGroupAttributes", groupId, undefined, options);
  return pickAttributes(await readAll(ctx, "getGroupAttributes", groupId, actor, options), keys);
};

/**
 * Action 0 merges per key. ZIM keeps 10 keys per group and refuses a write that would go
 * over (660600019) — checked here first, against the keys the group already has.
 */
export const setGroupAttributes: Op<"setGroupAttributes"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const attributes = checkGroupAttributes("attributes", input.attributes, RULES);
  const actor = await actorFor(ctx, "setGroupAttributes", groupId, input.actorId, options);
  const current = await readAll(ctx, "setGroupAttributes", groupId, actor, options);
  const total = new Set([...Object.keys(current), ...Object.keys(attributes)]).size;
  if (total > GROUP_ATTRIBUTES_MAX) {
    const had = Object.keys(current).length;
    throw new VendorRejectedError(
      "zego",
      String(TOO_MANY_ATTRIBUTES),
      `ZEGO keeps at most ${GROUP_ATTRIBUTES_MAX} attributes per group; the group has ${had} and this adds ${total - had}.`,
    );
  }
  const op = { groupId, actor, action: 0 as const, attributes };
  await modify(ctx, "setGroupAttributes", op, options);
};

export const removeGroupAttributes: Op<"removeGroupAttributes"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const keys = checkAttributeKeys("keys", input.keys, KEY);
  const actor = await actorFor(ctx, "removeGroupAttributes", groupId, input.actorId, options);
  const attributes = Object.fromEntries(keys.map((k) => [k, ""]));
  await modify(ctx, "removeGroupAttributes", { groupId, actor, action: 1, attributes }, options);
};

/** No clear Action: read every key, then delete them all in one call (≤ 10 keys). */
export const clearGroupAttributes: Op<"clearGroupAttributes"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const actor = await actorFor(ctx, "clearGroupAttributes", groupId, input.actorId, options);
  const attributes = await readAll(ctx, "clearGroupAttributes", groupId, actor, options);
  if (Object.keys(attributes).length === 0) return;
  await modify(ctx, "clearGroupAttributes", { groupId, actor, action: 1, attributes }, options);
};
