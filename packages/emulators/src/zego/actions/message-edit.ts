/**
 * ZIM EditC2cMsgBody / EditGroupMsgBody (zego.md #16 §2.1): replace parts of a stored text,
 * multi-item or custom message, chosen by EditType bit flags, within the edit window
 * (24 h from the original send by default). The Action name tells one-to-one from group
 * (§6.1); the undocumented failures follow §6.2-6.5.
 */
import { ZegoError, ZIM } from "../errors.js";
import { idParam } from "../ids.js";
import { CUSTOM, checkMulti, MULTI, TEXT } from "../message-body.js";
import { bytes } from "../params.js";
import { type Conversation, peerKey, type StoredMessage } from "../state.js";
import { group, sender } from "./common.js";
import { type ActionContext, type ActionTable, zimAction } from "./types.js";

const EDITABLE: ReadonlySet<number> = new Set([TEXT, MULTI, CUSTOM]);

/** EditType bits. */
const EM_MSG = 1;
const EM_PAYLOAD = 2;
const EM_AT = 4;
const EM_AT_ALL = 8;
const EM_SUBMSGTYPE = 16;
const ALL_BITS = 31;

interface Changes {
  message?: string;
  extendedData?: string;
  subMsgType?: number;
}

/** The fields EditType names, checked as a send checks them (shared §2.3). */
function readChanges(ctx: ActionContext, msgType: number, editType: number): Changes {
  const { p } = ctx;
  const changes: Changes = {};
  const body = editType & (EM_MSG | EM_PAYLOAD) ? p.obj("MessageBody") : undefined;
  if (body && editType & EM_MSG) {
    const message = body.optStr("Message");
    if (message === undefined || message === "") throw p.fail("MessageBody.Message is empty");
    const max = ctx.app.config.messageMaxBytes;
    const limit = msgType === MULTI ? Math.max(5 * 1024, max) : max;
    if (bytes(message) > limit)
      throw new ZegoError(ZIM.msgTooLarge, `message is larger than ${limit} bytes`);
    if (msgType === MULTI) checkMulti(p, message);
    changes.message = message;
  }
  if (body && editType & EM_PAYLOAD) {
    const extendedData = body.optStr("ExtendedData") ?? "";
    if (bytes(extendedData) > 1024)
      throw new ZegoError(ZIM.msgTooLarge, "ExtendedData is larger than 1 KB");
    changes.extendedData = extendedData;
  }
  // @ lists are checked but not kept: no server read gives them back.
  if (editType & EM_AT) p.obj("AtListInfo").strList("AtList");
  if (editType & EM_AT_ALL && p.optBool("IsAtAll") === undefined)
    throw p.fail("IsAtAll is required");
  if (editType & EM_SUBMSGTYPE) {
    if (msgType !== CUSTOM) throw p.fail("EditType 16 needs MsgType 200");
    changes.subMsgType = p.int("SubMsgType", { min: 0, max: 200 });
  }
  return changes;
}

function edit(ctx: ActionContext, kind: "peer" | "group") {
  const { p, app } = ctx;
  const me = sender(ctx);
  const convId = idParam(p, "ConvId");
  // Required for one-to-one, optional for group (§6.3).
  const senderId = kind === "peer" || p.has("SenderId") ? idParam(p, "SenderId") : undefined;
  const msgType = p.int("MsgType");
  if (!EDITABLE.has(msgType)) throw p.fail("only MsgType 1, 10 and 200 can be edited");
  const seq = p.int("ConvMsgSeq", { min: 0 });
  const editType = p.int("EditType", { min: 1, max: ALL_BITS });
  const changes = readChanges(ctx, msgType, editType);

  let conv: Conversation | undefined;
  if (kind === "peer") {
    if (convId === me.userId) throw p.fail("ConvId must be the other participant");
    // The editor and the sender are the two participants (§6.2).
    if (senderId !== me.userId && senderId !== convId)
      throw p.fail("SenderId is not a participant of the conversation");
    conv = app.peerConvs.get(peerKey(me.userId, convId));
  } else {
    const g = group(ctx, convId);
    if (!g.members.has(me.userId))
      throw new ZegoError(ZIM.notMember, "FromUserId is not in the group");
    conv = app.groupConvs.get(g.groupId);
  }
  const msg: StoredMessage | undefined = seq >= 1 ? conv?.messages[seq - 1] : undefined;
  if (!conv || !msg) throw new ZegoError(ZIM.msgNotFound, `no message with ConvMsgSeq ${seq}`);
  if (msg.revoked) throw new ZegoError(ZIM.msgRevoked, "the message is recalled");
  if (senderId !== undefined && senderId !== msg.sender)
    throw new ZegoError(ZIM.notSender, "the message was not sent by SenderId");
  if (msg.msgType !== msgType) throw p.fail("MsgType differs from the message's type");
  // Measured from the original send time, which edits do not change.
  if (ctx.now - msg.time > app.config.editWindowMs)
    throw new ZegoError(ZIM.editWindow, "editable time exceeded");

  if (changes.message !== undefined) msg.body = changes.message;
  if (changes.extendedData !== undefined) msg.extendedData = changes.extendedData;
  if (changes.subMsgType !== undefined) msg.subMsgType = changes.subMsgType;
  msg.edits = (msg.edits ?? 0) + 1;
  conv.stateSeq = (conv.stateSeq ?? 0) + 1;
  // An edit fires send_msg with the same id and seq and the new body (§4.2, §6.6).
  ctx.callbacks.messageSent(app, msg, kind === "peer" ? (msg.receiver ?? convId) : convId);
  return {
    StateMsgSeq: conv.stateSeq,
    EditMsgSeq: msg.edits,
    LatestEditTime: Math.floor(ctx.now / 1000),
  };
}

export const messageEditActions: ActionTable = {
  EditC2cMsgBody: zimAction("POST", (ctx) => edit(ctx, "peer")),
  EditGroupMsgBody: zimAction("POST", (ctx) => edit(ctx, "group")),
};
