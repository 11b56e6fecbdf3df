/** ZIM group data, roles and mutes (zego.md §2.4). */
import { ZegoError, ZIM } from "../errors.js";
import { idParam } from "../ids.js";
import { bytes } from "../params.js";
import type { Group, User } from "../state.js";
import {
  changeMembers,
  group,
  groupAction,
  groupIdParam,
  offsetCursor,
  sender,
  userIdList,
  userItemList,
} from "./common.js";
import { PER_GROUP } from "./group.js";
import { type ActionContext, type ActionTable, zimAction } from "./types.js";

const MAX_MUTE_SECONDS = 2_592_000;

/**
 * Mute permission (unverified, §2.4): a member operator must be owner or admin (660600032);
 * release notes say non-members may call, so a non-member operator is let through.
 */
function checkMuteOperator(g: Group, op: User, roles: number[] = []): number | undefined {
  const role = g.members.get(op.userId)?.role;
  if (role === undefined) return undefined;
  if (role !== 1 && role !== 2)
    throw new ZegoError(ZIM.noPermission, "operator must be owner or admin");
  if (role === 2 && roles.includes(1))
    throw new ZegoError(ZIM.noPermission, "an admin may not mute the owner role");
  return role;
}

/** -1 forever, 0 lift, 1..2 592 000 seconds → stored as -1 / 0 / epoch ms. */
function muteUntil(ctx: ActionContext, duration: number): number {
  if (duration !== -1 && (duration < 0 || duration > MAX_MUTE_SECONDS))
    throw ctx.p.fail("Duration is out of range");
  return duration <= 0 ? duration : ctx.now + duration * 1000;
}

const active = (until: number, now: number) => until === -1 || until > now;

export const groupAdminActions: ActionTable = {
  UpdateGroupData: groupAction("POST", (ctx, g) => {
    const avatar = ctx.p.optStr("GroupAvatar", { maxBytes: 500 });
    const name = ctx.p.optStr("GroupName", { maxChars: 50 });
    const notice = ctx.p.optStr("GroupNotice", { maxBytes: 300 });
    if (avatar === undefined && name === undefined && notice === undefined) {
      throw ctx.p.fail("give at least one of GroupAvatar, GroupName, GroupNotice");
    }
    // A field present with "" clears it; omitted fields are kept.
    if (avatar !== undefined) g.avatar = avatar;
    if (name !== undefined) g.name = name;
    if (notice !== undefined) g.notice = notice;
    g.dataSeq++;
    return undefined;
  }),

  ModifyGroupAttribute: zimAction("POST", (ctx) => {
    const action = ctx.p.int("Action", { min: 0, max: 1 }); // body Action: 0 upsert, 1 delete
    sender(ctx);
    const g = group(ctx, groupIdParam(ctx));
    const FailKeys: { Key: string; Reason: string }[] = [];
    for (const a of ctx.p.objList("Attributes", { required: true })) {
      const key = a.optStr("Key") ?? "";
      if (action === 1) {
        g.attributes.delete(key);
        continue;
      }
      const value = a.optStr("Value");
      if (key === "" || value === undefined || bytes(key) > 16 || bytes(value) > 1024) {
        FailKeys.push({ Key: key, Reason: String(ZIM.attributeLength) });
        continue;
      }
      if (!g.attributes.has(key) && g.attributes.size >= 10) {
        throw new ZegoError(ZIM.tooManyAttributes, "too many group attributes (max 10)");
      }
      g.attributes.set(key, value);
    }
    return {
      FailKeys,
      Attributes: { Attributes: [...g.attributes].map(([Key, Value]) => ({ Key, Value })) },
    };
  }),

  ModifyGroupLimit: groupAction("GET", (ctx, g) => {
    // Stored and reported by QueryGroupInfo; server API invites are not gated by them (unverified).
    const join = ctx.p.optInt("JoinMode", { min: 0, max: 2 });
    const invite = ctx.p.optInt("InviteMode", { min: 0, max: 1 });
    const beInvited = ctx.p.optInt("BeInvitedMode", { min: 0, max: 1 });
    const count = ctx.p.optInt("MemberCountLimit", { min: 0 });
    if (join !== undefined) g.limit.JoinMode = join;
    if (invite !== undefined) g.limit.InviteMode = invite;
    if (beInvited !== undefined) g.limit.BeInvitedMode = beInvited;
    if (count !== undefined) g.limit.MemberCountLimit = count;
    return undefined;
  }),

  TransferGroupOwner: {
    product: "zim",
    method: "GET",
    handle(ctx) {
      // Whether FromUserId must be the current owner is unverified: any registered user may.
      sender(ctx);
      const groupId = groupIdParam(ctx);
      const newOwner = idParam(ctx.p, "NewOwner");
      ctx.limit(groupId, PER_GROUP, ZIM.scopeRate);
      const g = group(ctx, groupId);
      const m = g.members.get(newOwner);
      if (!m) throw new ZegoError(ZIM.notMember, `${newOwner} is not a member of the group`);
      const old = g.members.get(g.owner);
      if (old && old !== m) old.role = 3;
      m.role = 1;
      g.owner = newOwner;
      return undefined;
    },
  },

  SetGroupMemberRole: groupAction("GET", (ctx, g, op) => {
    const target = idParam(ctx.p, "ToUserId");
    const role = ctx.p.int("Role", { min: 1 });
    if (role === 1)
      throw new ZegoError(ZIM.roleOwner, "role 1 (owner) cannot be set; use TransferGroupOwner");
    if (target === op.userId) throw new ZegoError(ZIM.selfTarget, "FromUserId equals ToUserId");
    const m = g.members.get(target);
    if (!m) throw new ZegoError(ZIM.notMember, `${target} is not a member of the group`);
    if (m.role === 1) throw new ZegoError(ZIM.noPermission, "the owner's role cannot be changed");
    m.role = role;
    return undefined;
  }),

  SetGroupMembersNickname: {
    product: "zim",
    method: "POST",
    handle(ctx) {
      sender(ctx);
      const groupId = groupIdParam(ctx);
      const items = userItemList(ctx.p, "UserIds", 20);
      ctx.limit(groupId, PER_GROUP, ZIM.scopeRate);
      const g = group(ctx, groupId);
      return changeMembers(g, items, (item) => {
        const userId = item.str("UserId");
        const nickname = item.optStr("Nickname", { maxBytes: 256 }) ?? "";
        return {
          userId,
          apply: (m) => {
            m.nickname = nickname;
          },
        };
      });
    },
  },

  MuteGroup: groupAction("GET", (ctx, g, op) => {
    const all = ctx.p.optBool("IsAllMuted");
    const roles = ctx.p.intList("MuteRoleList", { max: 20 });
    const duration = ctx.p.optInt("Duration");
    checkMuteOperator(g, op, roles);
    // All three absent, Duration 0, or nothing to mute → group-level mutes are lifted.
    const until = duration === undefined ? -1 : muteUntil(ctx, duration);
    if (until === 0 || (all !== true && roles.length === 0)) delete g.mute;
    else g.mute = { all: all === true, roles: all === true ? [] : roles, until };
    return undefined;
  }),

  MuteGroupMembers: groupAction("GET", (ctx, g, op) => {
    const ids = userIdList(ctx.p, "UserIds", 20);
    const until = muteUntil(ctx, ctx.p.int("Duration"));
    checkMuteOperator(g, op);
    return changeMembers(g, ids, (userId) => ({
      userId,
      apply: (m) => {
        m.muteUntil = until;
      },
    }));
  }),

  /**
   * The groups in which FromUserId is muted, with ForbidType bits 1 all muted, 2 muted by
   * role, 4 muted personally (our reading of §2.4: the list is per user).
   */
  FetchForbidGroupList: zimAction("POST", (ctx) => {
    const me = sender(ctx);
    const start = offsetCursor(ctx.p.optInt("StartFlag", { min: 0 }));
    const list: { GroupId: string; ForbidType: number }[] = [];
    for (const g of ctx.app.groups.values()) {
      const m = g.members.get(me.userId);
      if (!m) continue;
      let type = 0;
      if (g.mute && active(g.mute.until, ctx.now)) {
        if (g.mute.all) type |= 1;
        else if (g.mute.roles.includes(m.role)) type |= 2;
      }
      if (m.muteUntil !== 0 && active(m.muteUntil, ctx.now)) type |= 4;
      if (type !== 0) list.push({ GroupId: g.groupId, ForbidType: type });
    }
    const page = list.slice(start, start + 10_000);
    const end = start + page.length;
    return {
      FetchEnd: end < list.length ? 0 : 1,
      NextFlag: end < list.length ? end : 0,
      GroupList: page,
    };
  }),
};
