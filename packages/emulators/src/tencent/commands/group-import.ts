/**
 * Migration imports, service group_open_http_svc (docs/vendors/tencent.md #17 §2.6):
 * import_group keeps the original CreateTime, import_group_member each member's JoinTime and
 * admin role. Neither calls back nor notifies. Not AVChatRoom (10007).
 */
import { GROUP_CODES, TimError } from "../errors.js";
import type { Json } from "../fields.js";
import {
  checkAppData,
  checkApplyOption,
  checkText,
  findGroup,
  HAS_ADMINS,
  insertGroup,
  newGroupId,
  newMember,
  optionalGroupTexts,
  parseGroupType,
} from "../groups.js";
import { account, type RouteTable } from "../route.js";

/** MaxMemberCount: ≤ 6000 (Community 100000), default 2000. */
const IMPORT_MAX_MEMBERS = 6_000;
const COMMUNITY_MAX_MEMBERS = 100_000;
const DEFAULT_MAX_MEMBERS = 2_000;
/** import_group_member takes 300 members a call (10005 beyond). */
const MEMBERS_PER_IMPORT = 300;

// import_group_member's per-member Result.
const FAILED = 0;
const IMPORTED = 1;
const ALREADY_MEMBER = 2;

export const groupImportRoutes: RouteTable = {
  "v4/group_open_http_svc/import_group": {
    codes: GROUP_CODES,
    handle({ app, f, now }) {
      const type = parseGroupType(f.raw.Type);
      if (type === "AVChatRoom") throw new TimError(10007, "AVChatRoom groups cannot be imported");
      const name = checkText("name", "Name", f.str("Name"));
      const owner = f.optStr("Owner_Account") ?? "";
      const custom = f.optStr("GroupId");
      const cap = type === "Community" ? COMMUNITY_MAX_MEMBERS : IMPORT_MAX_MEMBERS;
      const maxMembers = f.optInt("MaxMemberCount");
      if (maxMembers !== undefined && (maxMembers < 1 || maxMembers > cap))
        f.fail(`MaxMemberCount must be 1-${cap}`);
      if (type === "Community" && f.has("ApplyJoinOption"))
        f.fail("Community groups do not support ApplyJoinOption");
      const apply = checkApplyOption(f.raw.ApplyJoinOption ?? "NeedPermission");
      const appData = f.has("AppDefinedData") ? checkAppData(f.raw.AppDefinedData) : undefined;
      // CreateTime: unix seconds, the request's time when absent; a future one is refused
      // (not on the page: unverified).
      const createTime = f.optInt("CreateTime") ?? now;
      if (createTime > now) f.fail("CreateTime is in the future");
      if (owner) account(app, owner, 10019, "Owner_Account");
      const id = newGroupId(app, type, custom);
      if (app.groups.has(id)) throw new TimError(10021, `GroupId ${id} is already used`);
      const g = insertGroup(
        app,
        {
          id,
          type,
          name,
          owner,
          // Checked last: a bad owner or GroupId answers before a bad text.
          ...optionalGroupTexts(f),
          maxMemberNum: maxMembers ?? Math.min(DEFAULT_MAX_MEMBERS, cap),
          applyJoinOption: apply,
          ...(appData !== undefined ? { appDefinedData: appData } : {}),
        },
        createTime,
      );
      g.lastInfoTime = now;
      return { GroupId: g.id };
    },
  },
  "v4/group_open_http_svc/import_group_member": {
    codes: GROUP_CODES,
    handle({ app, f, now }) {
      const g = findGroup(app, f.str("GroupId"));
      const list = f.objArray("MemberList", "Member_Account", MEMBERS_PER_IMPORT);
      if (g.type === "AVChatRoom")
        throw new TimError(10007, "members cannot be imported into an AVChatRoom");
      for (const m of list) {
        if (m.Role !== undefined && m.Role !== "Admin") f.fail('Role may only be "Admin"');
        // Work and live groups have no admins (unverified code: 10004).
        if (m.Role === "Admin" && !HAS_ADMINS.has(g.type))
          f.fail(`${g.type} groups have no admins`);
        if (m.JoinTime !== undefined && !Number.isInteger(m.JoinTime))
          f.fail("JoinTime must be unix seconds");
        if (m.UnreadMsgNum !== undefined && !Number.isInteger(m.UnreadMsgNum))
          f.fail("UnreadMsgNum must be an integer");
      }
      const fresh = new Set(
        list
          .map((m) => m.Member_Account as string)
          .filter((id) => app.accounts.has(id) && !g.members.has(id)),
      );
      if (g.members.size + fresh.size > g.maxMemberNum)
        throw new TimError(10014, "the group is full");
      const stored = g.messages.filter((m) => !m.onlineOnly).length;
      const MemberList = list.map((m): Json => {
        const Member_Account = m.Member_Account as string;
        if (!app.accounts.has(Member_Account)) return { Member_Account, Result: FAILED };
        if (g.members.has(Member_Account)) return { Member_Account, Result: ALREADY_MEMBER };
        // "JoinTime must be greater than the group's creation time and less than now, else that
        // member fails to import" (导入群成员: "大于群的创建时间并小于当前时间").
        const joinTime = (m.JoinTime as number | undefined) ?? now;
        if (joinTime <= g.createTime || joinTime > now) return { Member_Account, Result: FAILED };
        const member = newMember(Member_Account, m.Role === "Admin" ? "Admin" : "Member", joinTime);
        // An unread count above the group's message count is clamped to it.
        member.unread = Math.min((m.UnreadMsgNum as number | undefined) ?? 0, stored);
        g.members.set(Member_Account, member);
        return { Member_Account, Result: IMPORTED };
      });
      return { MemberList };
    },
  },
};
