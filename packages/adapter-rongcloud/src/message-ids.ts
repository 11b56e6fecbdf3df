import { messageIds } from "@imgraph/core";

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

const codec = messageIds<MessageRef>({
  vendor: "rongcloud",
  fields: (ref) => ({ ...ref }),
  ref: (f) =>
    typeof f.uid === "string" &&
    typeof f.type === "number" &&
    typeof f.target === "string" &&
    typeof f.from === "string"
      ? { uid: f.uid, type: f.type, target: f.target, from: f.from }
      : undefined,
  origin: (ref) => ({
    senderId: ref.from,
    conversation: {
      type: ref.type === GROUP ? "GROUP" : ref.type === SYSTEM ? "SYSTEM" : "USER",
      id: ref.target,
    },
  }),
});

export const encodeMessageId = codec.encode;
export const decodeMessageId = codec.decode;
/** Who sent a message and where, from its id alone (for authorization); null if not ours. */
export const describeMessageId = codec.describe;
