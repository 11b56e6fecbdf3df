import {
  type CallOptions,
  checkActor,
  checkAttributeKeys,
  checkAttributesRead,
  checkGroupAttributes,
  checkId,
  type GroupAttributes,
  ImError,
  pickAttributes,
} from "@imgraph/core";
import { call, type Op, type TencentContext } from "./context.js";
import { GROUP_ATTRIBUTE_RULES } from "./group-depth-limits.js";
import { GROUP_ID, USER_ID } from "./limits.js";

// Custom group attributes (docs/vendors/tencent.md #17 §2.2): read through
// group_open_attr_http_svc/get_group_attr, written through group_open_http_svc (modify
// merges, delete removes keys, clear removes all). Keys and values are lower-case `key` and
// `value`. A group's 16-key and 16000-byte totals (10047, 10048) depend on what it holds and
// are Tencent's answer (VENDOR_REJECTED); 10049 (5 writes a second) is RATE_LIMITED.

interface AttrAnswer {
  GroupAttrAry?: Array<{ key?: unknown; value?: unknown }>;
}

/** Deleting a key the group does not have (delete_group_attr). */
const MISSING_ATTRIBUTE = "10050";

/** get_group_attr: every attribute of a group (or live room). */
export async function readAttributes(
  ctx: TencentContext,
  operation: string,
  groupId: string,
  options: CallOptions | undefined,
): Promise<GroupAttributes> {
  const answer = await call<AttrAnswer>(
    ctx,
    operation,
    "group_open_attr_http_svc/get_group_attr",
    { GroupId: groupId },
    options,
    true,
  );
  const out: GroupAttributes = {};
  for (const a of answer.GroupAttrAry ?? []) {
    if (typeof a?.key === "string" && typeof a.value === "string") out[a.key] = a.value;
  }
  return out;
}

/** Every attribute, or the keys asked (get_group_attr answers all; the rest are left out). */
export const getGroupAttributes: Op<"getGroupAttributes"> = async (ctx, input, options) => {
  const { groupId, keys } = checkAttributesRead(input, GROUP_ID, GROUP_ATTRIBUTE_RULES.key);
  return pickAttributes(await readAttributes(ctx, "getGroupAttributes", groupId, options), keys);
};

/** modify_group_attr: the given keys added or replaced, the others kept (a repeat converges). */
export const setGroupAttributes: Op<"setGroupAttributes"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const attributes = checkGroupAttributes("attributes", input.attributes, GROUP_ATTRIBUTE_RULES);
  checkActor(input.actorId, USER_ID);
  await writeAttributes(ctx, "setGroupAttributes", groupId, attributes, options);
};

/** modify_group_attr of checked attributes (live rooms write theirs through it too). */
export async function writeAttributes(
  ctx: TencentContext,
  operation: string,
  groupId: string,
  attributes: GroupAttributes,
  options: CallOptions | undefined,
): Promise<void> {
  await call(
    ctx,
    operation,
    "group_open_http_svc/modify_group_attr",
    {
      GroupId: groupId,
      GroupAttr: Object.entries(attributes).map(([key, value]) => ({ key, value })),
    },
    options,
    true,
  );
}

async function deleteKeys(
  ctx: TencentContext,
  operation: string,
  groupId: string,
  keys: string[],
  options: CallOptions | undefined,
): Promise<void> {
  await call(
    ctx,
    operation,
    "group_open_http_svc/delete_group_attr",
    { GroupId: groupId, GroupAttr: keys.map((key) => ({ key })) },
    options,
    true,
  );
}

/**
 * delete_group_attr refuses the whole call when one key is missing (10050): removing is
 * idempotent here, so then the present keys are read and only those deleted.
 */
export const removeGroupAttributes: Op<"removeGroupAttributes"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const keys = checkAttributeKeys("keys", input.keys, GROUP_ATTRIBUTE_RULES.key);
  checkActor(input.actorId, USER_ID);
  await removeAttributeKeys(ctx, "removeGroupAttributes", groupId, keys, options);
};

/** delete_group_attr of checked keys, idempotent (see removeGroupAttributes). */
export async function removeAttributeKeys(
  ctx: TencentContext,
  operation: string,
  groupId: string,
  keys: string[],
  options: CallOptions | undefined,
): Promise<void> {
  try {
    await deleteKeys(ctx, operation, groupId, keys, options);
  } catch (error) {
    if (!(error instanceof ImError) || error.vendorCode !== MISSING_ATTRIBUTE) throw error;
    const present = await readAttributes(ctx, operation, groupId, options);
    const left = keys.filter((k) => k in present);
    if (left.length > 0) await deleteKeys(ctx, operation, groupId, left, options);
  }
}

export const clearGroupAttributes: Op<"clearGroupAttributes"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  checkActor(input.actorId, USER_ID);
  await call(
    ctx,
    "clearGroupAttributes",
    "group_open_http_svc/clear_group_attr",
    { GroupId: groupId },
    options,
    true,
  );
};
