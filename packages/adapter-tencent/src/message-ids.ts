import { BadUserInputError, type IdFields } from "@imgraph/core";
import type { TencentContext } from "./context.js";

/**
 * What Tencent needs to act on a message later, packed into the opaque message id:
 * a one-to-one message is its MsgKey plus both accounts (admin_msgwithdraw wants all
 * three); a group (or room) message is the group id plus its server MsgSeq.
 */
export type MessageRef =
  | { kind: "c2c"; msgKey: string; from: string; to: string }
  | { kind: "group"; groupId: string; msgSeq: number };

export function encodeMessageId(
  ctx: Pick<TencentContext, "ids" | "appId">,
  ref: MessageRef,
): string {
  const fields: IdFields =
    ref.kind === "c2c"
      ? { c: "u", k: ref.msgKey, f: ref.from, t: ref.to }
      : { c: "g", g: ref.groupId, s: ref.msgSeq };
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
  if (f.c === "g" && typeof f.g === "string" && typeof f.s === "number") {
    return { kind: "group", groupId: f.g, msgSeq: f.s };
  }
  throw new BadUserInputError(field, `${field} is not a valid id: malformed.`);
}
