/**
 * ZIM server callbacks (zego.md §5) → neutral events. Pure: verify the body's signature
 * (sorted SHA-1 of CallbackSecret, timestamp, nonce), its age and its appid, normalize.
 * No I/O.
 */
import {
  BadUserInputError,
  CALLBACK_LIST_MAX,
  type CallbackFields,
  type Conversation,
  callbackBody,
  callbackConnection,
  callbackId,
  callbackInteger,
  callbackList,
  callbackOptionalId,
  callbackPresence,
  callbackRefused,
  callbackTime,
  deliveryReplay,
  type ImEvent,
  textAck,
  verifiedCallback,
  type WebhookContext,
  type WebhookParser,
} from "@imgraph/core";
import { verifyZegoCallback } from "@imgraph/signing";
import { fromZego, safeDecode } from "./content.js";
import { encodeMessageId, type MessageRef, seqOf } from "./message-ids.js";
import { PRE_SEND_FALLBACK, PRE_SEND_NEUTRAL, preSendQuestion } from "./pre-send.js";
import { roomEvents } from "./webhook-live-rooms.js";

export interface ZegoWebhookOptions {
  /** ZEGO's numeric AppID: a callback for another app is refused. */
  appId: number;
  /** The project's CallbackSecret. */
  callbackSecret: string;
  /** How old (or how far ahead) a callback's timestamp may be, seconds (default 300). */
  maxAgeSeconds?: number;
}

/** Any 2xx is a delivery (§5.2). */
const ACK = textAck("success");
/** before_send_msg's conv_type for community channels. */
const CHANNEL = 3;

export const parseZegoWebhook: WebhookParser<ZegoWebhookOptions> = (ctx, options, request) => {
  const maxAgeSeconds = options.maxAgeSeconds ?? 300;
  const body = callbackBody(jsonText(request.rawBody), "ZEGO");
  const signed = verifiedCallback(
    "ZEGO",
    verifyZegoCallback(body, options.callbackSecret, { now: request.receivedAt, maxAgeSeconds }),
  );
  // appid is not signed, but one that names another app is not ours.
  if (String(body.appid ?? "") !== String(options.appId))
    throw callbackRefused("ZEGO", "it is for another AppID");

  // The signature covers timestamp + nonce: it names one delivery (retries resend it).
  const replay = deliveryReplay("zego", options.appId, String(body.signature), maxAgeSeconds);
  // ZIM asks before a client-SDK send; the gateway decides and answers (pre-send.ts).
  if (body.event === "before_send_msg") {
    // Community channels (conv_type 3, zh page) are no imgraph conversation: no objection,
    // rather than a refusal that ZIM's fallback would turn into dropping the message.
    if (Number(body.conv_type) === CHANNEL) return { events: [], ...replay, ack: PRE_SEND_NEUTRAL };
    return { events: [], ...replay, ack: PRE_SEND_FALLBACK, preSend: preSendQuestion(body) };
  }
  return { events: read(ctx, body, signed.timestampMs), ...replay, ack: ACK };
};

/**
 * The pages say "the callback data format is JSON, and you need to perform UrlDecode
 * decoding on it" (docs/vendors/zego.md): every example is plain JSON, so plain JSON is read
 * as it is, and a body that is URL-encoded JSON as a whole is decoded first.
 */
function jsonText(raw: string): string {
  if (!/^\s*%7B/i.test(raw)) return raw;
  return safeDecode(raw) ?? raw; // not URL-encoded after all: refused as malformed JSON
}

/** `signedAt`: the callback's own (signed) timestamp, the event's time. */
function read(ctx: WebhookContext, b: CallbackFields, signedAt: number): ImEvent[] {
  const appId = ctx.appId;
  const event = typeof b.event === "string" ? b.event : "";
  const at = new Date(signedAt);
  switch (event) {
    case "user_action": {
      const status = callbackPresence(Number(b.action), "action", { online: [0], offline: [1, 2] });
      const userId = callbackId(b.user_id, "user_id");
      // One session_id per connection: with multi-device login a user has several.
      const connection = callbackConnection(b.session_id, "session_id");
      return [
        {
          type: "PRESENCE_CHANGED",
          appId,
          at,
          userId,
          status,
          ...(connection ? { connection } : {}),
        },
      ];
    }
    case "send_msg":
      return sentMessages(ctx, b, at);
    case "group_create":
      return [
        {
          type: "GROUP_CREATED",
          appId,
          at,
          groupId: callbackId(b.group_id, "group_id"),
          ownerId: callbackOptionalId(b.owner_account, "owner_account"),
          userIds: ids(b.user_ids, "user_ids"),
        },
      ];
    case "group_join":
      return [
        {
          type: "GROUP_MEMBER_JOINED",
          appId,
          at,
          groupId: callbackId(b.group_id, "group_id"),
          userIds: ids(b.new_user_ids, "new_user_ids"),
        },
      ];
    case "group_exit":
      return [
        {
          type: "GROUP_MEMBER_LEFT",
          appId,
          at,
          groupId: callbackId(b.group_id, "group_id"),
          userIds: ids(b.exit_user_ids, "exit_user_ids"),
        },
      ];
    case "group_destroy":
      return [{ type: "GROUP_DISMISSED", appId, at, groupId: callbackId(b.group_id, "group_id") }];
    default: {
      const rooms = roomEvents(appId, event, b, at);
      if (rooms) return rooms;
      if (!/^[a-z_]{1,64}$/.test(event))
        throw new BadUserInputError("event", "event is missing or unknown.");
      return []; // calls, bots...: no neutral event
    }
  }
}

/** `send_msg`: one message; a server-API peer send lists its receivers in user_list. */
function sentMessages(ctx: WebhookContext, b: CallbackFields, at: Date): ImEvent[] {
  if (b.send_result !== undefined && Number(b.send_result) !== 0) return [];
  const from = callbackId(b.from_user_id, "from_user_id");
  const convType = Number(b.conv_type);
  // A community channel's message (conv_type 3 on the zh before-send page): imgraph has no
  // channels, so no event, and no refusal that ZEGO would retry and then drop.
  if (convType === CHANNEL) return [];
  if (![0, 1, 2].includes(convType))
    throw new BadUserInputError("conv_type", "conv_type must be 0, 1 or 2.");
  const msgType = callbackInteger(b.msg_type, "msg_type");
  const sub =
    b.sub_msg_type === undefined ? undefined : callbackInteger(b.sub_msg_type, "sub_msg_type");
  const body = typeof b.msg_body === "string" ? b.msg_body : JSON.stringify(b.msg_body ?? "");
  const sentAt = callbackTime(b.msg_time, "msg_time", "ms");
  const content = fromZego(msgType, sub, body);
  const message = (to: Conversation, seq: number) => ({
    type: "MESSAGE_SENT" as const,
    appId: ctx.appId,
    at,
    message: {
      id: encodeMessageId(ctx, messageRef(from, to, seq)),
      conversation: to,
      senderId: from,
      sentAt,
      content,
      recalled: false,
    },
  });
  const convId = typeof b.conv_id === "string" ? b.conv_id : "";
  if (convType === 0 && convId === "") {
    const receivers = Array.isArray(b.user_list) ? b.user_list : [];
    if (receivers.length > CALLBACK_LIST_MAX)
      throw new BadUserInputError("user_list", "Too many users.");
    // MsgId "" = a receiver the message failed to reach (docs_all EN/Message sent.mdx:
    // "When the message fails to be sent, this field is empty"): no event. An item without a
    // whole-number MsgSeq (the ZH example has none) is skipped, not the whole callback, so the
    // other receivers' events survive (a refusal would make ZEGO retry, then drop it).
    return receivers.flatMap((r) => {
      const item = r as CallbackFields | null;
      if (item?.MsgId === "") return [];
      const seq = seqOf(item?.MsgSeq);
      if (seq === undefined || seq < 0) return [];
      return [message({ type: "USER", id: callbackId(item?.UserId, "user_list.UserId") }, seq)];
    });
  }
  // Both of the page's examples leave msg_seq out although its table lists it: without one,
  // no message id can be made, so no event (a refusal would lose the delivery to retries).
  const seq = seqOf(b.msg_seq);
  if (seq === undefined || seq < 0) return [];
  const target = callbackId(convId, "conv_id");
  const type = convType === 0 ? "USER" : convType === 2 ? "GROUP" : "ROOM";
  return [message({ type, id: target }, seq)];
}

/** What a message id packs: a room message's is a room ref, never a group's (conv_type 1). */
function messageRef(from: string, to: Conversation, seq: number): MessageRef {
  switch (to.type) {
    case "USER":
      return { kind: "peer", from, to: to.id, seq };
    case "ROOM":
      return { kind: "room", from, roomId: to.id, seq };
    default:
      return { kind: "group", from, groupId: to.id, seq };
  }
}

function ids(value: unknown, field: string): string[] {
  return callbackList(value, field).map((v) => callbackId(v, field));
}
