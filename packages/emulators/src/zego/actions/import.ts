/**
 * ZIM ImportPeerMsg / ImportGroupMsg (zego.md #16 §3): one historical message per call with
 * its original sender (FromUserId) and time (SendMessageTime, ms; 0 or absent = now; in the
 * future 660800046; older than the app's history retention 660000002). A peer import lands
 * in one user's view only (ImportedUserId, FromUserId or ToUserId), so each side is imported
 * separately; a group import lands in the group's history. Choices on what the docs leave
 * open follow §6.10: MsgSeq in call order with the time kept as given, HasReceipt and
 * OfflinePush ignored, no callback, no unread count, and the conversation listed (UpdateTime
 * moved forward only) for ImportedUserId or every member. FromUserId must be registered
 * for a group import (660500002) but not a member; a peer import documents no such check.
 */
import { recordImport } from "../conversations.js";
import { ZegoError, ZIM } from "../errors.js";
import { idParam } from "../ids.js";
import { COMMAND, PEER_TYPES, readMessage } from "../message-body.js";
import { peerKey } from "../state.js";
import { group, groupIdParam, sender } from "./common.js";
import { store } from "./message.js";
import { type ActionContext, type ActionTable, zimAction } from "./types.js";

/** Every peer/group type but command (2), which is not importable. */
const IMPORT_TYPES: ReadonlySet<number> = new Set([...PEER_TYPES].filter((t) => t !== COMMAND));

function importedMessage(ctx: ActionContext) {
  const msg = readMessage(ctx.p, {
    types: IMPORT_TYPES,
    maxBytes: ctx.app.config.messageMaxBytes,
    priority: true,
  });
  // HasReceipt is meaningless on import.
  return { ...msg, hasReceipt: false };
}

function sendTime(ctx: ActionContext): number {
  const given = ctx.p.optInt("SendMessageTime", { min: 0 }) ?? 0;
  if (given === 0) return ctx.now;
  if (given > ctx.now) {
    throw new ZegoError(ZIM.futureTime, "SendMessageTime is later than the current time");
  }
  if (given < ctx.now - ctx.app.config.historyMs) {
    throw ctx.p.fail("SendMessageTime is older than the app's history retention");
  }
  return given;
}

export const importActions: ActionTable = {
  ImportPeerMsg: zimAction("POST", (ctx) => {
    const { p, app } = ctx;
    const from = idParam(p, "FromUserId");
    const to = idParam(p, "ToUserId");
    if (to === from) throw p.fail("ToUserId must differ from FromUserId");
    const msg = importedMessage(ctx);
    const time = sendTime(ctx);
    const viewer = idParam(p, "ImportedUserId");
    if (viewer !== from && viewer !== to) {
      throw p.fail("ImportedUserId must be FromUserId or ToUserId");
    }
    const key = peerKey(from, to);
    const stored = store(app, app.conversation(app.peerConvs, key), msg, {
      convType: 0,
      convKey: key,
      sender: from,
      receiver: to,
      now: time,
    });
    stored.importedFor = viewer;
    recordImport(app, [viewer], 0, (u) => (u === from ? to : from), time);
    return { MsgId: String(stored.msgId), MsgSeq: stored.seq };
  }),
  ImportGroupMsg: zimAction("POST", (ctx) => {
    const { app } = ctx;
    const from = sender(ctx);
    const g = group(ctx, groupIdParam(ctx));
    const msg = importedMessage(ctx);
    const time = sendTime(ctx);
    const stored = store(app, app.conversation(app.groupConvs, g.groupId), msg, {
      convType: 2,
      convKey: g.groupId,
      sender: from.userId,
      now: time,
    });
    recordImport(app, g.members.keys(), 2, () => g.groupId, time);
    return { MsgSeq: stored.seq };
  }),
};
