import { BadUserInputError, type Conversation, type IdFields } from "@imgraph/core";
import type { ZegoContext } from "./context.js";

/**
 * What a ZIM revoke needs, packed into the opaque message id: the original sender, the
 * conversation (the peer it was sent to, or the group) and the message's MsgSeq.
 */
export type MessageRef =
  | { kind: "peer"; from: string; to: string; seq: number }
  | { kind: "group"; from: string; groupId: string; seq: number };

export function encodeMessageId(ctx: ZegoContext, ref: MessageRef): string {
  const fields: IdFields =
    ref.kind === "peer"
      ? { c: "p", f: ref.from, t: ref.to, s: ref.seq }
      : { c: "g", f: ref.from, g: ref.groupId, s: ref.seq };
  return ctx.ids.encode("msg", "zego", ctx.appId, fields);
}

export function decodeMessageId(ctx: ZegoContext, id: unknown): MessageRef {
  const f = ctx.ids.decode(id, {
    kind: "msg",
    vendor: "zego",
    appId: ctx.appId,
    field: "messageId",
  });
  const bad = () => new BadUserInputError("messageId", "messageId is not a valid id: malformed.");
  if (typeof f.f !== "string" || typeof f.s !== "number") throw bad();
  if (f.c === "p" && typeof f.t === "string") return { kind: "peer", from: f.f, to: f.t, seq: f.s };
  if (f.c === "g" && typeof f.g === "string") {
    return { kind: "group", from: f.f, groupId: f.g, seq: f.s };
  }
  throw bad();
}

/** Sender and conversation of an id of this app, without a vendor call; null if not one. */
export function describeMessageId(
  ctx: ZegoContext,
  id: string,
): { senderId: string; conversation: Conversation } | null {
  try {
    const ref = decodeMessageId(ctx, id);
    return ref.kind === "peer"
      ? { senderId: ref.from, conversation: { type: "USER", id: ref.to } }
      : { senderId: ref.from, conversation: { type: "GROUP", id: ref.groupId } };
  } catch {
    return null;
  }
}
