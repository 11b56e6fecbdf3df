import { type IdFields, messageIds } from "@imgraph/core";

/**
 * What Tencent needs to act on a message later, packed into the opaque message id:
 * a one-to-one message is its MsgKey plus both accounts (admin_msgwithdraw wants all
 * three); a group (or room) message is the group id plus its server MsgSeq.
 */
export type MessageRef =
  | { kind: "c2c"; msgKey: string; from: string; to: string }
  | { kind: "group"; groupId: string; msgSeq: number; from: string };

const codec = messageIds<MessageRef>({
  vendor: "tencent",
  fields: (ref): IdFields =>
    ref.kind === "c2c"
      ? { c: "u", k: ref.msgKey, f: ref.from, t: ref.to }
      : { c: "g", g: ref.groupId, s: ref.msgSeq, f: ref.from },
  ref: (f) => {
    if (typeof f.f !== "string") return undefined;
    if (f.c === "u" && typeof f.k === "string" && typeof f.t === "string") {
      return { kind: "c2c", msgKey: f.k, from: f.f, to: f.t };
    }
    if (f.c === "g" && typeof f.g === "string" && typeof f.s === "number") {
      return { kind: "group", groupId: f.g, msgSeq: f.s, from: f.f };
    }
    return undefined;
  },
  origin: (ref) =>
    ref.kind === "c2c"
      ? { senderId: ref.from, conversation: { type: "USER", id: ref.to } }
      : { senderId: ref.from, conversation: { type: "GROUP", id: ref.groupId } },
});

export const encodeMessageId = codec.encode;
export const decodeMessageId = codec.decode;
export const describeMessageId = codec.describe;
