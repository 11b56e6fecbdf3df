import { BadUserInputError, type Conversation, type IdFields } from "@imgraph/core";
import type { RongCloudContext } from "./context.js";

/** RongCloud's conversation types, as publish, recall, history and callbacks name them. */
export const PRIVATE = 1;
export const GROUP = 3;
export const CHATROOM = 4;
export const SYSTEM = 6;

/**
 * What a RongCloud recall needs, packed into the opaque message id. No time: the id must
 * be the same whether it came from a send, from history or from a callback, and only the
 * latter two know the server's time. Recall reads that time back from history.
 */
export interface MessageRef {
  uid: string;
  /** The conversation type (PRIVATE, GROUP, CHATROOM, SYSTEM). */
  type: number;
  /** The conversation as the sender sees it: the peer, group or room. */
  target: string;
  from: string;
}

export function encodeMessageId(ctx: Pick<RongCloudContext, "ids" | "appId">, ref: MessageRef) {
  return ctx.ids.encode("msg", "rongcloud", ctx.appId, { ...ref });
}

export function decodeMessageId(
  ctx: Pick<RongCloudContext, "ids" | "appId">,
  id: unknown,
): MessageRef {
  const f: IdFields = ctx.ids.decode(id, {
    kind: "msg",
    vendor: "rongcloud",
    appId: ctx.appId,
    field: "messageId",
  });
  if (
    typeof f.uid !== "string" ||
    typeof f.type !== "number" ||
    typeof f.target !== "string" ||
    typeof f.from !== "string"
  ) {
    throw new BadUserInputError("messageId", "messageId is not a valid id: malformed.");
  }
  return { uid: f.uid, type: f.type, target: f.target, from: f.from };
}

/** Who sent a message and where, from its id alone (for authorization); null if not ours. */
export function describeMessageId(
  ctx: Pick<RongCloudContext, "ids" | "appId">,
  id: string,
): { senderId: string; conversation: Conversation } | null {
  try {
    const ref = decodeMessageId(ctx, id);
    const type = ref.type === GROUP ? "GROUP" : ref.type === SYSTEM ? "SYSTEM" : "USER";
    return { senderId: ref.from, conversation: { type, id: ref.target } };
  } catch {
    return null;
  }
}
