/**
 * Live group members (docs/vendors/tencent.md #17 §3.1-§3.3): get_online_member_num,
 * group_open_avchatroom_http_svc/get_members (a Timestamp cursor) and check_members.
 */
import { GROUP_CODES } from "../errors.js";
import { findLiveRoom, requireSwitch } from "../live-rooms.js";
import type { RouteTable } from "../route.js";

/** get_members: 500 a page in English, 250 in Chinese (unverified): the smaller. */
export const MEMBERS_PAGE = 250;
/** Without the online-member-list switch, get_members answers the 30 latest members only. */
export const MEMBERS_WITHOUT_SWITCH = 30;
/** check_members states no cap (unverified): 500, like the other account lists. */
export const CHECK_MAX = 500;

export const liveRoomRoutes: RouteTable = {
  "v4/group_open_http_svc/get_online_member_num": {
    codes: GROUP_CODES,
    handle({ app, f }) {
      // Other types answer 10007 (the older page; the newer allows them with a switch).
      const g = findLiveRoom(app, f.str("GroupId"));
      return { OnlineMemberNum: g.online.size };
    },
  },
  "v4/group_open_avchatroom_http_svc/get_members": {
    codes: GROUP_CODES,
    handle({ app, f }) {
      const g = findLiveRoom(app, f.str("GroupId"));
      // Timestamp: 0 first, then the NextTimestamp answered (an entry order here).
      const after = f.int("Timestamp");
      const mark = f.optInt("Mark");
      let all = [...g.online.entries()].sort((a, b) => a[1].order - b[1].order);
      if (!app.config.liveRooms.onlineMemberList) all = all.slice(-MEMBERS_WITHOUT_SWITCH);
      // No marks are kept (modify_user_info is not emulated): a Mark matches nobody.
      if (mark !== undefined) all = [];
      const rest = all.filter(([, e]) => e.order > after);
      const page = rest.slice(0, MEMBERS_PAGE);
      const last = page.at(-1);
      return {
        MemberList: page.map(([id, e]) => {
          const profile = app.accounts.get(id)?.profile;
          return {
            Member_Account: id,
            JoinTime: e.joinTime,
            NickName: profile?.get("Tag_Profile_IM_Nick") ?? "",
            Avatar: profile?.get("Tag_Profile_IM_Image") ?? "",
          };
        }),
        NextTimestamp: rest.length > page.length && last ? last[1].order : 0,
      };
    },
  },
  "v4/group_open_avchatroom_http_svc/check_members": {
    // Over the cap: 10004 (its error table was not read; unverified).
    codes: { invalid: 10004, tooMany: 10004 },
    handle({ app, f }) {
      const g = findLiveRoom(app, f.str("GroupId"));
      const ids = f.strArray("Member_Account", CHECK_MAX);
      requireSwitch(app.config.liveRooms.onlineMemberList, "check_members");
      return { Member_Account: ids.filter((id) => g.online.has(id)) };
    },
  },
};
