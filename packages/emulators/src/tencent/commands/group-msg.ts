/**
 * Group messages, service group_open_http_svc (tencent.md §3.7): send_group_msg,
 * group_msg_get_simple, group_msg_recall, send_group_system_notification.
 */
import { beforeSendForbidden } from "../before-send.js";
import { groupStored } from "../contacts.js";
import { GROUP_CODES, TimError } from "../errors.js";
import { isObject, UINT32_MAX, utf8Bytes } from "../fields.js";
import { findGroup, mutedUntil, requireMember } from "../groups.js";
import { GROUP_MSGBODY, validateMsgBody } from "../msgbody.js";
import { account, afterSendCallback, type RouteTable } from "../route.js";
import { dedupSendAsync, type GroupMessage } from "../state.js";
import { isMuted } from "./nospeaking.js";
import { trialQuota } from "./openim.js";
import { receiptFor } from "./read-receipts.js";

/** Same content + same Random within 5 minutes is a duplicate (§3.7). */
const GROUP_DEDUP_MS = 5 * 60_000;
const MAX_HISTORY_PAGE = 20;
const MAX_RECALL = 10;
const PRIORITIES = ["High", "Normal", "Low"];

export const groupMsgRoutes: RouteTable = {
  "v4/group_open_http_svc/send_group_msg": {
    codes: GROUP_CODES,
    async handle(ctx) {
      const { app, f, now, nowMs, admin } = ctx;
      const g = findGroup(app, f.str("GroupId"));
      const random = f.int("Random", undefined, UINT32_MAX);
      let body = validateMsgBody(f.raw.MsgBody, GROUP_MSGBODY, app.config.sensitiveWords);
      const from = f.optStr("From_Account") || admin;
      const sender = account(app, from, 10019, "From_Account");
      // OnlineOnlyFlag, or MsgOnlineOnlyFlag in some docs; n/a (always 0) for AVChatRoom.
      const onlineFlag = f.optInt(f.pick("OnlineOnlyFlag", "MsgOnlineOnlyFlag"), undefined, 1) ?? 0;
      const onlineOnly = onlineFlag === 1 && g.type !== "AVChatRoom";
      const control = f.optArray("SendMsgControl", 10);
      if (onlineOnly && control && control.length > 0) {
        throw new TimError(10004, "SendMsgControl cannot be combined with OnlineOnlyFlag 1");
      }
      const targets = f.optArray("To_Account", 50);
      if (targets && targets.length > 0 && app.config.edition !== "ultimate") {
        throw new TimError(10007, "targeted group messages need the Ultimate edition");
      }
      // Case-sensitive (#17 §3.5).
      const priority = f.optStr("MsgPriority") ?? "Normal";
      if (!PRIORITIES.includes(priority))
        throw new TimError(10004, "MsgPriority must be High, Normal or Low");
      let cloudCustomData = f.optStr("CloudCustomData");
      const topicId = f.optStr("TopicId");
      const supportExtension = f.optInt("SupportMessageExtension", undefined, 1) === 1;
      // IsNeedReadReceipt (doocs) or NeedReadReceipt (the shared reference): both accepted.
      const needReceipt =
        f.optInt(f.pick("IsNeedReadReceipt", "NeedReadReceipt"), undefined, 1) === 1;
      const isAdmin = app.config.admins.includes(from);
      // Live groups are joined through the SDK only, so their membership is not checked.
      const member =
        isAdmin || g.type === "AVChatRoom" ? g.members.get(from) : requireMember(g, from);
      if (!isAdmin) {
        if (mutedUntil(g, from, now) > 0) throw new TimError(10017, `${from} is muted in ${g.id}`);
        if (isMuted(sender.groupMuteUntil, now))
          throw new TimError(10017, `${from} is muted globally`);
        if (g.muteAll && member?.role === "Member")
          throw new TimError(10017, `${g.id} mutes all members`);
      }
      const dedupKey = JSON.stringify([g.id, random, body]);
      // a duplicate is dropped: the first answer again
      return dedupSendAsync(app.groupDedup, dedupKey, nowMs, GROUP_DEDUP_MS, async () => {
        trialQuota(ctx, 1);
        // Both send callbacks describe the message alike; its content is read when each is
        // sent, so the after-send one carries what a before-send verdict made of it.
        const origin = {
          GroupId: g.id,
          Type: g.type,
          From_Account: from,
          Operator_Account: admin,
          Random: random,
        };
        const content = () => ({
          OnlineOnlyFlag: onlineOnly ? 1 : 0,
          MsgBody: body,
          CloudCustomData: cloudCustomData ?? "",
          ...(topicId !== undefined ? { TopicId: topicId } : {}),
        });
        if (!beforeSendForbidden(f.raw)) {
          // Live groups (AVChatRoom) are asked too: the callback's Type names them.
          const verdict = await ctx.beforeSend("group", { ...origin, ...content() });
          // Silently dropped: a success answer (no sequence number used), nothing stored.
          if (verdict.action === "drop") return { MsgTime: now, MsgSeq: g.nextSeq };
          if (verdict.body) body = verdict.body;
          if (verdict.cloudCustomData !== undefined) cloudCustomData = verdict.cloudCustomData;
        }
        const msg: GroupMessage = {
          seq: g.nextSeq++,
          from,
          random,
          time: now,
          body,
          priority,
          recalled: false,
          // Live groups keep no history.
          onlineOnly: onlineOnly || g.type === "AVChatRoom",
        };
        if (cloudCustomData !== undefined) msg.cloudCustomData = cloudCustomData;
        if (topicId !== undefined) msg.topicId = topicId;
        if (supportExtension) msg.supportExtension = true;
        if (needReceipt) msg.receipt = receiptFor(g, from);
        g.messages.push(msg);
        groupStored(app, g, msg);
        g.lastMsgTime = now;
        if (member) member.lastSendMsgTime = now;
        afterSendCallback(ctx, "Group.CallbackAfterSendMsg", {
          ...origin,
          MsgSeq: msg.seq,
          MsgTime: msg.time,
          ...content(),
        });
        return { MsgTime: msg.time, MsgSeq: msg.seq };
      });
    },
  },
  "v4/group_open_http_svc/group_msg_get_simple": {
    codes: GROUP_CODES,
    handle({ app, f, now }) {
      const g = findGroup(app, f.str("GroupId"));
      const wanted = f.int("ReqMsgNumber");
      if (wanted === 0) throw new TimError(10004, "ReqMsgNumber must be at least 1");
      if (g.type === "AVChatRoom") throw new TimError(10007, "AVChatRoom groups keep no history");
      const newest = g.nextSeq - 1;
      const from = Math.min(f.optInt("ReqMsgSeq") ?? newest, newest);
      const oldest = now - app.config.retentionSeconds;
      const RspMsgList: Record<string, unknown>[] = [];
      let expired = 0;
      let seq = from;
      // At most 20 per call, newest first; next page: ReqMsgSeq = smallest returned − 1.
      for (; seq >= 1 && RspMsgList.length < Math.min(wanted, MAX_HISTORY_PAGE); seq--) {
        const m = g.messages[seq - 1]!;
        const old = m.time < oldest;
        if (old) expired++;
        // Recalled, deleted, expired and online-only messages are holes: IsPlaceMsg 1, empty body.
        const place = m.recalled || m.deleted || m.onlineOnly || old;
        RspMsgList.push({
          From_Account: m.from,
          IsPlaceMsg: place ? 1 : 0,
          MsgPriority: m.priority,
          MsgRandom: m.random,
          MsgSeq: m.seq,
          MsgTimeStamp: m.time,
          MsgBody: place ? [] : m.body,
          ...(m.cloudCustomData !== undefined && !place
            ? { CloudCustomData: m.cloudCustomData }
            : {}),
        });
      }
      let IsFinished = seq < 1 ? 1 : 0;
      if (RspMsgList.length > 0 && expired === RspMsgList.length) IsFinished = 2;
      return { GroupId: g.id, IsFinished, RspMsgList };
    },
  },
  "v4/group_open_http_svc/group_msg_recall": {
    codes: GROUP_CODES,
    handle({ app, f, now, admin, callbacks }) {
      const g = findGroup(app, f.str("GroupId"));
      const items = f.array("MsgSeqList", MAX_RECALL);
      const seqs = items.map((o) => {
        const seq = isObject(o) ? o.MsgSeq : undefined;
        if (typeof seq !== "number" || !Number.isInteger(seq) || seq < 1) {
          throw new TimError(10004, "MsgSeqList[].MsgSeq must be a positive integer");
        }
        return seq;
      });
      const reason = f.optStr("Reason");
      if (reason !== undefined && utf8Bytes(reason) > 100)
        throw new TimError(10004, "Reason is over 100 bytes");
      const topicId = f.optStr("TopicId");
      const oldest = now - app.config.retentionSeconds;
      const done: number[] = [];
      // Admin recalls have no time limit here (the admin limit is unverified; 10031 never fires).
      const RecallRetList = seqs.map((MsgSeq) => {
        if (g.type === "AVChatRoom") return { MsgSeq, RetCode: 10033 };
        const m = g.messages[MsgSeq - 1];
        // A recalled message is deleted, so recalling it again finds nothing (10030).
        if (!m || m.onlineOnly || m.recalled || m.deleted || m.time < oldest)
          return { MsgSeq, RetCode: 10030 };
        m.recalled = true;
        done.push(MsgSeq);
        return { MsgSeq, RetCode: 0 };
      });
      if (done.length > 0) {
        callbacks.send(app, "Group.CallbackAfterRecallMsg", {
          Operator_Account: admin,
          Type: g.type,
          GroupId: g.id,
          MsgSeqList: done.map((MsgSeq) => ({ MsgSeq })),
          ...(topicId !== undefined ? { TopicId: topicId } : {}),
        });
      }
      return { RecallRetList };
    },
  },
  "v4/group_open_http_svc/send_group_system_notification": {
    codes: GROUP_CODES,
    handle({ app, f, now }) {
      const g = findGroup(app, f.str("GroupId"));
      const content = f.str("Content");
      const to = f.optArray("ToMembers_Account", 500) ?? [];
      if (!to.every((x) => typeof x === "string"))
        throw new TimError(10004, "ToMembers_Account holds a non-string");
      f.optStr("TopicId");
      // Empty = every member; accounts outside the group are skipped.
      const recipients =
        to.length === 0
          ? [...g.members.keys()]
          : (to as string[]).filter((id) => g.members.has(id));
      g.notifications.push({ time: now, content, to: recipients });
      return undefined;
    },
  },
};
