/** ZIM revoke and history Actions (zego.md §2.3). */
import { findConversation } from "../conversations.js";
import { ZegoError, ZIM } from "../errors.js";
import { idParam, roomIdParam } from "../ids.js";
import { historyBody } from "../message-body.js";
import type { Conversation, StoredMessage, User } from "../state.js";
import { inView, peerKey } from "../state.js";
import { group, groupAction, groupIdParam, sender } from "./common.js";
import { type ActionContext, type ActionTable, perSecond, zimAction } from "./types.js";

/** Shown in query results for a revoked message (§2.3). */
const REVOKED_TYPE = 31;

function revoke(ctx: ActionContext, conv: Conversation | undefined, from: string): undefined {
  const seq = ctx.p.int("MsgSeq", { min: 0 });
  const payload = ctx.p.optStr("Payload", { maxBytes: 200 }) ?? "";
  ctx.p.optObj("OfflinePush");
  const msg = bySeq(conv, seq);
  if (!msg) throw new ZegoError(ZIM.msgNotFound, `no message with MsgSeq ${seq}`);
  if (msg.sender !== from)
    throw new ZegoError(ZIM.notSender, "the message was not sent by FromUserId");
  if (msg.revoked) throw new ZegoError(ZIM.msgRevoked, "the message is already revoked");
  if (ctx.now - msg.time > ctx.app.config.revokeWindowMs) {
    throw new ZegoError(ZIM.revokeWindow, "the revoke window has passed");
  }
  msg.revoked = true;
  msg.payload = payload;
  if (conv) conv.stateSeq = (conv.stateSeq ?? 0) + 1;
  return undefined;
}

/** `cleared`: deleted for the querying user by ClearPeerMessage (IsEmpty 1, #16 §6.8). */
export function historyItem(m: StoredMessage, cleared = false): Record<string, unknown> {
  return {
    Sender: m.sender,
    MsgType: m.revoked ? REVOKED_TYPE : m.msgType,
    SubMsgType: m.subMsgType,
    MsgBody: m.revoked || cleared ? "" : historyBody(m.msgType, m.body),
    MsgId: m.msgId,
    MsgSeq: m.seq,
    Payload: m.payload,
    MsgTime: m.time,
    IsEmpty: cleared ? 1 : m.revoked ? 2 : 0,
  };
}

/**
 * Newest first by MsgTime (#16 §2.6; imports keep old times under new seqs), then by MsgSeq.
 * `Next` 0 starts at the newest message; otherwise it is the MsgSeq of the last message of
 * the previous page and the page goes on after it (a Next that names no message: below that
 * MsgSeq). The answer's Next is the last MsgSeq returned while older ones remain, else 0.
 * Recalled messages, and those cleared for the viewer, count only with WithEmptyMsg = 1;
 * messages imported into the other user's view never show (#16 §3).
 */
function page(
  ctx: ActionContext,
  conv: Conversation | undefined,
  view: { viewer?: string; clearedSeq?: number } = {},
) {
  const asked = ctx.p.optInt("Limit") ?? 10;
  const limit = asked <= 0 ? 10 : Math.min(asked, 100);
  const next = ctx.p.optInt("Next", { min: 0 }) ?? 0;
  const withEmpty = (ctx.p.optInt("WithEmptyMsg", { min: 0, max: 1 }) ?? 0) === 1;
  const clearedSeq = view.clearedSeq ?? 0;
  const shown = (m: StoredMessage) =>
    inView(m, view.viewer) && (withEmpty || (!m.revoked && m.seq > clearedSeq));
  const mark = next === 0 ? undefined : bySeq(conv, next);
  const after = (m: StoredMessage) =>
    next === 0 || (mark ? newestFirst(mark, m) < 0 : m.seq < next);
  const rest = (conv?.messages ?? []).filter((m) => shown(m) && after(m)).sort(newestFirst);
  const List = rest.slice(0, limit);
  return {
    Next: rest.length > limit ? (List[List.length - 1]?.seq ?? 0) : 0,
    List: List.map((m) => historyItem(m, m.seq <= clearedSeq)),
  };
}

const newestFirst = (a: StoredMessage, b: StoredMessage) => b.time - a.time || b.seq - a.seq;

/** The conversation of FromUserId (checked first) with ToUserId, if they have one. */
function peerConversation(ctx: ActionContext): {
  from: User;
  to: string;
  conv: Conversation | undefined;
} {
  const from = sender(ctx);
  const to = idParam(ctx.p, "ToUserId");
  return { from, to, conv: ctx.app.peerConvs.get(peerKey(from.userId, to)) };
}

/** Stored messages have MsgSeq = index + 1. */
const bySeq = (conv: Conversation | undefined, seq: number) =>
  seq >= 1 ? conv?.messages[seq - 1] : undefined;

export const historyActions: ActionTable = {
  RevokePeerMessage: zimAction("POST", (ctx) => {
    const { from, conv } = peerConversation(ctx);
    return revoke(ctx, conv, from.userId);
  }),
  RevokeGroupMessage: groupAction("POST", (ctx, g, from) => {
    return revoke(ctx, ctx.app.groupConvs.get(g.groupId), from.userId);
  }),
  RevokeRoomMessage: zimAction("POST", (ctx) => {
    const from = sender(ctx);
    const roomId = roomIdParam(ctx.p);
    if (ctx.app.config.plan !== "flagship") {
      throw new ZegoError(ZIM.roomStorageOff, "room-message storage needs the Flagship plan");
    }
    if (!ctx.app.zimRooms.has(roomId))
      throw new ZegoError(ZIM.roomMissing, `room ${roomId} does not exist`);
    return revoke(ctx, ctx.app.roomConvs.get(roomId), from.userId);
  }),

  QueryPeerMsg: zimAction("POST", (ctx) => {
    const { from, to, conv } = peerConversation(ctx);
    // FromUserId's own view: what ClearPeerMessage removed for them is gone.
    const clearedSeq = findConversation(ctx.app, from.userId, 0, to)?.clearedSeq;
    return page(ctx, conv, { viewer: from.userId, ...(clearedSeq ? { clearedSeq } : {}) });
  }),
  QueryGroupMsg: zimAction("POST", (ctx) => {
    // No FromUserId is documented although 660500002 is listed: checked only when given.
    if (ctx.p.has("FromUserId")) sender(ctx);
    const g = group(ctx, groupIdParam(ctx));
    return page(ctx, ctx.app.groupConvs.get(g.groupId));
  }),
  QueryMessagesByMsgSeq: {
    product: "zim",
    method: "POST",
    // 20 messages per second: the request costs one per MsgSeq asked.
    rate: {
      rules: perSecond(20),
      code: ZIM.appRate,
      cost: (p) =>
        Array.isArray(p.raw("MsgSeqList")) ? (p.raw("MsgSeqList") as unknown[]).length : 1,
    },
    handle(ctx) {
      const from = sender(ctx);
      const convId = idParam(ctx.p, "ConvId");
      const convType = ctx.p.int("ConvType");
      if (convType !== 0 && convType !== 2)
        throw ctx.p.fail("ConvType must be 0 (peer) or 2 (group)");
      const seqs = ctx.p.intList("MsgSeqList", {
        required: true,
        max: 20,
        tooManyCode: ZIM.tooManyUsers,
      });
      const conv =
        convType === 0
          ? ctx.app.peerConvs.get(peerKey(from.userId, convId))
          : ctx.app.groupConvs.get(convId);
      if (convType === 2 && !ctx.app.groups.has(convId))
        throw new ZegoError(ZIM.groupMissing, "group does not exist");
      const MessageList = seqs
        .map((s) => bySeq(conv, s))
        // A peer import in the other user's view is not FromUserId's message.
        .filter(
          (m): m is StoredMessage => m !== undefined && (convType === 2 || inView(m, from.userId)),
        )
        .map((m) => historyItem(m));
      return { MessageList };
    },
  },
};
