import {
  checkActor,
  checkAttributeKeys,
  checkGroupAttributes,
  checkId,
  pickAttributes,
} from "@imgraph/core";
import type { Op } from "./context.js";
import { readAttributes, removeAttributeKeys, writeAttributes } from "./group-attributes.js";
import { GROUP_ATTRIBUTE_RULES } from "./group-depth-limits.js";
import { GROUP_ID, USER_ID } from "./limits.js";

// A live room's attributes are its group attributes (docs/vendors/tencent.md #17 §2.2: every
// page, old and new, lists AVChatRoom): the same commands and rules as group attributes.

export const getLiveRoomAttributes: Op<"getLiveRoomAttributes"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, GROUP_ID);
  const keys =
    input.keys === undefined
      ? undefined
      : checkAttributeKeys("keys", input.keys, GROUP_ATTRIBUTE_RULES.key);
  return pickAttributes(await readAttributes(ctx, "getLiveRoomAttributes", roomId, options), keys);
};

export const setLiveRoomAttributes: Op<"setLiveRoomAttributes"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, GROUP_ID);
  const attributes = checkGroupAttributes("attributes", input.attributes, GROUP_ATTRIBUTE_RULES);
  checkActor(input.actorId, USER_ID);
  await writeAttributes(ctx, "setLiveRoomAttributes", roomId, attributes, options);
};

export const removeLiveRoomAttributes: Op<"removeLiveRoomAttributes"> = async (
  ctx,
  input,
  options,
) => {
  const roomId = checkId("roomId", input?.roomId, GROUP_ID);
  const keys = checkAttributeKeys("keys", input.keys, GROUP_ATTRIBUTE_RULES.key);
  checkActor(input.actorId, USER_ID);
  await removeAttributeKeys(ctx, "removeLiveRoomAttributes", roomId, keys, options);
};
