import { type IdFields, messageIds } from "@imgraph/core";

/**
 * What a ZIM revoke needs, packed into the opaque message id: the original sender, the
 * conversation (the peer it was sent to, the group, or the ZIM room) and the message's MsgSeq.
 * A room message's id comes only from `send_msg` (conv_type 1); ZIM recalls it
 * (RevokeRoomMessage) but has no room edit or receipt Action.
 */
export type MessageRef =
  | { kind: "peer"; from: string; to: string; seq: number }
  | { kind: "group"; from: string; groupId: string; seq: number }
  | { kind: "room"; from: string; roomId: string; seq: number };

const codec = messageIds<MessageRef>({
  vendor: "zego",
  fields: (ref): IdFields => {
    switch (ref.kind) {
      case "peer":
        return { c: "p", f: ref.from, t: ref.to, s: ref.seq };
      case "group":
        return { c: "g", f: ref.from, g: ref.groupId, s: ref.seq };
      case "room":
        return { c: "r", f: ref.from, r: ref.roomId, s: ref.seq };
    }
  },
  ref: (f) => {
    if (typeof f.f !== "string" || typeof f.s !== "number") return undefined;
    if (f.c === "p" && typeof f.t === "string")
      return { kind: "peer", from: f.f, to: f.t, seq: f.s };
    if (f.c === "g" && typeof f.g === "string") {
      return { kind: "group", from: f.f, groupId: f.g, seq: f.s };
    }
    if (f.c === "r" && typeof f.r === "string") {
      return { kind: "room", from: f.f, roomId: f.r, seq: f.s };
    }
    return undefined;
  },
  origin: (ref) => {
    switch (ref.kind) {
      case "peer":
        return { senderId: ref.from, conversation: { type: "USER", id: ref.to } };
      case "group":
        return { senderId: ref.from, conversation: { type: "GROUP", id: ref.groupId } };
      case "room":
        return { senderId: ref.from, conversation: { type: "ROOM", id: ref.roomId } };
    }
  },
});

export const encodeMessageId = codec.encode;
export const decodeMessageId = codec.decode;
export const describeMessageId = codec.describe;

/** A MsgSeq from an answer (a number, or its digits), if it is one. */
export function seqOf(value: unknown): number | undefined {
  const n = typeof value === "string" && value !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isSafeInteger(n) ? n : undefined;
}
