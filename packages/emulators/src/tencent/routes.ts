/** Every Tencent REST command the emulator knows, by route key `v4/<service>/<command>`. */
import { accountRoutes } from "./commands/account.js";
import { c2cHistoryRoutes } from "./commands/c2c-history.js";
import { configSvcRoutes } from "./commands/config-svc.js";
import { contactGroupRoutes } from "./commands/contact-groups.js";
import { contactMarkRoutes } from "./commands/contact-marks.js";
import { friendListRoutes } from "./commands/friend-lists.js";
import { friendRoutes } from "./commands/friends.js";
import { groupRoutes } from "./commands/group.js";
import { groupAttrRoutes } from "./commands/group-attr.js";
import { groupCounterRoutes } from "./commands/group-counter.js";
import { groupImportRoutes } from "./commands/group-import.js";
import { groupMemberRoutes } from "./commands/group-members.js";
import { groupMsgRoutes } from "./commands/group-msg.js";
import { liveRoomBanRoutes } from "./commands/live-room-bans.js";
import { liveRoomBroadcastRoutes } from "./commands/live-room-broadcast.js";
import { liveRoomRoutes } from "./commands/live-rooms.js";
import { memberInfoRoutes } from "./commands/member-info.js";
import { msgDeleteRoutes } from "./commands/msg-delete.js";
import { msgExtRoutes } from "./commands/msg-ext.js";
import { msgHistoryRoutes } from "./commands/msg-history.js";
import { msgImportRoutes } from "./commands/msg-import.js";
import { msgModifyRoutes } from "./commands/msg-modify.js";
import { nospeakingRoutes } from "./commands/nospeaking.js";
import { openimRoutes } from "./commands/openim.js";
import { profileRoutes } from "./commands/profile.js";
import { pushRoutes } from "./commands/push.js";
import { pushAttrRoutes } from "./commands/push-attrs.js";
import { pushBatchRoutes } from "./commands/push-batch.js";
import { pushStatsRoutes } from "./commands/push-stats.js";
import { pushTagRoutes } from "./commands/push-tags.js";
import { readReceiptRoutes } from "./commands/read-receipts.js";
import { recentContactRoutes } from "./commands/recentcontact.js";
import { snsRoutes } from "./commands/sns.js";
import { unreadRoutes } from "./commands/unread.js";
import type { RouteTable } from "./route.js";

export const ROUTES: RouteTable = {
  ...accountRoutes,
  ...profileRoutes,
  ...snsRoutes,
  ...friendRoutes,
  ...friendListRoutes,
  ...nospeakingRoutes,
  ...openimRoutes,
  ...c2cHistoryRoutes,
  ...groupRoutes,
  ...groupMemberRoutes,
  ...groupMsgRoutes,
  ...pushRoutes,
  ...pushBatchRoutes,
  ...pushAttrRoutes,
  ...pushStatsRoutes,
  ...pushTagRoutes,
  ...configSvcRoutes,
  ...recentContactRoutes,
  ...unreadRoutes,
  ...memberInfoRoutes,
  ...msgModifyRoutes,
  ...msgDeleteRoutes,
  ...msgExtRoutes,
  ...readReceiptRoutes,
  ...msgImportRoutes,
  ...msgHistoryRoutes,
  ...contactGroupRoutes,
  ...contactMarkRoutes,
  ...groupAttrRoutes,
  ...groupCounterRoutes,
  ...groupImportRoutes,
  ...liveRoomRoutes,
  ...liveRoomBanRoutes,
  ...liveRoomBroadcastRoutes,
};
