import {
  actorOrOperator,
  type CallOptions,
  checkAttributeKeys,
  checkGroupAttributes,
  checkId,
  pickAttributes,
  VendorRejectedError,
} from "@imgraph/core";
import { type Op, type ZegoContext, zim } from "./context.js";
import {
  attributeRules,
  LIVE_ROOM_ATTRIBUTE_KEY_MAX_BYTES,
  LIVE_ROOM_ATTRIBUTE_VALUE_MAX_BYTES,
  LIVE_ROOM_ATTRIBUTES_MAX,
  LIVE_ROOM_ID,
  USER_ID,
} from "./limits.js";

// Room attributes (#17 §L8): QueryRoomAttribute reads every key, ModifyRoomAttribute sets
// (Action 0) or deletes (Action 1) per key; both want a registered FromUserId.

const RULES = attributeRules(
  LIVE_ROOM_ATTRIBUTE_KEY_MAX_BYTES,
  LIVE_ROOM_ATTRIBUTE_VALUE_MAX_BYTES,
  LIVE_ROOM_ATTRIBUTES_MAX,
);
const KEY = RULES.key;

/** Attributes for CreateRoom or a write: 1 to 16 keys ZIM takes. */
export function checkRoomAttributes(attributes: unknown): Record<string, string> {
  return checkGroupAttributes("attributes", attributes, RULES);
}

/** Why an admin's change cannot be made without operatorUserId. */
const NO_OPERATOR =
  "ZIM's ModifyRoomAttribute names the user who changes them, and an admin's call names none: set operatorUserId to a registered ZIM user (e.g. a service account)";

/** ModifyRoomAttribute's FromUserId (required): the acting user, or for an admin the operator. */
function actorOf(ctx: ZegoContext, operation: string, actorId: string | undefined): string {
  const gap = { vendor: "zego" as const, operation, reason: NO_OPERATOR };
  return actorOrOperator(actorId, ctx.operatorUserId, USER_ID, gap);
}

interface QueryAnswer {
  Attributes?: Array<{ Key?: unknown; Value?: unknown }>;
}

async function readAll(
  ctx: ZegoContext,
  operation: string,
  roomId: string,
  from: string,
  options?: CallOptions,
): Promise<Record<string, string>> {
  const answer = await zim<QueryAnswer>(
    ctx,
    {
      operation,
      action: "QueryRoomAttribute",
      method: "POST",
      params: { FromUserId: from, RoomId: roomId },
      idempotent: true,
    },
    options,
  );
  const out: Record<string, string> = {};
  for (const a of answer.Attributes ?? []) {
    if (typeof a.Key === "string") out[a.Key] = typeof a.Value === "string" ? a.Value : "";
  }
  return out;
}

interface ModifyAnswer {
  ErrKeyList?: Array<{ Key?: unknown; SubCode?: unknown }>;
}

async function modify(
  ctx: ZegoContext,
  operation: string,
  call: { roomId: string; actor: string; action: 0 | 1; attributes: Record<string, string> },
  options?: CallOptions,
): Promise<void> {
  const { roomId, actor, action, attributes } = call;
  const answer = await zim<ModifyAnswer>(
    ctx,
    {
      operation,
      action: "ModifyRoomAttribute",
      method: "POST",
      params: {
        FromUserId: actor,
        RoomId: roomId,
        // StopOnError's place is unverified (per item in the schema, per request in the
        // text, §U17): sent on both. 0 = go on past a failed key and report it.
        StopOnError: 0,
        Attributes: Object.entries(attributes).map(([Key, Value]) =>
          action === 0
            ? { Action: 0, Key, Value, AutoDelete: 0, StopOnError: 0 }
            : { Action: 1, Key, StopOnError: 0 },
        ),
      },
      idempotent: true,
    },
    options,
  );
  // Code 0 with failed keys (SubCodes undocumented): the write did not fully happen.
  const failed = answer.ErrKeyList ?? [];
  if (failed.length > 0) {
    const keys = failed.map((f) => `${String(f.Key)} (SubCode ${String(f.SubCode)})`).join(", ");
    throw new VendorRejectedError("zego", "0", `ZEGO did not change: ${keys}.`);
  }
}

/** QueryRoomAttribute wants a FromUserId and the read names no actor: `operatorUserId`. */
export const getLiveRoomAttributes: Op<"getLiveRoomAttributes"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, LIVE_ROOM_ID);
  const keys = input.keys === undefined ? undefined : checkAttributeKeys("keys", input.keys, KEY);
  const from = ctx.operatorUserId as string; // gated in implementation.ts
  return pickAttributes(await readAll(ctx, "getLiveRoomAttributes", roomId, from, options), keys);
};

/**
 * Action 0 merges per key. A room holds 16 keys (the strictest server figure, §U11):
 * checked first against the keys it already has.
 */
export const setLiveRoomAttributes: Op<"setLiveRoomAttributes"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, LIVE_ROOM_ID);
  const attributes = checkRoomAttributes(input.attributes);
  const actor = actorOf(ctx, "setLiveRoomAttributes", input.actorId);
  const current = await readAll(ctx, "setLiveRoomAttributes", roomId, actor, options);
  const total = new Set([...Object.keys(current), ...Object.keys(attributes)]).size;
  if (total > LIVE_ROOM_ATTRIBUTES_MAX) {
    const had = Object.keys(current).length;
    throw new VendorRejectedError(
      "zego",
      "0",
      `ZEGO keeps at most ${LIVE_ROOM_ATTRIBUTES_MAX} attributes per room; the room has ${had} and this adds ${total - had}.`,
    );
  }
  await modify(ctx, "setLiveRoomAttributes", { roomId, actor, action: 0, attributes }, options);
};

export const removeLiveRoomAttributes: Op<"removeLiveRoomAttributes"> = async (
  ctx,
  input,
  options,
) => {
  const roomId = checkId("roomId", input?.roomId, LIVE_ROOM_ID);
  const keys = checkAttributeKeys("keys", input.keys, KEY);
  const actor = actorOf(ctx, "removeLiveRoomAttributes", input.actorId);
  const attributes = Object.fromEntries(keys.map((k) => [k, ""]));
  await modify(ctx, "removeLiveRoomAttributes", { roomId, actor, action: 1, attributes }, options);
};
