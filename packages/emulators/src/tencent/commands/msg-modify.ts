/**
 * Editing stored messages, service openim (docs/vendors/tencent.md §4.1, §4.2):
 * modify_c2c_msg (by MsgKey and both accounts) and modify_group_msg (by GroupId and
 * MsgSeq). The given MsgBody and/or CloudCustomData overwrite the stored ones; no time
 * window is documented, so any message still in history can be edited.
 */
import { OPENIM_CODES, TimError } from "../errors.js";
import type { Fields, Json } from "../fields.js";
import { findGroup } from "../groups.js";
import { C2C_MSGBODY, validateMsgBody } from "../msgbody.js";
import { account, type RouteTable } from "../route.js";
import { type AppState, pairKey } from "../state.js";

/** "Message does not exist": the web SDK's code for a modify (unverified for REST). */
const NO_MESSAGE = 20026;

/** The new MsgBody and CloudCustomData; at least one (unverified: 90001 for neither). */
function edits(app: AppState, f: Fields): { body?: Json[]; cloudCustomData?: string } {
  const cloudCustomData = f.optStr("CloudCustomData");
  const body = f.has("MsgBody")
    ? validateMsgBody(f.raw.MsgBody, C2C_MSGBODY, app.config.sensitiveWords)
    : undefined;
  if (body === undefined && cloudCustomData === undefined)
    f.fail("MsgBody or CloudCustomData is required");
  return {
    ...(body !== undefined ? { body } : {}),
    ...(cloudCustomData !== undefined ? { cloudCustomData } : {}),
  };
}

export const msgModifyRoutes: RouteTable = {
  "v4/openim/modify_c2c_msg": {
    codes: OPENIM_CODES,
    handle({ app, f, now, admin, callbacks }) {
      const from = f.str("From_Account", 90008);
      const to = f.str("To_Account", 90003);
      const key = f.str("MsgKey");
      const change = edits(app, f);
      account(app, from, 90008, "From_Account");
      account(app, to, 90003, "To_Account");
      const oldest = now - app.config.retentionSeconds;
      const msg = (app.conversations.get(pairKey(from, to)) ?? []).find(
        (m) => m.key === key && m.from === from && m.to === to && m.time >= oldest,
      );
      // A recalled message is gone from history: nothing to edit.
      if (!msg || msg.recalled) throw new TimError(NO_MESSAGE, "message not found");
      if (change.body) msg.body = change.body;
      if (change.cloudCustomData !== undefined) msg.cloudCustomData = change.cloudCustomData;
      callbacks.send(app, "C2C.CallbackAfterModifyMsg", {
        Operator_Account: admin,
        From_Account: msg.from,
        To_Account: msg.to,
        MsgRandom: msg.random,
        MsgSeq: msg.seq,
        MsgTime: msg.time,
        MsgKey: msg.key,
        MsgBody: msg.body,
        CloudCustomData: msg.cloudCustomData ?? "",
      });
      return undefined;
    },
  },
  "v4/openim/modify_group_msg": {
    codes: OPENIM_CODES,
    handle({ app, f, now }) {
      const g = findGroup(app, f.str("GroupId"));
      const seq = f.int("MsgSeq");
      const topicId = f.optStr("TopicId");
      const change = edits(app, f);
      // Live groups keep no history (§4.2); the code is unverified: 10007.
      if (g.type === "AVChatRoom")
        throw new TimError(10007, "AVChatRoom messages cannot be modified");
      const oldest = now - app.config.retentionSeconds;
      const msg = seq >= 1 ? g.messages[seq - 1] : undefined;
      const gone =
        !msg ||
        msg.onlineOnly ||
        msg.recalled ||
        msg.deleted ||
        msg.time < oldest ||
        (topicId !== undefined && msg.topicId !== topicId);
      if (!msg || gone) throw new TimError(NO_MESSAGE, "message not found");
      if (change.body) msg.body = change.body;
      if (change.cloudCustomData !== undefined) msg.cloudCustomData = change.cloudCustomData;
      // A group "after modify" callback is not documented: none is sent.
      return { ErrorInfo: "succeed" };
    },
  },
};
