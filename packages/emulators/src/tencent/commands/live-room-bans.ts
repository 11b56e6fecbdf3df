/**
 * Banning (docs/vendors/tencent.md #17 §3.4): ban_group_member removes the accounts from the
 * live group and keeps them out for Duration seconds (the only server-side removal from an
 * AVChatRoom); unban_group_member; get_group_ban_member (Limit ≤ 100, Offset / NextOffset).
 * Pro+/Ultimate with the "member banning" switch, else 10007.
 */
import { GROUP_CODES, TimError } from "../errors.js";
import { UINT32_MAX, utf8Bytes } from "../fields.js";
import { findGroup } from "../groups.js";
import { bannedUntil, leaveLiveRoom, requireSwitch } from "../live-rooms.js";
import type { RouteTable } from "../route.js";

/** Accounts per ban or unban call (10005 beyond). */
export const BAN_MAX = 20;
const DESCRIPTION_MAX_BYTES = 1_000;
const BAN_PAGE_MAX = 100;

export const liveRoomBanRoutes: RouteTable = {
  "v4/group_open_http_svc/ban_group_member": {
    codes: GROUP_CODES,
    handle({ app, f, now, admin, callbacks }) {
      const g = findGroup(app, f.str("GroupId"));
      const ids = f.strArray("Members_Account", BAN_MAX);
      const seconds = f.int("Duration", undefined, UINT32_MAX);
      // What 0 means is not stated (unverified): refused; 4294967295 = no end.
      if (seconds === 0) throw new TimError(10004, "Duration must be at least 1 second");
      const description = f.optStr("Description");
      if (description !== undefined && utf8Bytes(description) > DESCRIPTION_MAX_BYTES)
        throw new TimError(10004, `Description is over ${DESCRIPTION_MAX_BYTES} bytes`);
      requireSwitch(app.config.liveRooms.memberBanning, "ban_group_member");
      // Accounts not in the room are banned too: it blocks their next entry.
      for (const id of ids) g.bans.set(id, seconds === UINT32_MAX ? UINT32_MAX : now + seconds);
      leaveLiveRoom(callbacks, app, g, ids, "Kicked", admin);
      return undefined;
    },
  },
  "v4/group_open_http_svc/unban_group_member": {
    codes: GROUP_CODES,
    handle({ app, f }) {
      const g = findGroup(app, f.str("GroupId"));
      const ids = f.strArray("Members_Account", BAN_MAX);
      requireSwitch(app.config.liveRooms.memberBanning, "unban_group_member");
      for (const id of ids) g.bans.delete(id);
      return undefined;
    },
  },
  "v4/group_open_http_svc/get_group_ban_member": {
    codes: GROUP_CODES,
    handle({ app, f, now }) {
      const g = findGroup(app, f.str("GroupId"));
      const limit = f.optInt("Limit", undefined, BAN_PAGE_MAX) ?? BAN_PAGE_MAX;
      const offset = f.int("Offset");
      requireSwitch(app.config.liveRooms.memberBanning, "get_group_ban_member");
      const all = [...g.bans.keys()]
        .map((id) => ({ Member_Account: id, BannedUntil: bannedUntil(g, id, now) }))
        .filter((b) => b.BannedUntil > 0);
      const page = all.slice(offset, offset + Math.max(1, limit));
      const end = offset + page.length;
      return { BannedAccountList: page, NextOffset: end < all.length ? end : 0 };
    },
  },
};
