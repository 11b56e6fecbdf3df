import { type IdFields, messageIds } from "@imgraph/core";

/**
 * What a ZIM revoke needs, packed into the opaque message id: the original sender, the
 * conversation (the peer it was sent to, or the group) and the message's MsgSeq.
 */
export type MessageRef =
  | { kind: "peer"; from: string; to: string; seq: number }
  | { kind: "group"; from: string; groupId: string; seq: number };

const codec = messageIds<MessageRef>({
  vendor: "zego",
  fields: (ref): IdFields =>
    ref.kind === "peer"
      ? { c: "p", f: ref.from, t: ref.to, s: ref.seq }
      : { c: "g", f: ref.from, g: ref.groupId, s: ref.seq },
  ref: (f) => {
    if (typeof f.f !== "string" || typeof f.s !== "number") return undefined;
    if (f.c === "p" && typeof f.t === "string")
      return { kind: "peer", from: f.f, to: f.t, seq: f.s };
    if (f.c === "g" && typeof f.g === "string") {
      return { kind: "group", from: f.f, groupId: f.g, seq: f.s };
    }
    return undefined;
  },
  origin: (ref) =>
    ref.kind === "peer"
      ? { senderId: ref.from, conversation: { type: "USER", id: ref.to } }
      : { senderId: ref.from, conversation: { type: "GROUP", id: ref.groupId } },
});

export const encodeMessageId = codec.encode;
export const decodeMessageId = codec.decode;
export const describeMessageId = codec.describe;

/** A MsgSeq from an answer (a number, or its digits), if it is one. */
export function seqOf(value: unknown): number | undefined {
  const n = typeof value === "string" && value !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isSafeInteger(n) ? n : undefined;
}
