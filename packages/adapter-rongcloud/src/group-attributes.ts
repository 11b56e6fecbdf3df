import {
  type CallOptions,
  checkActor,
  checkAttributeKeys,
  checkAttributesRead,
  checkGroupAttributes,
  checkId,
  checkText,
  NotFoundError,
  pickAttributes,
  VendorRejectedError,
} from "@imgraph/core";
import { type Op, post, type RongCloudContext } from "./context.js";
import { vendorAttributes } from "./ext-attributes.js";
import {
  GROUP_ATTRIBUTE_MAX_CHARS,
  GROUP_ATTRIBUTE_RULES,
  GROUP_ATTRIBUTES_MAX,
} from "./group-limits.js";
import { readGroupProfile } from "./hosted-group-reads.js";
import { GROUP_ID, USER_ID } from "./limits.js";

// Group attributes are a hosted group's groupExtProfile (vendor reference #17 §1.2): one JSON
// map written by /entrust/group/profile/update.json, with no per-key delete. Whether a write
// replaces the map or merges into it is unverified (§U2), so every write sends the whole map,
// which is right either way; a removal is then verified, and keys that survived (a merging
// server) are written again as "" — an empty value reads as no attribute. Not atomic: a
// change made by someone else between the read and the write is lost.

async function current(
  ctx: RongCloudContext,
  operation: string,
  groupId: string,
  options: CallOptions | undefined,
): Promise<Record<string, string>> {
  const profile = await readGroupProfile(ctx, operation, groupId, options);
  if (!profile)
    throw new NotFoundError(`RongCloud has no hosted group ${groupId}.`, { vendor: "rongcloud" });
  return Object.fromEntries(Object.entries(profile.attributes).filter(([, v]) => v !== ""));
}

function write(
  ctx: RongCloudContext,
  operation: string,
  groupId: string,
  attributes: Record<string, string>,
  options: CallOptions | undefined,
): Promise<unknown> {
  const groupExtProfile = vendorAttributes(attributes);
  return post(
    ctx,
    operation,
    "/entrust/group/profile/update.json",
    { groupId, groupExtProfile },
    options,
    true,
  );
}

export const getGroupAttributes: Op<"getGroupAttributes"> = async (ctx, input, options) => {
  const { groupId, keys } = checkAttributesRead(input, GROUP_ID, GROUP_ATTRIBUTE_RULES.key);
  return pickAttributes(await current(ctx, "getGroupAttributes", groupId, options), keys);
};

export const setGroupAttributes: Op<"setGroupAttributes"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const attributes = checkGroupAttributes("attributes", input.attributes, GROUP_ATTRIBUTE_RULES);
  checkActor(input.actorId, USER_ID);
  for (const [key, value] of Object.entries(attributes)) {
    // RongCloud counts characters; "" is how a removal is written, so it cannot be a value.
    checkText(`attributes.${key}`, value, { maxChars: GROUP_ATTRIBUTE_MAX_CHARS });
  }
  const merged = { ...(await current(ctx, "setGroupAttributes", groupId, options)), ...attributes };
  if (Object.keys(merged).length > GROUP_ATTRIBUTES_MAX) {
    throw new VendorRejectedError(
      "rongcloud",
      "1002",
      `RongCloud keeps at most ${GROUP_ATTRIBUTES_MAX} attributes a group (groupExtProfile pairs); remove some first.`,
    );
  }
  await write(ctx, "setGroupAttributes", groupId, merged, options);
};

async function remove(
  ctx: RongCloudContext,
  operation: string,
  groupId: string,
  keys: string[] | null,
  options: CallOptions | undefined,
): Promise<void> {
  const kept = await current(ctx, operation, groupId, options);
  const gone = (keys ?? Object.keys(kept)).filter((k) => k in kept);
  if (gone.length === 0) return;
  const remaining = Object.fromEntries(Object.entries(kept).filter(([k]) => !gone.includes(k)));
  await write(ctx, operation, groupId, remaining, options);
  const after = await current(ctx, operation, groupId, options);
  const left = gone.filter((k) => k in after);
  if (left.length > 0)
    await write(ctx, operation, groupId, Object.fromEntries(left.map((k) => [k, ""])), options);
}

export const removeGroupAttributes: Op<"removeGroupAttributes"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const keys = checkAttributeKeys("keys", input.keys, GROUP_ATTRIBUTE_RULES.key);
  checkActor(input.actorId, USER_ID);
  await remove(ctx, "removeGroupAttributes", groupId, keys, options);
};

export const clearGroupAttributes: Op<"clearGroupAttributes"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  checkActor(input.actorId, USER_ID);
  await remove(ctx, "clearGroupAttributes", groupId, null, options);
};
