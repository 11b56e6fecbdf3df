/**
 * Group lifecycle and lookups, service group_open_http_svc (tencent.md §3.6):
 * create, destroy, info, modify, change owner, groups of a user, groups of the app.
 */
import { GROUP_CODES, TimError } from "../errors.js";
import type { Json } from "../fields.js";
import {
  baseInfo,
  checkAppData,
  checkApplyOption,
  checkText,
  filterKeys,
  findGroup,
  GROUP_TEXTS,
  HAS_ADMINS,
  insertGroup,
  MEMBER_CAP,
  memberInfo,
  newGroupId,
  newMember,
  optionalGroupTexts,
  orderedMembers,
  parseGroupType,
} from "../groups.js";
import { account, type RouteTable } from "../route.js";
import type { Group } from "../state.js";
import { readUint64, Uint64 } from "../uint64.js";

/** get_appid_group_list cursors start above 2^53, so rounding one through a double shows. */
const NEXT_BASE = 1n << 60n;

/** The fields Group.CallbackAfterGroupInfoChanged reports (#17 §2.1, §5). */
const INFO_CHANGED_FIELDS = ["Name", "Introduction", "Notification", "FaceUrl"];

/** get_group_info per-call cap: "commonly 50" (unverified). */
const INFO_BATCH = 50;
/** create_group MemberList: 100 per one SDK comment, 500 per another (unverified): 500. */
const CREATE_MEMBERS = 500;

export const groupRoutes: RouteTable = {
  "v4/group_open_http_svc/create_group": {
    codes: GROUP_CODES,
    handle({ app, f, now, admin, callbacks }) {
      const type = parseGroupType(f.raw.Type);
      const name = checkText("name", "Name", f.str("Name"));
      const owner = f.optStr("Owner_Account") ?? "";
      const custom = f.optStr("GroupId");
      const list = f.objArray("MemberList", "Member_Account", CREATE_MEMBERS, true);
      if (type === "AVChatRoom" && list.length > 0) {
        throw new TimError(10007, "AVChatRoom groups take no MemberList");
      }
      const maxMembers = f.optInt("MaxMemberCount") ?? f.optInt("MaxMemberNum");
      if (maxMembers !== undefined && (maxMembers < 1 || maxMembers > MEMBER_CAP[type])) {
        throw new TimError(10004, `MaxMemberCount must be 1-${MEMBER_CAP[type]}`);
      }
      const texts = optionalGroupTexts(f);
      const apply = f.has("ApplyJoinOption") ? checkApplyOption(f.raw.ApplyJoinOption) : undefined;
      const invite = f.optStr("InviteJoinOption");
      const appData = f.has("AppDefinedData") ? checkAppData(f.raw.AppDefinedData) : undefined;
      const topic = f.optInt("SupportTopic", undefined, 1);
      if (owner) account(app, owner, 10019, "Owner_Account");
      for (const m of list) account(app, m.Member_Account as string, 10019, "Member_Account");
      const joining = new Set(
        [owner, ...list.map((m) => m.Member_Account as string)].filter(Boolean),
      );
      if (joining.size > (maxMembers ?? MEMBER_CAP[type]))
        throw new TimError(10014, "the group is full");
      const id = newGroupId(app, type, custom);
      const taken = app.groups.get(id);
      if (taken) {
        throw taken.owner !== "" && taken.owner === owner
          ? new TimError(10025, `GroupId ${id} is already used by you`)
          : new TimError(10021, `GroupId ${id} is already used`);
      }
      const g = insertGroup(
        app,
        {
          id,
          type,
          name,
          owner,
          ...texts,
          ...(maxMembers !== undefined ? { maxMemberNum: maxMembers } : {}),
          ...(apply !== undefined ? { applyJoinOption: apply } : {}),
          ...(invite !== undefined ? { inviteJoinOption: invite } : {}),
          ...(appData !== undefined ? { appDefinedData: appData } : {}),
          ...(topic !== undefined && type === "Community" ? { supportTopic: topic } : {}),
        },
        now,
      );
      for (const m of list) {
        const acc = m.Member_Account as string;
        if (g.members.has(acc)) continue;
        // Role "Admin" only exists in Public/Meeting/Community groups; elsewhere a plain member.
        const role = m.Role === "Admin" && HAS_ADMINS.has(type) ? "Admin" : "Member";
        const data = Array.isArray(m.AppMemberDefinedData)
          ? (m.AppMemberDefinedData as Json[])
          : [];
        g.members.set(acc, newMember(acc, role, now, data));
      }
      callbacks.send(app, "Group.CallbackAfterCreateGroup", {
        GroupId: g.id,
        Type: g.type,
        Name: g.name,
        Operator_Account: admin,
        Owner_Account: g.owner,
        CreateGroupNum: [...app.groups.values()].filter((x) => owner !== "" && x.owner === owner)
          .length,
        MemberList: [...g.members.keys()].map((Member_Account) => ({ Member_Account })),
        UserDefinedDataList: g.appDefinedData,
      });
      return { GroupId: g.id };
    },
  },
  "v4/group_open_http_svc/destroy_group": {
    codes: GROUP_CODES,
    handle({ app, f, callbacks }) {
      const g = findGroup(app, f.str("GroupId"));
      app.groups.delete(g.id);
      callbacks.send(app, "Group.CallbackAfterGroupDestroyed", {
        GroupId: g.id,
        Type: g.type,
        Name: g.name,
        Owner_Account: g.owner,
        MemberList: [...g.members.keys()].map((Member_Account) => ({ Member_Account })),
      });
      return undefined;
    },
  },
  "v4/group_open_http_svc/get_group_info": {
    codes: GROUP_CODES,
    handle({ app, f, now }) {
      const ids = f.strArray("GroupIdList", INFO_BATCH);
      const filter = f.obj("ResponseFilter");
      const GroupInfo = ids.map((GroupId) => {
        let g: Group;
        try {
          g = findGroup(app, GroupId);
        } catch (err) {
          if (!(err instanceof TimError)) throw err;
          // Unknown groups are per-item errors inside an OK answer.
          return { GroupId, ErrorCode: err.code, ErrorInfo: err.message };
        }
        const info: Json = {
          ...filterKeys(baseInfo(app, g), filter?.GroupBaseInfoFilter, ["GroupId"]),
          ErrorCode: 0,
          ErrorInfo: "",
        };
        // AVChatRoom: "only group details, member count not supported, no member list" (#17 §7).
        if (g.type === "AVChatRoom") {
          delete info.MemberNum;
          return info;
        }
        if (!filter || filter.MemberInfoFilter !== undefined) {
          info.MemberList = orderedMembers(g).map((m) =>
            filterKeys(memberInfo(g, m, now), filter?.MemberInfoFilter, ["Member_Account"]),
          );
        }
        return info;
      });
      return { GroupInfo };
    },
  },
  "v4/group_open_http_svc/modify_group_base_info": {
    codes: GROUP_CODES,
    handle({ app, f, now, admin, callbacks }) {
      const g = findGroup(app, f.str("GroupId"));
      const from = f.optStr("From_Account");
      if (from) {
        const m = g.members.get(from);
        // Work groups: any member may edit; elsewhere owner or admin.
        if (!m || (g.type !== "Private" && m.role === "Member")) {
          throw new TimError(10007, `${from} may not modify ${g.id}`);
        }
      }
      const changed: Json = {};
      for (const [k, field] of GROUP_TEXTS)
        if (f.has(field)) changed[field] = checkText(k, field, f.raw[field]);
      const max = f.optInt("MaxMemberNum");
      if (max !== undefined && (max < g.members.size || max > MEMBER_CAP[g.type] || max < 1)) {
        throw new TimError(10004, "MaxMemberNum is out of range");
      }
      if (f.has("ApplyJoinOption") && g.type === "Community")
        throw new TimError(10004, "Community groups do not support ApplyJoinOption");
      if (f.has("ApplyJoinOption"))
        changed.ApplyJoinOption = checkApplyOption(f.raw.ApplyJoinOption);
      const invite = f.optStr("InviteJoinOption");
      const muteAll = f.optStr(f.pick("MuteAllMember", "ShutUpAllMember"));
      if (muteAll !== undefined && muteAll !== "On" && muteAll !== "Off") {
        throw new TimError(10004, "MuteAllMember must be On or Off");
      }
      const appData = f.has("AppDefinedData") ? checkAppData(f.raw.AppDefinedData) : undefined;
      for (const [k, field] of GROUP_TEXTS)
        if (changed[field] !== undefined) g[k] = changed[field] as string;
      if (changed.ApplyJoinOption !== undefined)
        g.applyJoinOption = changed.ApplyJoinOption as string;
      if (max !== undefined) g.maxMemberNum = changed.MaxMemberNum = max;
      if (invite !== undefined) g.inviteJoinOption = changed.InviteJoinOption = invite;
      if (muteAll !== undefined) {
        g.muteAll = muteAll === "On";
        changed.MuteAllMember = muteAll;
      }
      if (appData) {
        // Merge by Key; an empty Value deletes the key.
        const byKey = new Map(g.appDefinedData.map((d) => [d.Key as string, d]));
        for (const d of appData) {
          if (d.Value === "" || d.Value === undefined) byKey.delete(d.Key as string);
          else byKey.set(d.Key as string, { Key: d.Key, Value: d.Value });
        }
        g.appDefinedData = [...byKey.values()];
        changed.AppDefinedData = appData;
      }
      g.lastInfoTime = now;
      // Tencent calls back for the name, introduction, notification and face URL only, and
      // carries only those of them that the request set (#17 §5).
      const told = filterKeys(changed, INFO_CHANGED_FIELDS);
      if (Object.keys(told).length > 0) {
        callbacks.send(app, "Group.CallbackAfterGroupInfoChanged", {
          GroupId: g.id,
          Type: g.type,
          Operator_Account: from || admin,
          ...told,
        });
      }
      return undefined;
    },
  },
  "v4/group_open_http_svc/change_group_owner": {
    codes: GROUP_CODES,
    handle({ app, f }) {
      const g = findGroup(app, f.str("GroupId"));
      const next = f.str("NewOwner_Account");
      account(app, next, 10019, "NewOwner_Account");
      // Code for a non-member new owner is unverified (10007 or 10019): 10007.
      const m = g.members.get(next);
      if (!m) throw new TimError(10007, `${next} is not a member of ${g.id}`);
      const old = g.members.get(g.owner);
      if (old && old !== m) old.role = "Member";
      m.role = "Owner";
      g.owner = next;
      return undefined;
    },
  },
  "v4/group_open_http_svc/get_joined_group_list": {
    codes: GROUP_CODES,
    handle({ app, f, now }) {
      const who = f.str("Member_Account");
      account(app, who, 10019, "Member_Account");
      const limit = f.optInt("Limit");
      const offset = f.optInt("Offset") ?? 0;
      const type = f.has("GroupType") ? parseGroupType(f.raw.GroupType) : undefined;
      const huge = f.optInt("WithHugeGroups") === 1;
      const filter = f.obj("ResponseFilter");
      const all = [...app.groups.values()]
        .filter((g) => g.members.has(who))
        .filter((g) => (type ? g.type === type : huge || g.type !== "AVChatRoom"))
        .sort((a, b) => a.order - b.order);
      const page = all.slice(offset, limit === undefined ? undefined : offset + limit);
      const GroupIdList = page.map((g) => {
        const m = g.members.get(who)!;
        const self = {
          Role: m.role,
          JoinTime: m.joinTime,
          MsgFlag: m.msgFlag,
          UnreadMsgNum: m.unread,
          ShutUpUntil: memberInfo(g, m, now).ShutUpUntil,
        };
        const base = filter?.GroupBaseInfoFilter
          ? filterKeys(baseInfo(app, g), filter.GroupBaseInfoFilter, ["GroupId"])
          : { GroupId: g.id };
        return { ...base, SelfInfo: filterKeys(self, filter?.SelfInfoFilter) };
      });
      return { TotalCount: all.length, GroupIdList };
    },
  },
  "v4/group_open_http_svc/get_appid_group_list": {
    codes: GROUP_CODES,
    handle({ app, f }) {
      const limit = f.optInt("Limit", undefined, 10_000) ?? 10_000;
      // Next: 0 first, then the uint64 this emulator answered (past 2^53 on purpose).
      const next = f.has("Next") ? readUint64(f.raw.Next) : 0n;
      if (next === undefined || (next !== 0n && next < NEXT_BASE)) {
        throw new TimError(10004, "Next is not a cursor this API answered");
      }
      const after = next === 0n ? -1 : Number(next - NEXT_BASE);
      const type = f.has("GroupType") ? parseGroupType(f.raw.GroupType) : undefined;
      const all = [...app.groups.values()]
        .filter((g) => !type || g.type === type)
        .sort((a, b) => a.order - b.order);
      const rest = all.filter((g) => g.order > after);
      const page = rest.slice(0, Math.max(1, limit));
      const last = page.at(-1);
      return {
        TotalCount: all.length,
        GroupIdList: page.map((g) => ({ GroupId: g.id })),
        Next: rest.length > page.length && last ? new Uint64(NEXT_BASE + BigInt(last.order)) : 0,
      };
    },
  },
};
