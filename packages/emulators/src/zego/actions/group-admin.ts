/** ZIM group data, roles and mutes (zego.md §2.4). */
import { ZegoError, ZIM } from "../errors.js";
import { idParam } from "../ids.js";
import type { Group, User } from "../state.js";
import {
  changeMembers,
  group,
  groupAction,
  groupIdParam,
  sender,
  userIdList,
  userItemList,
} from "./common.js";
import { PER_GROUP } from "./group.js";
import type { ActionContext, ActionTable } from "./types.js";

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

export const groupAdminActions: ActionTable = {
  UpdateGroupData: groupAction("POST", (ctx, g) => {
    // UpdateGroupData's page counts characters (CreateGroup's says bytes, #17 §G1).
    const avatar = ctx.p.optStr("GroupAvatar", { maxChars: 500 });
    const name = ctx.p.optStr("GroupName", { maxChars: 50 });
    const notice = ctx.p.optStr("GroupNotice", { maxChars: 300 });
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

  ModifyGroupLimit: groupAction("GET", (ctx, g) => {
    // Stored and reported by QueryGroupInfo; server API invites are not gated by them (unverified).
    const join = ctx.p.optInt("JoinMode", { min: 0, max: 2 });
    const invite = ctx.p.optInt("InviteMode", { min: 0, max: 1 });
    const beInvited = ctx.p.optInt("BeInvitedMode", { min: 0, max: 1 });
    // 0 = the plan's cap; above the plan's cap → 660000002 (both unverified, #17 §U4).
    const count = ctx.p.optInt("MemberCountLimit", {
      min: 0,
      max: ctx.app.config.groupMemberLimit,
    });
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
    // No code is documented for the owner as target (660600032 is not listed): a parameter
    // error, as only TransferGroupOwner moves the owner (#17 §U2).
    if (m.role === 1)
      throw ctx.p.fail("the owner's role cannot be changed; use TransferGroupOwner");
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
        // Required, ≤ 256; "" clears it (unverified, #17 §U6); any UTF-8 is accepted.
        const nickname = item.optStr("Nickname", { maxBytes: 256 });
        if (nickname === undefined) throw ctx.p.fail("UserIds[].Nickname is required");
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
    // An absent Duration is 0 (the page: "defaults to 0 if not passed"): Duration 0, or
    // nothing to mute → group-level mutes are lifted.
    const until = muteUntil(ctx, duration ?? 0);
    if (until === 0 || (all !== true && roles.length === 0)) delete g.mute;
    else g.mute = { all: all === true, roles: all === true ? [] : roles, until };
    return undefined;
  }),

  MuteGroupMembers: groupAction("GET", (ctx, g, op) => {
    const ids = userIdList(ctx.p, "UserIds", 20);
    // An absent Duration is 0, i.e. unmute (the page: "defaults to 0 if not passed").
    const until = muteUntil(ctx, ctx.p.optInt("Duration") ?? 0);
    checkMuteOperator(g, op);
    return changeMembers(g, ids, (userId) => ({
      userId,
      apply: (m) => {
        m.muteUntil = until;
      },
    }));
  }),
};
