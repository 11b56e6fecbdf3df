/**
 * Unread counts (docs/vendors/tencent.md §2.1, §2.3): openim/get_c2c_unread_msg_num (a
 * user's one-to-one unread, in total or per peer) and group_open_http_svc/set_unread_msg_num
 * (a member's group unread, for migrations). Group unread is read through
 * get_joined_group_list (SelfInfo.UnreadMsgNum).
 */
import { unreadCount } from "../c2c.js";
import { c2cUnread, storedMessages } from "../contacts.js";
import { GROUP_CODES, OPENIM_CODES, TimError } from "../errors.js";
import { findGroup } from "../groups.js";
import { account, type RouteTable } from "../route.js";

/** Peers per get_c2c_unread_msg_num call (§2.1). */
export const UNREAD_PEERS_MAX = 10;

export const unreadRoutes: RouteTable = {
  "v4/openim/get_c2c_unread_msg_num": {
    codes: OPENIM_CODES,
    handle({ app, f }) {
      const acc = account(app, f.str("To_Account", 90003), 90003, "To_Account");
      const raw = f.optArray("Peer_Account", Number.MAX_SAFE_INTEGER);
      if (raw === undefined) return { AllC2CUnreadMsgNum: unreadCount(app, acc.userId) };
      // Over 10 peers: the code is undocumented; a parameter error (90001) with the reason.
      if (raw.length > UNREAD_PEERS_MAX)
        f.fail(`Peer_Account takes at most ${UNREAD_PEERS_MAX} accounts`, 90001);
      if (!raw.every((p) => typeof p === "string" && p !== ""))
        f.fail("Peer_Account holds a non-string");
      const peers = [...new Set(raw as string[])];
      const C2CUnreadMsgNumList: { Peer_Account: string; C2CUnreadMsgNum: number }[] = [];
      const ErrorList: { Peer_Account: string; ErrorCode: number }[] = [];
      for (const peer of peers) {
        if (!app.accounts.has(peer)) ErrorList.push({ Peer_Account: peer, ErrorCode: 70107 });
        else
          C2CUnreadMsgNumList.push({
            Peer_Account: peer,
            C2CUnreadMsgNum: c2cUnread(app, acc, peer),
          });
      }
      // Whether the total comes along with Peer_Account is unverified: it does not here.
      return { C2CUnreadMsgNumList, ...(ErrorList.length > 0 ? { ErrorList } : {}) };
    },
  },
  "v4/group_open_http_svc/set_unread_msg_num": {
    codes: GROUP_CODES,
    handle({ app, f }) {
      const g = findGroup(app, f.str("GroupId"));
      const who = f.str("Member_Account");
      const count = f.int("UnreadMsgNum");
      account(app, who, 10019, "Member_Account");
      const member = g.members.get(who);
      // Not a member: the code is unverified; 10007 as for other member-only actions.
      if (!member) throw new TimError(10007, `${who} is not a member of ${g.id}`);
      // ChatRoom (Meeting) and AVChatRoom: no effect, and no error either (§2.3).
      if (g.type === "ChatRoom" || g.type === "AVChatRoom") return undefined;
      // More than the group holds is clamped to its message count.
      member.unread = Math.min(count, storedMessages(g));
      return undefined;
    },
  },
};
