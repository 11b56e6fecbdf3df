/**
 * Tencent Cloud Chat after-event callbacks (tencent.md §4) → neutral events. Pure: verify
 * the SdkAppid, RequestTime window and Sign (SHA-256 of token + RequestTime), read the JSON
 * body, normalize. No I/O.
 */
import { createHash } from "node:crypto";
import {
  BadUserInputError,
  type CallbackFields,
  type Conversation,
  callbackBody,
  callbackId,
  callbackInteger,
  callbackList,
  callbackOptionalId,
  callbackPresence,
  callbackRefused,
  callbackTime,
  deliveryReplay,
  type ImEvent,
  jsonAck,
  verifiedCallback,
  type WebhookAck,
  type WebhookContext,
  type WebhookParser,
} from "@imgraph/core";
import { verifyTencentCallback } from "@imgraph/signing";
import { fromMsgBody } from "./content.js";
import { encodeMessageId, type MessageRef } from "./message-ids.js";
import { ALLOW_ANSWER, readPreSendCallback } from "./pre-send.js";
import { readGroupCallback } from "./webhook-groups.js";
import { readLifecycleCallback } from "./webhook-lifecycle.js";
import { readLiveRoomCallback } from "./webhook-live-rooms.js";
import { readSocialCallback } from "./webhook-social.js";

export interface TencentWebhookOptions {
  sdkAppId: number;
  /** The console's callback auth token. */
  callbackToken: string;
  /** How far RequestTime may be from now, seconds (default 60, as Tencent advises). */
  windowSeconds?: number;
  /**
   * The app admin the adapter calls as: a callback naming it as the operator reports a
   * change the app's server made (through imgraph or another backend), not a user's.
   */
  adminUserId?: string;
}

const ACK = jsonAck(200, { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" });

/** Tencent's answer shape, also for refusals (after-event callbacks ignore it anyway). */
export function tencentWebhookRefusal(status: number, message: string): WebhookAck {
  return jsonAck(status, { ActionStatus: "FAIL", ErrorCode: 1, ErrorInfo: message });
}

export const parseTencentWebhook: WebhookParser<TencentWebhookOptions> = (
  ctx,
  options,
  request,
) => {
  const windowSeconds = options.windowSeconds ?? 60;
  verifiedCallback(
    "Tencent",
    verifyTencentCallback(request.query, options.callbackToken, {
      now: request.receivedAt,
      windowSeconds,
      sdkAppId: options.sdkAppId,
    }),
  );

  const body = callbackBody(request.rawBody, "Tencent");
  const command = request.query.get("CallbackCommand") ?? "";
  const at = eventTime(body, request.query.get("RequestTime"), windowSeconds, request.receivedAt);
  if (typeof body.CallbackCommand === "string" && body.CallbackCommand !== command)
    throw new BadUserInputError("CallbackCommand", "CallbackCommand differs in query and body.");

  // Sign covers only the token and the second, so every callback of one second shares
  // it (Tencent legitimately sends several bodies under one Sign): a delivery is told
  // apart by its body (EventTime in ms, the message keys). A retry resends the same body.
  // What binds a body to Tencent is the gateway's source list or client certificate.
  const bodyHash = createHash("sha256").update(request.rawBody).digest("base64url");
  const replay = deliveryReplay("tencent", options.sdkAppId, bodyHash, windowSeconds);
  // Before-send callbacks are verified like every other one, then asked, not published.
  const preSend = readPreSendCallback(command, body);
  if (preSend) return { events: [], ...replay, ack: ALLOW_ANSWER, preSend };
  return { events: read(ctx, options, command, body, at), ...replay, ack: ACK };
};

/** Whether a group callback is about a Community topic (a non-empty TopicId). */
function inTopic(b: CallbackFields): boolean {
  return typeof b.TopicId === "string" && b.TopicId !== "";
}

function read(
  ctx: WebhookContext,
  options: TencentWebhookOptions,
  command: string,
  b: CallbackFields,
  at: Date,
): ImEvent[] {
  const appId = ctx.appId;
  // Live groups' create, destroy, join and exit are live room events, not group events.
  const live = readLiveRoomCallback(command, b, appId, at);
  if (live) return live;
  switch (command) {
    case "C2C.CallbackAfterSendMsg": {
      if (b.SendMsgResult !== undefined && Number(b.SendMsgResult) !== 0) return [];
      const ref = c2cMessage(b);
      return [messageSent(ctx, at, b, ref, { type: "USER", id: ref.to })];
    }
    case "Group.CallbackAfterSendMsg": {
      // A Community topic's message: GroupId is the community, MsgSeq the topic's. imgraph
      // has no topics, so it reports none rather than a wrong message of the community.
      if (inTopic(b)) return [];
      const groupId = callbackId(b.GroupId, "GroupId");
      const from = callbackId(b.From_Account, "From_Account");
      const msgSeq = callbackInteger(b.MsgSeq, "MsgSeq");
      const type = b.Type === "AVChatRoom" ? "ROOM" : "GROUP";
      return [
        messageSent(ctx, at, b, { kind: "group", groupId, msgSeq, from }, { type, id: groupId }),
      ];
    }
    case "C2C.CallbackAfterMsgWithDraw": {
      const ref = c2cMessage(b);
      return [
        {
          type: "MESSAGE_RECALLED",
          appId,
          at,
          messageId: encodeMessageId(ctx, ref),
          conversation: { type: "USER", id: ref.to },
          senderId: ref.from,
        },
      ];
    }
    case "Group.CallbackAfterRecallMsg": {
      if (inTopic(b)) return [];
      const groupId = callbackId(b.GroupId, "GroupId");
      // The callback names the sequence numbers but not the senders, which our ids carry.
      return callbackList(b.MsgSeqList, "MsgSeqList").map(() => ({
        type: "MESSAGE_RECALLED" as const,
        appId,
        at,
        messageId: null,
        conversation: { type: "GROUP" as const, id: groupId },
        senderId: null,
      }));
    }
    case "State.StateChange": {
      const info = b.Info as CallbackFields | undefined;
      if (typeof info !== "object" || info === null)
        throw new BadUserInputError("Info", "Info is missing.");
      // A client's custom status (cn 269/2570): imgraph has no neutral custom status event.
      if (info.Action === "CustomStatusChange") return [];
      const status = callbackPresence(String(info.Action ?? ""), "Info.Action", {
        online: ["Login"],
        offline: ["Logout", "Disconnect"],
      });
      const userId = callbackId(info.To_Account, "To_Account");
      return [{ type: "PRESENCE_CHANGED", appId, at, userId, status }];
    }
    case "Group.CallbackAfterCreateGroup": {
      return [
        {
          type: "GROUP_CREATED",
          appId,
          at,
          groupId: callbackId(b.GroupId, "GroupId"),
          ownerId: callbackOptionalId(b.Owner_Account, "Owner_Account"),
          userIds: members(b.MemberList, "MemberList"),
        },
      ];
    }
    case "Group.CallbackAfterNewMemberJoin":
      return [
        {
          type: "GROUP_MEMBER_JOINED",
          appId,
          at,
          groupId: callbackId(b.GroupId, "GroupId"),
          userIds: members(b.NewMemberList, "NewMemberList"),
        },
      ];
    case "Group.CallbackAfterMemberExit":
      return [
        {
          type: "GROUP_MEMBER_LEFT",
          appId,
          at,
          groupId: callbackId(b.GroupId, "GroupId"),
          userIds: members(b.ExitMemberList, "ExitMemberList"),
        },
      ];
    case "Group.CallbackAfterGroupDestroyed":
      return [{ type: "GROUP_DISMISSED", appId, at, groupId: callbackId(b.GroupId, "GroupId") }];
    default: {
      const lifecycle = readLifecycleCallback(ctx, command, b, at, options.adminUserId);
      if (lifecycle) return lifecycle;
      const social = readSocialCallback(command, b, appId, at);
      if (social) return social;
      const group = readGroupCallback(command, b, appId, at);
      if (group) return group;
      if (!/^[A-Za-z0-9.]{1,64}$/.test(command))
        throw new BadUserInputError("CallbackCommand", "CallbackCommand is missing or unknown.");
      return []; // a signed callback with no neutral event
    }
  }
}

/**
 * The event's time: the body's EventTime (ms; in newer docs only, sometimes as a string),
 * else when the callback arrived. EventTime must lie within the signature's window of the
 * signed RequestTime: a captured Sign cannot carry a body claiming another time.
 */
function eventTime(
  b: CallbackFields,
  requestTime: string | null,
  windowSeconds: number,
  receivedAt: number,
): Date {
  if (b.EventTime === undefined) return new Date(receivedAt);
  const at = callbackTime(b.EventTime, "EventTime", "ms");
  if (Math.abs(at.getTime() - Number(requestTime) * 1000) > windowSeconds * 1000)
    throw callbackRefused("Tencent", "EventTime is outside the signed RequestTime's window");
  return at;
}

/** A one-to-one callback's message as our ids name it: MsgKey and both accounts. */
function c2cMessage(b: CallbackFields): MessageRef & { kind: "c2c" } {
  const from = callbackId(b.From_Account, "From_Account");
  const to = callbackId(b.To_Account, "To_Account");
  const msgKey = callbackId(b.MsgKey, "MsgKey");
  return { kind: "c2c", msgKey, from, to };
}

/** The event of the callback's message `ref`: sent at MsgTime, its content read from MsgBody. */
function messageSent(
  ctx: WebhookContext,
  at: Date,
  b: CallbackFields,
  ref: MessageRef,
  conversation: Conversation,
): ImEvent {
  return {
    type: "MESSAGE_SENT",
    appId: ctx.appId,
    at,
    message: {
      id: encodeMessageId(ctx, ref),
      conversation,
      senderId: ref.from,
      sentAt: callbackTime(b.MsgTime, "MsgTime", "s"),
      content: fromMsgBody(b.MsgBody),
      recalled: false,
    },
  };
}

function members(value: unknown, field: string): string[] {
  return callbackList(value, field).map((m) =>
    callbackId((m as CallbackFields | null)?.Member_Account, `${field}.Member_Account`),
  );
}
