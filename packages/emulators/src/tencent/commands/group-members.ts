/**
 * Group members and member mutes, service group_open_http_svc (tencent.md §3.6):
 * add/delete members, member info, roles of given accounts, forbid_send_msg,
 * get_group_muted_account.
 */
import { GROUP_CODES, TimError } from "../errors.js";
import { type Json, UINT32_MAX } from "../fields.js";
import {
  filterKeys,
  findGroup,
  memberInfo,
  membershipCallback,
  mutedUntil,
  newMember,
  orderedMembers,
} from "../groups.js";
import { account, type RouteTable } from "../route.js";
import type { Member } from "../state.js";

/**
 * AppDefinedDataFilter_GroupMember: the custom member fields to answer, whatever
 * MemberInfoFilter says; absent, nothing is added to what MemberInfoFilter chose.
 */
function memberDataFilter(keys: unknown): (m: Member) => Json {
  if (!Array.isArray(keys)) return () => ({});
  const wanted = new Set(keys.filter((k): k is string => typeof k === "string"));
  return (m) => ({
    AppMemberDefinedData: m.appMemberDefinedData.filter((d) => wanted.has(d.Key as string)),
  });
}

export const groupMemberRoutes: RouteTable = {
  "v4/group_open_http_svc/add_group_member": {
    codes: GROUP_CODES,
    handle({ app, f, now, admin, callbacks }) {
      const g = findGroup(app, f.str("GroupId"));
      const list = f.objArray("MemberList", "Member_Account", 300);
      if (g.type === "AVChatRoom")
        throw new TimError(10007, "REST cannot add members to an AVChatRoom");
      const wanted = [...new Set(list.map((m) => m.Member_Account as string))];
      const fresh = wanted.filter((id) => app.accounts.has(id) && !g.members.has(id));
      if (g.members.size + fresh.length > g.maxMemberNum)
        throw new TimError(10014, "the group is full");
      // Result: 0 failed (not imported), 1 added, 2 already a member.
      const MemberList = wanted.map((Member_Account) => {
        if (!app.accounts.has(Member_Account)) return { Member_Account, Result: 0 };
        if (g.members.has(Member_Account)) return { Member_Account, Result: 2 };
        g.members.set(Member_Account, newMember(Member_Account, "Member", now));
        return { Member_Account, Result: 1 };
      });
      const invited = { kind: "join", how: "Invited", operator: admin } as const;
      membershipCallback(callbacks, app, g, invited, fresh);
      return { MemberList };
    },
  },
  "v4/group_open_http_svc/delete_group_member": {
    codes: GROUP_CODES,
    handle({ app, f, admin, callbacks }) {
      const g = findGroup(app, f.str("GroupId"));
      const ids = f.strArray("MemberToDel_Account", 100);
      f.optInt("Silence", undefined, 1);
      const reason = f.optStr("Reason");
      if (g.type === "AVChatRoom")
        throw new TimError(10004, "REST cannot remove members of an AVChatRoom");
      // Removing the owner is refused (not documented; the owner leaves via a transfer).
      if (g.owner && ids.includes(g.owner))
        throw new TimError(10004, "the owner cannot be removed");
      // Non-members in the list succeed silently; emptying a group does not dismiss it.
      const gone = ids.filter((id) => g.members.delete(id));
      const kicked = { kind: "exit", how: "Kicked", operator: admin, reason } as const;
      membershipCallback(callbacks, app, g, kicked, gone);
      return undefined;
    },
  },
  "v4/group_open_http_svc/get_group_member_info": {
    codes: GROUP_CODES,
    handle({ app, f, now }) {
      const g = findGroup(app, f.str("GroupId"));
      // Not for AVChatRoom (intl 34948; the code is unverified): get_members lists those.
      if (g.type === "AVChatRoom")
        throw new TimError(10007, "get_group_member_info does not serve AVChatRoom groups");
      const limit = f.optInt("Limit", undefined, 6_000);
      const roles = f.optArray("MemberRoleFilter", 3);
      const filter = f.raw.MemberInfoFilter;
      const all = orderedMembers(g).filter((m) => !roles || roles.includes(m.role));
      // Community pages with an opaque Next ("" first); other types with Offset.
      const useNext = g.type === "Community" && typeof f.raw.Next === "string";
      const offset = useNext ? Number(f.raw.Next || "0") || 0 : (f.optInt("Offset") ?? 0);
      const page = all.slice(offset, limit === undefined ? undefined : offset + limit);
      const custom = memberDataFilter(f.raw.AppDefinedDataFilter_GroupMember);
      const answer: Record<string, unknown> = {
        MemberNum: g.members.size,
        MemberList: page.map((m) => ({
          ...filterKeys(memberInfo(g, m, now), filter, ["Member_Account"]),
          ...custom(m),
        })),
      };
      if (g.type === "Community") {
        const end = offset + page.length;
        answer.Next = end < all.length ? String(end) : "";
      }
      return answer;
    },
  },
  // tencent.com/document/product/1047/34963: roles of up to 500 accounts in one call;
  // accounts outside the group (imported or not) are "NotMember"; not for AVChatRoom (10007).
  "v4/group_open_http_svc/get_role_in_group": {
    codes: GROUP_CODES,
    handle({ app, f }) {
      const g = findGroup(app, f.str("GroupId"));
      const ids = f.strArray("User_Account", 500);
      if (g.type === "AVChatRoom")
        throw new TimError(10007, "get_role_in_group does not serve AVChatRoom groups");
      return {
        UserIdList: ids.map((Member_Account) => ({
          Member_Account,
          Role: g.members.get(Member_Account)?.role ?? "NotMember",
        })),
      };
    },
  },
  "v4/group_open_http_svc/forbid_send_msg": {
    codes: GROUP_CODES,
    handle({ app, f, now }) {
      const g = findGroup(app, f.str("GroupId"));
      const ids = f.strArray("Members_Account", 500);
      // MuteTime in current docs, ShutUpTime in older ones: both accepted.
      const seconds = f.int(f.pick("MuteTime", "ShutUpTime"), undefined, UINT32_MAX);
      // Code for "not supported on Work groups" is not documented: 10007 (no permission).
      if (g.type === "Private")
        throw new TimError(10007, "Work (Private) groups do not support muting");
      for (const id of ids) account(app, id, 10019, "Members_Account");
      for (const id of ids) {
        // Mutes are kept per account, so they survive leave and rejoin.
        if (seconds === 0) g.mutes.delete(id);
        else g.mutes.set(id, seconds === UINT32_MAX ? UINT32_MAX : now + seconds);
      }
      return undefined;
    },
  },
  "v4/group_open_http_svc/get_group_muted_account": {
    codes: GROUP_CODES,
    handle({ app, f, now }) {
      const g = findGroup(app, f.str("GroupId"));
      f.optStr("TopicId");
      // Live groups keep no roster: their mutes are listed whoever is in the room now.
      const accounts = g.type === "AVChatRoom" ? [...g.mutes.keys()] : [...g.members.keys()];
      const muted = accounts
        .map((id) => ({ id, until: mutedUntil(g, id, now) }))
        .filter((x) => x.until > 0);
      // Which list name is current is unverified: both are returned.
      return {
        MutedAccountList: muted.map((x) => ({ Member_Account: x.id, MutedUntil: x.until })),
        ShuttedUinList: muted.map((x) => ({ Member_Account: x.id, ShuttedUntil: x.until })),
      };
    },
  },
};
