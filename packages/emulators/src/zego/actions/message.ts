/** ZIM send Actions (zego.md §2.3): peer, group, room and all-users messages. */
import { recordGroupMessage, recordPeerMessage } from "../conversations.js";
import { ZegoError, ZIM } from "../errors.js";
import { isValidId, roomIdParam } from "../ids.js";
import {
  BROADCAST_TYPES,
  PEER_TYPES,
  ROOM_TYPES,
  readMessage,
  type ValidMessage,
} from "../message-body.js";
import type { AppState, Conversation, ConvType, Group, StoredMessage } from "../state.js";
import { peerKey } from "../state.js";
import {
  group,
  groupIdParam,
  type ItemError,
  partial,
  sender,
  userIdList,
  zimRoom,
} from "./common.js";
import { type ActionContext, type ActionTable, zimAction, zimRate } from "./types.js";

/** Append a message to a conversation (command messages are not stored and get no MsgSeq). */
export function store(
  app: AppState,
  conv: Conversation | undefined,
  msg: ValidMessage,
  fields: {
    convType: ConvType;
    convKey: string;
    sender: string;
    receiver?: string;
    now: number;
    /** A client send's id, given before the app's before_send_msg was asked. */
    msgId?: number;
  },
): StoredMessage {
  const stored: StoredMessage = {
    msgId: fields.msgId ?? app.nextMsgId(),
    seq: 0,
    convType: fields.convType,
    convKey: fields.convKey,
    sender: fields.sender,
    ...(fields.receiver !== undefined ? { receiver: fields.receiver } : {}),
    msgType: msg.msgType,
    subMsgType: msg.subMsgType,
    body: msg.body,
    extendedData: msg.extendedData,
    time: fields.now,
    revoked: false,
    payload: "",
    ...(msg.hasReceipt ? { hasReceipt: true } : {}),
  };
  if (conv && !msg.isCommand) {
    stored.seq = ++conv.lastSeq;
    conv.messages.push(stored);
  }
  return stored;
}

interface SendOptions {
  /** NoUnread, or a targeted message: receivers' unread counts do not rise. */
  quiet: boolean;
  target?: { userIds: string[]; inclusive: boolean };
}

function readSendOptions(ctx: ActionContext): SendOptions {
  const opts = ctx.p.optObj("SendMsgOptions");
  if (!opts) return { quiet: false };
  const noUnread = opts.optBool("NoUnread") === true;
  const target = opts.optObj("TargetOption");
  if (!target) return { quiet: noUnread };
  const userIds = target.strList("ReceiverUserIds");
  // Targeted messages never count as unread (shared §2.3).
  return { quiet: true, target: { userIds, inclusive: target.optBool("Inclusive") === true } };
}

/** The group members a message reaches (TargetOption: only / all but the listed ones). */
function receivingMembers(g: Group, target: SendOptions["target"]): string[] {
  const members = [...g.members.keys()];
  if (!target) return members;
  const listed = new Set(target.userIds);
  return members.filter((id) => listed.has(id) === target.inclusive);
}

function sendPeer(ctx: ActionContext) {
  const { p, app, now } = ctx;
  const from = sender(ctx);
  const to = [...new Set(userIdList(p, "ToUserId", 100))];
  // ToUserId containing FromUserId: 660000002 (exact code unverified).
  if (to.includes(from.userId)) throw p.fail("ToUserId must not contain FromUserId");
  const msg = readMessage(p, {
    types: PEER_TYPES,
    maxBytes: app.config.messageMaxBytes,
    priority: true,
  });
  p.optInt("SenderUnaware", { min: 0, max: 1 });
  const { quiet } = readSendOptions(ctx);
  const SuccList: Record<string, unknown>[] = [];
  const ErrorList: ItemError[] = [];
  const sent: StoredMessage[] = [];
  /**
   * send_msg's user_list, in ToUserId order. A receiver the message failed to reach is
   * listed with MsgId "" (docs_all EN/Message sent.mdx: "When the message fails to be sent,
   * this field is empty"); its MsgSeq 0 is unverified (the page says nothing of it). An id
   * that is not one names no receiver and is left out.
   */
  const userList: Record<string, unknown>[] = [];
  for (const id of to) {
    if (!isValidId(id)) {
      ErrorList.push({ UserId: id, SubCode: ZIM.badParam });
      continue;
    }
    // Unregistered receivers are accepted (stored for a later login; unverified).
    if (app.users.get(id)?.blocklist.has(from.userId)) {
      ErrorList.push({ UserId: id, SubCode: ZIM.blocked });
      userList.push({ UserId: id, MsgId: "", MsgSeq: 0 });
      continue;
    }
    const key = peerKey(from.userId, id);
    const conv = msg.isCommand ? undefined : app.conversation(app.peerConvs, key);
    const stored = store(app, conv, msg, {
      convType: 0,
      convKey: key,
      sender: from.userId,
      receiver: id,
      now,
    });
    sent.push(stored);
    if (!msg.isCommand) recordPeerMessage(app, stored, quiet);
    userList.push({ UserId: id, MsgId: String(stored.msgId), MsgSeq: stored.seq });
    SuccList.push({
      UserId: id,
      MsgId: String(stored.msgId),
      ...(msg.isCommand ? {} : { MsgSeq: stored.seq }),
    });
  }
  const out = partial(SuccList.length, ErrorList, "ErrorList", { SuccList, AuditInfos: [] });
  const first = sent[0];
  if (first && !msg.isCommand) {
    // One callback per server-API peer send: empty conv_id plus the per-receiver list (§5.3).
    // Without any delivery no callback is sent (unverified).
    ctx.callbacks.messageSent(app, first, "", userList);
  }
  return out;
}

function sendGroup(ctx: ActionContext) {
  const { p, app, now } = ctx;
  const from = sender(ctx);
  const groupId = groupIdParam(ctx);
  const g = group(ctx, groupId);
  const msg = readMessage(p, {
    types: PEER_TYPES,
    maxBytes: app.config.messageMaxBytes,
    priority: true,
  });
  const send = readSendOptions(ctx);
  // Non-member senders are accepted, and server sends ignore mutes (no code documented; unverified).
  const conv = msg.isCommand ? undefined : app.conversation(app.groupConvs, g.groupId);
  const stored = store(app, conv, msg, { convType: 2, convKey: groupId, sender: from.userId, now });
  if (!msg.isCommand) {
    // A member sender lists it too, unread unchanged.
    const reached = new Set(receivingMembers(g, send.target));
    if (g.members.has(from.userId)) reached.add(from.userId);
    recordGroupMessage(app, stored, reached, send.quiet);
    ctx.callbacks.messageSent(app, stored, groupId);
  }
  return { ...(msg.isCommand ? {} : { MsgSeq: stored.seq }), MsgId: stored.msgId, AuditInfos: [] };
}

function sendRoom(ctx: ActionContext) {
  const { p, app, now } = ctx;
  const from = sender(ctx);
  const roomId = roomIdParam(p);
  const msg = readMessage(p, {
    types: ROOM_TYPES,
    maxBytes: app.config.messageMaxBytes,
    priority: true,
    room: true,
  });
  const priority = p.int("Priority", { min: 1, max: 3 });
  const senderUnaware = (p.optInt("SenderUnaware", { min: 0, max: 1 }) ?? 1) === 1; // default 1 for rooms
  const room = zimRoom(ctx, roomId);
  // Room messages are stored only with room-message storage (Flagship), for RevokeRoomMessage.
  const conv =
    msg.isCommand || app.config.plan !== "flagship"
      ? undefined
      : app.conversation(app.roomConvs, roomId);
  const stored = store(app, conv, msg, { convType: 1, convKey: roomId, sender: from.userId, now });
  if (!msg.isCommand) ctx.callbacks.messageSent(app, stored, roomId);
  // "Pushed to all online users in the room": kept so tests can see it, with its priority.
  room.messages.push({
    from: from.userId,
    msgType: msg.msgType,
    body: msg.body,
    priority,
    senderUnaware,
    time: now,
  });
  return { AuditInfos: [] }; // the MsgSeq reaches the app server in send_msg only
}

function sendToAll(ctx: ActionContext) {
  const { p, app, now } = ctx;
  const from = sender(ctx);
  if (app.config.plan === "free")
    throw new ZegoError(ZIM.freePlan, "SendMessageToAllUsers needs a paid plan");
  const msg = readMessage(p, {
    types: BROADCAST_TYPES,
    maxBytes: app.config.messageMaxBytes,
    priority: false,
  });
  // PushType: 0 online users only (the example's value, taken as the default: unverified),
  // 1 also an offline push to offline users, 2 an offline push to users with a push id.
  const pushType = p.optInt("PushType", { min: 0, max: 2 }) ?? 0;
  // Not stored and no conversation (§2.3): kept in the signal log so tests can see it.
  // PushType 2 is an offline push only (its wording), so no online delivery.
  if (pushType !== 2) {
    app.signals.push({
      kind: "zim-broadcast",
      from: from.userId,
      to: [...app.users.keys()].filter((id) => id !== from.userId),
      content: msg.body,
      messageId: String(app.nextMsgId()),
      time: now,
    });
  }
  // OfflinePush.Enable defaults to 0 ("not to push"), so a PushType alone pushes nothing.
  if (pushType !== 0 && msg.offlinePush?.enable) recordPush(app, from.userId, pushType, msg, now);
  return undefined;
}

function recordPush(app: AppState, from: string, pushType: number, msg: ValidMessage, now: number) {
  const push = msg.offlinePush;
  app.pushes.push({
    taskId: null,
    from,
    pushType,
    title: push?.title ?? null,
    content: push?.content ?? null,
    payload: push?.payload ?? null,
    recipients: [...app.users.keys()],
    time: now,
  });
}

export const messageActions: ActionTable = {
  SendPeerMessage: zimAction("POST", sendPeer),
  SendGroupMessage: zimAction("POST", sendGroup, zimRate(10)),
  SendRoomMessage: zimAction("POST", sendRoom, zimRate(10)),
  SendMessageToAllUsers: zimAction("POST", sendToAll, {
    rules: [
      { limit: 1, window: "second" },
      { limit: 100, window: "day" },
    ],
    code: ZIM.broadcastRate,
  }),
};
