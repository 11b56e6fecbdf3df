/**
 * RongCloud server callbacks (rongcloud.md §3) → neutral events. Pure: verify the query
 * signature and its age, read the body, normalize. No I/O.
 */
import {
  BadUserInputError,
  type CallbackFields,
  type Conversation,
  callbackConnection,
  callbackId,
  callbackJson,
  callbackPresence,
  callbackRefused,
  callbackTime,
  deliveryReplay,
  type ImEvent,
  type Message,
  textAck,
  verifiedCallback,
  type WebhookContext,
  type WebhookParser,
  type WebhookRequest,
} from "@imgraph/core";
import { verifyRongCloudCallback } from "@imgraph/signing";
import { fromRongCloud } from "./content.js";
import { CHATROOM, encodeMessageId, GROUP, PRIVATE, SYSTEM } from "./message-ids.js";
import { DELIVER, isPreSend, preSendQuestion } from "./pre-send.js";
import { groupEvents } from "./webhook-groups.js";
import { chatroomKvSync, liveRoomEvents } from "./webhook-live-rooms.js";
import { READ_RECEIPT, readReceipt } from "./webhook-read.js";
import { isProfileChange, profileChangeEvents, socialEvents } from "./webhook-social.js";

export interface RongCloudWebhookOptions {
  appKey: string;
  appSecret: string;
  /** How old (or how far ahead) a callback's signTimestamp may be; default 300 s. */
  maxAgeSeconds?: number;
}

/** RongCloud ignores the body of the answer; it wants HTTP 200 (§3.2). */
const ACK = textAck("OK");

/** Legacy routing channel types we have a neutral conversation for (§3.4; exact set unverified). */
const CHANNELS: Record<string, { kind: Conversation["type"]; code: number }> = {
  PERSON: { kind: "USER", code: PRIVATE },
  GROUP: { kind: "GROUP", code: GROUP },
  TEMPGROUP: { kind: "ROOM", code: CHATROOM },
  NOTIFY: { kind: "SYSTEM", code: SYSTEM },
};
const BY_CODE = new Map(Object.values(CHANNELS).map((c) => [c.code, c]));

const MAX_EVENTS = 1000;

export const parseRongCloudWebhook: WebhookParser<RongCloudWebhookOptions> = (
  ctx,
  options,
  request,
) => {
  const maxAgeSeconds = options.maxAgeSeconds ?? 300;
  // A missing or unreadable parameter is a forgery as far as we can tell: 401, not 400.
  const signed = verifiedCallback(
    "RongCloud",
    verifyRongCloudCallback(request.query, options.appSecret, {
      now: request.receivedAt,
      maxAgeSeconds,
    }),
  );
  // appKey is not signed, but one that names another app is not ours.
  if (signed.appKey !== undefined && signed.appKey !== options.appKey)
    throw callbackRefused("RongCloud", "it is for another app key");
  const signature =
    request.query.get("signature") || request.query.get("rc-signature") || signed.nonce;
  // The signature covers nonce + time, so it names one delivery (retries resend it as is).
  const replay = deliveryReplay("rongcloud", options.appKey, signature, maxAgeSeconds);
  const form = preSendForm(request);
  if (form) {
    const preSend = preSendQuestion(ctx, options.appKey, form);
    // A channel we cannot name (ultra group...) is delivered, as RongCloud would unanswered.
    return { events: [], ...replay, ack: DELIVER, ...(preSend ? { preSend } : {}) };
  }
  return {
    events: readBody(ctx, request),
    ...replay,
    ack: ACK,
  };
};

/** The message callback's form (#18 §1), or null for every other callback. */
function preSendForm(request: WebhookRequest): URLSearchParams | null {
  const text = request.rawBody.trim();
  if (text.startsWith("{") || text.startsWith("[")) return null;
  const form = new URLSearchParams(text);
  return isPreSend(form) ? form : null;
}

function readBody(ctx: WebhookContext, request: WebhookRequest): ImEvent[] {
  const type = String(headerOf(request, "content-type") ?? "").toLowerCase();
  const text = request.rawBody.trim();
  const json = type.includes("json") || text.startsWith("[") || text.startsWith("{");
  if (json)
    return (
      groupEvents(ctx, text) ??
      liveRoomEvents(ctx, text) ??
      chatroomKvSync(text) ??
      socialEvents(ctx, text) ??
      onlineStatus(ctx, text)
    );
  const form = new URLSearchParams(text);
  if (form.has("msgUID") || form.has("objectName")) return routedMessage(ctx, form);
  // Deactivation results (§3.5) and anything else signed but without a neutral event.
  if (form.has("operateId")) return [];
  // The profile callback's table says form-encoded (its example is JSON): both are read.
  const fields = Object.fromEntries(form);
  if (isProfileChange(fields)) return profileChangeEvents(ctx, fields);
  throw new BadUserInputError("body", "RongCloud callback body is not one we know.");
}

/** Online status (§3.3): one object or, as delivered in practice, an array of them. */
function onlineStatus(ctx: WebhookContext, text: string): ImEvent[] {
  const value = callbackJson(text, "RongCloud");
  const list = Array.isArray(value) ? value : [value];
  if (list.length > MAX_EVENTS) throw new BadUserInputError("body", "Too many status events.");
  return list.map((item): ImEvent => {
    if (typeof item !== "object" || item === null)
      throw new BadUserInputError("body", "A status event is not an object.");
    const e = item as CallbackFields;
    const userId = callbackId(e.userid, "userid");
    const status = callbackPresence(String(e.status ?? ""), "status", {
      online: ["0"],
      offline: ["1", "2"],
    });
    // sessionId tells one connection of the user from another (§3.3).
    const connection = callbackConnection(e.sessionId, "sessionId");
    const at = callbackTime(e.time, "time", "ms");
    return {
      type: "PRESENCE_CHANGED",
      appId: ctx.appId,
      at,
      userId,
      status,
      ...(connection ? { connection } : {}),
    };
  });
}

/** Full message routing (§3.4): one message per callback; a recall travels as RC:RcCmd. */
function routedMessage(ctx: WebhookContext, form: URLSearchParams): ImEvent[] {
  const from = callbackId(form.get("fromUserId"), "fromUserId");
  const target = callbackId(form.get("toUserId"), "toUserId");
  const objectName = callbackId(form.get("objectName"), "objectName");
  const uid = callbackId(form.get("msgUID"), "msgUID");
  const at = callbackTime(form.get("msgTimestamp"), "msgTimestamp", "ms");
  const content = form.get("content") ?? "";
  const channel = CHANNELS[form.get("channelType") ?? ""];
  // Discussions, customer service, ultra groups...: no neutral conversation.
  if (!channel) return [];

  if (objectName === "RC:RcCmd") return [recall(ctx, from, content, at, { channel, target })];
  if (objectName === READ_RECEIPT && channel.kind === "USER")
    return [readReceipt(ctx, from, target, content, at)];

  const message: Message = {
    id: encodeMessageId(ctx, { uid, type: channel.code, target, from }),
    conversation: { type: channel.kind, id: target },
    senderId: from,
    sentAt: at,
    content: fromRongCloud(objectName, content),
    recalled: false,
  };
  return [{ type: "MESSAGE_SENT", appId: ctx.appId, at, message }];
}

/**
 * A routed RC:RcCmd. Old Android builds write only `messageUId` (and `extra`): the routed
 * message's own channel and target stand in for a missing `conversationType` / `targetId`.
 */
function recall(
  ctx: WebhookContext,
  actor: string,
  content: string,
  at: Date,
  routed: { channel: (typeof CHANNELS)[string]; target: string },
): ImEvent {
  let c: CallbackFields;
  try {
    c = JSON.parse(content) as CallbackFields;
  } catch {
    throw new BadUserInputError("content", "A recall command's content is not JSON.");
  }
  if (typeof c !== "object" || c === null)
    throw new BadUserInputError("content", "A recall command's content is not an object.");
  const channel =
    c.conversationType === undefined ? routed.channel : BY_CODE.get(Number(c.conversationType));
  if (!channel) throw new BadUserInputError("content", "Unknown conversationType in a recall.");
  const target = c.targetId === undefined ? routed.target : callbackId(c.targetId, "targetId");
  const uid = callbackId(c.messageUId, "messageUId");
  // sentTime is not needed (and old clients leave it out or send 0).
  // An admin recall is made by someone else: the original sender is then unknown.
  const admin = Number(c.isAdmin) === 1;
  return {
    type: "MESSAGE_RECALLED",
    appId: ctx.appId,
    at,
    messageId: admin
      ? null
      : encodeMessageId(ctx, { uid, type: channel.code, target, from: actor }),
    conversation: { type: channel.kind, id: target },
    senderId: admin ? null : actor,
  };
}

function headerOf(request: WebhookRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
