import { actorOrOperator, BadUserInputError, checkId, checkIds, isJsonObject } from "@imgraph/core";
import { type Op, post, type RongCloudContext } from "./context.js";
import {
  CHATROOM_ID,
  LIVE_ROOM_KEY,
  LIVE_ROOM_KEYS_MAX,
  LIVE_ROOM_KEYS_PER_WRITE,
  LIVE_ROOM_VALUE_MAX_CHARS,
  USER_ID,
} from "./limits.js";
import { vendorCode } from "./live-rooms.js";

// Live room attributes are RongCloud's chatroom KV (#17 §2.8), a console service
// (features.chatroomAttributes). Every key has an owner: the writer (actorId). Writes use the
// batch set, which force-overwrites another owner's key (§U11), 20 keys a call; removals the
// per-key remove (the batch remove is documented only, §U15).

const KEY_RULE = { maxBytes: 128, pattern: LIVE_ROOM_KEY, charset: "letters, digits and + = - _" };

/** Attributes to write: a non-empty map of RongCloud keys to values ≤4096 characters. */
export function checkAttributes(value: unknown, max: number): Record<string, string> {
  if (!isJsonObject(value))
    throw new BadUserInputError("attributes", "attributes must be an object.");
  const entries = Object.entries(value);
  if (entries.length === 0)
    throw new BadUserInputError("attributes", "attributes must not be empty.");
  if (entries.length > max)
    throw new BadUserInputError("attributes", `attributes holds at most ${max} keys at RongCloud.`);
  for (const [key, v] of entries) {
    const field = `attributes.${key}`;
    if (!LIVE_ROOM_KEY.test(key))
      throw new BadUserInputError(field, `${field}: keys are 1 to 128 of A-Z a-z 0-9 + = - _.`);
    if (typeof v !== "string") throw new BadUserInputError(field, `${field} must be a string.`);
    if ([...v].length > LIVE_ROOM_VALUE_MAX_CHARS)
      throw new BadUserInputError(
        field,
        `${field} is longer than ${LIVE_ROOM_VALUE_MAX_CHARS} characters.`,
      );
  }
  return value as Record<string, string>;
}

/** Why an admin's change cannot be made without operatorUserId. */
const NO_OPERATOR =
  "RongCloud records an owner for every live room attribute, and an admin's call names none: set operatorUserId to the user to record";

/** The owner RongCloud records for the keys: the acting user, or for an admin the operator. */
function owner(ctx: RongCloudContext, operation: string, actorId: string | undefined): string {
  const gap = { vendor: "rongcloud" as const, operation, reason: NO_OPERATOR };
  return actorOrOperator(actorId, ctx.operatorUserId, USER_ID, gap);
}

interface QueryAnswer {
  keys?: Array<{ key?: unknown; value?: unknown }>;
}

export const getLiveRoomAttributes: Op<"getLiveRoomAttributes"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, CHATROOM_ID);
  const keys =
    input.keys === undefined
      ? undefined
      : checkIds("keys", input.keys, KEY_RULE, { min: 1, max: LIVE_ROOM_KEYS_MAX });
  const answer = await post<QueryAnswer>(
    ctx,
    "getLiveRoomAttributes",
    "/chatroom/entry/query.json",
    { chatroomId: roomId, ...(keys ? { keys } : {}) },
    options,
    true,
  );
  const out: Record<string, string> = {};
  for (const e of answer.keys ?? []) {
    if (typeof e.key === "string" && e.value !== undefined && e.value !== null)
      out[e.key] = String(e.value);
  }
  return out;
};

export const setLiveRoomAttributes: Op<"setLiveRoomAttributes"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, CHATROOM_ID);
  const attributes = checkAttributes(input.attributes, LIVE_ROOM_KEYS_MAX);
  const entryOwnerId = owner(ctx, "setLiveRoomAttributes", input.actorId);
  const pairs = Object.entries(attributes);
  // In order, 20 keys a call: a failure leaves the earlier chunks written.
  for (let i = 0; i < pairs.length; i += LIVE_ROOM_KEYS_PER_WRITE) {
    const chunk = Object.fromEntries(pairs.slice(i, i + LIVE_ROOM_KEYS_PER_WRITE));
    await post(
      ctx,
      "setLiveRoomAttributes",
      "/chatroom/entry/batch/set.json",
      { chatroomId: roomId, entryOwnerId, entryInfo: JSON.stringify(chunk) },
      options,
      true,
    );
  }
};

export const removeLiveRoomAttributes: Op<"removeLiveRoomAttributes"> = async (
  ctx,
  input,
  options,
) => {
  const roomId = checkId("roomId", input?.roomId, CHATROOM_ID);
  const keys = checkIds("keys", input.keys, KEY_RULE, { min: 1, max: LIVE_ROOM_KEYS_MAX });
  const userId = owner(ctx, "removeLiveRoomAttributes", input.actorId);
  for (const key of new Set(keys)) {
    try {
      await post(
        ctx,
        "removeLiveRoomAttributes",
        "/chatroom/entry/remove.json",
        { chatroomId: roomId, userId, key },
        options,
        true,
      );
    } catch (error) {
      // 23427: the key is not there, which is what removing asks.
      if (vendorCode(error) !== "23427") throw error;
    }
  }
};
