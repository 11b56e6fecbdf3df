/**
 * A simulated ZIM client-SDK send (`POST /zim-client/send`): the only sends ZIM asks the
 * app's before_send_msg about (server-API sends never are; docs/vendors/zego.md #18).
 * Body: `{AppId?, UserId, ConvType 0 peer / 1 room / 2 group, ConvId, MessageType,
 * SubMsgType?, MessageBody: {Message, ExtendedData?}}`; the sender must be logged in
 * (clients/login). Answer: the SDK's result, `{code, message, msgId?, msgSeq?, reason?}`.
 */
import { store } from "./actions/message.js";
import type { ZegoCallbacks } from "./callbacks.js";
import { recordGroupMessage, recordPeerMessage } from "./conversations.js";
import type { ZegoError } from "./errors.js";
import { idParam, roomIdParam } from "./ids.js";
import {
  COMMAND,
  clientCallbackBody,
  PEER_TYPES,
  POPUP,
  ROOM_TYPES,
  readMessage,
  type ValidMessage,
} from "./message-body.js";
import type { Params } from "./params.js";
import type { PreSendAsker, PreSendVerdict } from "./pre-send.js";
import { liveRoom } from "./rooms.js";
import { type AppState, type ConvType, peerKey, type StoredMessage } from "./state.js";

export const CLIENT_SEND_PATH = "/zim-client/send";

/** ZIM client-SDK codes (SDK Error Codes, ZIM). */
export const CLIENT = {
  notLoggedIn: 6000121,
  targetMissing: 6000204,
  /** "Intercepted by the developer's server through the Callback on message not sent yet". */
  intercepted: 6000230,
};

/** send_msg `send_result` for a stopped send (Return codes: the app answered 2 / 3). */
const SILENT_SENT = 660500009;
const NOT_SENT = 660500010;

export interface ClientSendDeps {
  app: AppState;
  callbacks: ZegoCallbacks;
  asker: PreSendAsker;
  now: () => number;
}

interface Target {
  convType: ConvType;
  convId: string;
}

export async function clientSend(
  deps: ClientSendDeps,
  p: Params,
): Promise<Record<string, unknown>> {
  const { app } = deps;
  const userId = idParam(p, "UserId");
  if (app.users.get(userId)?.presence !== "online")
    return { code: CLIENT.notLoggedIn, message: "the user is not logged in" };
  const convType = p.int("ConvType", { min: 0, max: 2 }) as ConvType;
  const convId = convType === 1 ? roomIdParam(p, "ConvId") : idParam(p, "ConvId");
  const target: Target = { convType, convId };
  const msg = readMessage(p, {
    types: convType === 1 ? ROOM_TYPES : PEER_TYPES,
    maxBytes: app.config.messageMaxBytes,
    priority: false,
    room: convType === 1,
  });
  const missing = targetProblem(deps, userId, target);
  if (missing) return { code: CLIENT.targetMissing, message: missing };

  const msgId = app.nextMsgId();
  const verdict = await decide(deps, userId, target, msg, msgId);
  const base = { convType, convKey: convId, sender: userId, now: deps.now(), msgId };
  switch (verdict.kind) {
    case "reject":
    case "failed": {
      if (verdict.kind === "reject") {
        // Not stored; the after-send callback still reports the refused send.
        const refused = store(app, undefined, msg, withPeer(base, userId, target));
        deps.callbacks.messageSent(app, refused, convId, undefined, {
          client: true,
          sendResult: NOT_SENT,
        });
      }
      const reason = verdict.kind === "reject" ? verdict.reason : "";
      return { code: CLIENT.intercepted, message: "not sent: refused by the app's server", reason };
    }
    case "silent": {
      // The sender is told "sent"; nobody receives it, so nothing enters the history.
      const quiet = store(app, undefined, msg, withPeer(base, userId, target));
      deps.callbacks.messageSent(app, quiet, convId, undefined, {
        client: true,
        sendResult: SILENT_SENT,
      });
      return { code: 0, message: "success", msgId: String(msgId), msgSeq: 0 };
    }
    case "send": {
      const final: ValidMessage = {
        ...msg,
        body: verdict.newBody ?? msg.body,
        extendedData: verdict.newPayload ?? msg.extendedData,
      };
      // The target may have gone while the app's server was asked.
      const gone = targetProblem(deps, userId, target);
      if (gone) return { code: CLIENT.targetMissing, message: gone };
      const stored = deliver(deps, final, withPeer(base, userId, target));
      if (!msg.isCommand)
        deps.callbacks.messageSent(app, stored, convId, undefined, { client: true });
      return { code: 0, message: "success", msgId: String(msgId), msgSeq: stored.seq };
    }
  }
}

/** Ask the app's server where ZIM would (text, media, custom; not command or barrage). */
async function decide(
  deps: ClientSendDeps,
  userId: string,
  target: Target,
  msg: ValidMessage,
  msgId: number,
): Promise<PreSendVerdict> {
  const { app } = deps;
  const url = app.config.callbackUrl;
  if (!app.config.beforeSend.enabled || !url || msg.msgType === COMMAND || msg.msgType === POPUP)
    return { kind: "send" };
  const verdict = await deps.asker.ask(app, url, {
    request_id: String(msgId),
    from_user_id: userId,
    conv_id: target.convId,
    conv_type: target.convType,
    msg_id: String(msgId),
    payload: msg.extendedData,
    msg_type: msg.msgType,
    sub_msg_type: msg.subMsgType,
    msg_body: clientCallbackBody(msg.msgType, msg.body),
  });
  if (verdict.kind === "failed" && app.config.beforeSend.onFailure === "send")
    return { kind: "send" };
  return verdict;
}

/** Why the sender cannot post there (unknown group or room, or not a member), if so. */
function targetProblem(deps: ClientSendDeps, userId: string, t: Target): string | undefined {
  const { app } = deps;
  if (t.convType === 0) return t.convId === userId ? "cannot send to oneself" : undefined;
  if (t.convType === 2) {
    const g = app.groups.get(t.convId);
    return g?.members.has(userId) ? undefined : `not a member of group ${t.convId}`;
  }
  const room = liveRoom(app, deps.callbacks, t.convId, deps.now());
  return room?.members.has(userId) ? undefined : `not in room ${t.convId}`;
}

function withPeer<T extends object>(base: T, userId: string, t: Target) {
  const convKey = t.convType === 0 ? peerKey(userId, t.convId) : t.convId;
  return { ...base, convKey, ...(t.convType === 0 ? { receiver: t.convId } : {}) };
}

/** Store and deliver as a server send of the same kind does. */
function deliver(
  deps: ClientSendDeps,
  msg: ValidMessage,
  fields: Parameters<typeof store>[3],
): StoredMessage {
  const { app } = deps;
  if (fields.convType === 0) {
    const conv = msg.isCommand ? undefined : app.conversation(app.peerConvs, fields.convKey);
    const stored = store(app, conv, msg, fields);
    if (!msg.isCommand) recordPeerMessage(app, stored, false);
    return stored;
  }
  if (fields.convType === 2) {
    const conv = msg.isCommand ? undefined : app.conversation(app.groupConvs, fields.convKey);
    const stored = store(app, conv, msg, fields);
    const g = app.groups.get(fields.convKey);
    if (!msg.isCommand && g) recordGroupMessage(app, stored, g.members.keys(), false);
    return stored;
  }
  const room = app.zimRooms.get(fields.convKey);
  const keep = !msg.isCommand && app.config.plan === "flagship";
  const stored = store(
    app,
    keep ? app.conversation(app.roomConvs, fields.convKey) : undefined,
    msg,
    fields,
  );
  room?.messages.push({
    from: fields.sender,
    msgType: msg.msgType,
    body: msg.body,
    priority: 2,
    senderUnaware: false,
    time: fields.now,
  });
  return stored;
}

/** ZegoError (a bad field) → the SDK-style answer, keeping the server's code (unverified). */
export function clientError(err: ZegoError): Record<string, unknown> {
  return { code: err.code, message: err.message };
}
