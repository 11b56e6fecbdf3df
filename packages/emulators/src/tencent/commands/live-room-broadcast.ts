/**
 * group_open_http_svc/send_broadcast_msg (docs/vendors/tencent.md #17 §3.5): one message into
 * every live group (AVChatRoom) of the app. 1 call a second; the same content with the same
 * Random within 5 minutes is dropped as a duplicate. Pro+/Ultimate with the broadcast switch.
 */
import { GROUP_CODES } from "../errors.js";
import { UINT32_MAX } from "../fields.js";
import { requireSwitch } from "../live-rooms.js";
import { GROUP_MSGBODY, validateMsgBody } from "../msgbody.js";
import { account, type RouteTable } from "../route.js";
import { dedupSend } from "../state.js";

const DEDUP_MS = 5 * 60_000;

export const liveRoomBroadcastRoutes: RouteTable = {
  "v4/group_open_http_svc/send_broadcast_msg": {
    codes: GROUP_CODES,
    rules: [{ limit: 1, window: "second" }],
    handle({ app, f, now, nowMs, admin }) {
      const random = f.int("Random", undefined, UINT32_MAX);
      const body = validateMsgBody(f.raw.MsgBody, GROUP_MSGBODY, app.config.sensitiveWords);
      const from = f.optStr("From_Account") || admin;
      account(app, from, 10019, "From_Account");
      const cloudCustomData = f.optStr("CloudCustomData");
      requireSwitch(app.config.liveRooms.broadcast, "send_broadcast_msg");
      const key = JSON.stringify(["broadcast", random, body]);
      return dedupSend(app.groupDedup, key, nowMs, DEDUP_MS, () => {
        for (const g of app.groups.values()) {
          if (g.type !== "AVChatRoom") continue;
          g.messages.push({
            seq: g.nextSeq++,
            from,
            random,
            time: now,
            body,
            priority: "Normal",
            recalled: false,
            onlineOnly: true,
            ...(cloudCustomData !== undefined ? { cloudCustomData } : {}),
          });
          g.lastMsgTime = now;
        }
        return { MsgSeq: ++app.broadcastSeq };
      });
    },
  },
};
