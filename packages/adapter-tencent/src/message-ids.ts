import { BadUserInputError, type Conversation, type IdFields } from "@imgraph/core";
import type { TencentContext } from "./context.js";

/**
 * What Tencent needs to act on a message later, packed into the opaque message id:
 * a one-to-one message is its MsgKey plus both accounts (admin_msgwithdraw wants all
 * three); a group (or room) message is the group id plus its server MsgSeq.
 */
export type MessageRef =
  | { kind: "c2c"; msgKey: string; from: string; to: string }
  | { kind: "group"; groupId: string; msgSeq: number; from: string };

export function encodeMessageId(
  ctx: Pick<TencentContext, "ids" | "appId">,
  ref: MessageRef,
): string {
  const fields: IdFields =
    ref.kind === "c2c"
      ? { c: "u", k: ref.msgKey, f: ref.from, t: ref.to }
      : { c: "g", g: ref.groupId, s: ref.msgSeq, f: ref.from };
  return ctx.ids.encode("msg", "tencent", ctx.appId, fields);
}

export function decodeMessageId(
  ctx: Pick<TencentContext, "ids" | "appId">,
  id: unknown,
  field = "messageId",
): MessageRef {
  const f = ctx.ids.decode(id, { kind: "msg", vendor: "tencent", appId: ctx.appId, field });
  if (
    f.c === "u" &&
    typeof f.k === "string" &&
    typeof f.f === "string" &&
    typeof f.t === "string"
  ) {
    return { kind: "c2c", msgKey: f.k, from: f.f, to: f.t };
  }
  if (
    f.c === "g" &&
    typeof f.g === "string" &&
    typeof f.s === "number" &&
    typeof f.f === "string"
  ) {
    return { kind: "group", groupId: f.g, msgSeq: f.s, from: f.f };
  }
  throw new BadUserInputError(field, `${field} is not a valid id: malformed.`);
}

/** Sender and conversation of an id of this app, without a vendor call; null if not one. */
export function describeMessageId(
  ctx: Pick<TencentContext, "ids" | "appId">,
  id: string,
): { senderId: string; conversation: Conversation } | null {
  try {
    const ref = decodeMessageId(ctx, id);
    return ref.kind === "c2c"
      ? { senderId: ref.from, conversation: { type: "USER", id: ref.to } }
      : { senderId: ref.from, conversation: { type: "GROUP", id: ref.groupId } };
  } catch {
    return null;
  }
}
